// Editable section pages (/trang/<slug>), the English section (/en, /en/<slug>) and the HTML site map.
#include "daemon/model/time.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

bool is_web_address(std::string_view v) {
  return v.starts_with("https://") || v.starts_with("http://") || v.starts_with("/");
}

// The structured entries as a table; an address column becomes a link.
void fill_entries(ctemplate::TemplateDictionary& dict, const model::SitePage& p) {
  const auto& columns = model::page_columns(p.kind);
  if (columns.empty() || p.entries.empty()) return;
  auto* table = dict.AddSectionDictionary("ENTRIES");
  for (const auto& c : columns)
    table->AddSectionDictionary("COLUMN")->SetValue("LABEL", std::string(p.lang == "en" ? c.label_en : c.label_vi));
  for (const auto& row : p.entries) {
    auto* r = table->AddSectionDictionary("ROW");
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
      auto* cell = r->AddSectionDictionary("CELL");
      const std::string& v = row[i];
      if (columns[i].key == "url" && is_web_address(v))
        cell->AddSectionDictionary("LINK")->SetValue("URL", v);
      else if (columns[i].key == "email" && v.find('@') != std::string::npos)
        cell->AddSectionDictionary("MAIL")->SetValue("ADDRESS", v);
      else
        cell->AddSectionDictionary("TEXT")->SetValue("VALUE", v);
    }
  }
}

Response render_site_page(const Context& ctx, const store::ReadTxn& txn, const model::SitePage& p) {
  ctemplate::TemplateDictionary dict("site_page");
  auto* head = fill_layout(dict, ctx, txn, p.title);
  const bool en = p.lang == "en";
  // The frame stays Vietnamese; the English content is marked lang="en" for screen readers.
  dict.SetValue("LANG", p.lang);
  dict.ShowSection(en ? "EN" : "VI");
  dict.SetValue("TITLE", p.title);
  dict.SetValue("BODY_HTML", p.body_html);  // sanitised when it was stored
  if (!p.summary.empty()) {
    dict.AddSectionDictionary("SUMMARY")->SetValue("TEXT", p.summary);
    head->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", p.summary);
  }
  dict.SetValue("UPDATED", en ? model::format_iso_date(
                                    static_cast<std::int32_t>((p.updated_at + model::kVietnamOffsetSeconds) / 86400))
                              : model::format_date_vn(p.updated_at));
  dict.SetValue("UPDATED_ISO", model::format_rfc3339(p.updated_at));
  fill_entries(dict, p);
  if (en) {
    for (const auto& other : store::list_site_pages(txn, ctx.store.tables())) {
      if (other.lang != "en") continue;
      auto* item = dict.AddSectionDictionary("EN_PAGE");
      item->SetValue("URL", site_page_url(other));
      item->SetValue("TITLE", other.title);
      if (other.id == p.id) item->ShowSection("CURRENT");
    }
  }
  return render_page(ctx, "site_page", dict);
}

}  // namespace

Response site_page(const Context& ctx, Request& req) {
  const store::ReadTxn txn = ctx.store.read();
  const auto p = store::find_site_page(txn, ctx.store.tables(), "vi", req.params.at("slug"));
  if (!p) throw HttpError(404, "Không tìm thấy trang bạn yêu cầu.");
  return render_site_page(ctx, txn, *p);
}

Response english_page(const Context& ctx, Request& req) {
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto it = req.params.find("slug");
  if (it == req.params.end()) {
    // /en: the English section's first page is its index.
    for (const auto& p : store::list_site_pages(txn, t))
      if (p.lang == "en") return render_site_page(ctx, txn, p);
    throw HttpError(404, "The English section has no pages yet.");
  }
  const auto p = store::find_site_page(txn, t, "en", it->second);
  if (!p) throw HttpError(404, "Không tìm thấy trang bạn yêu cầu (page not found).");
  return render_site_page(ctx, txn, *p);
}

Response sitemap_page(const Context& ctx, Request&) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto s = store::get_site_settings(txn, t);
  ctemplate::TemplateDictionary dict("sitemap");
  fill_layout(dict, ctx, txn, "Sơ đồ trang");
  for (const auto& c : store::list_categories(txn, t)) {
    auto* item = dict.AddSectionDictionary("CATEGORY");
    item->SetValue("SLUG", c.slug);
    item->SetValue("NAME", c.name);
  }
  for (const auto& p : store::list_site_pages(txn, t)) {
    auto* item = dict.AddSectionDictionary(p.lang == "en" ? "EN_PAGE" : "PAGE");
    item->SetValue("URL", site_page_url(p));
    item->SetValue("TITLE", p.title);
  }
  fill_service_links(dict, s);
  return render_page(ctx, "sitemap", dict);
}

void fill_service_links(ctemplate::TemplateDictionary& dict, const model::SiteSettings& s) {
  const std::pair<const char*, std::string> links[] = {
      {"Cổng Dịch vụ công quốc gia", s.national_service_url},
      {"Cổng Dịch vụ công của tỉnh", s.provincial_service_url},
      {"Cơ sở dữ liệu quốc gia về văn bản pháp luật", s.national_legal_db_url},
      {"Cổng dữ liệu mở của tỉnh", s.data_portal_url}};
  for (const auto& [name, url] : links) {
    if (url.empty()) continue;
    auto* item = dict.AddSectionDictionary("SERVICE_LINK");
    item->SetValue("NAME", name);
    item->SetValue("URL", url);
  }
}

}  // namespace portald::web
