#include "daemon/health/report.hpp"

#include <algorithm>

namespace portald::health {

std::string_view to_string(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::warning: return "warning";
    case Status::unknown: return "unknown";
  }
  return "unknown";
}

bool Report::any_warning() const {
  return std::any_of(checks.begin(), checks.end(), [](const CheckResult& c) { return c.status == Status::warning; });
}

std::shared_ptr<const Report> LatestReport::get() const {
  const std::lock_guard lock(mutex_);
  return report_;
}

void LatestReport::publish(std::shared_ptr<const Report> report) {
  const std::lock_guard lock(mutex_);
  report_ = std::move(report);
}

}  // namespace portald::health
