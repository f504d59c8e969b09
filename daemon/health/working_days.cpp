#include "daemon/health/working_days.hpp"

#include <fstream>
#include <sstream>

namespace portald::health {
namespace {

bool counts(const Calendar& c, std::int32_t day) { return (c.working_days & 0x7f) == 0 ? true : c.is_working_day(day); }

}  // namespace

Calendar read_calendar(unsigned working_days, const std::filesystem::path& holidays_file) {
  Calendar c;
  c.working_days = working_days;
  std::ifstream in(holidays_file);
  if (!in) return c;
  std::ostringstream text;
  text << in.rdbuf();
  HolidayList list = parse_holidays(text.str(), holidays_file.string());
  c.holidays = std::move(list.holidays);
  c.extra_working_days = std::move(list.extra_working_days);
  return c;
}

std::int32_t add_working_days(const Calendar& c, std::int32_t from, int n) {
  std::int32_t day = from;
  // A holidays file cannot hold more than a few years of days off, so this ends.
  for (int left = n; left > 0;) {
    ++day;
    if (counts(c, day)) --left;
  }
  return day;
}

int working_days_between(const Calendar& c, std::int32_t from, std::int32_t to) {
  int n = 0;
  for (std::int32_t day = from + 1; day <= to; ++day)
    if (counts(c, day)) ++n;
  return n;
}

}  // namespace portald::health
