// /quan-tri/lich-bien-tap (issue 16): the editorial calendar of a month for the board. Each day lists
// what was published and what is scheduled; days off are marked; on each working day a cadence window
// (Điều 10.1, the cadence check's own windows and calendar) that nothing fills is flagged, so the
// secretariat sees a gap ahead and schedules into it. Commissions (Điều 6.1c-d) show on their due day.
#include "daemon/reports/editorial_calendar.hpp"

#include <map>

#include "daemon/editorial/commission_service.hpp"
#include "daemon/editorial/editorial.hpp"
#include "daemon/health/working_days.hpp"
#include "daemon/reports/report_range.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/commission_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"

namespace portald::web::admin::calendar_pages {
namespace {

constexpr const char* kWeekdays[] = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"};

// Published articles with from <= published_at < to (the index: time_key + be64(id)), then the scheduled
// items due in the same interval.
std::vector<reports::CalendarEntry> read_entries(const Context& ctx, model::UnixTime from, model::UnixTime to) {
  std::vector<reports::CalendarEntry> out;
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  store::Cursor c(txn, t.articles_published);
  const std::string end = store::be64(store::time_key(to));
  for (bool ok = c.seek(store::be64(store::time_key(from))); ok && c.key() < end; ok = c.next()) {
    const auto a = store::get_article(txn, t, store::read_be64(c.key().substr(8)));
    if (a) out.push_back({.at = a->published_at, .article_id = a->id, .title = a->title, .url = article_url(*a)});
  }
  for (const auto& e : store::list_editorial(txn, t)) {
    if (e.state != model::ArticleStatus::scheduled || e.scheduled_at < from || e.scheduled_at >= to) continue;
    const auto item = editorial::load_item(txn, t, e.article_id);
    if (!item) continue;
    out.push_back({.at = e.scheduled_at,
                   .article_id = e.article_id,
                   .title = item->work.title,
                   .url = "/quan-tri/bai-viet/" + std::to_string(e.article_id),
                   .scheduled = true});
  }
  return out;
}

// What the calendar shows of a commission on its due day (cancelled ones are left out).
struct DueCommission {
  std::uint64_t id = 0;
  std::string title, assignee;
  std::string state;  // label
  bool overdue = false;
};

std::map<std::int32_t, std::vector<DueCommission>> read_commissions(const Context& ctx, std::int32_t first_day,
                                                                    std::int32_t last_day, model::UnixTime now) {
  std::map<std::int32_t, std::vector<DueCommission>> out;
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  for (const auto& c : store::list_commissions(txn, t)) {
    if (c.state == model::CommissionState::cancelled || c.due_day < first_day || c.due_day > last_day) continue;
    out[c.due_day].insert(out[c.due_day].begin(),  // the list is newest first; a day reads oldest first
                          {c.id, c.title, editorial::assignee_label(txn, t, c),
                           std::string(model::commission_state_label(c.state)), model::is_overdue(c, now)});
  }
  return out;
}

std::string window_label(const health::Window& w) {
  const std::string name = w.name == "morning" ? "Buổi sáng" : w.name == "afternoon" ? "Buổi chiều" : w.name;
  return name + " (" + health::format_clock(w.start_minute) + "–" + health::format_clock(w.end_minute) + ")";
}

void fill_day(ctemplate::TemplateDictionary& dict, const reports::CalendarDay& day, model::UnixTime now,
              const std::vector<DueCommission>& due) {
  auto* d = dict.AddSectionDictionary("DAY");
  const std::string iso = model::format_iso_date(day.day);
  d->SetValue("ISO", iso);
  d->SetValue("DATE", iso.substr(8, 2) + "/" + iso.substr(5, 2));
  d->SetValue("WEEKDAY", kWeekdays[health::weekday(day.day)]);
  if (!day.working) d->ShowSection("OFF");
  for (const auto& e : day.entries) {
    auto* row = d->AddSectionDictionary("ENTRY");
    row->SetValue("AT", model::format_datetime_vn(e.at).substr(11));
    row->SetValue("TITLE", e.title);
    row->SetValue("URL", e.url);
    row->SetValue("KIND", e.scheduled ? "scheduled" : "published");
    row->SetValue("KIND_LABEL", e.scheduled ? "Hẹn giờ" : "Đã xuất bản");
  }
  for (const auto& c : due) {
    auto* row = d->AddSectionDictionary("COMMISSION");
    row->SetValue("ID", std::to_string(c.id));
    row->SetValue("TITLE", c.title);
    row->SetValue("ASSIGNEE", c.assignee);
    row->SetValue("STATE", c.state);
    if (c.overdue) row->ShowSection("OVERDUE");
  }
  for (const auto& w : day.windows) {
    auto* row = d->AddSectionDictionary("WINDOW");
    row->SetValue("LABEL", window_label(*w.window));
    row->SetValue("NAME", w.window->name);
    if (!w.gap())
      row->ShowSection("FILLED");
    else if (w.closes > now)
      row->ShowSection("GAP_AHEAD");
    else
      row->ShowSection("GAP_PAST");
  }
}

}  // namespace

Response calendar_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const model::UnixTime now = model::now();
  const auto month = req.query_value("thang");
  auto parsed =
      reports::parse_range({.month = month && !month->empty() ? month : std::nullopt}, health::local_day(now));
  ctemplate::TemplateDictionary dict("admin_editorial_calendar");
  auto* header = fill_admin_layout(dict, ctx, &user, req.session_csrf, "Lịch biên tập");
  if (!parsed.range) {
    header->AddSectionDictionary("ERROR")->SetValue("TEXT", parsed.error);
    parsed = reports::parse_range({}, health::local_day(now));
  }
  const auto& range = *parsed.range;
  dict.SetValue("MONTH", range.slug);
  dict.SetValue("LABEL", range.label);
  health::CadencePolicy policy;
  policy.windows = ctx.cadence_windows;
  policy.calendar = health::read_calendar(ctx.working_days, ctx.holidays_file);
  if (policy.windows.empty()) dict.ShowSection("NO_WINDOWS");
  const auto days =
      reports::editorial_calendar(policy, range.first_day, range.last_day, read_entries(ctx, range.from(), range.to()));
  const auto commissions = read_commissions(ctx, range.first_day, range.last_day, now);
  std::size_t gaps_ahead = 0;
  for (const auto& day : days) {
    const auto due = commissions.find(day.day);
    fill_day(dict, day, now, due == commissions.end() ? std::vector<DueCommission>{} : due->second);
    for (const auto& w : day.windows) gaps_ahead += w.gap() && w.closes > now ? 1 : 0;
  }
  dict.SetValue("GAPS_AHEAD", std::to_string(gaps_ahead));
  return render_admin(ctx, "admin_editorial_calendar", dict);
}

}  // namespace portald::web::admin::calendar_pages
