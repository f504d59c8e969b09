#pragma once
// portaldctl's command table: every command with its words, usage and help, so the whole admin
// surface fits on one screen and `portaldctl --help` writes itself.
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/config.hpp"

namespace portald::cli {

struct CommandContext {
  const config::Config& config;
  std::vector<std::string> args;  // the words after the command's own words
  std::ostream& out;
  std::ostream& err;
  bool terminal = false;  // stderr is a terminal: draw progress
};

// Exit statuses: 0 ok, 1 the command failed (bad input, bad lines), 2 usage error.
struct Command {
  std::vector<std::string_view> words;  // {"import", "articles"}
  const char* usage;                    // "import articles FILE.jsonl [--skip-bad]"
  const char* help;
  int (*run)(CommandContext&);
};

const std::vector<Command>& commands();

// True when a command's own arguments ask for its help: "--help" or "-h" among them.
bool asks_for_help(const std::vector<std::string>& args);
// `portaldctl COMMAND --help`: the command's usage and help from the table, and where the global
// options are explained.
std::string command_help(const Command& cmd);

// Takes "--name VALUE" out of args; std::nullopt when absent. Throws std::invalid_argument when the
// value is missing.
std::optional<std::string> take_option(std::vector<std::string>& args, std::string_view name);
// Takes a bare "--flag" out of args.
bool take_flag(std::vector<std::string>& args, std::string_view name);
// True (and a line on c.err) when more than `allowed` arguments are left.
bool unexpected_args(CommandContext& c, const char* command, std::size_t allowed);

int cmd_init(CommandContext& c);
int cmd_user_add(CommandContext& c);
int cmd_user_list(CommandContext& c);
int cmd_user_recover(CommandContext& c);
int cmd_user_suspend(CommandContext& c);
int cmd_user_email(CommandContext& c);
int cmd_import_articles(CommandContext& c);
int cmd_import_documents(CommandContext& c);
int cmd_check_config(CommandContext& c);
int cmd_reindex(CommandContext& c);
int cmd_settings_show(CommandContext& c);
int cmd_settings_set(CommandContext& c);
int cmd_pages_list(CommandContext& c);
int cmd_pages_import(CommandContext& c);
int cmd_backup(CommandContext& c);
int cmd_backup_list(CommandContext& c);
int cmd_backup_verify(CommandContext& c);
int cmd_backup_drill(CommandContext& c);
int cmd_backup_keygen(CommandContext& c);
int cmd_secrets_keygen(CommandContext& c);
int cmd_mail_test(CommandContext& c);
int cmd_restore(CommandContext& c);
int cmd_topics_import(CommandContext& c);
int cmd_audit_archive(CommandContext& c);
int cmd_audit_verify(CommandContext& c);

}  // namespace portald::cli
