// portald: the portal daemon. Parses options, then hands over to run_daemon().
#include <cstdio>

#include "build_info.hpp"
#include "daemon/config/config.hpp"
#include "daemon/daemon.hpp"
#include "daemon/log/log.hpp"

int main(int argc, char** argv) {
  portald::block_shutdown_signals();
  using portald::config::Program;
  try {
    const auto inv = portald::config::parse_invocation(Program::daemon, argc, argv);
    if (inv.show_help) {
      std::fputs(portald::config::help_text(Program::daemon, "Usage: portald [OPTION]...").c_str(), stdout);
      return 0;
    }
    if (inv.show_version) {
      std::printf("portald %s\n", portald::build::version);
      return 0;
    }
    portald::log::Level level{};
    if (portald::log::parse_level(inv.config.log_level, level)) portald::log::set_threshold(level);
    return portald::run_daemon(inv.config);
  } catch (const portald::config::ConfigError& e) {
    portald::log::error("config.invalid", {{"reason", e.what()}});
    return 2;
  }
}
