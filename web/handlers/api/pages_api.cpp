// /api/v1/pages: the editable section pages with their structured entries as records.
#include "daemon/model/time.hpp"
#include "daemon/store/page_table.hpp"
#include "web/handlers/api/api.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

nlohmann::json page_json(const model::SitePage& p, bool full) {
  nlohmann::json j{{"id", p.id},
                   {"lang", p.lang},
                   {"slug", p.slug},
                   {"title", p.title},
                   {"summary", p.summary},
                   {"kind", model::to_string(p.kind)},
                   {"url", site_page_url(p)},
                   {"updated_at", model::format_rfc3339(p.updated_at)}};
  if (!full) return j;
  j["body_html"] = p.body_html;
  nlohmann::json entries = nlohmann::json::array();
  const auto& columns = model::page_columns(p.kind);
  for (const auto& row : p.entries) {
    nlohmann::json e = nlohmann::json::object();
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) e[std::string(columns[i].key)] = row[i];
    entries.push_back(std::move(e));
  }
  j["entries"] = std::move(entries);
  return j;
}

}  // namespace

Response api_pages(const Context& ctx, Request& req) {
  const auto lang = req.query_value("lang").value_or("");
  if (!lang.empty() && lang != "vi" && lang != "en") throw HttpError(400, "lang must be vi or en");
  const store::ReadTxn txn = ctx.store.read();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : store::list_site_pages(txn, ctx.store.tables()))
    if (lang.empty() || p.lang == lang) items.push_back(page_json(p, false));
  return api_json({{"total", items.size()}, {"items", std::move(items)}});
}

Response api_page(const Context& ctx, Request& req) {
  const store::ReadTxn txn = ctx.store.read();
  const auto p = store::find_site_page(txn, ctx.store.tables(), req.params.at("lang"), req.params.at("slug"));
  if (!p) throw HttpError(404, "no such page");
  return api_json(page_json(*p, true));
}

}  // namespace portald::web
