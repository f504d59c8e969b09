// The per-agency report (issue 13): rounds from submission to publication, returns with their reasons,
// withdrawals, average and 90th-percentile times, by category, over fixed histories; every expected
// figure is worked out by hand in the comments.
#include <boost/test/unit_test.hpp>

#include "daemon/model/time.hpp"
#include "daemon/reports/agency_report.hpp"

using namespace portald;
using model::Transition;
using reports::ArticleEvent;
using reports::ArticleHistory;

namespace {

constexpr std::uint64_t kA = 7, kB = 8;  // agencies
constexpr std::uint64_t kNews = 1, kNotices = 2, kOther = 3;
constexpr model::UnixTime kHour = 3600;

model::UnixTime at(std::string_view local) { return *model::parse_rfc3339(std::string(local) + ":00+07:00"); }

ArticleEvent step(std::string_view local, Transition t, std::string reason = {}) {
  return {at(local), t, std::move(reason)};
}

std::vector<ArticleHistory> november() {
  return {
      // 1: submitted and approved the same morning: 2 h.
      {1,
       kA,
       kNews,
       "Một",
       {step("2026-11-02T08:00", Transition::submit), step("2026-11-02T10:00", Transition::approve)}},
      // 2: returned once, resubmitted (the same round), approved the next morning: 24 h from the first submission.
      {2,
       kA,
       kNews,
       "Hai",
       {step("2026-11-04T08:00", Transition::approve), step("2026-11-03T08:00", Transition::submit),
        step("2026-11-03T09:00", Transition::return_to_author, "Thiếu nguồn tin"),
        step("2026-11-03T12:00", Transition::submit), step("2026-11-03T13:00", Transition::take_for_editing),
        step("2026-11-03T15:00", Transition::send_for_approval)}},
      // 3: submitted in October, published on schedule on 1 November at 06:00: 46 h, no submission in November.
      {3,
       kA,
       kNotices,
       "Ba",
       {step("2026-10-30T08:00", Transition::submit), step("2026-10-31T09:00", Transition::schedule),
        step("2026-11-01T06:00", Transition::publish_scheduled)}},
      // 4: 6 h, then withdrawn.
      {4,
       kB,
       kNews,
       "Bốn",
       {step("2026-11-10T08:00", Transition::submit), step("2026-11-10T14:00", Transition::approve),
        step("2026-11-20T16:00", Transition::withdraw, "Sai số liệu")}},
      // 5: submitted, not published yet.
      {5, kB, kNews, "Năm", {step("2026-11-28T08:00", Transition::submit)}},
      // 6: December only: counts nowhere.
      {6, kA, kNews, "Sáu", {step("2026-12-01T00:00", Transition::submit)}},
      // 7: no agency; published in October, an update round in November: 1 h.
      {7,
       0,
       kOther,
       "Bảy",
       {step("2026-10-01T08:00", Transition::submit), step("2026-10-01T09:00", Transition::approve),
        step("2026-11-15T08:00", Transition::submit), step("2026-11-15T09:00", Transition::approve)}},
      // 8: submitted in October, returned in November.
      {8,
       kB,
       kNews,
       "Tám",
       {step("2026-10-29T08:00", Transition::submit),
        step("2026-11-05T10:00", Transition::return_to_author, "Ảnh không rõ, \"chú thích\" thiếu")}},
  };
}

const reports::AgencyFigures& agency(const reports::AgencyReport& r, std::uint64_t id) {
  for (const auto& a : r.agencies)
    if (a.agency_id == id) return a;
  BOOST_FAIL("no row for agency " << id);
  throw;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(agency_report)

BOOST_AUTO_TEST_CASE(figures_per_agency_and_category_for_november) {
  const auto r = reports::agency_report(november(), at("2026-11-01T00:00"), at("2026-12-01T00:00"));
  BOOST_REQUIRE_EQUAL(r.agencies.size(), 3u);  // 0, 7, 8: article 6 adds no row
  BOOST_TEST(r.agencies[0].agency_id == 0u);
  BOOST_TEST(r.agencies[1].agency_id == kA);
  BOOST_TEST(r.agencies[2].agency_id == kB);

  const auto& a = agency(r, kA).figures;
  BOOST_TEST(a.submitted == 2);  // 1 and 2 (2's resubmission is the same round; 3 was submitted in October)
  BOOST_TEST(a.published == 3);  // 1, 2, 3
  BOOST_TEST(a.returned == 1);
  BOOST_TEST(a.withdrawn == 0);
  BOOST_TEST(a.timed == 3);
  BOOST_TEST(a.average_seconds == 24.0 * kHour);  // (2 + 24 + 46) / 3
  BOOST_TEST(a.p90_seconds == 46 * kHour);        // nearest rank 3 of 3
  BOOST_REQUIRE_EQUAL(agency(r, kA).categories.size(), 2u);
  const auto& news = agency(r, kA).categories[0];
  BOOST_TEST(news.category_id == kNews);
  BOOST_TEST(news.figures.submitted == 2);
  BOOST_TEST(news.figures.published == 2);
  BOOST_TEST(news.figures.returned == 1);
  BOOST_TEST(news.figures.average_seconds == 13.0 * kHour);  // (2 + 24) / 2
  BOOST_TEST(news.figures.p90_seconds == 24 * kHour);        // nearest rank 2 of 2
  const auto& notices = agency(r, kA).categories[1];
  BOOST_TEST(notices.category_id == kNotices);
  BOOST_TEST(notices.figures.submitted == 0);
  BOOST_TEST(notices.figures.published == 1);
  BOOST_TEST(notices.figures.p90_seconds == 46 * kHour);

  const auto& b = agency(r, kB).figures;
  BOOST_TEST(b.submitted == 2);  // 4, 5
  BOOST_TEST(b.published == 1);  // 4
  BOOST_TEST(b.returned == 1);   // 8
  BOOST_TEST(b.withdrawn == 1);  // 4
  BOOST_TEST(b.average_seconds == 6.0 * kHour);
  BOOST_TEST(b.p90_seconds == 6 * kHour);

  const auto& none = agency(r, 0).figures;
  BOOST_TEST(none.submitted == 1);
  BOOST_TEST(none.published == 1);
  BOOST_TEST(none.p90_seconds == 1 * kHour);

  BOOST_TEST(r.total.submitted == 5);
  BOOST_TEST(r.total.published == 5);
  BOOST_TEST(r.total.returned == 2);
  BOOST_TEST(r.total.withdrawn == 1);
  BOOST_TEST(r.total.timed == 5);
  BOOST_TEST(r.total.average_seconds == 15.8 * kHour);  // (1 + 2 + 6 + 24 + 46) / 5 = 79 / 5
  BOOST_TEST(r.total.p90_seconds == 46 * kHour);        // nearest rank 5 of 5
}

BOOST_AUTO_TEST_CASE(returns_are_listed_oldest_first_with_their_reasons) {
  const auto r = reports::agency_report(november(), at("2026-11-01T00:00"), at("2026-12-01T00:00"));
  BOOST_REQUIRE_EQUAL(r.returns.size(), 2u);
  BOOST_TEST(r.returns[0].article_id == 2u);
  BOOST_TEST(r.returns[0].reason == "Thiếu nguồn tin");
  BOOST_TEST(r.returns[0].agency_id == kA);
  BOOST_TEST(r.returns[0].title == "Hai");
  BOOST_TEST(r.returns[0].at == at("2026-11-03T09:00"));
  BOOST_TEST(r.returns[1].article_id == 8u);
  BOOST_TEST(r.returns[1].reason == "Ảnh không rõ, \"chú thích\" thiếu");
}

BOOST_AUTO_TEST_CASE(the_period_end_is_exclusive_and_the_start_inclusive) {
  // December 1st from midnight: only article 6's submission.
  const auto dec = reports::agency_report(november(), at("2026-12-01T00:00"), at("2027-01-01T00:00"));
  BOOST_REQUIRE_EQUAL(dec.agencies.size(), 1u);
  BOOST_TEST(dec.agencies[0].agency_id == kA);
  BOOST_TEST(dec.total.submitted == 1);
  BOOST_TEST(dec.total.published == 0);
  BOOST_TEST(dec.total.timed == 0);
  BOOST_TEST(dec.total.average_seconds == 0.0);
  // One day, 2 November: article 1 only.
  const auto day = reports::agency_report(november(), at("2026-11-02T00:00"), at("2026-11-03T00:00"));
  BOOST_TEST(day.total.submitted == 1);
  BOOST_TEST(day.total.published == 1);
  BOOST_TEST(day.total.p90_seconds == 2 * kHour);
}

BOOST_AUTO_TEST_CASE(nine_of_ten_publications_bound_the_90th_percentile) {
  // Ten articles of agency A, taking 1..10 hours: the average is 5.5 h, nearest rank 9 is 9 h.
  std::vector<ArticleHistory> items;
  for (int h = 1; h <= 10; ++h) {
    const model::UnixTime t = at("2026-11-02T08:00");
    items.push_back(
        {std::uint64_t(h), kA, kNews, "", {{t, Transition::submit, ""}, {t + h * kHour, Transition::approve, ""}}});
  }
  const auto r = reports::agency_report(items, at("2026-11-01T00:00"), at("2026-12-01T00:00"));
  BOOST_TEST(r.total.average_seconds == 5.5 * kHour);
  BOOST_TEST(r.total.p90_seconds == 9 * kHour);
}

BOOST_AUTO_TEST_CASE(question_figures_use_the_question_report_over_the_same_days) {
  // One question to agency A received on 2 November, answered on 5 November (3 working days, on time).
  model::Question q;
  q.agency_id = kA;
  q.received_at = at("2026-11-02T09:00");
  q.due_day = *model::parse_iso_date("2026-11-09");
  q.answered_at = at("2026-11-05T09:00");
  q.state = model::QuestionState::answered;
  q.history.push_back({q.answered_at, "tra-loi", model::QuestionStep::answer, model::QuestionState::answered, kA, ""});
  const health::Calendar calendar;  // Monday to Friday
  const auto first = *model::parse_iso_date("2026-11-01"), last = *model::parse_iso_date("2026-11-15");
  const auto figures = reports::question_figures({q}, first, last, calendar, last + 10);
  BOOST_REQUIRE_EQUAL(figures.rows.size(), 1u);
  BOOST_TEST(figures.rows[0].agency_id == kA);
  BOOST_TEST(figures.rows[0].received == 1);
  BOOST_TEST(figures.rows[0].answered == 1);
  BOOST_TEST(figures.rows[0].on_time == 1);
  BOOST_TEST(figures.rows[0].p90_days == 3);
  // 6..15 November: received before the period, answered before it too: nothing.
  BOOST_TEST(reports::question_figures({q}, first + 5, last, calendar, last + 10).rows.empty());
  const auto r = reports::agency_report({}, 0, 1, figures);
  BOOST_TEST(r.questions.total.answered == 1);
}

BOOST_AUTO_TEST_SUITE_END()
