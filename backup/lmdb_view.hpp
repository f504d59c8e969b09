#pragma once
// Generic LMDB reading for snapshots: a data file opened read-only without a lock file, the list of
// named tables, counts, and a walk over every record. Generic on purpose: a snapshot is checked
// against its manifest, not against the tables this portald version happens to know.
#include <lmdb.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backup/files.hpp"

namespace portald::backup {

// A snapshot's data file (a compacted LMDB copy) opened with MDB_NOSUBDIR | MDB_RDONLY | MDB_NOLOCK:
// checking a copy never creates a lock file beside it, so it works on read-only media too. Move-only.
class SnapshotStore {
 public:
  // Throws BackupError "<file> is not a usable LMDB file: <reason>".
  explicit SnapshotStore(const std::filesystem::path& data_file);
  SnapshotStore(SnapshotStore&& other) noexcept;
  SnapshotStore& operator=(SnapshotStore&&) = delete;
  SnapshotStore(const SnapshotStore&) = delete;
  ~SnapshotStore();
  MDB_env* get() const noexcept { return env_; }

 private:
  MDB_env* env_ = nullptr;
};

// A read-only transaction on any environment; aborted on destruction.
class ViewTxn {
 public:
  explicit ViewTxn(MDB_env* env);  // throws BackupError
  ViewTxn(const ViewTxn&) = delete;
  ViewTxn& operator=(const ViewTxn&) = delete;
  ~ViewTxn();
  MDB_txn* get() const noexcept { return txn_; }

 private:
  MDB_txn* txn_ = nullptr;
};

// Names of the named tables (the keys of LMDB's main database that are sub-databases), sorted.
std::vector<std::string> table_names(MDB_txn* txn);
// The handle of a named table; std::nullopt when there is no such table. Throws BackupError on errors.
std::optional<MDB_dbi> open_table(MDB_txn* txn, const std::string& name);
// Records per named table from LMDB's own statistics (no walk).
std::map<std::string, std::uint64_t> table_counts(MDB_txn* txn);

struct WalkResult {
  std::map<std::string, std::uint64_t> records;  // counted by cursors, one record at a time
  std::uint64_t change_seq = 0;                  // newest key of "changes" (big-endian seq), 0 when empty
  std::uint32_t schema_version = 0;              // meta/schema_version, 0 when absent
};
// Walks every record of every named table with a cursor. Throws BackupError on a damaged file.
// `map` (optional): the environment's map, released from this process every 16 MiB walked so the
// resident set stays flat whatever the store size.
WalkResult walk_tables(MDB_txn* txn, MDB_env* map = nullptr);

// Drops the resident pages of an environment's read-only map from this process (they stay in the page
// cache, reclaimable); LMDB maps without MDB_WRITEMAP are never written through, so this is always
// safe. Best effort: does nothing when the mapping cannot be found.
void release_map(MDB_env* env) noexcept;

std::string lmdb_text(int rc);  // mdb_strerror
// BackupError("<what>: <mdb_strerror>") for a failed LMDB call. LMDB returns its own MDB_* codes
// (negative) or, when a system call failed, that call's errno (positive): the error says which.
BackupError lmdb_error(const std::string& what, int rc);

}  // namespace portald::backup
