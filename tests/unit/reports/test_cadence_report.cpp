// The cadence report (issue 13, Điều 10.1): every working day's windows judged by the cadence check's
// rule, holidays and weekends skipped, a worked Saturday judged, today's open windows pending, over a
// fixed calendar and fixed publication times.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "daemon/model/time.hpp"
#include "daemon/reports/cadence_report.hpp"
#include "daemon/reports/report_inputs.hpp"

using namespace portald;
using health::WindowState;

namespace {

std::int32_t day(std::string_view date) { return *model::parse_iso_date(date); }
model::UnixTime at(std::string_view local) { return *model::parse_rfc3339(std::string(local) + ":00+07:00"); }

health::CadencePolicy policy() {
  health::CadencePolicy p;
  p.windows = {{"morning", 7 * 60 + 30, 8 * 60 + 30}, {"afternoon", 13 * 60 + 30, 14 * 60 + 30}};
  p.calendar.working_days = 0x1f;                       // Monday to Friday
  p.calendar.holidays = {day("2026-11-05")};            // a Thursday
  p.calendar.extra_working_days = {day("2026-11-07")};  // a Saturday worked
  return p;
}

// 2 November 2026 is a Monday.
std::vector<model::UnixTime> publications() {
  std::vector<model::UnixTime> t{
      at("2026-11-02T07:45"), at("2026-11-02T13:40"),  // Monday: both met
      at("2026-11-03T08:00"),                          // Tuesday: afternoon missed
      at("2026-11-04T12:00"),                          // Wednesday: between windows, both missed
      at("2026-11-05T07:40"),                          // the holiday: not judged
      at("2026-11-06T07:30"), at("2026-11-06T14:30"),  // Friday: the start counts, the end does not
      at("2026-11-07T07:50"), at("2026-11-07T13:31"),  // the worked Saturday: both met
      at("2026-11-08T08:00"),                          // Sunday: not judged
      at("2026-11-09T08:10"),                          // Monday (today): morning met, afternoon to come
  };
  std::sort(t.begin(), t.end());
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cadence_report)

BOOST_AUTO_TEST_CASE(every_working_day_is_judged_by_the_cadence_rule) {
  const auto p = policy();
  const auto times = publications();
  const auto count = [&](model::UnixTime a, model::UnixTime b) { return reports::count_between(times, a, b); };
  const auto r = reports::cadence_report(p, day("2026-11-02"), day("2026-11-09"), at("2026-11-09T10:00"), count);
  BOOST_TEST(!r.no_windows);
  BOOST_REQUIRE_EQUAL(r.days.size(), 6u);  // 2, 3, 4, 6, 7, 9
  const std::vector<std::int32_t> judged{day("2026-11-02"), day("2026-11-03"), day("2026-11-04"),
                                         day("2026-11-06"), day("2026-11-07"), day("2026-11-09")};
  for (std::size_t i = 0; i < judged.size(); ++i) BOOST_TEST(r.days[i].day == judged[i]);
  const auto state = [&](std::size_t d, std::size_t w) { return int(r.days[d].windows[w].state); };
  BOOST_TEST(state(0, 0) == int(WindowState::met));
  BOOST_TEST(state(0, 1) == int(WindowState::met));
  BOOST_TEST(state(1, 0) == int(WindowState::met));
  BOOST_TEST(state(1, 1) == int(WindowState::missed));
  BOOST_TEST(state(2, 0) == int(WindowState::missed));
  BOOST_TEST(state(2, 1) == int(WindowState::missed));
  BOOST_TEST(state(3, 0) == int(WindowState::met));
  BOOST_TEST(state(3, 1) == int(WindowState::missed));
  BOOST_TEST(state(4, 0) == int(WindowState::met));
  BOOST_TEST(state(4, 1) == int(WindowState::met));
  BOOST_TEST(state(5, 0) == int(WindowState::met));
  BOOST_TEST(state(5, 1) == int(WindowState::upcoming));
  BOOST_TEST(r.days[0].windows[0].publications == 1u);
  BOOST_TEST(r.windows_met == 7);
  BOOST_TEST(r.windows_missed == 4);
  BOOST_TEST(r.windows_pending == 1);
  BOOST_TEST(r.days_all_met == 2);  // 2 and 7 November
  BOOST_TEST(r.days_off == 2);      // the holiday and Sunday
  BOOST_REQUIRE_EQUAL(r.holidays.size(), 1u);
  BOOST_TEST(r.holidays[0] == day("2026-11-05"));
  BOOST_TEST(r.days_to_come == 0);
}

BOOST_AUTO_TEST_CASE(days_after_today_are_not_judged_yet) {
  const auto p = policy();
  const auto times = publications();
  const auto count = [&](model::UnixTime a, model::UnixTime b) { return reports::count_between(times, a, b); };
  const auto r = reports::cadence_report(p, day("2026-11-02"), day("2026-11-12"), at("2026-11-09T10:00"), count);
  BOOST_TEST(r.days.size() == 6u);
  BOOST_TEST(r.days_to_come == 3);
  const auto future = reports::cadence_report(p, day("2026-12-01"), day("2026-12-31"), at("2026-11-09T10:00"), count);
  BOOST_TEST(future.days.empty());
  BOOST_TEST(future.days_to_come == 31);
  BOOST_TEST(future.days_off == 0);
}

BOOST_AUTO_TEST_CASE(no_windows_means_nothing_to_judge) {
  health::CadencePolicy off = policy();
  off.windows.clear();
  const auto r = reports::cadence_report(off, day("2026-11-02"), day("2026-11-06"), at("2026-11-09T10:00"),
                                         [](model::UnixTime, model::UnixTime) { return std::size_t(0); });
  BOOST_TEST(r.no_windows);
  BOOST_TEST(r.windows_missed == 0);
  BOOST_TEST(r.days_all_met == 0);
}

BOOST_AUTO_TEST_CASE(count_between_is_half_open) {
  const std::vector<model::UnixTime> t{10, 20, 20, 30};
  BOOST_TEST(reports::count_between(t, 20, 30) == 2u);
  BOOST_TEST(reports::count_between(t, 0, 100) == 4u);
  BOOST_TEST(reports::count_between(t, 31, 100) == 0u);
  BOOST_TEST(reports::count_between(t, 30, 20) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
