#include "daemon/store/article_table.hpp"

#include "daemon/model/media_link.hpp"
#include "daemon/store/article_extras_codec.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/media_use_table.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

using model::Article;
constexpr std::tuple kArticleFields{
    codec::required("id", &Article::id),
    codec::optional("source_id", &Article::source_id),
    codec::required("slug", &Article::slug),
    codec::required("title", &Article::title),
    codec::optional("summary", &Article::summary),
    codec::optional("body_html", &Article::body_html),
    codec::optional("category_id", &Article::category_id),
    codec::optional("agency_id", &Article::agency_id),
    codec::optional("author", &Article::author),
    codec::optional("status", &Article::status, codec::kArticleStatus),
    codec::optional("created_at", &Article::created_at),
    codec::optional("updated_at", &Article::updated_at),
    codec::optional("published_at", &Article::published_at),
    codec::optional("revision", &Article::revision),
    codec::optional("featured", &Article::featured),
    codec::optional("extras", &Article::extras, codec::kArticleExtras),
};
constexpr auto kRecord = codec::record<Article>("article", 1, kArticleFields);

std::string published_key(const model::Article& a) { return be64(time_key(a.published_at)) + be64(a.id); }
std::string category_key(const model::Article& a) { return be64(a.category_id) + published_key(a); }

void drop_indexes(WriteTxn& txn, const Tables& t, const model::Article& a) {
  if (a.status != model::ArticleStatus::published) return;
  txn.del(t.articles_published, published_key(a));
  txn.del(t.articles_by_category, category_key(a));
}

void add_indexes(WriteTxn& txn, const Tables& t, const model::Article& a) {
  if (!a.source_id.empty()) txn.put(t.article_sources, a.source_id, be64(a.id));
  if (a.status != model::ArticleStatus::published) return;
  txn.put(t.articles_published, published_key(a), {});
  txn.put(t.articles_by_category, category_key(a), {});
}

// Only what readers see makes a file public: the body, lead image and gallery of a published article.
std::vector<std::uint64_t> published_media(const model::Article& a) {
  if (a.status != model::ArticleStatus::published) return {};
  return model::article_media_ids(a);
}

}  // namespace

std::optional<model::Article> get_article(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.articles, be64(id));
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

std::optional<std::uint64_t> find_article_by_source(const Txn& txn, const Tables& t, std::string_view source_id) {
  return lookup_id(txn, t.article_sources, source_id);
}

std::uint64_t put_article(WriteTxn& txn, const Tables& t, model::Article article) {
  std::vector<std::uint64_t> before;
  if (article.id == 0) {
    article.id = next_id(txn, t, IdCounter::article);
  } else if (const auto old = get_article(txn, t, article.id)) {
    drop_indexes(txn, t, *old);
    before = published_media(*old);
  }
  txn.put(t.articles, be64(article.id), kRecord.encode(article));
  add_indexes(txn, t, article);
  record_media_uses(txn, t, MediaUser::article, article.id, before, published_media(article));
  append_change(txn, t, ChangeKind::article, article.id, ChangeOp::put);
  return article.id;
}

std::vector<model::Article> newest_articles(const Txn& txn, const Tables& t, Page page, std::uint64_t category) {
  std::vector<model::Article> out;
  const MDB_dbi dbi = category ? t.articles_by_category : t.articles_published;
  const std::string prefix = category ? be64(category) : std::string();
  Cursor c(txn, dbi);
  // Walk backwards from the end of this category's key range (or of the whole index).
  bool ok = category ? c.seek_last_below(be64(category + 1)) : c.last();
  for (std::size_t skipped = 0; ok && c.key().starts_with(prefix); ok = c.prev()) {
    if (skipped++ < page.offset) continue;
    if (out.size() >= page.limit) break;
    if (auto a = get_article(txn, t, read_be64(c.key().substr(c.key().size() - 8)))) out.push_back(std::move(*a));
  }
  return out;
}

std::size_t count_published(const Txn& txn, const Tables& t, std::uint64_t category) {
  if (!category) return txn.count(t.articles_published);
  std::size_t n = 0;
  Cursor c(txn, t.articles_by_category);
  const std::string prefix = be64(category);
  for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next()) ++n;
  return n;
}

}  // namespace portald::store
