#include "daemon/store/document_editorial_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

std::string revision_key(std::uint64_t id, std::uint32_t n) { return be64(id) + be64(n).substr(4); }

// A nested object described by its own field table (the revision's content).
template <class Table>
struct ObjectOf {
  Table table;
  template <class Element>
  nlohmann::json write(const Element& e) const {
    return table.to_json(e);
  }
  template <class Element>
  void read(const nlohmann::json& j, Element& e, const char*, const char*) const {
    e = table.from_json(j);
  }
  template <class Element>
  void absent(Element&) const {}
};
template <class Table>
ObjectOf(Table) -> ObjectOf<Table>;

using model::Attachment;
using model::DocumentContent;
using model::DocumentRevision;
using model::DocumentState;
constexpr std::tuple kAttachmentFields{
    codec::required("media_id", &Attachment::media_id),
    codec::optional("file_name", &Attachment::file_name),
    codec::optional("content_type", &Attachment::content_type),
    codec::optional("size", &Attachment::size),
};
constexpr std::tuple kContentFields{
    codec::optional("number", &DocumentContent::number),
    codec::optional("type", &DocumentContent::type),
    codec::optional("issuer", &DocumentContent::issuer),
    codec::optional("signer", &DocumentContent::signer),
    codec::optional("issued_on", &DocumentContent::issued_on),
    codec::optional("effective_on", &DocumentContent::effective_on),
    codec::optional("expires_on", &DocumentContent::expires_on),
    codec::optional("field", &DocumentContent::field),
    codec::optional("abstract", &DocumentContent::abstract_text),
    codec::optional("national_db_url", &DocumentContent::national_db_url),
    codec::optional("attachments", &DocumentContent::attachments,
                    codec::ListOf{codec::fields<Attachment>("attachment", kAttachmentFields)}),
};
constexpr std::tuple kStateFields{
    codec::required("document_id", &DocumentState::document_id),
    codec::optional("state", &DocumentState::state, codec::kArticleStatus),
    codec::optional("created_by", &DocumentState::created_by),
    codec::optional("work_revision", &DocumentState::work_revision),
    codec::optional("reason", &DocumentState::reason),
    codec::optional("last_actor", &DocumentState::last_actor),
    codec::optional("since", &DocumentState::since),
};
constexpr auto kState = codec::record<DocumentState>("document editorial", 1, kStateFields);
constexpr std::tuple kRevisionFields{
    codec::required("document_id", &DocumentRevision::document_id),
    codec::required("number", &DocumentRevision::number),
    codec::optional("content", &DocumentRevision::content,
                    ObjectOf{codec::fields<DocumentContent>("document content", kContentFields)}),
    codec::optional("saved_by", &DocumentRevision::saved_by),
    codec::optional("saved_at", &DocumentRevision::saved_at),
    codec::optional("note", &DocumentRevision::note),
};
constexpr auto kRevision = codec::record<DocumentRevision>("document revision", 1, kRevisionFields);

}  // namespace

std::optional<model::DocumentState> get_document_state(const Txn& txn, const Tables& t, std::uint64_t document_id) {
  const auto v = txn.get(t.document_editorial, be64(document_id));
  return v ? std::optional(kState.decode(*v)) : std::nullopt;
}

void put_document_state(WriteTxn& txn, const Tables& t, const model::DocumentState& s) {
  txn.put(t.document_editorial, be64(s.document_id), kState.encode(s));
}

std::uint32_t add_document_revision(WriteTxn& txn, const Tables& t, model::DocumentRevision r) {
  std::uint32_t last = 0;
  {
    Cursor c(txn, t.document_revisions);
    if (c.seek_last_below(be64(r.document_id + 1)) && c.key().starts_with(be64(r.document_id)))
      last = static_cast<std::uint32_t>(read_be64(std::string(4, '\0') + std::string(c.key().substr(8))));
  }
  r.number = last + 1;
  txn.put(t.document_revisions, revision_key(r.document_id, r.number), kRevision.encode(r));
  return r.number;
}

std::optional<model::DocumentRevision> get_document_revision(const Txn& txn, const Tables& t, std::uint64_t document_id,
                                                             std::uint32_t n) {
  const auto v = txn.get(t.document_revisions, revision_key(document_id, n));
  return v ? std::optional(kRevision.decode(*v)) : std::nullopt;
}

std::vector<model::DocumentRevision> list_document_revisions(const Txn& txn, const Tables& t,
                                                             std::uint64_t document_id) {
  std::vector<model::DocumentRevision> out;
  const std::string prefix = be64(document_id);
  Cursor c(txn, t.document_revisions);
  for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next())
    out.push_back(kRevision.decode(c.value()));
  return out;
}

}  // namespace portald::store
