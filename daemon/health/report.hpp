#pragma once
// A run of the slow health checks (checks.hpp) and the place its newest report is kept for /healthz and
// the admin status page.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::health {

enum class Status { ok, warning, unknown };
std::string_view to_string(Status s);

struct CheckResult {
  std::string name;  // "disk_data", "lmdb_map", "memory", "search_index", "snapshot", "cadence"
  Status status = Status::unknown;
  std::string detail;     // one line for people (logs, /healthz)
  std::string detail_vi;  // the same line in Vietnamese, for the admin status page (/quan-tri/trang-thai)
};

struct Report {
  model::UnixTime at = 0;
  std::vector<CheckResult> checks;
  bool any_warning() const;
};

// The newest report of the running CheckLoop, shared between its thread and the HTTP workers.
class LatestReport {
 public:
  // nullptr before the first run.
  std::shared_ptr<const Report> get() const;
  void publish(std::shared_ptr<const Report> report);

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Report> report_;  // guarded by mutex_
};

}  // namespace portald::health
