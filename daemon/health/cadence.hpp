#pragma once
// The update cadence of Điều 10.1: new information "at least twice per working day, at the start of the
// morning and of the afternoon working hours". Pure calendar logic (no clock, no store), so it is tested
// over any calendar: the caller passes the time and a function counting publications in an interval.
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::health {

// Days are counted from 1970-01-01 in the portal's local time; weekday 0 = Monday ... 6 = Sunday.
int weekday(std::int32_t day);
std::int32_t local_day(model::UnixTime t, int offset_seconds = model::kVietnamOffsetSeconds);

struct Calendar {
  unsigned working_days = 0x1f;               // bit 0 = Monday ... bit 6 = Sunday
  std::set<std::int32_t> holidays;            // no publication expected, whatever the weekday
  std::set<std::int32_t> extra_working_days;  // worked although a weekend day (ngày làm bù)
  bool is_working_day(std::int32_t day) const;
};

// Reads a holidays file: one date or range per line ("2025-04-30", "2025-01-25..2025-02-02"), "+" before
// a date worked to make up for a bridge holiday ("+2025-04-26"), anything after the date is a comment, as
// are lines starting with #. Bad lines are skipped and reported as "NAME:LINE: reason".
struct HolidayList {
  std::set<std::int32_t> holidays, extra_working_days;
  std::vector<std::string> errors;
};
HolidayList parse_holidays(std::string_view text, std::string_view name);

struct Window {
  std::string name;       // "morning", "afternoon": the metric label
  unsigned start_minute;  // [start, end) in local minutes after midnight
  unsigned end_minute;
};

struct CadencePolicy {
  std::vector<Window> windows;
  Calendar calendar;
  int offset_seconds = model::kVietnamOffsetSeconds;
};

enum class WindowState {
  not_required,  // not a working day
  upcoming,      // opens later today
  open,          // open and nothing published in it yet
  met,           // at least one publication in it (open or closed)
  missed,        // closed with no publication: the alert
};
std::string_view to_string(WindowState s);

struct WindowStatus {
  const Window* window;
  model::UnixTime opens, closes;
  WindowState state;
  std::size_t publications;  // in [opens, min(now, closes))
};

struct DayStatus {
  std::int32_t day;
  bool working;
  std::vector<WindowStatus> windows;
  bool any_missed() const;
};

// Publications (articles published) with from <= published_at < to.
using PublicationCount = std::function<std::size_t(model::UnixTime from, model::UnixTime to)>;

// Today's windows (the local day of `now`) and their state at `now`.
DayStatus evaluate_day(const CadencePolicy& policy, model::UnixTime now, const PublicationCount& count);

// The first window opening or closing strictly after `now` (looking a fortnight ahead), so that a checker
// can wake exactly when a window closes; std::nullopt when no window ever applies.
std::optional<model::UnixTime> next_boundary(const CadencePolicy& policy, model::UnixTime now);

// "07:30" for 450.
std::string format_clock(unsigned minute);

}  // namespace portald::health
