#pragma once
// Records are JSON objects with a format version "v"; readers reject versions they do not know.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "daemon/store/lmdb.hpp"

namespace portald::store {

// Parses a stored record and checks its format version; throws StoreError on corruption.
inline nlohmann::json decode_record(std::string_view bytes, int expected_version, const char* entity) {
  nlohmann::json j = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw StoreError(std::string("corrupt ") + entity + " record", MDB_CORRUPTED);
  const int v = j.value("v", 0);
  if (v != expected_version)
    throw StoreError(std::string(entity) + " record format " + std::to_string(v) + " is not supported",
                     MDB_VERSION_MISMATCH);
  return j;
}

inline std::string encode_record(nlohmann::json j, int version) {
  j["v"] = version;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace portald::store
