#include "daemon/store/page_revision_table.hpp"

#include <tuple>

#include "daemon/model/html_sanitizer.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/meta_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::store {
namespace {

// An unknown kind reads as a plain text page, as in page_table.cpp.
constexpr codec::EnumKey<model::PageKind> kKind{&model::to_string, &model::parse_page_kind, model::PageKind::text};
using model::PageRevision;
constexpr codec::EnumKey<model::PageRevisionState> kState{&model::to_string, &model::parse_page_revision_state,
                                                          model::PageRevisionState::superseded};
constexpr std::tuple kPageRevisionFields{
    codec::required("page_id", &PageRevision::page_id),
    codec::required("number", &PageRevision::number),
    codec::optional("lang", &PageRevision::lang),
    codec::optional("slug", &PageRevision::slug),
    codec::optional("kind", &PageRevision::kind, kKind),
    codec::optional("title", &PageRevision::title),
    codec::optional("summary", &PageRevision::summary),
    codec::optional("body_html", &PageRevision::body_html),
    codec::optional("entries", &PageRevision::entries),
    codec::optional("position", &PageRevision::position),
    codec::optional("state", &PageRevision::state, kState),
    codec::optional("saved_by", &PageRevision::saved_by),
    codec::optional("saved_at", &PageRevision::saved_at),
    codec::optional("decided_by", &PageRevision::decided_by),
    codec::optional("decided_at", &PageRevision::decided_at),
    codec::optional("reason", &PageRevision::reason),
    codec::optional("note", &PageRevision::note),
};
constexpr auto kRevisionRecord = codec::record<PageRevision>("page_revision", 1, kPageRevisionFields);

std::string be32(std::uint32_t v) { return be64(v).substr(4); }
std::string revision_key(std::uint64_t id, std::uint32_t n) { return be64(id) + be32(n); }

}  // namespace

std::uint64_t reserve_page_id(WriteTxn& txn, const Tables& t) { return next_id(txn, t, IdCounter::page); }

std::uint32_t add_page_revision(WriteTxn& txn, const Tables& t, model::PageRevision r) {
  const auto existing = list_page_revisions(txn, t, r.page_id);
  r.number = existing.empty() ? 1 : existing.back().number + 1;
  const std::size_t columns = model::page_columns(r.kind).size();
  for (auto& row : r.entries) row.resize(columns);
  r.body_html = model::sanitize_html(r.body_html, get_embed_policy(txn, t));
  txn.put(t.page_revisions, revision_key(r.page_id, r.number), kRevisionRecord.encode(r));
  return r.number;
}

void put_page_revision(WriteTxn& txn, const Tables& t, const model::PageRevision& r) {
  txn.put(t.page_revisions, revision_key(r.page_id, r.number), kRevisionRecord.encode(r));
}

std::optional<model::PageRevision> get_page_revision(const Txn& txn, const Tables& t, std::uint64_t page_id,
                                                     std::uint32_t n) {
  const auto v = txn.get(t.page_revisions, revision_key(page_id, n));
  return v ? std::optional(kRevisionRecord.decode(*v)) : std::nullopt;
}

std::vector<model::PageRevision> list_page_revisions(const Txn& txn, const Tables& t, std::uint64_t page_id) {
  std::vector<model::PageRevision> out;
  const std::string prefix = be64(page_id);
  Cursor c(txn, t.page_revisions);
  for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next())
    out.push_back(kRevisionRecord.decode(c.value()));
  return out;
}

std::vector<std::uint64_t> page_ids_with_revisions(const Txn& txn, const Tables& t) {
  std::vector<std::uint64_t> out;
  Cursor c(txn, t.page_revisions);
  for (bool ok = c.first(); ok; ok = c.next()) {
    const std::uint64_t id = read_be64(c.key().substr(0, 8));
    if (out.empty() || out.back() != id) out.push_back(id);
  }
  return out;
}

}  // namespace portald::store
