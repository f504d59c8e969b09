#pragma once
// The systemd notification protocol (sd_notify): READY, STATUS, WATCHDOG, STOPPING.
// Without NOTIFY_SOCKET every call is a cheap no-op, so the daemon runs the same outside systemd.
#include <chrono>
#include <optional>
#include <string_view>

namespace portald::notify {

class Notifier {
 public:
  Notifier();
  void ready(std::string_view status);
  void status(std::string_view status);
  // Call only after a health check passed: a missing ping is how systemd learns we are stuck.
  void watchdog();
  void stopping(std::string_view status);
  // Asks systemd for more time during a long step (start-up, drain).
  void extend_timeout(std::chrono::microseconds extra);
  // Half the watchdog interval when WATCHDOG_USEC is set for this process, else nullopt.
  std::optional<std::chrono::microseconds> watchdog_period() const { return watchdog_period_; }

 private:
  void send(std::string_view message);
  std::optional<std::chrono::microseconds> watchdog_period_;
};

}  // namespace portald::notify
