// Article status names: the stable keys that records store.
#include "daemon/model/article.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "daemon/model/media_link.hpp"

namespace portald::model {
namespace {

constexpr std::array<std::pair<ArticleStatus, std::string_view>, 9> kStatuses{{
    {ArticleStatus::draft, "draft"},
    {ArticleStatus::submitted, "submitted"},
    {ArticleStatus::editing, "editing"},
    {ArticleStatus::awaiting_approval, "awaiting-approval"},
    {ArticleStatus::published, "published"},
    {ArticleStatus::returned, "returned"},
    {ArticleStatus::withdrawn, "withdrawn"},
    {ArticleStatus::scheduled, "scheduled"},
    {ArticleStatus::awaiting_clarification, "awaiting-clarification"},
}};

}  // namespace

std::string_view to_string(ArticleStatus s) {
  for (const auto& [x, key] : kStatuses)
    if (x == s) return key;
  return "draft";
}

std::optional<ArticleStatus> parse_article_status(std::string_view s) {
  for (const auto& [x, key] : kStatuses)
    if (key == s) return x;
  return std::nullopt;
}

std::vector<std::uint64_t> extras_media_ids(const ArticleExtras& e) {
  std::vector<std::uint64_t> ids;
  if (e.lead_media_id) ids.push_back(e.lead_media_id);
  for (const auto& g : e.gallery)
    if (g.media_id) ids.push_back(g.media_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<std::uint64_t> article_media_ids(const Article& a) {
  std::vector<std::uint64_t> ids = media_ids_in(a.body_html);
  for (const auto id : extras_media_ids(a.extras)) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace portald::model
