// Answer deadlines in working days (issue 12) over the cadence calendar: weekends, Tết and 30/4-1/5
// with its make-up Saturday, read from a real holidays file.
#include <boost/test/unit_test.hpp>

#include "daemon/health/working_days.hpp"
#include "daemon/model/time.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

namespace {

std::int32_t day(std::string_view date) { return *model::parse_iso_date(date); }
std::string date(std::int32_t d) { return model::format_iso_date(d); }

// The 2025 days off of the civil service, as operators write the file.
const char* kHolidays2025 =
    "# Ngày nghỉ lễ 2025\n"
    "2025-01-01 Tết Dương lịch\n"
    "2025-01-25..2025-02-02   Tết Nguyên đán Ất Tỵ\n"
    "2025-04-07 Giỗ Tổ Hùng Vương\n"
    "2025-04-30..2025-05-02 Giải phóng miền Nam, Quốc tế Lao động (2/5 hoán đổi)\n"
    "+2025-04-26 làm bù cho ngày 2/5\n"
    "2025-13-01 a bad line, skipped\n";

health::Calendar calendar_2025() {
  const test::TempDir dir;
  return health::read_calendar(0x1f, test::write_file(dir.path, "holidays", kHolidays2025));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(working_days)

BOOST_AUTO_TEST_CASE(weekends_do_not_count) {
  const health::Calendar c{};                           // Monday to Friday, no holidays
  BOOST_TEST(health::weekday(day("2025-03-07")) == 4);  // a Friday
  BOOST_TEST(date(health::add_working_days(c, day("2025-03-07"), 1)) == "2025-03-10");
  BOOST_TEST(date(health::add_working_days(c, day("2025-03-08"), 1)) == "2025-03-10");  // from a Saturday
  BOOST_TEST(date(health::add_working_days(c, day("2025-03-09"), 1)) == "2025-03-10");  // from a Sunday
  BOOST_TEST(date(health::add_working_days(c, day("2025-03-03"), 4)) == "2025-03-07");
  BOOST_TEST(date(health::add_working_days(c, day("2025-03-03"), 5)) == "2025-03-10");
  BOOST_TEST(date(health::add_working_days(c, day("2025-03-03"), 10)) == "2025-03-17");
  BOOST_TEST(health::working_days_between(c, day("2025-03-07"), day("2025-03-10")) == 1);
  BOOST_TEST(health::working_days_between(c, day("2025-03-03"), day("2025-03-17")) == 10);
}

BOOST_AUTO_TEST_CASE(zero_or_fewer_days_is_the_same_day) {
  const health::Calendar c{};
  BOOST_TEST(health::add_working_days(c, day("2025-03-08"), 0) == day("2025-03-08"));
  BOOST_TEST(health::add_working_days(c, day("2025-03-05"), -3) == day("2025-03-05"));
  BOOST_TEST(health::working_days_between(c, day("2025-03-05"), day("2025-03-05")) == 0);
  BOOST_TEST(health::working_days_between(c, day("2025-03-10"), day("2025-03-05")) == 0);
}

BOOST_AUTO_TEST_CASE(holidays_and_make_up_days_from_the_file) {
  const auto c = calendar_2025();
  // Friday 25/4: Saturday 26/4 is worked (làm bù), then 28-29/4, then 30/4-2/5 off, and the weekend.
  BOOST_TEST(date(health::add_working_days(c, day("2025-04-25"), 1)) == "2025-04-26");
  BOOST_TEST(date(health::add_working_days(c, day("2025-04-25"), 2)) == "2025-04-28");
  BOOST_TEST(date(health::add_working_days(c, day("2025-04-25"), 3)) == "2025-04-29");
  BOOST_TEST(date(health::add_working_days(c, day("2025-04-25"), 4)) == "2025-05-05");
  BOOST_TEST(date(health::add_working_days(c, day("2025-04-29"), 1)) == "2025-05-05");
  BOOST_TEST(health::working_days_between(c, day("2025-04-25"), day("2025-05-05")) == 4);
  // Tết Ất Tỵ: nine days off from Saturday 25/1.
  BOOST_TEST(date(health::add_working_days(c, day("2025-01-24"), 1)) == "2025-02-03");
  BOOST_TEST(date(health::add_working_days(c, day("2025-01-20"), 10)) == "2025-02-10");
  BOOST_TEST(health::working_days_between(c, day("2025-01-24"), day("2025-02-02")) == 0);
  // Giỗ Tổ (Monday 7/4).
  BOOST_TEST(date(health::add_working_days(c, day("2025-04-04"), 1)) == "2025-04-08");
}

BOOST_AUTO_TEST_CASE(adding_and_counting_agree) {
  const auto c = calendar_2025();
  for (const auto from : {day("2025-01-20"), day("2025-04-24"), day("2025-04-26"), day("2025-12-29")})
    for (int n = 0; n <= 40; ++n) {
      const auto to = health::add_working_days(c, from, n);
      BOOST_TEST(health::working_days_between(c, from, to) == n, date(from) << " + " << n);
      if (n > 0) BOOST_TEST(c.is_working_day(to), date(to) << " is a day off");
    }
}

BOOST_AUTO_TEST_CASE(a_calendar_without_working_days_counts_every_day) {
  health::Calendar c;
  c.working_days = 0;
  BOOST_TEST(date(health::add_working_days(c, day("2025-03-07"), 3)) == "2025-03-10");
  BOOST_TEST(health::working_days_between(c, day("2025-03-07"), day("2025-03-10")) == 3);
}

BOOST_AUTO_TEST_CASE(read_calendar_reads_the_file_and_keeps_the_working_days) {
  const auto c = calendar_2025();
  BOOST_TEST(c.working_days == 0x1fu);
  BOOST_TEST(c.holidays.count(day("2025-04-30")) == 1u);
  BOOST_TEST(c.holidays.count(day("2025-01-28")) == 1u);
  BOOST_TEST(c.holidays.size() == 1u + 9u + 1u + 3u);  // the bad line is skipped
  BOOST_TEST(c.extra_working_days == std::set<std::int32_t>{day("2025-04-26")});
  // Monday to Saturday.
  const test::TempDir dir;
  const auto six = health::read_calendar(0x3f, test::write_file(dir.path, "holidays", "2025-03-08\n"));
  BOOST_TEST(six.working_days == 0x3fu);
  BOOST_TEST(date(health::add_working_days(six, day("2025-03-07"), 1)) == "2025-03-10");  // Saturday 8/3 off
  BOOST_TEST(date(health::add_working_days(six, day("2025-03-14"), 1)) == "2025-03-15");
}

BOOST_AUTO_TEST_CASE(a_missing_holidays_file_means_no_holidays) {
  const test::TempDir dir;
  const auto c = health::read_calendar(0x1f, dir.path / "khong-co");
  BOOST_TEST(c.working_days == 0x1fu);
  BOOST_TEST(c.holidays.empty());
  BOOST_TEST(c.extra_working_days.empty());
  BOOST_TEST(date(health::add_working_days(c, day("2025-04-29"), 1)) == "2025-04-30");
  // An empty path too (the option unset).
  BOOST_TEST(health::read_calendar(0x1f, "").holidays.empty());
}

BOOST_AUTO_TEST_SUITE_END()
