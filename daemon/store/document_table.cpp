#include "daemon/store/document_table.hpp"

#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

constexpr int kFormat = 1;

std::string encode(const model::LegalDocument& d) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& a : d.attachments)
    files.push_back({{"media_id", a.media_id}, {"file_name", a.file_name}, {"content_type", a.content_type},
                     {"size", a.size}});
  return encode_record({{"id", d.id},
                        {"source_id", d.source_id},
                        {"number", d.number},
                        {"type", d.type},
                        {"issuer", d.issuer},
                        {"signer", d.signer},
                        {"issued_on", d.issued_on},
                        {"effective_on", d.effective_on},
                        {"expires_on", d.expires_on},
                        {"field", d.field},
                        {"abstract", d.abstract_text},
                        {"national_db_url", d.national_db_url},
                        {"attachments", files},
                        {"created_at", d.created_at},
                        {"updated_at", d.updated_at}},
                       kFormat);
}

model::LegalDocument decode(std::string_view bytes) {
  const auto j = decode_record(bytes, kFormat, "document");
  model::LegalDocument d;
  d.id = j.at("id").get<std::uint64_t>();
  d.source_id = j.value("source_id", "");
  d.number = j.at("number").get<std::string>();
  d.type = j.value("type", "");
  d.issuer = j.value("issuer", "");
  d.signer = j.value("signer", "");
  d.issued_on = j.value("issued_on", 0);
  d.effective_on = j.value("effective_on", 0);
  d.expires_on = j.value("expires_on", 0);
  d.field = j.value("field", "");
  d.abstract_text = j.value("abstract", "");
  d.national_db_url = j.value("national_db_url", "");
  for (const auto& f : j.value("attachments", nlohmann::json::array()))
    d.attachments.push_back({f.at("media_id").get<std::uint64_t>(), f.value("file_name", ""),
                             f.value("content_type", ""), f.value("size", std::uint64_t{0})});
  d.created_at = j.value("created_at", model::UnixTime{0});
  d.updated_at = j.value("updated_at", model::UnixTime{0});
  return d;
}

std::string date_key(const model::LegalDocument& d) { return be64(time_key(d.issued_on)) + be64(d.id); }

}  // namespace

std::optional<model::LegalDocument> get_document(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.documents, be64(id));
  return v ? std::optional(decode(*v)) : std::nullopt;
}

std::optional<std::uint64_t> find_document_by_source(const Txn& txn, const Tables& t, std::string_view source_id) {
  return lookup_id(txn, t.document_sources, source_id);
}

std::uint64_t put_document(WriteTxn& txn, const Tables& t, model::LegalDocument doc) {
  if (doc.id == 0) {
    doc.id = next_id(txn, t, IdCounter::document);
  } else if (const auto old = get_document(txn, t, doc.id)) {
    txn.del(t.documents_by_date, date_key(*old));
  }
  txn.put(t.documents, be64(doc.id), encode(doc));
  txn.put(t.documents_by_date, date_key(doc), {});
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

std::optional<model::Media> get_media(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.media, be64(id));
  if (!v) return std::nullopt;
  // Media records: a small JSON header, a NUL, then the raw bytes (no base64 blow-up).
  const auto nul = v->find('\0');
  if (nul == std::string_view::npos) throw StoreError("corrupt media record", MDB_CORRUPTED);
  const auto j = decode_record(v->substr(0, nul), kFormat, "media");
  return model::Media{id, j.value("file_name", ""), j.value("content_type", ""), std::string(v->substr(nul + 1))};
}

std::vector<MediaInfo> list_media(const Txn& txn, const Tables& t, std::size_t limit) {
  std::vector<MediaInfo> out;
  Cursor c(txn, t.media);
  for (bool ok = c.last(); ok && out.size() < limit; ok = c.prev()) {
    const auto v = c.value();
    const auto nul = v.find('\0');
    if (nul == std::string_view::npos) continue;
    const auto j = decode_record(v.substr(0, nul), kFormat, "media");
    out.push_back({read_be64(c.key()), j.value("file_name", ""), j.value("content_type", ""), v.size() - nul - 1});
  }
  return out;
}

std::uint64_t add_media(WriteTxn& txn, const Tables& t, const model::Media& media) {
  const std::uint64_t id = next_id(txn, t, IdCounter::media);
  std::string value = encode_record({{"file_name", media.file_name}, {"content_type", media.content_type}}, kFormat);
  value += '\0';
  value += media.bytes;
  txn.put(t.media, be64(id), value);
  append_change(txn, t, ChangeKind::media, id, ChangeOp::put);
  return id;
}

}  // namespace portald::store
