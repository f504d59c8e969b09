#include "backup/manifest.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <limits>

#include "backup/encryption.hpp"

namespace portald::backup {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr std::string_view kFormatName = "portald-snapshot";
constexpr std::string_view kIdPrefix = "portald-";
constexpr std::size_t kMaxText = 256;
constexpr std::size_t kMaxTables = 1024;
constexpr std::size_t kMaxTableName = 511;  // LMDB's default maximum key size

// A field that is missing, mistyped or out of range; caught once in parse_manifest.
struct Bad {
  std::string why;
};

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool printable(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return false;
  }
  return true;
}

const Json& member(const Json& obj, const char* name) {
  const auto it = obj.find(name);
  if (it == obj.end()) throw Bad{std::string(name) + " is missing"};
  return *it;
}

const Json& object(const Json& obj, const char* name) {
  const Json& v = member(obj, name);
  if (!v.is_object()) throw Bad{std::string(name) + " must be an object"};
  return v;
}

std::string text(const Json& obj, const char* name, bool may_be_empty = false) {
  const Json& v = member(obj, name);
  if (!v.is_string()) throw Bad{std::string(name) + " must be a string"};
  const auto& s = v.get_ref<const std::string&>();
  if ((!may_be_empty && s.empty()) || s.size() > kMaxText || !printable(s))
    throw Bad{std::string(name) + " must be a short line of text"};
  return s;
}

std::uint64_t number(const Json& obj, const char* name, std::uint64_t min = 0,
                     std::uint64_t max = std::numeric_limits<std::uint64_t>::max()) {
  const Json& v = member(obj, name);
  if (!v.is_number_unsigned()) throw Bad{std::string(name) + " must be a whole number"};
  const auto n = v.get<std::uint64_t>();
  if (n < min || n > max) throw Bad{std::string(name) + " is out of range"};
  return n;
}

Digest digest(const Json& obj, const char* name) {
  Digest d{};
  if (!from_hex(text(obj, name), d.data(), d.size())) throw Bad{std::string(name) + " must be 128 hex digits"};
  return d;
}

model::UnixTime time_field(const Json& obj, const char* name) {
  const auto t = model::parse_rfc3339(text(obj, name));
  if (!t) throw Bad{std::string(name) + " must be an RFC 3339 time"};
  return *t;
}

std::string key_id(const Json& obj, const char* name, bool upper) {
  std::string s = text(obj, name);
  bool ok = s.size() == 16;
  for (char c : s) ok = ok && ((c >= '0' && c <= '9') || (upper ? (c >= 'A' && c <= 'F') : (c >= 'a' && c <= 'f')));
  if (!ok) throw Bad{std::string(name) + " must be 16 hex digits"};
  return s;
}

std::map<std::string, std::uint64_t> tables(const Json& store) {
  const Json& t = object(store, "tables");
  if (t.size() > kMaxTables) throw Bad{"tables: too many"};
  std::map<std::string, std::uint64_t> out;
  for (const auto& [name, count] : t.items()) {
    if (name.empty() || name.size() > kMaxTableName || !printable(name)) throw Bad{"tables: bad table name"};
    if (!count.is_number_unsigned()) throw Bad{"tables: " + name + " must be a whole number"};
    out[name] = count.get<std::uint64_t>();
  }
  return out;
}

void read_platform(const Json& j, Manifest& m) {
  const Json& p = object(j, "platform");
  m.arch = text(p, "arch");
  m.word_bits = static_cast<unsigned>(number(p, "word_bits", 32, 64));
  if (m.word_bits != 32 && m.word_bits != 64) throw Bad{"word_bits must be 32 or 64"};
  m.byte_order = text(p, "byte_order");
  if (m.byte_order != "little" && m.byte_order != "big") throw Bad{"byte_order must be little or big"};
  m.page_size = static_cast<std::uint32_t>(number(p, "page_size", 512, 65536));
  if ((m.page_size & (m.page_size - 1)) != 0) throw Bad{"page_size must be a power of two"};
}

void read_store(const Json& j, Manifest& m) {
  const Json& s = object(j, "store");
  m.schema_version = static_cast<std::uint32_t>(number(s, "schema_version", 1, 0xFFFFFFFF));
  m.change_seq = number(s, "change_seq");
  m.lmdb_txn = number(s, "lmdb_txn");
  m.store_size = number(s, "size", 1);
  m.store_blake2b = digest(s, "blake2b");
  m.tables = tables(s);
}

void read_file_entry(const Json& j, Manifest& m) {
  const Json& f = object(j, "file");
  m.file_name = text(f, "name");
  m.file_size = number(f, "size", 1);
  m.file_blake2b = digest(f, "blake2b");
  m.encrypted = j.contains("encryption");
  if (m.encrypted) {
    const Json& e = object(j, "encryption");
    if (text(e, "algorithm") != kStreamAlgorithm) throw Bad{"encryption.algorithm is not supported"};
    if (number(e, "chunk_bytes") != kChunkBytes) throw Bad{"encryption.chunk_bytes is not supported"};
    m.encryption_key_id = key_id(e, "key_id", false);
    if (m.file_name != kEncryptedDataFile) throw Bad{"file.name must be data.mdb.enc for an encrypted snapshot"};
    if (m.file_size != encrypted_size(m.store_size)) throw Bad{"file.size does not fit store.size"};
  } else {
    if (m.file_name != kDataFile) throw Bad{"file.name must be data.mdb"};
    if (m.file_size != m.store_size || m.file_blake2b != m.store_blake2b)
      throw Bad{"file and store must be the same for an unencrypted snapshot"};
  }
}

