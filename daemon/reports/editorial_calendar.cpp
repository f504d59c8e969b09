#include "daemon/reports/editorial_calendar.hpp"

#include <algorithm>

namespace portald::reports {

std::vector<CalendarDay> editorial_calendar(const health::CadencePolicy& policy, std::int32_t first_day,
                                            std::int32_t last_day, std::vector<CalendarEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  std::vector<CalendarDay> days;
  for (std::int32_t d = first_day; d <= last_day; ++d) {
    CalendarDay day{.day = d, .working = policy.calendar.is_working_day(d)};
    for (const auto& e : entries)
      if (health::local_day(e.at, policy.offset_seconds) == d) day.entries.push_back(e);
    if (day.working) {
      const model::UnixTime midnight = model::UnixTime(d) * 86400 - policy.offset_seconds;
      for (const auto& w : policy.windows) {
        CalendarWindow cw{.window = &w,
                          .opens = midnight + model::UnixTime(w.start_minute) * 60,
                          .closes = midnight + model::UnixTime(w.end_minute) * 60};
        cw.entries = static_cast<std::size_t>(std::count_if(day.entries.begin(), day.entries.end(), [&](const auto& e) {
          return e.at >= cw.opens && e.at < cw.closes;
        }));
        day.windows.push_back(cw);
      }
    }
    days.push_back(std::move(day));
  }
  return days;
}

}  // namespace portald::reports
