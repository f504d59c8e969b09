#pragma once
// The snapshots in a backup directory, and retention: the newest snapshot of each of the last N weeks
// and of the last M months (weeks Monday to Sunday and months in Vietnam time, UTC+7) are kept.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "backup/manifest.hpp"
#include "backup/minisign.hpp"

namespace portald::backup {

struct CatalogEntry {
  std::string id;
  std::filesystem::path dir;
  std::optional<Manifest> manifest;  // when its signed manifest checked out
  std::string problem;               // why not, otherwise empty
};

// Every directory named like a snapshot, oldest first, each with its manifest checked against `key`
// (signatures of the manifest only; the data file is not read).
std::vector<CatalogEntry> list_snapshots(const std::filesystem::path& backup_dir, const minisign::PublicKey& key);

struct Dated {
  std::string id;
  model::UnixTime at = 0;
};
struct RetentionPolicy {
  unsigned weekly = 8;
  unsigned monthly = 12;
};
// The ids to keep: the newest of each of the `weekly` most recent weeks that have a snapshot, and of the
// `monthly` most recent months that have one. The newest snapshot is always kept.
std::set<std::string> snapshots_to_keep(std::vector<Dated> snapshots, const RetentionPolicy& policy);

struct RetentionResult {
  std::vector<std::string> kept, removed;
  std::vector<std::string> left_alone;  // unverifiable directories: never deleted automatically
};
// Applies the policy to the verified snapshots of backup_dir under its lock. Each removal is one
// rename to a .tmp- name, then a delete, so a crash never leaves half a snapshot under a snapshot name.
// Throws BackupError when the lock is held by another run.
RetentionResult apply_retention(const std::filesystem::path& backup_dir, const minisign::PublicKey& key,
                                const RetentionPolicy& policy);

}  // namespace portald::backup