Manifest read_manifest(const Json& j) {
  if (!j.is_object()) throw Bad{"not a JSON object"};
  if (text(j, "format") != kFormatName) throw Bad{"not a portald snapshot manifest"};
  const std::uint64_t version = number(j, "format_version");
  if (version != kManifestFormatVersion)
    throw Bad{"format_version " + std::to_string(version) + " is not supported (this portald reads " +
              std::to_string(kManifestFormatVersion) + ")"};
  Manifest m;
  m.snapshot = text(j, "snapshot");
  if (!is_snapshot_id(m.snapshot)) throw Bad{"snapshot is not a snapshot id"};
  const Json& by = object(j, "created_by");
  m.portald_version = text(by, "portald");
  m.lmdb_version = text(by, "lmdb");
  m.host = text(by, "host", true);
  read_platform(j, m);
  m.started_at = time_field(j, "started_at");
  m.finished_at = time_field(j, "finished_at");
  if (m.finished_at < m.started_at) throw Bad{"finished_at is before started_at"};
  read_store(j, m);
  read_file_entry(j, m);
  m.signing_key_id = key_id(j, "signing_key_id", true);
  return m;
}

}  // namespace

std::string snapshot_id(model::UnixTime t, unsigned sequence) {
  using namespace std::chrono;
  const sys_seconds tp{seconds{t}};
  const auto days = floor<std::chrono::days>(tp);
  const year_month_day ymd{days};
  const hh_mm_ss hms{tp - days};
  char buf[64];
  std::snprintf(buf, sizeof buf, "portald-%04d%02u%02u-%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  std::string id = buf;
  if (sequence > 1) id += "-" + std::to_string(sequence);
  return id;
}

std::optional<model::UnixTime> snapshot_id_time(std::string_view id) {
  // portald-YYYYMMDD-HHMMSSZ[-N]
  if (!id.starts_with(kIdPrefix)) return std::nullopt;
  id.remove_prefix(kIdPrefix.size());
  if (id.size() < 16 || id[8] != '-' || id[15] != 'Z') return std::nullopt;
  if (id.size() > 16 && (id[16] != '-' || id.size() > 20 || !digits(id.substr(17)) || id[17] == '0'))
    return std::nullopt;
  if (!digits(id.substr(0, 8)) || !digits(id.substr(9, 6))) return std::nullopt;
  const std::string iso = std::string(id.substr(0, 4)) + "-" + std::string(id.substr(4, 2)) + "-" +
                          std::string(id.substr(6, 2)) + "T" + std::string(id.substr(9, 2)) + ":" +
                          std::string(id.substr(11, 2)) + ":" + std::string(id.substr(13, 2)) + "Z";
  const auto t = model::parse_rfc3339(iso);
  if (!t || snapshot_id(*t) != std::string(kIdPrefix) + std::string(id.substr(0, 16))) return std::nullopt;
  return t;
}

bool is_snapshot_id(std::string_view name) { return snapshot_id_time(name).has_value(); }

std::uint64_t Manifest::total_records() const {
  std::uint64_t n = 0;
  for (const auto& [name, count] : tables) n += count;
  return n;
}

std::string to_json(const Manifest& m) {
  OrderedJson j;
  j["format"] = std::string(kFormatName);
  j["format_version"] = kManifestFormatVersion;
  j["snapshot"] = m.snapshot;
  j["created_by"] = {{"portald", m.portald_version}, {"lmdb", m.lmdb_version}, {"host", m.host}};
  j["platform"] = {
      {"arch", m.arch}, {"word_bits", m.word_bits}, {"byte_order", m.byte_order}, {"page_size", m.page_size}};
  j["started_at"] = model::format_rfc3339(m.started_at, 0);
  j["finished_at"] = model::format_rfc3339(m.finished_at, 0);
  OrderedJson tables = OrderedJson::object();
  for (const auto& [name, count] : m.tables) tables[name] = count;
  j["store"] = {{"schema_version", m.schema_version},
                {"change_seq", m.change_seq},
                {"lmdb_txn", m.lmdb_txn},
                {"size", m.store_size},
                {"blake2b", to_hex(m.store_blake2b)},
                {"tables", tables}};
  j["file"] = {{"name", m.file_name}, {"size", m.file_size}, {"blake2b", to_hex(m.file_blake2b)}};
  if (m.encrypted)
    j["encryption"] = {
        {"algorithm", std::string(kStreamAlgorithm)}, {"chunk_bytes", kChunkBytes}, {"key_id", m.encryption_key_id}};
  j["signing_key_id"] = m.signing_key_id;
  return j.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

std::optional<Manifest> parse_manifest(std::string_view text, std::string* error) {
  auto reject = [error](const std::string& why) -> std::optional<Manifest> {
    if (error) *error = "manifest: " + why;
    return std::nullopt;
  };
  if (text.size() > kManifestMaxBytes) return reject("larger than 1 MiB");
  const Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return reject("not valid JSON");
  try {
    return read_manifest(j);
  } catch (const Bad& b) {
    return reject(b.why);
  }
}

}  // namespace portald::backup
