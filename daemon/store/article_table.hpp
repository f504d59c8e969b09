#pragma once
// Articles with their indexes: by source id (re-import updates), newest published, per category.
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/article.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::Article> get_article(const Txn& txn, const Tables& t, std::uint64_t id);
// Id of the article imported under this source id, if any.
std::optional<std::uint64_t> find_article_by_source(const Txn& txn, const Tables& t, std::string_view source_id);
// Inserts (id == 0: a new id is assigned and returned) or replaces an article, keeps its indexes and
// appends to the change log, all in the caller's transaction.
std::uint64_t put_article(WriteTxn& txn, const Tables& t, model::Article article);

struct Page {
  std::size_t offset = 0;
  std::size_t limit = 20;
};
// Published articles, newest first; category 0 = all.
std::vector<model::Article> newest_articles(const Txn& txn, const Tables& t, Page page, std::uint64_t category = 0);
std::size_t count_published(const Txn& txn, const Tables& t, std::uint64_t category = 0);

}  // namespace portald::store
