#include "daemon/store/media_variant_table.hpp"

#include <string>

#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

// be64(media id) + be32(key): a media's copies sit together, the full-size one (key 0) first.
std::string variant_key(std::uint64_t media_id, unsigned key) {
  std::string k = be64(media_id);
  for (int shift = 24; shift >= 0; shift -= 8) k += static_cast<char>((key >> shift) & 0xFF);
  return k;
}

unsigned read_key(std::string_view k) {
  unsigned v = 0;
  for (std::size_t i = 8; i < 12 && i < k.size(); ++i) v = (v << 8) | static_cast<unsigned char>(k[i]);
  return v;
}

// A small JSON header (format 1), a NUL, then the raw bytes, like the media table's records.
model::ImageVariant decode(std::string_view key, std::string_view value, bool with_bytes) {
  const auto nul = value.find('\0');
  if (nul == std::string_view::npos) throw StoreError("corrupt media_variant record", MDB_CORRUPTED);
  const auto j = decode_record(value.substr(0, nul), 1, "media_variant");
  model::ImageVariant v{.key = read_key(key),
                        .width = j.value("width", 0u),
                        .height = j.value("height", 0u),
                        .content_type = j.value("content_type", std::string()),
                        .bytes = {}};
  if (with_bytes) v.bytes = std::string(value.substr(nul + 1));
  return v;
}

}  // namespace

void put_media_variants(WriteTxn& txn, const Tables& t, std::uint64_t media_id,
                        const std::vector<model::ImageVariant>& variants) {
  std::vector<std::string> old;
  {
    Cursor c(txn, t.media_variants);
    const std::string prefix = be64(media_id);
    for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next()) old.emplace_back(c.key());
  }
  for (const auto& k : old) txn.del(t.media_variants, k);
  for (const auto& v : variants) {
    std::string value = encode_record({{"width", v.width}, {"height", v.height}, {"content_type", v.content_type}}, 1);
    value += '\0';
    value += v.bytes;
    txn.put(t.media_variants, variant_key(media_id, v.key), value);
  }
  append_change(txn, t, ChangeKind::media, media_id, ChangeOp::put);
}

std::optional<model::ImageVariant> get_media_variant(const Txn& txn, const Tables& t, std::uint64_t media_id,
                                                     unsigned key) {
  const std::string k = variant_key(media_id, key);
  const auto v = txn.get(t.media_variants, k);
  if (!v) return std::nullopt;
  return decode(k, *v, true);
}

std::vector<model::ImageVariant> list_media_variants(const Txn& txn, const Tables& t, std::uint64_t media_id) {
  std::vector<model::ImageVariant> out;
  Cursor c(txn, t.media_variants);
  const std::string prefix = be64(media_id);
  for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next())
    out.push_back(decode(c.key(), c.value(), false));
  return out;
}

}  // namespace portald::store
