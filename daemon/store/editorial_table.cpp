#include "daemon/store/editorial_table.hpp"

#include "daemon/store/article_extras_codec.hpp"
#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

std::string be32(std::uint32_t v) { return be64(v).substr(4); }
std::string revision_key(std::uint64_t id, std::uint32_t n) { return be64(id) + be32(n); }

using model::EditorialState;
using model::Revision;
constexpr std::tuple kEditorialStateFields{
    codec::required("article_id", &EditorialState::article_id),
    codec::optional("state", &EditorialState::state, codec::kArticleStatus),
    codec::optional("created_by", &EditorialState::created_by),
    codec::optional("work_revision", &EditorialState::work_revision),
    codec::optional("reason", &EditorialState::reason),
    codec::optional("last_actor", &EditorialState::last_actor),
    codec::optional("since", &EditorialState::since),
    codec::optional("scheduled_at", &EditorialState::scheduled_at),
    codec::optional("unpublish_at", &EditorialState::unpublish_at),
};
constexpr auto kState = codec::record<EditorialState>("editorial", 1, kEditorialStateFields);
constexpr std::tuple kRevisionFields{
    codec::required("article_id", &Revision::article_id),
    codec::required("number", &Revision::number),
    codec::optional("title", &Revision::title),
    codec::optional("summary", &Revision::summary),
    codec::optional("body_html", &Revision::body_html),
    codec::optional("category_id", &Revision::category_id),
    codec::optional("agency_id", &Revision::agency_id),
    codec::optional("author", &Revision::author),
    codec::optional("featured", &Revision::featured),
    codec::optional("saved_by", &Revision::saved_by),
    codec::optional("saved_at", &Revision::saved_at),
    codec::optional("note", &Revision::note),
    codec::optional("extras", &Revision::extras, codec::kArticleExtras),
    codec::optional("topics_kept", &Revision::topics_kept),
    codec::optional("topics", &Revision::topics),
};
constexpr auto kRevision = codec::record<Revision>("revision", 1, kRevisionFields);

}  // namespace

std::optional<model::EditorialState> get_editorial(const Txn& txn, const Tables& t, std::uint64_t article_id) {
  const auto v = txn.get(t.editorial, be64(article_id));
  return v ? std::optional(kState.decode(*v)) : std::nullopt;
}

void put_editorial(WriteTxn& txn, const Tables& t, const model::EditorialState& e) {
  txn.put(t.editorial, be64(e.article_id), kState.encode(e));
}

std::vector<model::EditorialState> list_editorial(const Txn& txn, const Tables& t) {
  std::vector<model::EditorialState> out;
  Cursor c(txn, t.editorial);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(kState.decode(c.value()));
  return out;
}

std::uint32_t add_revision(WriteTxn& txn, const Tables& t, model::Revision r) {
  std::uint32_t last = 0;
  {
    Cursor c(txn, t.revisions);
    if (c.seek_last_below(be64(r.article_id + 1)) && c.key().starts_with(be64(r.article_id)))
      last = static_cast<std::uint32_t>(read_be64(std::string(4, '\0') + std::string(c.key().substr(8))));
  }
  r.number = last + 1;
  txn.put(t.revisions, revision_key(r.article_id, r.number), kRevision.encode(r));
  return r.number;
}

std::optional<model::Revision> get_revision(const Txn& txn, const Tables& t, std::uint64_t article_id,
                                            std::uint32_t n) {
  const auto v = txn.get(t.revisions, revision_key(article_id, n));
  return v ? std::optional(kRevision.decode(*v)) : std::nullopt;
}

std::vector<model::Revision> list_revisions(const Txn& txn, const Tables& t, std::uint64_t article_id) {
  std::vector<model::Revision> out;
  const std::string prefix = be64(article_id);
  Cursor c(txn, t.revisions);
  for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next())
    out.push_back(kRevision.decode(c.value()));
  return out;
}

}  // namespace portald::store
