#pragma once
// The shared frame of public pages: header, menu and footer from the site settings, article list
// items, and rendering through the templates. URLs are built in web/links.hpp.
#include <ctemplate/template.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "daemon/model/article.hpp"
#include "daemon/store/store.hpp"
#include "web/context.hpp"
#include "web/server/response.hpp"

namespace portald::web {

// Fills the header/footer values and includes; current_category marks the menu entry (0 = none).
// Returns the header's dictionary: sections shown in <head> (DESCRIPTION, META_NAME, META_PROPERTY,
// CANONICAL, JSON_LD) must be added there, since ctemplate sections are not inherited by includes.
ctemplate::TemplateDictionary* fill_layout(ctemplate::TemplateDictionary& dict, const Context& ctx,
                                           const store::Txn& txn, std::string_view page_title,
                                           std::uint64_t current_category = 0);
// The same frame in English for the English section (/en): <html lang="en">, English labels, the
// English pages as the menu (current_url marked), the english_name setting as the portal's name.
ctemplate::TemplateDictionary* fill_english_layout(ctemplate::TemplateDictionary& dict, const Context& ctx,
                                                   const store::Txn& txn, std::string_view page_title,
                                                   std::string_view current_url);
// Adds one article's list values (URL, TITLE, DATE, ISO_DATE, SUMMARY) to a section dictionary.
void fill_article_summary(ctemplate::TemplateDictionary& item, const model::Article& a);
// A telephone number shown as `text` in `into`: under TEL (with NUMBER, for href="tel:{{NUMBER:u}}") when
// it is one dialable number, under NO_TEL otherwise, so a phone user taps to call.
void fill_phone(ctemplate::TemplateDictionary& into, const std::string& text);
// Renders a full page through the template set.
Response render_page(const Context& ctx, std::string_view template_name, const ctemplate::TemplateDictionary& dict,
                     int status = 200);

}  // namespace portald::web
