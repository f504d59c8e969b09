#include "daemon/health/hooks.hpp"

#include <algorithm>
#include <mutex>

#include "daemon/health/metrics.hpp"

namespace portald::health {
namespace {

std::mutex mutex;
Reported state;                                                    // guarded by mutex
std::vector<std::pair<std::string, std::filesystem::path>> disks;  // guarded by mutex

}  // namespace

void report_index_lag(std::uint64_t pending_changes, model::UnixTime oldest_pending_at) {
  static Gauge& pending = metrics().gauge("portald_search_index_pending_changes",
                                          "Change-log entries the search index has not caught up with.");
  pending.set(static_cast<double>(pending_changes));
  const std::lock_guard lock(mutex);
  state.pending_changes = pending_changes;
  state.oldest_pending_at = pending_changes ? oldest_pending_at : 0;
}

void report_snapshot(model::UnixTime taken_at) {
  static Gauge& last =
      metrics().gauge("portald_snapshot_last_success_timestamp_seconds", "Unix time of the newest good snapshot.");
  last.set(static_cast<double>(taken_at));
  const std::lock_guard lock(mutex);
  state.snapshot_at = taken_at;
}

void report_sessions(std::uint64_t active) {
  static Gauge& sessions = metrics().gauge("portald_sessions_active", "Live sign-in sessions.");
  sessions.set(static_cast<double>(active));
}

void watch_disk(const std::string& name, const std::filesystem::path& path) {
  const std::lock_guard lock(mutex);
  const auto it = std::find_if(disks.begin(), disks.end(), [&](const auto& d) { return d.first == name; });
  if (it != disks.end())
    it->second = path;
  else
    disks.emplace_back(name, path);
}

Reported reported() {
  const std::lock_guard lock(mutex);
  return state;
}

void update_age_gauges(model::UnixTime now) {
  const Reported r = reported();
  if (r.pending_changes) {
    static Gauge& lag = metrics().gauge("portald_search_index_lag_seconds",
                                        "Age of the oldest change not yet in the search index (0 when caught up).");
    lag.set(r.oldest_pending_at ? static_cast<double>(std::max<model::UnixTime>(0, now - r.oldest_pending_at)) : 0.0);
  }
  if (r.snapshot_at) {
    static Gauge& age = metrics().gauge("portald_snapshot_age_seconds", "Age of the newest good snapshot.");
    age.set(static_cast<double>(now - *r.snapshot_at));
  }
}

std::vector<std::pair<std::string, std::filesystem::path>> watched_disks() {
  const std::lock_guard lock(mutex);
  return disks;
}

}  // namespace portald::health
