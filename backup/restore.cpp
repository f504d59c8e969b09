#include "backup/restore.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "backup/files.hpp"
#include "daemon/store/data_dir.hpp"

namespace portald::backup {
namespace {

constexpr std::uint64_t kSpaceMargin = std::uint64_t(64) << 20;

std::string in_use_message(const std::filesystem::path& data_dir, pid_t pid) {
  return "the store in " + data_dir.string() + " is open in " +
         (pid > 0 ? "process " + std::to_string(pid) : std::string("another process")) +
         " (portald, or another portaldctl); stop it first (systemctl stop portald portald-backup.timer "
         "portald-drill.timer), then run the restore again. Nothing was changed.";
}

// "20241124-023000Z": a suffix for the kept previous store.
std::string time_suffix() { return snapshot_id(model::now()).substr(8); }

// Files restored by root belong to the data dir's owner, so the daemon (user portald) can open them.
bool adopt_owner(const std::filesystem::path& data_dir, const std::filesystem::path& staging) {
  struct stat st {};
  if (::geteuid() != 0 || ::stat(data_dir.c_str(), &st) != 0 || st.st_uid == 0) return false;
  for (const auto& p : {staging, staging / kDataFile})
    if (::chown(p.c_str(), st.st_uid, st.st_gid) != 0)
      throw_errno("cannot give " + p.string() + " to the data dir's owner", errno);
  return true;
}

// Puts staging at the store's place atomically; returns where the old store went (empty when there was none).
std::filesystem::path swap_in(const std::filesystem::path& staging, const store::DataDir& data) {
  const auto store_dir = data.store_dir();
  std::error_code ec;
  if (!std::filesystem::exists(store_dir, ec)) {
    if (::rename(staging.c_str(), store_dir.c_str()) != 0)
      throw_errno("cannot move the restored store into place", errno);
    return {};
  }
  const auto previous = data.previous_store_dir(time_suffix());
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, store_dir.c_str(), RENAME_EXCHANGE) == 0) {
    // store_dir is the restored store now; the old one sits under the staging name (and stays there
    // if this rename fails: it is never deleted).
    return ::rename(staging.c_str(), previous.c_str()) == 0 ? previous : staging;
  }
  if (errno != EINVAL && errno != ENOSYS) throw_errno("cannot swap the restored store into place", errno);
  // A file system without RENAME_EXCHANGE: two renames; a crash between them leaves no store/ but
  // both copies, named, and the daemon refuses to start rather than starting empty.
  if (::rename(store_dir.c_str(), previous.c_str()) != 0) throw_errno("cannot move the previous store aside", errno);
  if (::rename(staging.c_str(), store_dir.c_str()) != 0) {
    const int e = errno;
    ::rename(previous.c_str(), store_dir.c_str());  // put the old store back
    throw_errno("cannot move the restored store into place", e);
  }
  return previous;
}

}  // namespace

std::optional<pid_t> store_holder(const std::filesystem::path& data_dir) {
  return lmdb_env_holder(store::DataDir(data_dir).store_lock_file());
}

RestoreResult restore_snapshot(const std::filesystem::path& snapshot_dir, const std::filesystem::path& data_dir,
                               const TrustedKeys& keys) {
  if (auto pid = store_holder(data_dir)) throw BackupError(in_use_message(data_dir, *pid));
  std::error_code ec;
  if (!std::filesystem::is_directory(data_dir, ec)) {
    std::filesystem::create_directories(data_dir, ec);
    if (ec) throw BackupError("cannot create the data dir " + data_dir.string() + ": " + ec.message());
    ::chmod(data_dir.c_str(), 0700);
  }
  const SignedManifest checked = check_signed_manifest(snapshot_dir, keys.signing);  // cheap, before any copying
  const std::uint64_t free = available_bytes(data_dir);
  if (free < checked.manifest.store_size + kSpaceMargin)
    throw BackupError("not enough space in " + data_dir.string() + " for the restored store: need " +
                      human_size(checked.manifest.store_size + kSpaceMargin) + ", " + human_size(free) +
                      " free. Nothing was changed.");

  const store::DataDir data(data_dir);
  RestoreResult r;
  r.store_dir = data.store_dir();
  const auto staging = data.restore_staging_dir(checked.manifest.snapshot);
  remove_tree_quietly(staging);
  if (::mkdir(staging.c_str(), 0700) != 0) throw_errno("cannot create " + staging.string(), errno);
  try {
    r.manifest = extract_snapshot(snapshot_dir, keys, staging / kDataFile);
    r.owner_changed = adopt_owner(data_dir, staging);
    sync_dir(staging);
    pid_t holder = 0;
    auto exclusion = EnvExclusion::acquire(data.store_lock_file(), &holder);
    if (!exclusion) throw BackupError(in_use_message(data_dir, holder));
    // The search index stays: portald sees that it describes another state of the store (its
    // change-log cursor), answers from it meanwhile and rebuilds one beside it (search/indexer.cpp).
    r.search_index_kept = std::filesystem::exists(data.index_dir(), ec);
    r.previous_store = swap_in(staging, data);
  } catch (...) {
    remove_tree_quietly(staging);  // still the staged copy: swap_in leaves it only when nothing moved
    throw;
  }
  sync_dir(data_dir);
  return r;
}

}  // namespace portald::backup
