#pragma once
// Records are JSON objects with a format version "v"; readers reject versions they do not know.
//
// Each record type lists its fields once, in a table (codec::record below): the JSON key, the member,
// whether the key must be there, and how the value is written. Encoding and decoding both walk that
// table, so a field cannot be written and then forgotten on read. An absent optional key leaves the
// member as the record's default-constructed value, which is how records older than a field decode.
// (Not NLOHMANN_DEFINE_TYPE_*: some keys differ from member names, "abstract" for abstract_text, and
// enums are stored as their key with a per-field answer to a key this version does not know.)
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "daemon/model/article.hpp"
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

namespace codec {

// A member stored as the JSON value nlohmann converts it to: strings, numbers, bools, vectors of them.
struct Plain {
  template <class M>
  nlohmann::json write(const M& m) const {
    return m;
  }
  template <class M>
  void read(const nlohmann::json& j, M& m, const char*, const char*) const {
    m = j.get<M>();
  }
  template <class M>
  void absent(M&) const {}
};

// An enum stored as its key ("published"). With a fallback, an absent or unknown key reads as the
// fallback; without one, an absent key keeps the record's default and an unknown key is corruption
// (StoreError MDB_CORRUPTED), never silently some other value.
template <class E>
struct EnumKey {
  std::string_view (*name)(E);
  std::optional<E> (*parse)(std::string_view);
  std::optional<E> fallback = std::nullopt;

  nlohmann::json write(E e) const { return std::string(name(e)); }
  void read(const nlohmann::json& j, E& e, const char* entity, const char* key) const {
    const auto text = j.get<std::string>();
    if (const auto parsed = parse(text)) {
      e = *parsed;
    } else if (fallback) {
      e = *fallback;
    } else {
      throw StoreError(std::string("corrupt ") + entity + " record: unknown " + key + " \"" + text + "\"",
                       MDB_CORRUPTED);
    }
  }
  void absent(E& e) const {
    if (fallback) e = *fallback;
  }
};

enum class Presence { required, optional };

template <class Record, class Member, class Codec>
struct Field {
  const char* key;
  Member Record::*member;
  Presence presence;
  Codec codec;
};

// A key that must be present (decoding throws nlohmann::json::out_of_range when it is not).
template <class Record, class Member>
constexpr Field<Record, Member, Plain> required(const char* key, Member Record::*member) {
  return {key, member, Presence::required, {}};
}
// A key that old records may lack; see Plain and EnumKey for what an absent key reads as.
template <class Record, class Member, class Codec = Plain>
constexpr Field<Record, Member, Codec> optional(const char* key, Member Record::*member, Codec codec = {}) {
  return {key, member, Presence::optional, codec};
}

// The fields of one record (or of a nested object such as a document's attachment).
template <class Record, class... Fields>
struct FieldTable {
  const char* entity;  // names the record in errors: "article"
  std::tuple<Fields...> fields;

  nlohmann::json to_json(const Record& r) const {
    nlohmann::json j = nlohmann::json::object();
    std::apply([&](const auto&... f) { ((j[f.key] = f.codec.write(r.*f.member)), ...); }, fields);
    return j;
  }
  Record from_json(const nlohmann::json& j) const {
    Record r{};
    std::apply([&](const auto&... f) { (read_field(j, r, f), ...); }, fields);
    return r;
  }

 private:
  template <class F>
  void read_field(const nlohmann::json& j, Record& r, const F& f) const {
    const auto it = j.find(f.key);
    if (it != j.end()) {
      f.codec.read(*it, r.*f.member, entity, f.key);
    } else if (f.presence == Presence::required) {
      (void)j.at(f.key);  // throws out_of_range naming the key, as reading it always has
    } else {
      f.codec.absent(r.*f.member);
    }
  }
};

// A vector of nested objects, each described by its own FieldTable; an absent key is an empty list.
template <class Table>
struct ListOf {
  Table table;
  template <class Element>
  nlohmann::json write(const std::vector<Element>& v) const {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : v) out.push_back(table.to_json(e));
    return out;
  }
  template <class Element>
  void read(const nlohmann::json& j, std::vector<Element>& v, const char*, const char*) const {
    for (const auto& e : j) v.push_back(table.from_json(e));
  }
  template <class Element>
  void absent(std::vector<Element>&) const {}
};
template <class Table>
ListOf(Table) -> ListOf<Table>;  // clang before 17 has no aggregate deduction

// A stored record: its fields plus the format version written as "v".
template <class Record, class... Fields>
struct RecordCodec {
  using value_type = Record;
  FieldTable<Record, Fields...> table;
  int version;

  std::string encode(const Record& r) const { return encode_record(table.to_json(r), version); }
  // Throws StoreError (corrupt, unknown version or enum key) or nlohmann::json::exception (missing key,
  // wrong type).
  Record decode(std::string_view bytes) const { return table.from_json(decode_record(bytes, version, table.entity)); }
};

// The fields are a std::tuple of required()/optional() entries, written one a line:
//   constexpr std::tuple kTopicFields{
//       codec::required("id", &Topic::id),
//       codec::optional("name", &Topic::name),
//   };
//   constexpr auto kRecord = codec::record<Topic>("topic", 1, kTopicFields);
template <class Record, class... Fields>
constexpr FieldTable<Record, Fields...> fields(const char* entity, const std::tuple<Fields...>& f) {
  return {entity, f};
}
template <class Record, class... Fields>
constexpr RecordCodec<Record, Fields...> record(const char* entity, int version, const std::tuple<Fields...>& f) {
  return {{entity, f}, version};
}

// Article states, in the article record and in its editorial state: an unknown one is corruption.
inline constexpr EnumKey<model::ArticleStatus> kArticleStatus{&model::to_string, &model::parse_article_status};

}  // namespace codec
}  // namespace portald::store
