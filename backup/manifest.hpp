#pragma once
// A snapshot's manifest (manifest.json, signed in manifest.json.minisig): what was copied, from where,
// when, and the hashes that bind the data file to it. Parsed only as untrusted input.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "backup/sodium.hpp"
#include "daemon/model/time.hpp"

namespace portald::backup {

inline constexpr int kManifestFormatVersion = 1;
inline constexpr std::size_t kManifestMaxBytes = 1 << 20;

// Snapshot layout: one directory per snapshot, named by its id, holding these files.
inline constexpr std::string_view kDataFile = "data.mdb";
inline constexpr std::string_view kEncryptedDataFile = "data.mdb.enc";
inline constexpr std::string_view kManifestFile = "manifest.json";
inline constexpr std::string_view kSignatureSuffix = ".minisig";
inline constexpr std::string_view kPublicKeyFile = "portald-snapshot.pub";

// "portald-20241124-023000Z" for the UTC time t (plus "-2", "-3", ... when taken in the same second).
std::string snapshot_id(model::UnixTime t, unsigned sequence = 1);
// True for the names snapshot_id() makes.
bool is_snapshot_id(std::string_view name);
// The UTC time in a snapshot id; std::nullopt when it is not one.
std::optional<model::UnixTime> snapshot_id_time(std::string_view id);

struct Manifest {
  std::string snapshot;  // its id
  std::string portald_version;
  std::string lmdb_version;  // mdb_version()
  std::string host;          // where it was taken (informational)
  std::string arch;          // uname machine, e.g. x86_64
  unsigned word_bits = 64;   // LMDB files are tied to word size and byte order
  std::string byte_order = "little";
  std::uint32_t page_size = 4096;
  model::UnixTime started_at = 0, finished_at = 0;
  // The store as copied (the plaintext of the data file).
  std::uint32_t schema_version = 0;
  std::uint64_t change_seq = 0;  // newest change-log seq in the copy
  std::uint64_t lmdb_txn = 0;    // LMDB transaction id of the copy
  std::uint64_t store_size = 0;
  Digest store_blake2b{};
  std::map<std::string, std::uint64_t> tables;  // records per named table
  // The data file as stored: data.mdb, or data.mdb.enc when encrypted.
  std::string file_name;
  std::uint64_t file_size = 0;
  Digest file_blake2b{};
  bool encrypted = false;
  std::string encryption_key_id;  // EncryptionKey::key_id(), when encrypted
  std::string signing_key_id;     // minisign key id, as minisign prints it

  bool operator==(const Manifest&) const = default;
  std::uint64_t total_records() const;
};

std::string to_json(const Manifest& m);
// Strict: every field present with its type and range, names and sizes consistent. Returns
// std::nullopt and sets *error (when given) to a one-line reason on anything else.
std::optional<Manifest> parse_manifest(std::string_view text, std::string* error);

}  // namespace portald::backup
