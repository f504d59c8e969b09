#pragma once
// The layout of the data dir (--data-dir, /var/lib/portald): every path under it comes from here, so
// the store, search, backup/restore and portaldctl agree on where things live.
//
//   <data-dir>/store/                      the LMDB environment (data.mdb, lock.mdb)
//   <data-dir>/search/                     the Xapian index: derived from the store, never backed up
//   <data-dir>/.restore-<snapshot>/        a restore's staging copy, before it is swapped in
//   <data-dir>/store.before-restore-<t>/   the store a restore replaced
//   <data-dir>/.search-stale-<t>/          the index a restore dropped, while it is deleted
//   <data-dir>/access-log/                 the HTTP access log's day files (access-log-dir's default)
#include <filesystem>
#include <string_view>
#include <system_error>
#include <utility>

namespace portald::store {

class DataDir {
 public:
  explicit DataDir(std::filesystem::path root) : root_(std::move(root)) {}

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path store_dir() const { return root_ / "store"; }
  // The environment's data and lock files (LMDB's names): the data file exists once the store does;
  // every process with the environment open holds a lock in the lock file.
  std::filesystem::path store_file() const { return store_dir() / "data.mdb"; }
  std::filesystem::path store_lock_file() const { return store_dir() / "lock.mdb"; }
  // True when a store exists here (its data file does); false when not or it cannot be told.
  bool has_store() const {
    std::error_code ec;
    return std::filesystem::exists(store_file(), ec);
  }
  std::filesystem::path index_dir() const { return root_ / "search"; }
  std::filesystem::path access_log_dir() const { return root_ / "access-log"; }

  // Restore's working names (backup/restore.cpp); `suffix` is a time stamp.
  std::filesystem::path restore_staging_dir(std::string_view snapshot) const {
    return root_ / (".restore-" + std::string(snapshot));
  }
  std::filesystem::path previous_store_dir(std::string_view suffix) const {
    return root_ / ("store.before-restore-" + std::string(suffix));
  }

 private:
  std::filesystem::path root_;
};

}  // namespace portald::store
