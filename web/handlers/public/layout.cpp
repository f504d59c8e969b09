#include "web/handlers/public/layout.hpp"

#include "daemon/model/footer_facts.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"

namespace portald::web {
namespace {

// Shows section `name` with one value when text is non-empty (empty footer lines disappear).
void optional_line(ctemplate::TemplateDictionary& dict, const char* section, const char* key, const std::string& text) {
  if (!text.empty()) dict.AddSectionDictionary(section)->SetValue(key, text);
}

// The frame of a page in `lang` ("vi", or "en" for the English section: its labels, menu and footer in
// English, the portal's name from the english_name setting).
ctemplate::TemplateDictionary* fill_frame(ctemplate::TemplateDictionary& dict, const Context& ctx,
                                          const store::Txn& txn, std::string_view page_title, std::string_view lang,
                                          std::uint64_t current_category, std::string_view current_url) {
  const auto& t = ctx.store.tables();
  const bool en = lang == "en";
  model::SiteSettings s = store::get_site_settings(txn, t);
  if (!ctx.site_name.empty()) s.portal_name = ctx.site_name;
  if (en && !s.english_name.empty()) s.portal_name = s.english_name;
  auto* header = dict.AddIncludeDictionary("HEADER");
  header->SetFilename("header.tpl");
  auto* footer = dict.AddIncludeDictionary("FOOTER");
  footer->SetFilename("footer.tpl");
  for (auto* d : {&dict, header, footer}) {
    d->SetValue("PORTAL_NAME", s.portal_name);
    d->SetValue("PAGE_TITLE", std::string(page_title));
    d->SetValue("LOCALITY", s.locality);
    optional_line(*d, "GOVERNING", "AGENCY", s.governing_agency);
  }
  for (auto* d : {header, footer}) d->ShowSection(en ? "EN" : "VI");
  dict.SetValue("LANG", std::string(lang));
  header->SetValue("HTML_LANG", std::string(lang));
  header->SetValue("HOME", en ? "/en" : "/");
  optional_line(*header, "LOGO", "URL", s.logo_url);
  if (model::script_origin(s.emc_script_url)) header->AddSectionDictionary("EMC")->SetValue("URL", s.emc_script_url);
  optional_line(*footer, "NATIONAL_SERVICE", "URL", s.national_service_url);
  optional_line(*footer, "PROVINCIAL_SERVICE", "URL", s.provincial_service_url);
  if (en) {
    for (const auto& link : section_links(txn, t, "en")) {
      auto* item = header->AddSectionDictionary("EN_MENU");
      item->SetValue("URL", link.url);
      item->SetValue("NAME", link.title);
      if (link.url == current_url) item->ShowSection("CURRENT");
    }
  } else {
    for (const auto& c : store::list_categories(txn, t)) {
      auto* item = header->AddSectionDictionary("MENU");
      item->SetValue("SLUG", c.slug);
      item->SetValue("NAME", c.name);
      if (c.id == current_category) item->ShowSection("CURRENT");
    }
  }
  optional_line(*footer, "RESPONSIBLE", "PERSON", model::responsible_line(s));
  if (!s.licence.empty()) {  // "Giấy phép số … do … cấp ngày …", each part from its own setting
    auto* licence = footer->AddSectionDictionary("LICENCE");
    licence->SetValue("NUMBER", s.licence);
    optional_line(*licence, "ISSUER", "NAME", s.licence_issuer);
    optional_line(*licence, "DATE", "TEXT", model::iso_date_to_vn(s.licence_date));
  }
  optional_line(*footer, "ADDRESS", "TEXT", s.address);
  if (!s.phone.empty()) fill_phone(*footer->AddSectionDictionary("PHONE"), s.phone);
  optional_line(*footer, "EMAIL", "TEXT", s.email);
  footer->SetValue("SOURCE_NOTICE", s.source_notice);
  // The figures change every second while the page is cached until the next edit: the page carries an
  // empty line and /static/visits.js fills it from /api/v1/visits (issue 13).
  if (ctx.visits && s.show_visit_counter == "1") footer->ShowSection("VISITS");
  // The intake form for news from outside (issue 16, Điều 8.1), unless the board turned it off.
  if (s.show_intake_form == "1") footer->ShowSection("INTAKE");
  return header;
}

}  // namespace

ctemplate::TemplateDictionary* fill_layout(ctemplate::TemplateDictionary& dict, const Context& ctx,
                                           const store::Txn& txn, std::string_view page_title,
                                           std::uint64_t current_category) {
  return fill_frame(dict, ctx, txn, page_title, "vi", current_category, {});
}

ctemplate::TemplateDictionary* fill_english_layout(ctemplate::TemplateDictionary& dict, const Context& ctx,
                                                   const store::Txn& txn, std::string_view page_title,
                                                   std::string_view current_url) {
  return fill_frame(dict, ctx, txn, page_title, "en", 0, current_url);
}

void fill_article_summary(ctemplate::TemplateDictionary& item, const model::Article& a) {
  item.SetValue("URL", article_url(a));
  item.SetValue("TITLE", a.title);
  item.SetValue("DATE", model::format_date_vn(a.published_at));
  item.SetValue("ISO_DATE", model::format_rfc3339(a.published_at));
  if (!a.summary.empty()) item.AddSectionDictionary("SUMMARY")->SetValue("TEXT", a.summary);
}

void fill_phone(ctemplate::TemplateDictionary& into, const std::string& text) {
  into.SetValue("TEXT", text);
  if (const auto number = dialable_number(text); !number.empty())
    into.AddSectionDictionary("TEL")->SetValue("NUMBER", number);
  else
    into.ShowSection("NO_TEL");
}

Response render_page(const Context& ctx, std::string_view template_name, const ctemplate::TemplateDictionary& dict,
                     int status) {
  return Response::html(ctx.templates.render(template_name, dict), status);
}

}  // namespace portald::web
