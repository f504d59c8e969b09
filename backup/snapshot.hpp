#pragma once
// Taking a snapshot of the live store while the daemon keeps serving and writing.
//
// The copy is LMDB's own compacting copy (mdb_env_copyfd2 with MDB_CP_COMPACT). Unencrypted, LMDB writes
// the target file itself and a second thread hashes it right behind (GrowingFileHasher). Encrypted, the
// copy goes into a pipe; one pass over it hashes the plaintext, encrypts it, hashes what is stored and
// writes it, so the plaintext never touches the backup target. Record counts and the
// change-log position in the manifest must describe exactly the copied state: a write transaction,
// held from before the copy starts until its first bytes arrive, keeps every writer (daemon included)
// out while both read the same committed state; writers wait a few milliseconds, never the whole copy.
//
// On the target, a snapshot is a directory <backup-dir>/<id>/ with data.mdb (or data.mdb.enc),
// manifest.json, a .minisig beside each and portald-snapshot.pub. It is written as .tmp-<id>/ (files
// fsynced, directory fsynced), then renamed into place and the parent fsynced: a crash or a full disk
// leaves only a .tmp- directory, which the next run removes.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "backup/keys.hpp"
#include "backup/manifest.hpp"
#include "daemon/store/store.hpp"

namespace portald::backup {

struct SnapshotOptions {
  std::filesystem::path target;    // the backup directory (must exist: it is a mount point)
  std::filesystem::path data_dir;  // the live data dir, for the same-device check
  KeyFiles keys;
  bool encrypt = false;
  bool create_missing_keys = true;  // make the key pair on the first run
};

struct SnapshotResult {
  Manifest manifest;
  std::filesystem::path dir;              // the finished snapshot directory
  bool same_device = false;               // the target shares a device with the data dir
  std::vector<std::string> keys_created;  // lines for the operator
  double seconds = 0;
  double writers_paused_ms = 0;  // how long writers waited for the copy to start
};

// Name of the lock file in a backup directory (snapshot, drill and retention take it exclusively).
inline constexpr std::string_view kLockFile = ".portald-backup.lock";
// Prefix of a snapshot being written.
inline constexpr std::string_view kTempPrefix = ".tmp-";

// Writes one snapshot. Throws BackupError with a one-line reason when the target is missing, not a
// directory, read-only, full or locked by another run; nothing partial is left behind then.
// The process must ignore SIGPIPE (portaldctl's main does): an encrypted copy whose reader failed has
// to end with EPIPE, not kill the process before it can clean up and report.
SnapshotResult create_snapshot(store::Store& store, const SnapshotOptions& options);

// Removes .tmp- directories left by a crashed run (call with the directory lock held).
void remove_stale_temp_dirs(const std::filesystem::path& target);

}  // namespace portald::backup
