// The update cadence of Điều 10.1 over a real calendar: weekdays, holidays from a file (Tết, 30/4-1/5 with
// a make-up Saturday), window states at their edges, and where the checker must wake next.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <vector>

#include "daemon/health/cadence.hpp"

using namespace portald;

namespace portald::health {
// For Boost.Test's messages.
std::ostream& operator<<(std::ostream& out, WindowState s) { return out << to_string(s); }
}  // namespace portald::health
using health::WindowState;

namespace {

// Unix time of a local (UTC+7) date and time.
model::UnixTime at(std::string_view date, unsigned hour, unsigned minute = 0) {
  return model::UnixTime(*model::parse_iso_date(date)) * 86400 - model::kVietnamOffsetSeconds + hour * 3600 +
         minute * 60;
}

std::int32_t day(std::string_view date) { return *model::parse_iso_date(date); }

// The 2025 holidays of Vietnam's civil service around 30/4: the file format operators maintain.
const char* kHolidays2025 =
    "# Ngày nghỉ lễ 2025\n"
    "2025-01-01 Tết Dương lịch\n"
    "2025-01-25..2025-02-02   Tết Nguyên đán Ất Tỵ\n"
    "2025-04-07 Giỗ Tổ Hùng Vương\n"
    "\n"
    "2025-04-30..2025-05-02 Giải phóng miền Nam, Quốc tế Lao động (2/5 hoán đổi)\n"
    "+2025-04-26 làm bù cho ngày 2/5\n";

health::CadencePolicy policy_2025() {
  health::CadencePolicy p;
  p.windows = {{"morning", 7 * 60 + 30, 10 * 60}, {"afternoon", 13 * 60 + 30, 16 * 60}};
  const auto list = health::parse_holidays(kHolidays2025, "holidays");
  BOOST_REQUIRE(list.errors.empty());
  p.calendar.holidays = list.holidays;
  p.calendar.extra_working_days = list.extra_working_days;
  return p;
}

struct Publications {
  std::vector<model::UnixTime> times;
  health::PublicationCount counter() const {
    return [this](model::UnixTime from, model::UnixTime to) {
      return static_cast<std::size_t>(
          std::count_if(times.begin(), times.end(), [&](auto t) { return t >= from && t < to; }));
    };
  }
};

WindowState state(const health::CadencePolicy& p, model::UnixTime now, const Publications& pubs, std::size_t window) {
  return health::evaluate_day(p, now, pubs.counter()).windows.at(window).state;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cadence_calendar)

BOOST_AUTO_TEST_CASE(weekdays_and_local_days_follow_vietnam_time) {
  BOOST_TEST(health::weekday(0) == 3);                  // 1970-01-01 was a Thursday
  BOOST_TEST(health::weekday(day("2025-03-03")) == 0);  // Monday
  BOOST_TEST(health::weekday(day("2025-03-09")) == 6);  // Sunday
  BOOST_TEST(health::weekday(-1) == 2);                 // 1969-12-31, Wednesday
  // 17:00 UTC on 2 March is already 00:00 on 3 March in Vietnam.
  BOOST_TEST(health::local_day(at("2025-03-03", 0)) == day("2025-03-03"));
  BOOST_TEST(health::local_day(at("2025-03-03", 0) - 1) == day("2025-03-02"));
}

BOOST_AUTO_TEST_CASE(holiday_file_parses_dates_ranges_make_up_days_and_reports_bad_lines) {
  const auto list = health::parse_holidays(kHolidays2025, "holidays");
  BOOST_TEST(list.errors.empty());
  BOOST_TEST(list.holidays.size() == 1u + 9u + 1u + 3u);
  BOOST_TEST(list.holidays.contains(day("2025-01-29")));  // inside the Tết range
  BOOST_TEST(list.extra_working_days.contains(day("2025-04-26")));

  const auto bad = health::parse_holidays(
      "2025-13-01\n# ok\n2025-02-30 x\n2025-05-01..2025-04-01\n2025-01-01..2025-03-01\n"
      "30/04/2025\n2025-09-02\r\n",
      "/etc/portald/holidays");
  BOOST_TEST(bad.holidays.size() == 1u);  // only the last line, despite its CRLF
  BOOST_REQUIRE(bad.errors.size() == 5u);
  BOOST_TEST(bad.errors[0].find("/etc/portald/holidays:1: expected YYYY-MM-DD") == 0, bad.errors[0]);
  BOOST_TEST(bad.errors[1].find("/etc/portald/holidays:3:") == 0);
  BOOST_TEST(bad.errors[2].find(":4: a range must run forwards") != std::string::npos);
  BOOST_TEST(bad.errors[3].find(":5: a range must run forwards and span at most 31 days") != std::string::npos);
  BOOST_TEST(bad.errors[4].find(":6:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(working_days_are_weekdays_minus_holidays_plus_make_up_days) {
  const auto p = policy_2025();
  BOOST_TEST(p.calendar.is_working_day(day("2025-03-03")));   // Monday
  BOOST_TEST(!p.calendar.is_working_day(day("2025-03-08")));  // Saturday
  BOOST_TEST(!p.calendar.is_working_day(day("2025-01-27")));  // Monday in Tết
  BOOST_TEST(!p.calendar.is_working_day(day("2025-04-30")));  // Wednesday, holiday
  BOOST_TEST(!p.calendar.is_working_day(day("2025-05-02")));  // Friday, swapped
  BOOST_TEST(p.calendar.is_working_day(day("2025-04-26")));   // Saturday, worked instead
  auto six_days = p;
  six_days.calendar.working_days = 0x3f;  // mon-sat
  BOOST_TEST(six_days.calendar.is_working_day(day("2025-03-08")));
  BOOST_TEST(!six_days.calendar.is_working_day(day("2025-03-09")));
}

BOOST_AUTO_TEST_CASE(window_states_at_their_edges) {
  const auto p = policy_2025();
  Publications none;
  BOOST_TEST(state(p, at("2025-03-03", 7, 29), none, 0) == WindowState::upcoming);
  BOOST_TEST(state(p, at("2025-03-03", 7, 30), none, 0) == WindowState::open);
  BOOST_TEST(state(p, at("2025-03-03", 10) - 1, none, 0) == WindowState::open);
  BOOST_TEST(state(p, at("2025-03-03", 10), none, 0) == WindowState::missed);  // the moment it closes
  BOOST_TEST(state(p, at("2025-03-03", 10), none, 1) == WindowState::upcoming);

  Publications early{{at("2025-03-03", 7, 29)}};  // before the window: does not count
  BOOST_TEST(state(p, at("2025-03-03", 12), early, 0) == WindowState::missed);
  Publications late{{at("2025-03-03", 10)}};  // at the closing minute: does not count
  BOOST_TEST(state(p, at("2025-03-03", 12), late, 0) == WindowState::missed);
  Publications in{{at("2025-03-03", 8, 15)}};
  BOOST_TEST(state(p, at("2025-03-03", 8, 14), in, 0) == WindowState::open);  // not yet published
  BOOST_TEST(state(p, at("2025-03-03", 8, 15), in, 0) == WindowState::met);   // met at once
  const auto evening = health::evaluate_day(p, at("2025-03-03", 20), in.counter());
  BOOST_TEST(evening.windows[0].state == WindowState::met);
  BOOST_TEST(evening.windows[0].publications == 1u);
  BOOST_TEST(evening.windows[1].state == WindowState::missed);
  BOOST_TEST(evening.any_missed());
}

BOOST_AUTO_TEST_CASE(nothing_is_required_on_weekends_and_holidays) {
  const auto p = policy_2025();
  Publications none;
  for (const char* d : {"2025-03-08", "2025-03-09", "2025-01-28", "2025-04-30", "2025-05-02", "2025-04-07"}) {
    const auto s = health::evaluate_day(p, at(d, 18), none.counter());
    BOOST_TEST(!s.working, d);
    BOOST_TEST(!s.any_missed(), d);
    BOOST_TEST(s.windows[0].state == WindowState::not_required, d);
  }
  BOOST_TEST(health::evaluate_day(p, at("2025-04-26", 18), none.counter()).any_missed());  // the make-up Saturday
}

BOOST_AUTO_TEST_CASE(a_fortnight_with_holidays_misses_exactly_the_empty_windows) {
  // Editors publish every morning at 08:00, every day including weekends and holidays, but afternoons
  // only on Tuesdays: from Sat 26/4 to Fri 9/5/2025 the working days are 26/4 (make-up), 28-29/4 and
  // 5-9/5: of their 8 afternoons, 6 are missed (Tuesdays 29/4 and 6/5 are met), and no morning is.
  const auto p = policy_2025();
  Publications pubs;
  std::vector<std::int32_t> days;
  for (std::int32_t d = day("2025-04-26"); d <= day("2025-05-09"); ++d) days.push_back(d);
  for (std::int32_t d : days) {
    const std::string date = model::format_iso_date(d);
    pubs.times.push_back(at(date, 8));
    if (health::weekday(d) == 1) pubs.times.push_back(at(date, 14));
  }
  int missed_mornings = 0, missed_afternoons = 0, working = 0;
  for (std::int32_t d : days) {
    const auto s = health::evaluate_day(p, at(model::format_iso_date(d), 23, 59), pubs.counter());
    working += s.working;
    missed_mornings += s.windows[0].state == WindowState::missed;
    missed_afternoons += s.windows[1].state == WindowState::missed;
  }
  BOOST_TEST(working == 8);
  BOOST_TEST(missed_mornings == 0);
  BOOST_TEST(missed_afternoons == 6);
}

BOOST_AUTO_TEST_CASE(next_boundary_skips_evenings_weekends_and_holidays) {
  const auto p = policy_2025();
  BOOST_TEST(*health::next_boundary(p, at("2025-03-03", 8)) == at("2025-03-03", 10));
  BOOST_TEST(*health::next_boundary(p, at("2025-03-03", 10)) == at("2025-03-03", 13, 30));     // strictly after
  BOOST_TEST(*health::next_boundary(p, at("2025-03-07", 16, 30)) == at("2025-03-10", 7, 30));  // Fri -> Mon
  BOOST_TEST(*health::next_boundary(p, at("2025-04-04", 17)) == at("2025-04-08", 7, 30));      // Giỗ Tổ Monday
  BOOST_TEST(*health::next_boundary(p, at("2025-04-25", 17)) == at("2025-04-26", 7, 30));      // make-up Saturday
  auto off = p;
  off.calendar.working_days = 0;
  off.calendar.extra_working_days.clear();
  BOOST_TEST(!health::next_boundary(off, at("2025-03-03", 8)).has_value());
}

BOOST_AUTO_TEST_CASE(clock_format) {
  BOOST_TEST(health::format_clock(450) == "07:30");
  BOOST_TEST(health::format_clock(1440) == "24:00");
  BOOST_TEST(health::format_clock(0) == "00:00");
}

BOOST_AUTO_TEST_SUITE_END()
