// portaldctl: admin commands on a portald data dir. Finds the command in the table and runs it.
#include <signal.h>
#include <unistd.h>

#include <iostream>

#include "build_info.hpp"
#include "daemon/cli/command.hpp"
#include "daemon/log/log.hpp"

namespace {

constexpr const char* kUsage = "Usage: portaldctl [OPTION]... COMMAND [ARG]...";

std::string command_help() {
  std::string text = "\nCommands:\n";
  for (const auto& cmd : portald::cli::commands()) {
    text += "  ";
    text += cmd.usage;
    text += "\n      ";
    text += cmd.help;
    text += "\n";
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace portald;
  // A write to a closed pipe fails with EPIPE instead of killing the process: an encrypted snapshot
  // copies the store through a pipe (backup/snapshot.cpp) and must report a failed copy and clean up.
  ::signal(SIGPIPE, SIG_IGN);
  try {
    const auto inv = config::parse_invocation(config::Program::ctl, argc, argv);
    if (inv.show_help || inv.positional.empty()) {
      std::cout << config::help_text(config::Program::ctl, kUsage) << command_help();
      return inv.show_help ? 0 : 2;
    }
    if (inv.show_version) {
      std::cout << "portaldctl " << build::version << "\n";
      return 0;
    }
    const auto& words = inv.positional;
    for (const auto& cmd : cli::commands()) {
      if (words.size() < cmd.words.size() || !std::equal(cmd.words.begin(), cmd.words.end(), words.begin())) continue;
      cli::CommandContext ctx{inv.config,
                              {words.begin() + static_cast<long>(cmd.words.size()), words.end()},
                              std::cout,
                              std::cerr,
                              ::isatty(STDERR_FILENO) == 1};
      // Help for every command comes from the table, before the command can take "--help" for a
      // value (restore once looked for a snapshot named "--help").
      if (cli::asks_for_help(ctx.args)) {
        std::cout << cli::command_help(cmd);
        return 0;
      }
      return cmd.run(ctx);
    }
    std::cerr << "portaldctl: unknown command '" << words.front() << "' (see portaldctl --help)\n";
    return 2;
  } catch (const config::ConfigError& e) {
    std::cerr << "portaldctl: " << e.what() << "\n";
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "portaldctl: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "portaldctl: " << e.what() << "\n";
    return 1;
  }
}
