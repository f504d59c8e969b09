#include "daemon/reports/report_inputs.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "daemon/model/audit_action.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/question_table.hpp"

namespace portald::reports {
namespace {

// The audit log is read whole for the period: a report must not silently drop the oldest entries.
constexpr std::size_t kAuditLimit = 10'000'000;
constexpr std::size_t kQuestionLimit = 1'000'000;  // every item: answers in a period may be to old questions
constexpr std::string_view kArticlePrefix = "article/";

std::optional<std::uint64_t> article_id(std::string_view object) {
  if (!object.starts_with(kArticlePrefix)) return std::nullopt;
  object.remove_prefix(kArticlePrefix.size());
  std::uint64_t id = 0;
  const auto r = std::from_chars(object.data(), object.data() + object.size(), id);
  if (r.ec != std::errc{} || r.ptr != object.data() + object.size()) return std::nullopt;
  return id;
}

}  // namespace

std::vector<ArticleHistory> read_article_histories(const store::Txn& txn, const store::Tables& t,
                                                   model::UnixTime until) {
  std::map<std::uint64_t, std::vector<ArticleEvent>> events;
  for (auto& e : store::find_audit(txn, t, {.action_prefix = "article.", .until = until}, kAuditLimit)) {
    const auto transition = model::parse_transition(std::string_view(e.action).substr(8));
    const auto id = article_id(e.object);
    if (!transition || !id) continue;  // saving and restoring versions are not workflow steps
    events[*id].push_back({e.at, *transition, std::move(e.reason)});
  }
  std::vector<ArticleHistory> out;
  out.reserve(events.size());
  for (auto& [id, steps] : events) {
    ArticleHistory h{.article_id = id, .events = std::move(steps)};
    if (const auto a = store::get_article(txn, t, id)) {
      h.agency_id = a->agency_id;
      h.category_id = a->category_id;
      h.title = a->title;
    }
    out.push_back(std::move(h));
  }
  return out;
}

AgencyReport read_agency_report(const store::Txn& txn, const store::Tables& t, const ReportRange& range,
                                const health::Calendar& calendar, std::int32_t today) {
  const auto questions = store::list_questions(txn, t, kQuestionLimit);
  return agency_report(read_article_histories(txn, t, range.to()), range.from(), range.to(),
                       question_figures(questions, range.first_day, range.last_day, calendar, today));
}

std::vector<model::UnixTime> read_publication_times(const store::Txn& txn, const store::Tables& t, model::UnixTime from,
                                                    model::UnixTime to) {
  std::vector<model::UnixTime> out;
  if (to <= from) return out;
  // The index's key: time_key(published_at) + be64(id) (store.hpp).
  store::Cursor cursor(txn, t.articles_published);
  const std::string end = store::be64(store::time_key(to));
  for (bool ok = cursor.seek(store::be64(store::time_key(from))); ok && cursor.key() < end; ok = cursor.next())
    out.push_back(static_cast<model::UnixTime>(store::read_be64(cursor.key()) ^ (std::uint64_t(1) << 63)));
  return out;
}

std::vector<model::AuditEntry> read_operations_audit(const store::Txn& txn, const store::Tables& t,
                                                     model::UnixTime from, model::UnixTime to) {
  std::vector<model::AuditEntry> out;
  for (const auto* prefix : {"login.", "settings.maintenance"}) {
    auto part = store::find_audit(txn, t, {.action_prefix = prefix, .since = from, .until = to}, kAuditLimit);
    out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return out;
}

std::size_t count_between(const std::vector<model::UnixTime>& sorted, model::UnixTime from, model::UnixTime to) {
  if (to <= from) return 0;
  return std::size_t(std::lower_bound(sorted.begin(), sorted.end(), to) -
                     std::lower_bound(sorted.begin(), sorted.end(), from));
}

}  // namespace portald::reports
