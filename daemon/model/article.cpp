// Article status names: the stable keys that records store.
#include "daemon/model/article.hpp"

#include <array>
#include <utility>

namespace portald::model {
namespace {

constexpr std::array<std::pair<ArticleStatus, std::string_view>, 8> kStatuses{{
    {ArticleStatus::draft, "draft"},
    {ArticleStatus::submitted, "submitted"},
    {ArticleStatus::editing, "editing"},
    {ArticleStatus::awaiting_approval, "awaiting-approval"},
    {ArticleStatus::published, "published"},
    {ArticleStatus::returned, "returned"},
    {ArticleStatus::withdrawn, "withdrawn"},
    {ArticleStatus::scheduled, "scheduled"},
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

}  // namespace portald::model
