#include "daemon/store/meta_table.hpp"

#include <string>

namespace portald::store {
namespace {

// The key of a counter: "next_id/" + its name (names are part of the on-disk format).
std::string counter_key(IdCounter counter) {
  const char* name = "";
  switch (counter) {
    case IdCounter::article: name = "article"; break;
    case IdCounter::document: name = "document"; break;
    case IdCounter::media: name = "media"; break;
    case IdCounter::page: name = "page"; break;
    case IdCounter::topic: name = "topic"; break;
    case IdCounter::category: name = "category"; break;
    case IdCounter::agency: name = "agency"; break;
    case IdCounter::question: name = "question"; break;
    case IdCounter::mail: name = "mail"; break;
    case IdCounter::dialogue: name = "dialogue"; break;
    case IdCounter::commission: name = "commission"; break;
  }
  return std::string("next_id/") + name;
}

}  // namespace

std::optional<std::uint32_t> stored_schema_version(const Txn& txn, const Tables& t) {
  const auto v = txn.get(t.meta, meta_key::schema_version);
  return v ? std::optional(decode_schema_version(*v)) : std::nullopt;
}

void put_schema_version(WriteTxn& txn, const Tables& t, std::uint32_t version) {
  txn.put(t.meta, meta_key::schema_version, be64(version));
}

std::uint32_t decode_schema_version(std::string_view value) { return static_cast<std::uint32_t>(read_be64(value)); }

std::uint64_t next_id(WriteTxn& txn, const Tables& t, IdCounter counter) {
  const std::string key = counter_key(counter);
  const auto current = txn.get(t.meta, key);
  const std::uint64_t id = current ? read_be64(*current) : 1;
  txn.put(t.meta, key, be64(id + 1));
  return id;
}

}  // namespace portald::store
