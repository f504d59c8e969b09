#include "daemon/store/document_table.hpp"

#include "daemon/model/text.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/media_use_table.hpp"
#include "daemon/store/media_variant_table.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

using model::Attachment;
using model::LegalDocument;
constexpr std::tuple kAttachmentFields{
    codec::required("media_id", &Attachment::media_id),
    codec::optional("file_name", &Attachment::file_name),
    codec::optional("content_type", &Attachment::content_type),
    codec::optional("size", &Attachment::size),
};
constexpr codec::ListOf kAttachments{codec::fields<Attachment>("attachment", kAttachmentFields)};
constexpr std::tuple kLegalDocumentFields{
    codec::required("id", &LegalDocument::id),
    codec::optional("source_id", &LegalDocument::source_id),
    codec::required("number", &LegalDocument::number),
    codec::optional("type", &LegalDocument::type),
    codec::optional("issuer", &LegalDocument::issuer),
    codec::optional("signer", &LegalDocument::signer),
    codec::optional("issued_on", &LegalDocument::issued_on),
    codec::optional("effective_on", &LegalDocument::effective_on),
    codec::optional("expires_on", &LegalDocument::expires_on),
    codec::optional("field", &LegalDocument::field),
    codec::optional("abstract", &LegalDocument::abstract_text),
    codec::optional("national_db_url", &LegalDocument::national_db_url),
    codec::optional("attachments", &LegalDocument::attachments, kAttachments),
    codec::optional("created_at", &LegalDocument::created_at),
    codec::optional("updated_at", &LegalDocument::updated_at),
    // Issue 14; absent in older records, which read as published with no validity marks.
    codec::optional("status", &LegalDocument::status, codec::kArticleStatus),
    codec::optional("published_at", &LegalDocument::published_at),
    codec::optional("replaced_by", &LegalDocument::replaced_by),
    codec::optional("replaces", &LegalDocument::replaces),
    codec::optional("validity_note", &LegalDocument::validity_note),
};
constexpr auto kRecord = codec::record<LegalDocument>("document", 1, kLegalDocumentFields);

// Media records: a small JSON header (these fields), a NUL, then the raw bytes (no base64 blow-up).
using model::Media;
constexpr std::tuple kMediaFields{
    codec::optional("file_name", &Media::file_name),
    codec::optional("content_type", &Media::content_type),
    codec::optional("token", &Media::token),
    codec::optional("owner", &Media::owner),
    codec::optional("uploaded_at", &Media::uploaded_at),
};
constexpr auto kMediaHeader = codec::record<Media>("media", 1, kMediaFields);

std::string date_key(const model::LegalDocument& d) { return be64(time_key(d.issued_on)) + be64(d.id); }

bool is_public(const model::LegalDocument& d) { return d.status == model::ArticleStatus::published; }

// A published document's attachments are public files (media_use_table.hpp); a draft's or a withdrawn
// document's are not.
std::vector<std::uint64_t> public_attachment_media(const model::LegalDocument& d) {
  std::vector<std::uint64_t> ids;
  if (!is_public(d)) return ids;
  for (const auto& a : d.attachments) ids.push_back(a.media_id);
  return ids;
}

}  // namespace

std::optional<model::LegalDocument> get_document(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.documents, be64(id));
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

std::optional<std::uint64_t> find_document_by_source(const Txn& txn, const Tables& t, std::string_view source_id) {
  return lookup_id(txn, t.document_sources, source_id);
}

std::uint64_t put_document(WriteTxn& txn, const Tables& t, model::LegalDocument doc) {
  std::vector<std::uint64_t> before;
  if (doc.id == 0) {
    doc.id = next_id(txn, t, IdCounter::document);
  } else if (const auto old = get_document(txn, t, doc.id)) {
    txn.del(t.documents_by_date, date_key(*old));
    before = public_attachment_media(*old);
  }
  txn.put(t.documents, be64(doc.id), kRecord.encode(doc));
  record_media_uses(txn, t, MediaUser::document, doc.id, before, public_attachment_media(doc));
  // Only what readers may see is in the date index, so every public list that walks it (the database,
  // the API, the sitemap) leaves drafts and withdrawn documents out without a check of its own.
  if (is_public(doc)) txn.put(t.documents_by_date, date_key(doc), {});
  if (!doc.source_id.empty()) txn.put(t.document_sources, doc.source_id, be64(doc.id));
  append_change(txn, t, ChangeKind::document, doc.id, ChangeOp::put);
  return doc.id;
}

