#pragma once
// The editorial calendar (issue 16): a month, day by day, with what was published and what is scheduled,
// which days are working days (the cadence check's calendar: working-days option and holidays file) and,
// on each working day, the cadence windows (Điều 10.1: morning and afternoon) that nothing published or
// scheduled fills, so the secretariat sees a gap ahead. Pure: the caller reads the entries.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/health/cadence.hpp"
#include "daemon/model/time.hpp"

namespace portald::reports {

struct CalendarEntry {
  model::UnixTime at = 0;  // published_at, or the scheduled publication time
  std::uint64_t article_id = 0;
  std::string title{};
  std::string url{};  // the public address when published, the admin page when scheduled
  bool scheduled = false;
};

struct CalendarWindow {
  const health::Window* window = nullptr;  // points into the policy
  model::UnixTime opens = 0, closes = 0;
  std::size_t entries = 0;  // published or scheduled in [opens, closes)
  bool gap() const { return entries == 0; }
};

struct CalendarDay {
  std::int32_t day = 0;  // local day number (health::local_day)
  bool working = false;
  std::vector<CalendarEntry> entries{};   // in time order
  std::vector<CalendarWindow> windows{};  // working days only, in the policy's order
};

// Days first_day..last_day (both included); `entries` in any order; those outside the days are ignored.
std::vector<CalendarDay> editorial_calendar(const health::CadencePolicy& policy, std::int32_t first_day,
                                            std::int32_t last_day, std::vector<CalendarEntry> entries);

}  // namespace portald::reports
