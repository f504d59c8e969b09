#include "daemon/reports/agency_report.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace portald::reports {
namespace {

using model::Transition;

struct Tally {
  Figures figures{};
  std::vector<model::UnixTime> durations{};
};

void finish(Tally& t) {
  auto& f = t.figures;
  f.timed = int(t.durations.size());
  if (t.durations.empty()) return;
  std::sort(t.durations.begin(), t.durations.end());
  double sum = 0;
  for (const auto d : t.durations) sum += double(d);
  f.average_seconds = sum / double(t.durations.size());
  // Nearest rank, as the question report: the smallest value with at least 90% at or below it.
  const std::size_t rank = (t.durations.size() * 9 + 9) / 10;
  f.p90_seconds = t.durations[rank - 1];
}

// What one article adds to a tally (its agency's, its category's, the total).
struct Counts {
  int submitted = 0, published = 0, returned = 0, withdrawn = 0;
  std::vector<model::UnixTime> durations{};
  bool any() const { return submitted || published || returned || withdrawn; }
};

void add(Tally& t, const Counts& c) {
  t.figures.submitted += c.submitted;
  t.figures.published += c.published;
  t.figures.returned += c.returned;
  t.figures.withdrawn += c.withdrawn;
  t.durations.insert(t.durations.end(), c.durations.begin(), c.durations.end());
}

// A round opens with a submission and closes with the publication; returns and resubmissions in
// between belong to it, so its time counts the author's rework too (what the agency waits for).
Counts count_article(const ArticleHistory& a, model::UnixTime from, model::UnixTime to,
                     std::vector<ReturnNote>& notes) {
  std::vector<ArticleEvent> events = a.events;
  std::stable_sort(events.begin(), events.end(), [](const auto& x, const auto& y) { return x.at < y.at; });
  Counts c;
  std::optional<model::UnixTime> round_start;
  for (const auto& e : events) {
    const bool inside = e.at >= from && e.at < to;
    switch (e.transition) {
      case Transition::submit:
        if (round_start) break;
        round_start = e.at;
        if (inside) ++c.submitted;
        break;
      case Transition::return_to_author:
        if (!inside) break;
        ++c.returned;
        notes.push_back({a.article_id, a.agency_id, a.category_id, a.title, e.at, e.reason});
        break;
      case Transition::approve:
      case Transition::publish_scheduled:
        if (inside) {
          ++c.published;
          if (round_start) c.durations.push_back(e.at - *round_start);
        }
        round_start.reset();
        break;
      case Transition::withdraw:
        if (inside) ++c.withdrawn;
        break;
      default: break;  // taking for editing, sending for approval, (un)scheduling: inside a round
    }
  }
  return c;
}

}  // namespace

questions::MonthReport question_figures(const std::vector<model::Question>& items, std::int32_t first_day,
                                        std::int32_t last_day, const health::Calendar& calendar, std::int32_t today) {
  // month_report counts over its month's first..last day only, so any period of days fits in it.
  return questions::month_report(items, {.year = 0, .month = 0, .first_day = first_day, .last_day = last_day}, calendar,
                                 today);
}

AgencyReport agency_report(const std::vector<ArticleHistory>& articles, model::UnixTime from, model::UnixTime to,
                           questions::MonthReport questions) {
  std::map<std::uint64_t, std::pair<Tally, std::map<std::uint64_t, Tally>>> by_agency;
  Tally total;
  AgencyReport r;
  for (const auto& a : articles) {
    const Counts c = count_article(a, from, to, r.returns);
    if (!c.any()) continue;
    auto& [agency, categories] = by_agency[a.agency_id];
    add(agency, c);
    add(categories[a.category_id], c);
    add(total, c);
  }
  for (auto& [agency_id, tallies] : by_agency) {
    auto& [agency, categories] = tallies;
    finish(agency);
    AgencyFigures row{agency_id, agency.figures, {}};
    for (auto& [category_id, t] : categories) {
      finish(t);
      row.categories.push_back({category_id, t.figures});
    }
    r.agencies.push_back(std::move(row));
  }
  finish(total);
  r.total = total.figures;
  std::stable_sort(r.returns.begin(), r.returns.end(), [](const auto& x, const auto& y) { return x.at < y.at; });
  r.questions = std::move(questions);
  return r;
}

}  // namespace portald::reports
