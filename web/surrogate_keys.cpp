#include "web/surrogate_keys.hpp"

#include <algorithm>

#include "web/links.hpp"

namespace portald::web {
namespace {

// "<prefix>-<id>" for a parameter ending in an id ("ten-bai-viet-123"); "" when it has none.
std::string id_key(std::string_view prefix, const std::map<std::string, std::string, std::less<>>& params,
                   std::string_view name) {
  const auto it = params.find(name);
  if (it == params.end()) return {};
  const auto id = trailing_id(it->second);
  return id ? " " + std::string(prefix) + "-" + std::to_string(*id) : std::string();
}

// A key made of a URL parameter: only the characters a slug may hold, so a key never holds a space.
std::string slug_key(std::string_view prefix, const std::map<std::string, std::string, std::less<>>& params,
                     std::string_view name) {
  const auto it = params.find(name);
  if (it == params.end() || it->second.empty()) return {};
  for (const char c : it->second)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return {};
  return " " + std::string(prefix) + "-" + it->second;
}

}  // namespace

std::string surrogate_keys(std::string_view pattern, const std::map<std::string, std::string, std::less<>>& params) {
  const auto starts = [&](std::string_view p) { return pattern.starts_with(p); };
  if (starts("/static/")) return "static";
  std::string keys = "site";
  if (pattern == "/") {
    keys += " home articles documents questions";
  } else if (starts("/tin-tuc/")) {
    keys += id_key("article", params, "slug");
  } else if (starts("/chuyen-muc/")) {
    keys += slug_key("category", params, "slug") + " articles";
  } else if (starts("/van-ban")) {
    keys += " documents" + id_key("document", params, "slug");
  } else if (starts("/trang/") || starts("/en")) {
    keys += " pages";
  } else if (starts("/chuyen-de")) {
    keys += " topics articles";
  } else if (starts("/hoi-dap")) {
    keys += " questions" + id_key("question", params, "id");
  } else if (starts("/doi-thoai")) {
    keys += " dialogues" + id_key("dialogue", params, "id");
  } else if (pattern == "/so-do-trang") {
    keys += " pages topics";
  } else if (starts("/rss") || pattern == "/sitemap.xml" || pattern == "/robots.txt") {
    keys += " feeds articles documents questions";
  } else if (starts("/api/")) {
    keys += " api articles documents topics pages";
    if (starts("/api/v1/articles/")) keys += id_key("article", params, "id");
    if (starts("/api/v1/documents/")) keys += id_key("document", params, "id");
  } else {
    return {};
  }
  return keys;
}

namespace {

void add_keys(std::vector<std::string>& keys, const store::Change& c) {
  const auto add = [&](std::string k) {
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  };
  const std::string id = std::to_string(c.id);
  switch (c.kind) {
    case store::ChangeKind::article: add("article-" + id), add("articles"); break;
    case store::ChangeKind::document: add("document-" + id), add("documents"); break;
    case store::ChangeKind::question: add("question-" + id), add("questions"); break;
    case store::ChangeKind::dialogue: add("dialogue-" + id), add("dialogues"); break;
    case store::ChangeKind::topic: add("topics"); break;
    case store::ChangeKind::page:
      add("pages"), add("site");
      break;  // section pages are in the menus
    // Names, menus, the footer and images show on every page.
    case store::ChangeKind::category:
    case store::ChangeKind::agency:
    case store::ChangeKind::settings:
    case store::ChangeKind::media: add("site"); break;
  }
}

}  // namespace

std::string purge_keys(const std::vector<store::Change>& changes) {
  std::vector<std::string> keys;
  for (const auto& c : changes) add_keys(keys, c);
  // "site" is on every page but static files: with it, the others add nothing.
  if (std::find(keys.begin(), keys.end(), "site") != keys.end()) return "site";
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : " ") + k;
  return out;
}

}  // namespace portald::web
