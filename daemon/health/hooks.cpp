#include "daemon/health/hooks.hpp"

#include <algorithm>

#include "daemon/health/metrics.hpp"

namespace portald::health {

// The gauges are registered on the first report, so /metrics shows no series for a subsystem that
// never reported (rather than a misleading 0).

void Hooks::report_index_lag(std::uint64_t pending_changes, model::UnixTime oldest_pending_at) {
  metrics_.gauge("portald_search_index_pending_changes", "Change-log entries the search index has not caught up with.")
      .set(static_cast<double>(pending_changes));
  bool news = false;
  {
    const std::lock_guard lock(mutex_);
    news = !state_.pending_changes || (*state_.pending_changes > 0 && pending_changes == 0);
    news_ += news;
    state_.pending_changes = pending_changes;
    state_.oldest_pending_at = pending_changes ? oldest_pending_at : 0;
  }
  if (news) news_cv_.notify_all();
}

void Hooks::report_snapshot(model::UnixTime taken_at) {
  metrics_.gauge("portald_snapshot_last_success_timestamp_seconds", "Unix time of the newest good snapshot.")
      .set(static_cast<double>(taken_at));
  bool news = false;
  {
    const std::lock_guard lock(mutex_);
    news = !state_.snapshot_at;
    news_ += news;
    state_.snapshot_at = taken_at;
  }
  if (news) news_cv_.notify_all();
}

void Hooks::report_sessions(std::uint64_t active) {
  metrics_.gauge("portald_sessions_active", "Live sign-in sessions.").set(static_cast<double>(active));
}

void Hooks::watch_disk(const std::string& name, const std::filesystem::path& path) {
  const std::lock_guard lock(mutex_);
  const auto it = std::find_if(disks_.begin(), disks_.end(), [&](const auto& d) { return d.first == name; });
  if (it != disks_.end())
    it->second = path;
  else
    disks_.emplace_back(name, path);
}

Reported Hooks::reported() const {
  const std::lock_guard lock(mutex_);
  return state_;
}

std::vector<std::pair<std::string, std::filesystem::path>> Hooks::watched_disks() const {
  const std::lock_guard lock(mutex_);
  return disks_;
}

void Hooks::update_age_gauges(model::UnixTime now) {
  const Reported r = reported();
  if (r.pending_changes) {
    metrics_
        .gauge("portald_search_index_lag_seconds",
               "Age of the oldest change not yet in the search index (0 when caught up).")
        .set(r.oldest_pending_at ? static_cast<double>(std::max<model::UnixTime>(0, now - r.oldest_pending_at)) : 0.0);
  }
  if (r.snapshot_at) {
    metrics_.gauge("portald_snapshot_age_seconds", "Age of the newest good snapshot.")
        .set(static_cast<double>(now - *r.snapshot_at));
  }
}

std::uint64_t Hooks::news() const {
  const std::lock_guard lock(mutex_);
  return news_;
}

void Hooks::wait_for_news(std::stop_token stop, std::chrono::seconds timeout, std::uint64_t seen) {
  std::unique_lock lock(mutex_);
  news_cv_.wait_for(lock, stop, timeout, [&] { return news_ != seen; });
}

}  // namespace portald::health
