#include "daemon/questions/question_report.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "daemon/health/working_days.hpp"
#include "daemon/model/time.hpp"

namespace portald::questions {
namespace {

std::int32_t first_day_of(int year, int month) {
  char text[11];
  std::snprintf(text, sizeof text, "%04d-%02d-01", year, month);
  return *model::parse_iso_date(text);
}

ReportMonth make_month(int year, int month) {
  const int next_year = month == 12 ? year + 1 : year;
  const int next_month = month == 12 ? 1 : month + 1;
  return {year, month, first_day_of(year, month), first_day_of(next_year, next_month) - 1};
}

// The agency an item counts for: whoever sent the answer, else whoever holds it.
std::uint64_t agency_of(const model::Question& q) {
  for (auto e = q.history.rbegin(); e != q.history.rend(); ++e)
    if (e->step == model::QuestionStep::answer) return e->agency_id;
  return q.agency_id;
}

// When the answer was first owed no more: the agency's answer, or the item closed without one.
std::optional<std::int32_t> settled_day(const model::Question& q) {
  if (q.answered_at != 0) return health::local_day(q.answered_at);
  if (q.closed_at != 0) return health::local_day(q.closed_at);
  return std::nullopt;
}

struct Tally {
  AgencyMonth counts{};
  std::vector<int> days{};
};

void finish(Tally& t) {
  auto& c = t.counts;
  if (t.days.empty()) return;
  std::sort(t.days.begin(), t.days.end());
  long sum = 0;
  for (int d : t.days) sum += d;
  c.average_days = double(sum) / double(t.days.size());
  // Nearest rank: the smallest value with at least 90% of the answers at or below it.
  const std::size_t rank = (t.days.size() * 9 + 9) / 10;
  c.p90_days = t.days[rank - 1];
}

}  // namespace

std::optional<ReportMonth> parse_report_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int year = 0, month = 0;
  const auto y = std::from_chars(text.data(), text.data() + 4, year);
  const auto m = std::from_chars(text.data() + 5, text.data() + 7, month);
  if (y.ec != std::errc{} || y.ptr != text.data() + 4 || m.ec != std::errc{} || m.ptr != text.data() + 7)
    return std::nullopt;
  if (year < 2000 || year > 2099 || month < 1 || month > 12) return std::nullopt;
  return make_month(year, month);
}

ReportMonth month_of(std::int32_t day) {
  const std::string iso = model::format_iso_date(day);  // "YYYY-MM-DD"
  return *parse_report_month(std::string_view(iso).substr(0, 7));
}

MonthReport month_report(const std::vector<model::Question>& items, const ReportMonth& month,
                         const health::Calendar& calendar, std::int32_t today) {
  const std::int32_t end = std::min(month.last_day, today);
  std::map<std::uint64_t, Tally> by_agency;
  Tally total;
  const auto in_month = [&](std::int32_t day) { return day >= month.first_day && day <= end; };
  for (const auto& q : items) {
    const std::int32_t received = health::local_day(q.received_at);
    if (received > end) continue;
    Tally& a = by_agency[agency_of(q)];
    bool counted = false;
    if (in_month(received)) {
      ++a.counts.received;
      ++total.counts.received;
      counted = true;
    }
    const auto settled = settled_day(q);
    if (q.answered_at != 0 && in_month(*settled)) {
      const bool late = q.due_day != 0 && *settled > q.due_day;
      const int days = health::working_days_between(calendar, received, *settled);
      for (Tally* t : {&a, &total}) {
        ++t->counts.answered;
        ++(late ? t->counts.late : t->counts.on_time);
        t->days.push_back(days);
      }
      counted = true;
    }
    // Still owed at the month's end (settled after it, or not at all) and already past due then.
    const bool owed_at_end = !settled || *settled > end;
    if (owed_at_end && q.due_day != 0 && q.due_day < end) {
      ++a.counts.overdue;
      ++total.counts.overdue;
      counted = true;
    }
    if (!counted && a.counts.received == 0 && a.counts.answered == 0 && a.counts.overdue == 0)
      by_agency.erase(agency_of(q));
  }
  MonthReport r;
  r.month = month;
  for (auto& [agency, t] : by_agency) {
    finish(t);
    t.counts.agency_id = agency;
    r.rows.push_back(t.counts);
  }
  finish(total);
  r.total = total.counts;
  return r;
}

}  // namespace portald::questions
