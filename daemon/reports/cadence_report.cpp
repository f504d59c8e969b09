#include "daemon/reports/cadence_report.hpp"

#include <algorithm>

namespace portald::reports {

CadenceReport cadence_report(const health::CadencePolicy& policy, std::int32_t first_day, std::int32_t last_day,
                             model::UnixTime now, const health::PublicationCount& count) {
  CadenceReport r;
  r.no_windows = policy.windows.empty();
  for (const auto day : policy.calendar.holidays)
    if (day >= first_day && day <= last_day) r.holidays.push_back(day);
  const std::int32_t today = health::local_day(now, policy.offset_seconds);
  const std::int32_t end = std::min(last_day, today);
  r.days_to_come = last_day > end ? last_day - std::max(end, first_day - 1) : 0;
  for (std::int32_t day = first_day; day <= end; ++day) {
    if (!policy.calendar.is_working_day(day)) {
      ++r.days_off;
      continue;
    }
    // A past day is judged at its last second, when every window has closed.
    const model::UnixTime last_second = model::UnixTime(day + 1) * 86400 - policy.offset_seconds - 1;
    health::DayStatus status = health::evaluate_day(policy, std::min(now, last_second), count);
    bool all_met = !status.windows.empty();
    for (const auto& w : status.windows) {
      if (w.state == health::WindowState::met)
        ++r.windows_met;
      else if (w.state == health::WindowState::missed)
        ++r.windows_missed;
      else
        ++r.windows_pending;
      all_met = all_met && w.state == health::WindowState::met;
    }
    if (all_met) ++r.days_all_met;
    r.days.push_back(std::move(status));
  }
  return r;
}

}  // namespace portald::reports
