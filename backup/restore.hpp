#pragma once
// Restoring a snapshot into a data dir, safe to run at 3 a.m.:
//   - refuses while any process (the daemon, a portaldctl) has the store open;
//   - verifies the snapshot completely (signatures, hashes, decryption, walk) into a staging directory
//     inside the data dir before touching anything;
//   - then, holding a lock that keeps the store from being opened, removes the search index (derived
//     data: the daemon rebuilds it when it is missing) and swaps the staged store in with one atomic
//     rename (RENAME_EXCHANGE), keeping the previous store as store.before-restore-<time>/.
#include <sys/types.h>

#include <filesystem>
#include <optional>

#include "backup/verify.hpp"

namespace portald::backup {

struct RestoreResult {
  Manifest manifest;
  std::filesystem::path store_dir;       // <data-dir>/store
  std::filesystem::path previous_store;  // where the replaced store went; empty when there was none
  bool search_index_kept = false;        // portald answers from it while it rebuilds one for the restored store
  bool owner_changed = false;            // run as root: the files now belong to the data dir's owner
};

// Throws BackupError with a one-line reason; nothing in data_dir has changed then (a staging directory
// is removed again).
RestoreResult restore_snapshot(const std::filesystem::path& snapshot_dir, const std::filesystem::path& data_dir,
                               const TrustedKeys& keys);

// The pid of a process that has the store in data_dir open (0 when it is in another pid namespace);
// std::nullopt when none has.
std::optional<pid_t> store_holder(const std::filesystem::path& data_dir);

}  // namespace portald::backup
