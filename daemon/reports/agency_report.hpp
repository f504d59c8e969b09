#pragma once
// The report per contributing agency (issue 13, Điều 6.1đ): for a period, how many items each agency
// sent for approval, how many were published, returned (with the reasons) and withdrawn, and how long
// publication took after submission, by category; with the citizen-question figures of the same
// agencies (questions/question_report.hpp). Pure: the caller reads the articles' workflow history from
// the audit log (report_inputs.hpp), so tests feed it fixed data.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/model/time.hpp"
#include "daemon/model/workflow.hpp"
#include "daemon/questions/question_report.hpp"

namespace portald::reports {

// One workflow step an article took (an "article.<transition>" audit entry).
struct ArticleEvent {
  model::UnixTime at = 0;
  model::Transition transition = model::Transition::submit;
  std::string reason{};  // returns and withdrawals carry one
};

// An article with its agency and category as they are now, and its steps in any order.
struct ArticleHistory {
  std::uint64_t article_id = 0;
  std::uint64_t agency_id = 0;  // 0 = no agency named
  std::uint64_t category_id = 0;
  std::string title{};
  std::vector<ArticleEvent> events{};
};

struct Figures {
  int submitted = 0;  // submissions that opened a new round in the period (a resubmission after a return does not)
  int published = 0;  // rounds that ended in publication in the period (approval, or the scheduled time)
  int returned = 0;   // returns to the author in the period (each one)
  int withdrawn = 0;  // withdrawals of a published item in the period
  int timed = 0;      // publications whose round's first submission is known: the times below count these
  double average_seconds = 0;       // from the round's first submission to publication
  model::UnixTime p90_seconds = 0;  // 90th percentile (nearest rank) of the same
};

struct CategoryFigures {
  std::uint64_t category_id = 0;
  Figures figures{};
};

struct AgencyFigures {
  std::uint64_t agency_id = 0;
  Figures figures{};                        // every category of this agency
  std::vector<CategoryFigures> categories;  // those with anything to count, by category id
};

struct ReturnNote {
  std::uint64_t article_id = 0;
  std::uint64_t agency_id = 0;
  std::uint64_t category_id = 0;
  std::string title{};
  model::UnixTime at = 0;
  std::string reason{};
};

struct AgencyReport {
  std::vector<AgencyFigures> agencies;  // those with anything to count, by agency id
  Figures total{};
  std::vector<ReturnNote> returns;     // every return in the period, oldest first
  questions::MonthReport questions{};  // the citizen questions of the same days, per agency
};

// The citizen-question figures per agency for local days first..last (question_report's month_report over
// those days; the page /quan-tri/hoi-dap/bao-cao shows the same figures per month).
questions::MonthReport question_figures(const std::vector<model::Question>& items, std::int32_t first_day,
                                        std::int32_t last_day, const health::Calendar& calendar, std::int32_t today);

// Steps with from <= at < to count. `questions` is already computed for the same days (question_report's
// month_report over the period: question_figures above) and is copied in.
AgencyReport agency_report(const std::vector<ArticleHistory>& articles, model::UnixTime from, model::UnixTime to,
                           questions::MonthReport questions = {});

}  // namespace portald::reports
