#pragma once
// The `meta` table: the schema version, the id counters and the backup state record. Only the store
// spells its keys; everything else goes through these accessors (or backup_state_table.hpp).
#include <cstdint>
#include <optional>
#include <string_view>

#include "daemon/store/store.hpp"

namespace portald::store {

namespace meta_key {
inline constexpr std::string_view schema_version = "schema_version";  // be64
inline constexpr std::string_view backup_state = "backup_state";      // record (backup_state_table.cpp)
}  // namespace meta_key

// The recorded schema version, std::nullopt when none is (a store portald never finished opening).
std::optional<std::uint32_t> stored_schema_version(const Txn& txn, const Tables& t);
void put_schema_version(WriteTxn& txn, const Tables& t, std::uint32_t version);
// The version a raw `meta` value under meta_key::schema_version holds (for walks of a copied file).
std::uint32_t decode_schema_version(std::string_view value);

// The id sequences, one per kind of record that is numbered.
enum class IdCounter { article, document, media, page, topic, category, agency, question, mail, dialogue, commission };
// Next value of the counter (starts at 1).
std::uint64_t next_id(WriteTxn& txn, const Tables& t, IdCounter counter);

}  // namespace portald::store
