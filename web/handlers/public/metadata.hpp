#pragma once
// The metadata in a public page's <head>: Dublin Core (the elements TT 24/2011 lists), Open Graph and
// schema.org JSON-LD, written into the header's dictionary (META_NAME, META_PROPERTY, CANONICAL,
// JSON_LD). Articles, legal documents and section pages share it (issue 14).
#include <ctemplate/template.h>

#include <nlohmann/json.hpp>
#include <string>

#include "daemon/model/site_settings.hpp"
#include "daemon/model/time.hpp"

namespace portald::web {

// One <meta> in `section` ("META_NAME" or "META_PROPERTY"); nothing when content is empty.
void meta(ctemplate::TemplateDictionary& dict, const char* section, const char* name, const std::string& content);

// JSON for a <script type="application/ld+json"> block: '<', '>' and '&' as \u escapes so the text
// can never close the element (they only occur inside JSON strings, where the escapes mean the same).
std::string script_safe_json(const nlohmann::json& j);

// The absolute address of `path` under the settings' public_url; "" when no public_url is configured.
std::string public_address(const model::SiteSettings& s, const std::string& path);

struct PageMetadata {
  std::string path;          // the page's own address ("/van-ban/...")
  std::string title;         // DC.title, og:title
  std::string description;   // DC.description, og:description (plain text)
  std::string creator;       // DC.creator: who wrote it ("" = the publisher)
  std::string subject;       // DC.subject (a field, a category)
  std::string lang = "vi";   // DC.language, og:locale, inLanguage
  model::UnixTime date = 0;  // DC.date: issued or last updated
  nlohmann::json json_ld;    // schema.org object without @context; publisher and url are added here
};

// Writes the DC, OG and JSON-LD for `m` (and the canonical link when public_url is set) into the
// header's dictionary; returns the page's absolute address ("" without public_url).
std::string fill_page_metadata(ctemplate::TemplateDictionary& head, const model::SiteSettings& s,
                               const PageMetadata& m);

}  // namespace portald::web
