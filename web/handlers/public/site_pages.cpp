// Editable section pages (/trang/<slug>), the English section (/en, /en/<slug>) and the HTML site map.
#include <algorithm>

#include "daemon/media/responsive_images.hpp"
#include "daemon/model/footer_facts.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/metadata.hpp"
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
      else if (columns[i].key == "phone" && !v.empty())
        fill_phone(*cell->AddSectionDictionary("PHONE"), v);
      else
        cell->AddSectionDictionary("TEXT")->SetValue("VALUE", v);
    }
  }
}

}  // namespace

Response render_site_page(const Context& ctx, const store::ReadTxn& txn, const model::SitePage& p) {
  ctemplate::TemplateDictionary dict("site_page");
  const bool en = p.lang == "en";
  // The English section has the English frame (header, menu, footer, breadcrumb, <html lang="en">).
  auto* head =
      en ? fill_english_layout(dict, ctx, txn, p.title, site_page_url(p)) : fill_layout(dict, ctx, txn, p.title);
  dict.ShowSection(en ? "EN" : "VI");
  dict.SetValue("TITLE", p.title);
  // Sanitised when it was stored; images get srcset and sizes now (issue 14).
  dict.AddSectionDictionary("CONTENT")->SetValue(
      "BODY_HTML", media::add_responsive_images(p.body_html, media::store_image_lookup(txn, ctx.store.tables())));
  if (!p.summary.empty()) {
    dict.AddSectionDictionary("SUMMARY")->SetValue("TEXT", p.summary);
    head->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", p.summary);
  }
  auto* updated = dict.AddSectionDictionary("UPDATED");
  updated->SetValue("DATE", en ? model::format_iso_date(
                                     static_cast<std::int32_t>((p.updated_at + model::kVietnamOffsetSeconds) / 86400))
                               : model::format_date_vn(p.updated_at));
  updated->SetValue("ISO", model::format_rfc3339(p.updated_at));
  // Dublin Core, Open Graph and a schema.org WebPage, as articles and documents have (issue 14).
  fill_page_metadata(
      *head, store::get_site_settings(txn, ctx.store.tables()),
      {.path = site_page_url(p),
       .title = p.title,
       .description = p.summary,
       .creator = {},
       .subject = {},
       .lang = p.lang,
       .date = p.updated_at,
       .json_ld = {{"@type", "WebPage"}, {"name", p.title}, {"dateModified", model::format_rfc3339(p.updated_at)}}});
  fill_entries(dict, p);
  return render_page(ctx, "site_page", dict);
}

namespace {

// A mandatory section with no published page yet: "Đang cập nhật" and whom to ask meanwhile (the
// responsible person and the contact lines of the settings), never a 404 from a link the portal draws.
// Not for search engines until it has content.
Response render_pending_section(const Context& ctx, const store::ReadTxn& txn, const model::SectionSpec& spec) {
  ctemplate::TemplateDictionary dict("site_page");
  const std::string title(spec.title);
  const bool en = spec.lang == "en";
  auto* head = en ? fill_english_layout(dict, ctx, txn, title, "/en/" + std::string(spec.slug))
                  : fill_layout(dict, ctx, txn, title);
  auto* robots = head->AddSectionDictionary("META_NAME");
  robots->SetValue("NAME", "robots");
  robots->SetValue("CONTENT", "noindex, follow");
  dict.ShowSection(en ? "EN" : "VI");
  dict.SetValue("TITLE", title);
  const auto s = store::get_site_settings(txn, ctx.store.tables());
  auto* pending = dict.AddSectionDictionary("PENDING");
  const std::string responsible = model::responsible_line(s);
  const std::pair<const char*, const std::string*> lines[] = {{"AGENCY", &s.governing_agency},
                                                              {"PERSON", &responsible},
                                                              {"ADDRESS", &s.address},
                                                              {"PHONE", &s.phone},
                                                              {"EMAIL", &s.email}};
  bool any = false;
  for (const auto& [key, value] : lines)
    if (!value->empty()) {
      auto* line = pending->AddSectionDictionary(key);
      if (value == &s.phone)
        fill_phone(*line, *value);
      else
        line->SetValue("TEXT", *value);
      any = true;
    }
  if (any) pending->ShowSection("CONTACT");
  return render_page(ctx, "site_page", dict);
}

}  // namespace

