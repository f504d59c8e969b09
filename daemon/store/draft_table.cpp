#include "daemon/store/draft_table.hpp"

#include <string>

#include "daemon/store/article_extras_codec.hpp"
#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

// be64(article id) + username: an article's drafts sit together.
std::string draft_key(std::uint64_t article_id, std::string_view username) {
  return be64(article_id) + std::string(username);
}

using model::Draft;
constexpr std::tuple kDraftFields{
    codec::required("article_id", &Draft::article_id),
    codec::required("username", &Draft::username),
    codec::optional("base_revision", &Draft::base_revision),
    codec::optional("saved_at", &Draft::saved_at),
    codec::optional("title", &Draft::title),
    codec::optional("summary", &Draft::summary),
    codec::optional("body_html", &Draft::body_html),
    codec::optional("category_id", &Draft::category_id),
    codec::optional("agency_id", &Draft::agency_id),
    codec::optional("author", &Draft::author),
    codec::optional("featured", &Draft::featured),
    codec::optional("topics", &Draft::topics),
    codec::optional("extras", &Draft::extras, codec::kArticleExtras),
};
constexpr auto kDraft = codec::record<Draft>("draft", 1, kDraftFields);

}  // namespace

std::optional<model::Draft> get_draft(const Txn& txn, const Tables& t, std::uint64_t article_id,
                                      std::string_view username) {
  const auto v = txn.get(t.drafts, draft_key(article_id, username));
  return v ? std::optional(kDraft.decode(*v)) : std::nullopt;
}

void put_draft(WriteTxn& txn, const Tables& t, const model::Draft& d) {
  txn.put(t.drafts, draft_key(d.article_id, d.username), kDraft.encode(d));
}

bool delete_draft(WriteTxn& txn, const Tables& t, std::uint64_t article_id, std::string_view username) {
  return txn.del(t.drafts, draft_key(article_id, username));
}

}  // namespace portald::store
