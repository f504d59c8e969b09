#include <ostream>

#include "daemon/cli/command.hpp"

namespace portald::cli {

int cmd_check_config(CommandContext& c) {
  std::filesystem::path file;
  if (c.args.size() == 1)
    file = c.args.front();
  else if (c.args.empty())
    file = c.config.config_file.empty() ? std::filesystem::path(config::default_config_file) : c.config.config_file;
  else {
    c.err << "usage: portaldctl check-config [FILE]\n";
    return 2;
  }
  const auto errors = config::check_config_file(file);
  for (const auto& e : errors) c.err << e << '\n';
  if (!errors.empty()) return 1;
  c.out << file.string() << ": ok\n";
  return 0;
}

}  // namespace portald::cli
