#include "web/handlers/public/metadata.hpp"

namespace portald::web {

void meta(ctemplate::TemplateDictionary& dict, const char* section, const char* name, const std::string& content) {
  if (content.empty()) return;
  auto* m = dict.AddSectionDictionary(section);
  m->SetValue("NAME", name);
  m->SetValue("CONTENT", content);
}

std::string script_safe_json(const nlohmann::json& j) {
  std::string out;
  for (const char c : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

std::string public_address(const model::SiteSettings& s, const std::string& path) {
  if (s.public_url.empty()) return "";
  return (s.public_url.ends_with('/') ? s.public_url.substr(0, s.public_url.size() - 1) : s.public_url) + path;
}

std::string fill_page_metadata(ctemplate::TemplateDictionary& head, const model::SiteSettings& s,
                               const PageMetadata& m) {
  const std::string url = public_address(s, m.path);
  const std::string publisher = s.governing_agency.empty() ? s.portal_name : s.governing_agency;
  const std::string date = m.date ? model::format_rfc3339(m.date) : "";
  if (!url.empty()) head.AddSectionDictionary("CANONICAL")->SetValue("URL", url);  // must be absolute
  meta(head, "META_PROPERTY", "og:type", "article");
  meta(head, "META_PROPERTY", "og:title", m.title);
  meta(head, "META_PROPERTY", "og:description", m.description);
  meta(head, "META_PROPERTY", "og:site_name", s.portal_name);
  meta(head, "META_PROPERTY", "og:locale", m.lang == "en" ? "en_US" : "vi_VN");
  meta(head, "META_PROPERTY", "og:url", url);
  meta(head, "META_NAME", "DC.title", m.title);
  meta(head, "META_NAME", "DC.creator", m.creator.empty() ? publisher : m.creator);
  meta(head, "META_NAME", "DC.publisher", publisher);
  meta(head, "META_NAME", "DC.date", date.substr(0, 10));
  meta(head, "META_NAME", "DC.description", m.description);
  meta(head, "META_NAME", "DC.subject", m.subject);
  meta(head, "META_NAME", "DC.type", "Text");
  meta(head, "META_NAME", "DC.format", "text/html");
  meta(head, "META_NAME", "DC.language", m.lang);
  meta(head, "META_NAME", "DC.identifier", url.empty() ? m.path : url);
  meta(head, "META_NAME", "DC.rights", s.source_notice);
  nlohmann::json ld = m.json_ld.is_object() ? m.json_ld : nlohmann::json::object();
  ld["@context"] = "https://schema.org";
  ld["inLanguage"] = m.lang;
  ld["publisher"] = {{"@type", "GovernmentOrganization"}, {"name", publisher}};
  if (!url.empty()) ld["url"] = url;
  head.AddSectionDictionary("JSON_LD")->SetValue("JSON", script_safe_json(ld));
  return url;
}

}  // namespace portald::web
