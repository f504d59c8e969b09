#pragma once
// The update cadence over a period (issue 13, Điều 10.1): every working day's morning and afternoon
// windows, met or missed, with the days off (weekends, holidays) skipped. Each day is judged by the
// cadence health check's own rule (health::evaluate_day) at the day's end, or at `now` for today.
#include <cstdint>
#include <vector>

#include "daemon/health/cadence.hpp"

namespace portald::reports {

struct CadenceReport {
  std::vector<health::DayStatus> days;  // working days from the first to min(last, today), oldest first
  std::vector<std::int32_t> holidays;   // holidays of the calendar inside the period (skipped)
  int days_off = 0;                     // non-working days skipped (weekends and holidays) up to today
  int days_to_come = 0;                 // days of the period after today: not judged yet
  int windows_met = 0;
  int windows_missed = 0;
  int windows_pending = 0;  // today's windows still upcoming or open
  int days_all_met = 0;     // working days with every window met
  bool no_windows = false;  // the cadence check is off (working-days = none): nothing to judge
};

// The windows' `publications` count what `count` returns; `policy` must outlive the result (each
// WindowStatus points at its window).
CadenceReport cadence_report(const health::CadencePolicy& policy, std::int32_t first_day, std::int32_t last_day,
                             model::UnixTime now, const health::PublicationCount& count);

}  // namespace portald::reports