std::vector<model::LegalDocument> newest_documents(const Txn& txn, const Tables& t, Page page) {
  std::vector<model::LegalDocument> out;
  Cursor c(txn, t.documents_by_date);
  std::size_t skipped = 0;
  for (bool ok = c.last(); ok && out.size() < page.limit; ok = c.prev()) {
    if (skipped++ < page.offset) continue;
    if (auto d = get_document(txn, t, read_be64(c.key().substr(8)))) out.push_back(std::move(*d));
  }
  return out;
}

std::optional<model::LegalDocument> get_public_document(const Txn& txn, const Tables& t, std::uint64_t id) {
  auto d = get_document(txn, t, id);
  return d && is_public(*d) ? d : std::nullopt;
}

std::vector<std::uint64_t> find_documents_by_number(const Txn& txn, const Tables& t, std::string_view number) {
  std::vector<std::uint64_t> out;
  const std::string wanted = model::fold(number);
  Cursor c(txn, t.documents);
  for (bool ok = c.first(); ok; ok = c.next())
    if (model::fold(kRecord.decode(c.value()).number) == wanted) out.push_back(read_be64(c.key()));
  return out;
}

std::optional<model::Media> get_media(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.media, be64(id));
  if (!v) return std::nullopt;
  const auto nul = v->find('\0');
  if (nul == std::string_view::npos) throw StoreError("corrupt media record", MDB_CORRUPTED);
  model::Media m = kMediaHeader.decode(v->substr(0, nul));
  m.id = id;
  m.bytes = v->substr(nul + 1);
  return m;
}

std::vector<MediaInfo> list_media(const Txn& txn, const Tables& t, std::size_t limit, std::string_view owner) {
  std::vector<MediaInfo> out;
  Cursor c(txn, t.media);
  for (bool ok = c.last(); ok && out.size() < limit; ok = c.prev()) {
    const auto v = c.value();
    const auto nul = v.find('\0');
    if (nul == std::string_view::npos) continue;
    auto m = kMediaHeader.decode(v.substr(0, nul));
    if (!owner.empty() && m.owner != owner) continue;
    out.push_back({read_be64(c.key()), std::move(m.file_name), std::move(m.content_type), v.size() - nul - 1,
                   std::move(m.token), std::move(m.owner)});
  }
  return out;
}

std::optional<MediaInfo> get_media_info(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.media, be64(id));
  if (!v) return std::nullopt;
  const auto nul = v->find('\0');
  if (nul == std::string_view::npos) throw StoreError("corrupt media record", MDB_CORRUPTED);
  auto m = kMediaHeader.decode(v->substr(0, nul));
  return MediaInfo{.id = id,
                   .file_name = std::move(m.file_name),
                   .content_type = std::move(m.content_type),
                   .size = v->size() - nul - 1,
                   .token = std::move(m.token),
                   .owner = std::move(m.owner)};
}

std::uint64_t add_media(WriteTxn& txn, const Tables& t, const model::Media& media) {
  const std::uint64_t id = next_id(txn, t, IdCounter::media);
  const model::Media header{.file_name = media.file_name,  // without the bytes, which may be large
                            .content_type = media.content_type,
                            .token = media.token.empty() ? new_media_token() : media.token,
                            .owner = media.owner,
                            .uploaded_at = media.uploaded_at};
  std::string value = kMediaHeader.encode(header);
  value += '\0';
  value += media.bytes;
  txn.put(t.media, be64(id), value);
  append_change(txn, t, ChangeKind::media, id, ChangeOp::put);
  return id;
}

bool delete_media(WriteTxn& txn, const Tables& t, std::uint64_t id) {
  if (!txn.del(t.media, be64(id))) return false;
  put_media_variants(txn, t, id, {});  // an image's public copies go with it
  append_change(txn, t, ChangeKind::media, id, ChangeOp::remove);
  return true;
}

std::size_t give_media_tokens(WriteTxn& txn, const Tables& t) {
  std::vector<std::uint64_t> without;
  {
    Cursor c(txn, t.media);
    for (bool ok = c.first(); ok; ok = c.next()) {
      const auto v = c.value();
      const auto nul = v.find('\0');
      if (nul != std::string_view::npos && kMediaHeader.decode(v.substr(0, nul)).token.empty())
        without.push_back(read_be64(c.key()));
    }
  }
  for (const auto id : without) {
    auto m = *get_media(txn, t, id);
    m.token = new_media_token();
    std::string value = kMediaHeader.encode(m);
    value += '\0';
    value += m.bytes;
    txn.put(t.media, be64(id), value);
    append_change(txn, t, ChangeKind::media, id, ChangeOp::put);
  }
  return without.size();
}

}  // namespace portald::store
