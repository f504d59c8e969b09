#pragma once
// The monthly report per agency that Điều 9 makes measurable (issue 12): how many questions each agency
// received and answered in a month, how many on time, how many are overdue, and how many working days
// answers took (average and 90th percentile). Computed from the items themselves, over the same
// working-day calendar as the deadlines.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/health/cadence.hpp"
#include "daemon/model/question.hpp"

namespace portald::questions {

struct ReportMonth {
  int year = 0;
  int month = 0;               // 1..12
  std::int32_t first_day = 0;  // local day numbers (health::local_day)
  std::int32_t last_day = 0;
};
// "2026-11" -> that month; std::nullopt for anything else (years 2000..2099).
std::optional<ReportMonth> parse_report_month(std::string_view text);
// The month holding local day `day`.
ReportMonth month_of(std::int32_t day);

struct AgencyMonth {
  std::uint64_t agency_id = 0;  // 0 = not yet assigned to any agency
  int received = 0;             // received in the month
  int answered = 0;             // answers the agency sent in the month
  int on_time = 0;              // of those, sent by the due day
  int late = 0;                 // of those, sent after it
  int overdue = 0;              // at the month's end (today for the running month): owed and past due
  double average_days = 0;      // working days from receipt to answer, over the month's answers
  int p90_days = 0;             // 90th percentile (nearest rank) of the same
};

struct MonthReport {
  ReportMonth month{};
  std::vector<AgencyMonth> rows{};  // one per agency with anything to count, by agency id
  AgencyMonth total{};              // agency_id 0, every item counted once
};

// An item counts for the agency that answered it, else the agency holding it now (0 = none yet).
// `today` bounds the running month: nothing after it is known yet.
MonthReport month_report(const std::vector<model::Question>& items, const ReportMonth& month,
                         const health::Calendar& calendar, std::int32_t today);

}  // namespace portald::questions