std::vector<SectionLink> section_links(const store::Txn& txn, const store::Tables& t, std::string_view lang) {
  std::vector<SectionLink> out;
  for (const auto& p : store::list_site_pages(txn, t))
    if (p.lang == lang) out.push_back({site_page_url(p), p.title, false});
  for (const auto& spec : model::mandatory_sections()) {
    if (spec.lang != lang) continue;
    const std::string url = (lang == "en" ? "/en/" : "/trang/") + std::string(spec.slug);
    if (std::none_of(out.begin(), out.end(), [&](const SectionLink& l) { return l.url == url; }))
      out.push_back({url, std::string(spec.title), true});
  }
  return out;
}

Response site_page(const Context& ctx, Request& req) {
  const store::ReadTxn txn = ctx.store.read();
  const std::string& slug = req.params.at("slug");
  const auto p = store::find_site_page(txn, ctx.store.tables(), "vi", slug);
  if (p) return render_site_page(ctx, txn, *p);
  if (const auto* spec = model::find_mandatory_section("vi", slug)) return render_pending_section(ctx, txn, *spec);
  throw HttpError(404, "Không tìm thấy trang bạn yêu cầu.");
}

Response english_page(const Context& ctx, Request& req) {
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto it = req.params.find("slug");
  if (it == req.params.end()) {
    // /en: the English section's first page is its index; before any is published, its first section.
    for (const auto& p : store::list_site_pages(txn, t))
      if (p.lang == "en") return render_site_page(ctx, txn, p);
    return render_pending_section(ctx, txn, *model::find_mandatory_section("en", "about"));
  }
  const auto p = store::find_site_page(txn, t, "en", it->second);
  if (p) return render_site_page(ctx, txn, *p);
  if (const auto* spec = model::find_mandatory_section("en", it->second))
    return render_pending_section(ctx, txn, *spec);
  throw HttpError(404, "Không tìm thấy trang bạn yêu cầu (page not found).");
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
  for (const char* lang : {"vi", "en"})
    for (const auto& link : section_links(txn, t, lang)) {
      auto* item = dict.AddSectionDictionary(std::string_view(lang) == "en" ? "EN_PAGE" : "PAGE");
      item->SetValue("URL", link.url);
      item->SetValue("TITLE", link.title);
      if (link.pending) item->ShowSection("PENDING");
    }
  for (const auto& tp : store::list_topics(txn, t)) {  // each topic's feed (issue 14)
    auto* item = dict.AddSectionDictionary("TOPIC_FEED");
    item->SetValue("SLUG", tp.slug);
    item->SetValue("NAME", tp.name);
  }
  fill_service_links(dict, s);
  return render_page(ctx, "sitemap", dict);
}

void fill_service_links(ctemplate::TemplateDictionary& dict, const model::SiteSettings& s) {
  const std::pair<std::string, std::string> links[] = {
      {"Cổng Dịch vụ công quốc gia", s.national_service_url},
      {"Cổng Dịch vụ công của " + s.locality, s.provincial_service_url},
      {"Cơ sở dữ liệu quốc gia về văn bản pháp luật", s.national_legal_db_url},
      {"Cổng dữ liệu mở của " + s.locality, s.data_portal_url}};
  for (const auto& [name, url] : links) {
    if (url.empty()) continue;
    auto* item = dict.AddSectionDictionary("SERVICE_LINK");
    item->SetValue("NAME", name);
    item->SetValue("URL", url);
  }
}

}  // namespace portald::web
