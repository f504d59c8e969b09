// The report period (issue 13): a month, a quarter, a year or a from-to range from the GET form, with
// the day bounds, the label and the query that links keep, and a Vietnamese message for what is refused.
#include <boost/test/unit_test.hpp>

#include "daemon/model/time.hpp"
#include "daemon/reports/report_range.hpp"

using namespace portald;
using reports::RangeKind;
using reports::RangeQuery;

namespace {

std::int32_t day(std::string_view date) { return *model::parse_iso_date(date); }
const std::int32_t kToday = day("2026-11-18");

}  // namespace

BOOST_AUTO_TEST_SUITE(report_range)

BOOST_AUTO_TEST_CASE(a_month_covers_its_days) {
  const auto r = reports::parse_range({.month = "2026-02"}, kToday);
  BOOST_REQUIRE(r.range);
  BOOST_TEST(r.error.empty());
  BOOST_TEST(int(r.range->kind) == int(RangeKind::month));
  BOOST_TEST(r.range->first_day == day("2026-02-01"));
  BOOST_TEST(r.range->last_day == day("2026-02-28"));
  BOOST_TEST(r.range->label == "tháng 2/2026");
  BOOST_TEST(r.range->query == "thang=2026-02");
  BOOST_TEST(r.range->slug == "2026-02");
  // Local midnight (UTC+7) to the next month's.
  BOOST_TEST(r.range->from() == *model::parse_rfc3339("2026-02-01T00:00:00+07:00"));
  BOOST_TEST(r.range->to() == *model::parse_rfc3339("2026-03-01T00:00:00+07:00"));
}

BOOST_AUTO_TEST_CASE(a_quarter_needs_its_year) {
  const auto r = reports::parse_range({.quarter = "4", .year = "2026"}, kToday);
  BOOST_REQUIRE(r.range);
  BOOST_TEST(r.range->first_day == day("2026-10-01"));
  BOOST_TEST(r.range->last_day == day("2026-12-31"));
  BOOST_TEST(r.range->label == "quý IV/2026");
  BOOST_TEST(r.range->query == "quy=4&nam=2026");
  BOOST_TEST(r.range->slug == "2026-q4");
  const auto first = reports::parse_range({.quarter = "1", .year = "2027"}, kToday);
  BOOST_REQUIRE(first.range);
  BOOST_TEST(first.range->last_day == day("2027-03-31"));
  BOOST_TEST(first.range->label == "quý I/2027");
  for (const char* q : {"0", "5", "x", "12"}) {
    const auto bad = reports::parse_range({.quarter = q, .year = "2026"}, kToday);
    BOOST_TEST(!bad.range, q);
    BOOST_TEST(bad.error.starts_with("Quý không hợp lệ"), q);
  }
  BOOST_TEST(!reports::parse_range({.quarter = "2"}, kToday).range);
}

BOOST_AUTO_TEST_CASE(a_leap_year_has_366_days) {
  const auto r = reports::parse_range({.year = "2028"}, kToday);
  BOOST_REQUIRE(r.range);
  BOOST_TEST(r.range->last_day - r.range->first_day + 1 == 366);
  BOOST_TEST(r.range->label == "năm 2028");
  BOOST_TEST(r.range->query == "nam=2028");
}

BOOST_AUTO_TEST_CASE(a_day_range_is_inclusive_and_bounded) {
  const auto r = reports::parse_range({.from = "2026-11-01", .to = "2026-11-15"}, kToday);
  BOOST_REQUIRE(r.range);
  BOOST_TEST(r.range->last_day - r.range->first_day + 1 == 15);
  BOOST_TEST(r.range->label == "từ 01/11/2026 đến 15/11/2026");
  BOOST_TEST(r.range->query == "tu=2026-11-01&den=2026-11-15");
  const auto one = reports::parse_range({.from = "2026-11-01", .to = "2026-11-01"}, kToday);
  BOOST_REQUIRE(one.range);
  BOOST_TEST(one.range->first_day == one.range->last_day);
  const auto backwards = reports::parse_range({.from = "2026-11-15", .to = "2026-11-01"}, kToday);
  BOOST_TEST(!backwards.range);
  BOOST_TEST(backwards.error == "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.");
  const auto too_long = reports::parse_range({.from = "2024-01-01", .to = "2026-01-01"}, kToday);
  BOOST_TEST(!too_long.range);
  BOOST_TEST(too_long.error.starts_with("Khoảng ngày dài quá 731 ngày"));
  BOOST_TEST(reports::parse_range({.from = "2024-01-01", .to = "2025-12-31"}, kToday).range.has_value());  // 731 days
  for (const RangeQuery& q :
       {RangeQuery{.from = "2026-11-01"}, RangeQuery{.to = "2026-11-01"},
        RangeQuery{.from = "2026-02-30", .to = "2026-03-01"}, RangeQuery{.from = "1999-12-31", .to = "2000-01-01"}}) {
    const auto bad = reports::parse_range(q, kToday);
    BOOST_TEST(!bad.range);
    BOOST_TEST(bad.error.starts_with("Khoảng ngày không hợp lệ"));
  }
}

BOOST_AUTO_TEST_CASE(malformed_months_and_years_are_refused_in_vietnamese) {
  for (const char* m : {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2100-01", "abcd-ef"}) {
    const auto bad = reports::parse_range({.month = m}, kToday);
    BOOST_TEST(!bad.range, m);
    BOOST_TEST(bad.error == "Tháng không hợp lệ: hãy chọn tháng dạng năm-tháng, ví dụ 2026-11.", m);
  }
  for (const char* y : {"1999", "2100", "20261", "năm"}) {
    const auto bad = reports::parse_range({.year = y}, kToday);
    BOOST_TEST(!bad.range, y);
    BOOST_TEST(bad.error.starts_with("Năm không hợp lệ"), y);
  }
}

BOOST_AUTO_TEST_CASE(nothing_asked_is_this_month_and_a_range_wins_over_the_rest) {
  const auto none = reports::parse_range({}, kToday);
  BOOST_REQUIRE(none.range);
  BOOST_TEST(none.range->query == "thang=2026-11");
  const auto both =
      reports::parse_range({.month = "2026-01", .year = "2025", .from = "2026-03-01", .to = "2026-03-02"}, kToday);
  BOOST_REQUIRE(both.range);
  BOOST_TEST(int(both.range->kind) == int(RangeKind::days));
  const auto month_over_year = reports::parse_range({.month = "2026-01", .year = "2025"}, kToday);
  BOOST_REQUIRE(month_over_year.range);
  BOOST_TEST(int(month_over_year.range->kind) == int(RangeKind::month));
}

BOOST_AUTO_TEST_SUITE_END()
