// The editorial calendar (issue 16): a day's entries in time order, days off without windows, a worked
// Saturday with them, and a window filled only by an entry inside [opens, closes), published or scheduled.
#include <boost/test/unit_test.hpp>

#include "daemon/model/time.hpp"
#include "daemon/reports/editorial_calendar.hpp"

using namespace portald;

namespace {

std::int32_t day(std::string_view date) { return *model::parse_iso_date(date); }
model::UnixTime at(std::string_view local) { return *model::parse_rfc3339(std::string(local) + ":00+07:00"); }

health::CadencePolicy policy() {
  health::CadencePolicy p;
  p.windows = {{"morning", 7 * 60 + 30, 10 * 60}, {"afternoon", 13 * 60 + 30, 16 * 60}};
  p.calendar.working_days = 0x1f;
  p.calendar.holidays = {day("2026-11-05")};
  p.calendar.extra_working_days = {day("2026-11-07")};
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(editorial_calendar)

BOOST_AUTO_TEST_CASE(windows_are_filled_by_what_falls_inside_them_on_working_days_only) {
  const auto p = policy();
  std::vector<reports::CalendarEntry> entries{
      {.at = at("2026-11-02T13:30"), .article_id = 2, .title = "Chiều", .url = "/b", .scheduled = true},
      {.at = at("2026-11-02T09:59"), .article_id = 1, .title = "Sáng", .url = "/a", .scheduled = false},
      {.at = at("2026-11-03T10:00"), .article_id = 3, .title = "Đúng lúc đóng", .url = "/c", .scheduled = false},
      {.at = at("2026-11-05T08:00"), .article_id = 4, .title = "Ngày lễ", .url = "/d", .scheduled = false},
      {.at = at("2026-11-30T08:00"), .article_id = 5, .title = "Ngoài kỳ", .url = "/e", .scheduled = false},
  };
  const auto days = reports::editorial_calendar(p, day("2026-11-02"), day("2026-11-08"), entries);
  BOOST_REQUIRE(days.size() == 7u);
  // Monday: both filled, entries in time order.
  BOOST_REQUIRE(days[0].entries.size() == 2u);
  BOOST_TEST(days[0].entries[0].title == "Sáng");
  BOOST_TEST(days[0].entries[1].scheduled);
  BOOST_REQUIRE(days[0].windows.size() == 2u);
  BOOST_TEST(!days[0].windows[0].gap());
  BOOST_TEST(!days[0].windows[1].gap());
  BOOST_TEST(days[0].windows[0].opens == at("2026-11-02T07:30"));
  BOOST_TEST(days[0].windows[1].closes == at("2026-11-02T16:00"));
  // Tuesday: 10:00 is the morning's end, outside it.
  BOOST_TEST(days[1].entries.size() == 1u);
  BOOST_TEST(days[1].windows[0].gap());
  // The holiday lists its entry but has no window; the worked Saturday has both; Sunday none.
  BOOST_TEST(!days[3].working);
  BOOST_TEST(days[3].entries.size() == 1u);
  BOOST_TEST(days[3].windows.empty());
  BOOST_TEST(days[5].working);
  BOOST_TEST(days[5].windows.size() == 2u);
  BOOST_TEST(days[6].windows.empty());
}

BOOST_AUTO_TEST_SUITE_END()
