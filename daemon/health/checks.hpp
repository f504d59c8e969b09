#pragma once
// The slow health checks: they warn (log, /healthz, /metrics) and never stop the watchdog pings, since
// restarting the daemon would not free disk space or make editors publish. They run on their own thread
// every minute, exactly when a cadence window closes (so a missed window is reported at once) and soon
// after the monitor has news (a subsystem's first report, the search index catching up).
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "daemon/config/config.hpp"
#include "daemon/health/cadence.hpp"
#include "daemon/health/report.hpp"
#include "daemon/store/store.hpp"

namespace portald::health {

struct Monitor;

// Work that shares the slow checks' thread but not their report, run at most every `every` seconds with
// the cadence policy as the checks hold it (holidays file re-read): the compliance self-audit's metrics,
// which the daemon adds (health does not depend on what it computes). An exception is logged, not fatal.
struct PeriodicTask {
  std::string name;
  model::UnixTime every = 300;
  std::function<void(model::UnixTime now, const CadencePolicy& cadence)> run;
};

struct CheckSettings {
  std::filesystem::path data_dir;
  std::filesystem::path backup_dir;  // empty = not watched
  std::uint64_t min_free_bytes = std::uint64_t(2) << 30;
  CadencePolicy cadence;                // its calendar's holidays come from holidays_file
  std::filesystem::path holidays_file;  // re-read when its modification time changes
  std::chrono::seconds interval{60};
  double map_warn_ratio = 0.8;
  model::UnixTime index_max_lag = 300;
  model::UnixTime snapshot_max_age = 8 * 86400;
  std::vector<PeriodicTask> tasks{};
};
CheckSettings check_settings(const config::Config& config);

// The checks themselves, for the loop below and for tests (which pass their own `now`). They read what
// subsystems reported to `monitor` and set its gauges; the monitor must outlive them.
class SlowChecks {
 public:
  SlowChecks(const store::Store& store, CheckSettings settings, Monitor& monitor);
  // Runs every check, logs each one's changes to and from warning (and each cadence window that closed
  // empty, once), updates the metrics, and returns the report.
  Report run(model::UnixTime now);
  const CheckSettings& settings() const { return settings_; }

 private:
  CheckResult cadence(model::UnixTime now);
  void reload_holidays();
  void run_tasks(model::UnixTime now);

  const store::Store& store_;
  CheckSettings settings_;
  Monitor& monitor_;
  std::filesystem::file_time_type holidays_mtime_{};
  std::string holidays_problem_;
  std::vector<std::pair<std::int32_t, std::string>> alerted_;  // (day, window) already reported missed
  std::vector<CheckResult> last_;
  std::vector<model::UnixTime> task_runs_;  // per task: when it last ran, 0 = never
};

// Runs SlowChecks on its own thread (first at once, then every interval, at every cadence window
// boundary and, at most once a second, when the monitor's hooks have news) and publishes each report in
// monitor.checks. Stops, joins and withdraws the report on destruction.
class CheckLoop {
 public:
  CheckLoop(const store::Store& store, CheckSettings settings, Monitor& monitor);
  ~CheckLoop();
  CheckLoop(const CheckLoop&) = delete;
  CheckLoop& operator=(const CheckLoop&) = delete;

 private:
  void run(std::stop_token stop);
  Monitor& monitor_;
  SlowChecks checks_;
  std::mutex mutex_;
  std::condition_variable_any wake_;  // only for stop-aware sleeping
  std::jthread thread_;
};

// Publications counted by the cadence check: published articles with from <= published_at < to.
std::size_t count_publications(const store::Store& store, model::UnixTime from, model::UnixTime to);

}  // namespace portald::health
