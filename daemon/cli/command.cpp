#include "daemon/cli/command.hpp"

#include <algorithm>
#include <stdexcept>

namespace portald::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {{"init"}, "init [--demo]",
       "Create the store in the data dir (safe to repeat). --demo also sets demo site settings and creates the "
       "operator account 'admin', printing its password once.",
       cmd_init},
      {{"user", "add"}, "user add --role ROLE [--display-name NAME] [--agency NAME] [--password-stdin] USERNAME",
       "Create an account. ROLE: operator, editor-in-chief, deputy, secretariat, reporter, contributor, "
       "agency-answerer. Without --password-stdin a random password is generated and printed once.",
       cmd_user_add},
      {{"user", "list"}, "user list", "List accounts with their roles.", cmd_user_list},
      {{"import", "articles"}, "import articles FILE.jsonl [--skip-bad]",
       "Import articles (JSON Lines). All or nothing unless --skip-bad; bad lines are reported as FILE:LINE.",
       cmd_import_articles},
      {{"import", "documents"}, "import documents FILE.jsonl [--skip-bad]",
       "Import legal documents (JSON Lines) with their attached files.", cmd_import_documents},
      {{"check-config"}, "check-config [FILE]",
       "Check a config file (default: --config, else /etc/portald/portald.conf); print every error as FILE:LINE.",
       cmd_check_config},
  };
  return table;
}

std::optional<std::string> take_option(std::vector<std::string>& args, std::string_view name) {
  for (auto it = args.begin(); it != args.end(); ++it) {
    if (*it == name) {
      if (it + 1 == args.end()) throw std::invalid_argument(std::string(name) + " needs a value");
      std::string value = *(it + 1);
      args.erase(it, it + 2);
      return value;
    }
    const std::string prefix = std::string(name) + "=";
    if (it->starts_with(prefix)) {
      std::string value = it->substr(prefix.size());
      args.erase(it);
      return value;
    }
  }
  return std::nullopt;
}

bool take_flag(std::vector<std::string>& args, std::string_view name) {
  const auto it = std::find(args.begin(), args.end(), name);
  if (it == args.end()) return false;
  args.erase(it);
  return true;
}

}  // namespace portald::cli
