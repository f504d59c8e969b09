// The monthly report per agency (issue 12): what counts in which month, for whom, on time or late,
// and the working days answers took.
#include <boost/test/unit_test.hpp>

#include "daemon/model/time.hpp"
#include "daemon/questions/question_report.hpp"

using namespace portald;
using questions::AgencyMonth;

namespace {

constexpr std::uint64_t kA = 7, kB = 8, kC = 9;

std::int32_t day(std::string_view date) { return *model::parse_iso_date(date); }
// 9 o'clock local time on that day.
model::UnixTime at(std::string_view date) {
  return model::UnixTime(day(date)) * 86400 - model::kVietnamOffsetSeconds + 9 * 3600;
}

model::Question item(std::uint64_t agency, std::string_view received, std::string_view due) {
  model::Question q;
  q.agency_id = agency;
  q.received_at = at(received);
  q.due_day = day(due);
  q.state = model::QuestionState::assigned;
  return q;
}

model::Question answered(model::Question q, std::string_view when) {
  q.answered_at = at(when);
  q.state = model::QuestionState::answered;
  q.history.push_back(
      {q.answered_at, "tra-loi", model::QuestionStep::answer, model::QuestionState::answered, q.agency_id, ""});
  return q;
}

const AgencyMonth* row_of(const questions::MonthReport& r, std::uint64_t agency) {
  for (const auto& row : r.rows)
    if (row.agency_id == agency) return &row;
  return nullptr;
}

// Monday to Friday, no holidays; November 2026 starts on a Sunday.
std::vector<model::Question> november() {
  model::Question closed = item(kC, "2026-10-01", "2026-10-08");
  closed.closed_at = at("2026-11-03");
  closed.state = model::QuestionState::closed;
  return {
      answered(item(kA, "2026-11-02", "2026-11-09"), "2026-11-05"),  // on time, 3 working days
      answered(item(kA, "2026-11-03", "2026-11-10"), "2026-11-12"),  // late, 7
      answered(item(kB, "2026-10-20", "2026-10-27"), "2026-11-02"),  // received in October, late, 9
      item(kB, "2026-11-20", "2026-11-27"),                          // owed and past due at the month's end
      item(0, "2026-11-25", "2026-12-02"),                           // not assigned yet, not due yet
      item(kA, "2026-12-01", "2026-12-08"),                          // December
      closed,                                                        // closed in November: counts nowhere
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(question_report)

BOOST_AUTO_TEST_CASE(months_are_read_strictly) {
  const auto m = questions::parse_report_month("2026-11");
  BOOST_TEST_REQUIRE(m.has_value());
  BOOST_TEST(m->first_day == day("2026-11-01"));
  BOOST_TEST(m->last_day == day("2026-11-30"));
  for (const char* bad : {"2026-13", "2026-00", "26-11", "2026-1", "abcd-ef", "2026-11x", "", "1999-12", "2026/11"})
    BOOST_TEST(!questions::parse_report_month(bad).has_value(), bad);
  const auto feb = questions::month_of(day("2028-02-14"));
  BOOST_TEST(feb.year == 2028);
  BOOST_TEST(feb.month == 2);
  BOOST_TEST(feb.last_day == day("2028-02-29"));
  BOOST_TEST(questions::month_of(day("2026-12-31")).last_day == day("2026-12-31"));
}

BOOST_AUTO_TEST_CASE(a_month_counts_each_agency_its_answers_and_its_overdue_items) {
  const health::Calendar c{};
  const auto r = questions::month_report(november(), *questions::parse_report_month("2026-11"), c, day("2026-12-01"));
  BOOST_TEST(r.rows.size() == 3u);  // A, B and "not assigned"; C closed without answering counts nowhere
  const auto* a = row_of(r, kA);
  BOOST_TEST_REQUIRE(a);
  BOOST_TEST(a->received == 2);
  BOOST_TEST(a->answered == 2);
  BOOST_TEST(a->on_time == 1);
  BOOST_TEST(a->late == 1);
  BOOST_TEST(a->overdue == 0);
  BOOST_TEST(a->average_days == 5.0);
  BOOST_TEST(a->p90_days == 7);
  const auto* b = row_of(r, kB);
  BOOST_TEST_REQUIRE(b);
  BOOST_TEST(b->received == 1);
  BOOST_TEST(b->answered == 1);  // received in October, answered in November
  BOOST_TEST(b->late == 1);
  BOOST_TEST(b->overdue == 1);
  BOOST_TEST(b->p90_days == 9);
  const auto* none = row_of(r, 0);
  BOOST_TEST_REQUIRE(none);
  BOOST_TEST(none->received == 1);
  BOOST_TEST(none->overdue == 0);
  BOOST_TEST(!row_of(r, kC));
  BOOST_TEST(r.total.received == 4);
  BOOST_TEST(r.total.answered == 3);
  BOOST_TEST(r.total.on_time == 1);
  BOOST_TEST(r.total.late == 2);
  BOOST_TEST(r.total.overdue == 1);
  BOOST_TEST(r.total.average_days == (3.0 + 7.0 + 9.0) / 3.0);
  BOOST_TEST(r.total.p90_days == 9);
}

BOOST_AUTO_TEST_CASE(the_running_month_stops_at_today) {
  const health::Calendar c{};
  const auto december = *questions::parse_report_month("2026-12");
  const auto r = questions::month_report(november(), december, c, day("2026-12-01"));
  BOOST_TEST(r.total.received == 1);
  BOOST_TEST(r.total.answered == 0);
  BOOST_TEST(r.total.overdue == 1);  // B's November item, still owed
  const auto* a = row_of(r, kA);
  BOOST_TEST_REQUIRE(a);
  BOOST_TEST(a->received == 1);
  BOOST_TEST(a->p90_days == 0);
  // On the first of the month nothing received later is known.
  const auto earlier = questions::month_report(november(), december, c, day("2026-11-30"));
  BOOST_TEST(earlier.total.received == 0);
}

BOOST_AUTO_TEST_CASE(an_answer_counts_for_the_agency_that_sent_it) {
  const health::Calendar c{};
  auto q = answered(item(kA, "2026-11-02", "2026-11-09"), "2026-11-04");
  q.agency_id = kB;  // handed on after A answered
  const auto r = questions::month_report({q}, *questions::parse_report_month("2026-11"), c, day("2026-12-01"));
  BOOST_TEST(r.rows.size() == 1u);
  BOOST_TEST_REQUIRE(row_of(r, kA));
  BOOST_TEST(row_of(r, kA)->answered == 1);
  BOOST_TEST(row_of(r, kA)->average_days == 2.0);
}

BOOST_AUTO_TEST_SUITE_END()
