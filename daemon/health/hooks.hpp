#pragma once
// What other subsystems tell the health checks and /metrics. Each call is cheap and thread-safe; a check
// whose subsystem never reported shows as "unknown" in /healthz, never as a warning.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::health {

class Registry;

// What was reported (for the checks and for /metrics).
struct Reported {
  std::optional<std::uint64_t> pending_changes;
  model::UnixTime oldest_pending_at = 0;
  std::optional<model::UnixTime> snapshot_at;
};

// The reports of one daemon (in its health::Monitor); the gauges go to `metrics`, which must outlive it.
class Hooks {
 public:
  explicit Hooks(Registry& metrics) : metrics_(metrics) {}
  Hooks(const Hooks&) = delete;
  Hooks& operator=(const Hooks&) = delete;

  // Search indexer: after each pass, and while idle, the change-log entries not yet in the index and the
  // time of the oldest of them (0 when none is pending). Warns when the oldest waits over 5 minutes.
  void report_index_lag(std::uint64_t pending_changes, model::UnixTime oldest_pending_at);
  // Backups: the time of the newest good snapshot (at start from its manifest, then after each run).
  // Warns when it is older than 8 days (Điều 10.2.b: a copy at least once a week).
  void report_snapshot(model::UnixTime taken_at);
  // Sessions: how many are live now.
  void report_sessions(std::uint64_t active);
  // Any subsystem: one more directory whose file system's free space the disk check watches
  // ("backup" -> the snapshot directory). The same name again replaces the path.
  void watch_disk(const std::string& name, const std::filesystem::path& path);

  Reported reported() const;
  std::vector<std::pair<std::string, std::filesystem::path>> watched_disks() const;
  // Sets the gauges derived from the reports and the clock (index lag and snapshot age, in seconds);
  // /metrics calls it on each scrape.
  void update_age_gauges(model::UnixTime now);

  // How many reports so far changed a check's answer in a way worth showing at once: a subsystem's first
  // report (its check stops saying "unknown") and the index catching up after being behind.
  std::uint64_t news() const;
  // For the slow checks' loop: returns after `timeout`, when `stop` is requested, or as soon as news()
  // differs from `seen`.
  void wait_for_news(std::stop_token stop, std::chrono::seconds timeout, std::uint64_t seen);

 private:
  Registry& metrics_;
  mutable std::mutex mutex_;
  std::condition_variable_any news_cv_;
  Reported state_;                                                    // guarded by mutex_
  std::vector<std::pair<std::string, std::filesystem::path>> disks_;  // guarded by mutex_
  std::uint64_t news_ = 0;                                            // guarded by mutex_
};

}  // namespace portald::health
