#include "daemon/notify/notifier.hpp"

#include <systemd/sd-daemon.h>

#include <string>

#include "daemon/log/log.hpp"

namespace portald::notify {

Notifier::Notifier() {
  uint64_t usec = 0;
  // unset_environment = 0: child processes (none today) would inherit the settings.
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) watchdog_period_ = std::chrono::microseconds(usec / 2);
}

void Notifier::send(std::string_view message) {
  const std::string msg(message);
  const int rc = sd_notify(0, msg.c_str());
  if (rc < 0) log::warning("notify.failed", {{"errno", -rc}});
}

void Notifier::ready(std::string_view status) { send("READY=1\nSTATUS=" + std::string(status)); }
void Notifier::status(std::string_view status) { send("STATUS=" + std::string(status)); }
void Notifier::watchdog() { send("WATCHDOG=1"); }
void Notifier::stopping(std::string_view status) { send("STOPPING=1\nSTATUS=" + std::string(status)); }

void Notifier::extend_timeout(std::chrono::microseconds extra) {
  send("EXTEND_TIMEOUT_USEC=" + std::to_string(extra.count()));
}

}  // namespace portald::notify
