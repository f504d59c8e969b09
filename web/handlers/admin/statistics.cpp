// Access statistics (issue 13), /quan-tri/thong-ke: views per day with bots apart, the most read
// articles of today, 7 and 30 days, and views per category, topic and document over a range; each table
// also as CSV. Figures only: the store holds nothing about who read.
#include <algorithm>
#include <functional>

#include "daemon/model/time.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/model/visit.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "daemon/store/visit_table.hpp"
#include "web/csv.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace statistics_pages {
namespace {

using K = model::VisitKind;
constexpr std::int32_t kMaxDays = 3660;  // a range longer than ten years is cut to its last ten
constexpr std::size_t kTop = 20;

struct Range {
  std::int32_t from = 0;
  std::int32_t to = 0;
};

// ?tu=YYYY-MM-DD&den=YYYY-MM-DD in Vietnam days; the last 30 days by default.
Range range_of(const Request& req) {
  const std::int32_t today = model::vietnam_day(model::now());
  Range r{.from = today - 29, .to = today};
  if (const auto d = model::parse_iso_date(req.query_value("den").value_or(""))) r.to = *d;
  if (const auto d = model::parse_iso_date(req.query_value("tu").value_or("")))
    r.from = *d;
  else if (req.query_value("den"))
    r.from = r.to - 29;
  if (r.from > r.to) std::swap(r.from, r.to);
  r.from = std::max(r.from, r.to - kMaxDays + 1);
  return r;
}

struct Named {
  std::string name;
  std::string url;  // "" when the object is gone
};

// The title and public address of an object of `kind`, for the tables.
Named name_of(const store::Txn& txn, const store::Tables& t, K kind, std::uint64_t id) {
  const std::string fallback = "(đã xóa) #" + std::to_string(id);
  switch (kind) {
    case K::article:
      if (const auto a = store::get_article(txn, t, id)) return {a->title, article_url(*a)};
      break;
    case K::document:
      if (const auto d = store::get_document(txn, t, id)) return {d->number + " " + d->abstract_text, document_url(*d)};
      break;
    case K::category:
      for (const auto& c : store::list_categories(txn, t))
        if (c.id == id) return {c.name, category_url(c)};
      break;
    case K::topic:
      for (const auto& tp : store::list_topics(txn, t))
        if (tp.id == id) return {tp.name, topic_url(tp)};
      break;
    default: break;
  }
  return {fallback, ""};
}

void add_ranking(ctemplate::TemplateDictionary& dict, const char* section, const std::string& heading,
                 const store::Txn& txn, const store::Tables& t, K kind, Range r) {
  auto* table = dict.AddSectionDictionary(section);
  table->SetValue("HEADING", heading);
  const auto rows = store::most_visited(txn, t, kind, r.from, r.to, kTop);
  if (rows.empty()) table->ShowSection("EMPTY");
  for (const auto& [id, views] : rows) {
    auto* row = table->AddSectionDictionary("ROW");
    const auto n = name_of(txn, t, kind, id);
    row->SetValue("NAME", n.name);
    if (!n.url.empty()) row->AddSectionDictionary("LINK")->SetValue("URL", n.url);
    row->SetValue("VIEWS", std::to_string(views));
  }
}

std::string query_of(Range r) {
  return "tu=" + model::format_iso_date(r.from) + "&den=" + model::format_iso_date(r.to);
}

}  // namespace

Response statistics_page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Range r = range_of(req);
  const std::int32_t today = model::vietnam_day(model::now());
  ctemplate::TemplateDictionary dict("admin_statistics");
  fill_admin_layout(dict, ctx, &me, req.session_csrf, "Thống kê truy cập");
  dict.SetValue("F_FROM", model::format_iso_date(r.from));
  dict.SetValue("F_TO", model::format_iso_date(r.to));
  dict.SetValue("QUERY", query_of(r));
  if (!ctx.visits) dict.ShowSection("OFF");
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto views = store::visits_per_day(txn, t, K::site, r.from, r.to);
  const auto bots = store::visits_per_day(txn, t, K::bot, r.from, r.to);
  std::uint64_t sum = 0, bot_sum = 0;
  for (std::int32_t d = r.to; d >= r.from; --d) {
    const auto v = views.contains(d) ? views.at(d) : 0;
    const auto b = bots.contains(d) ? bots.at(d) : 0;
    sum += v;
    bot_sum += b;
    auto* row = dict.AddSectionDictionary("DAY");
    row->SetValue("DATE", model::format_iso_date(d));
    row->SetValue("VIEWS", std::to_string(v));
    row->SetValue("BOTS", std::to_string(b));
  }
  dict.SetValue("SUM", std::to_string(sum));
  dict.SetValue("BOT_SUM", std::to_string(bot_sum));
  add_ranking(dict, "TOP", "Bài đọc nhiều nhất hôm nay", txn, t, K::article, {today, today});
  add_ranking(dict, "TOP", "Bài đọc nhiều nhất 7 ngày qua", txn, t, K::article, {today - 6, today});
  add_ranking(dict, "TOP", "Bài đọc nhiều nhất 30 ngày qua", txn, t, K::article, {today - 29, today});
  add_ranking(dict, "TOP", "Bài viết (trong khoảng đã chọn)", txn, t, K::article, r);
  add_ranking(dict, "TOP", "Chuyên mục (trong khoảng đã chọn)", txn, t, K::category, r);
  add_ranking(dict, "TOP", "Chuyên đề (trong khoảng đã chọn)", txn, t, K::topic, r);
  add_ranking(dict, "TOP", "Văn bản (trong khoảng đã chọn)", txn, t, K::document, r);
  return render_admin(ctx, "admin_statistics", dict);
}

Response statistics_csv(const Context& ctx, Request& req) {
  const Range r = range_of(req);
  const std::string table(req.query_value("bang").value_or("ngay"));
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  std::string out;
  if (table == "ngay") {
    out = "ngay,luot_xem,luot_bot\r\n";
    const auto views = store::visits_per_day(txn, t, K::site, r.from, r.to);
    const auto bots = store::visits_per_day(txn, t, K::bot, r.from, r.to);
    for (std::int32_t d = r.from; d <= r.to; ++d)
      out += model::format_iso_date(d) + "," + std::to_string(views.contains(d) ? views.at(d) : 0) + "," +
             std::to_string(bots.contains(d) ? bots.at(d) : 0) + "\r\n";
    return csv_download(std::move(out), "thong-ke-theo-ngay.csv");
  }
  const std::pair<const char*, K> kinds[] = {
      {"bai-viet", K::article}, {"chuyen-muc", K::category}, {"chuyen-de", K::topic}, {"van-ban", K::document}};
  const auto* k = std::find_if(std::begin(kinds), std::end(kinds), [&](const auto& x) { return table == x.first; });
  if (k == std::end(kinds)) throw HttpError(404, "Không có bảng thống kê này.");
  out = "ma,ten,dia_chi,luot_xem\r\n";
  for (const auto& [id, views] : store::most_visited(txn, t, k->second, r.from, r.to, SIZE_MAX)) {
    const auto n = name_of(txn, t, k->second, id);
    out += std::to_string(id) + "," + csv_cell(n.name) + "," + csv_cell(n.url) + "," + std::to_string(views) + "\r\n";
  }
  return csv_download(std::move(out), std::string("thong-ke-") + k->first + ".csv");
}

}  // namespace statistics_pages
}  // namespace portald::web::admin
