#include "backup/catalog.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "backup/files.hpp"
#include "backup/snapshot.hpp"
#include "backup/verify.hpp"

namespace portald::backup {
namespace {

std::int64_t local_day(model::UnixTime t) {
  const model::UnixTime local = t + model::kVietnamOffsetSeconds;
  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

// The Monday that starts t's week (1970-01-01 was a Thursday).
std::int64_t week_key(model::UnixTime t) {
  const std::int64_t d = local_day(t);
  return d - (((d + 3) % 7) + 7) % 7;
}

std::int64_t month_key(model::UnixTime t) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{local_day(t)}}};
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month()));
}

}  // namespace

std::vector<CatalogEntry> list_snapshots(const std::filesystem::path& backup_dir, const minisign::PublicKey& key) {
  std::vector<CatalogEntry> out;
  std::error_code ec;
  std::filesystem::directory_iterator it(backup_dir, ec);
  if (ec) throw_errno("cannot list " + backup_dir.string(), ec.value());  // ec.message() is strerror
  for (const auto& entry : it) {
    const std::string name = entry.path().filename().string();
    if (!is_snapshot_id(name) || !entry.is_directory(ec)) continue;
    CatalogEntry e{name, entry.path(), std::nullopt, {}};
    try {
      e.manifest = check_signed_manifest(entry.path(), key).manifest;
    } catch (const BackupError& err) {
      e.problem = err.what();
    }
    out.push_back(std::move(e));
  }
  // Ids are fixed-width UTC times: their text order is their time order.
  std::sort(out.begin(), out.end(), [](const CatalogEntry& a, const CatalogEntry& b) { return a.id < b.id; });
  return out;
}

std::set<std::string> snapshots_to_keep(std::vector<Dated> snapshots, const RetentionPolicy& policy) {
  std::sort(snapshots.begin(), snapshots.end(), [](const Dated& a, const Dated& b) {
    return a.at != b.at ? a.at > b.at : a.id > b.id;  // newest first
  });
  std::set<std::string> keep;
  std::set<std::int64_t> weeks, months;
  for (const Dated& s : snapshots) {
    if (keep.empty()) keep.insert(s.id);
    const auto w = week_key(s.at);
    if (!weeks.contains(w) && weeks.size() < policy.weekly) {
      weeks.insert(w);
      keep.insert(s.id);
    }
    const auto m = month_key(s.at);
    if (!months.contains(m) && months.size() < policy.monthly) {
      months.insert(m);
      keep.insert(s.id);
    }
  }
  return keep;
}

RetentionResult apply_retention(const std::filesystem::path& backup_dir, const minisign::PublicKey& key,
                                const RetentionPolicy& policy) {
  std::string holder;
  const auto lock = DirLock::try_acquire(backup_dir / kLockFile, DirLock::Mode::exclusive, &holder);
  if (!lock)
    throw BackupError("another backup, drill or clean-up is running on " + backup_dir.string() + " (" + holder + ")");
  RetentionResult r;
  std::vector<Dated> dated;
  for (const auto& e : list_snapshots(backup_dir, key)) {
    if (e.manifest)
      dated.push_back({e.id, e.manifest->started_at});
    else
      r.left_alone.push_back(e.id);
  }
  const auto keep = snapshots_to_keep(dated, policy);
  for (const Dated& d : dated) {
    if (keep.contains(d.id)) {
      r.kept.push_back(d.id);
      continue;
    }
    const auto doomed = backup_dir / (std::string(kTempPrefix) + "removing-" + d.id);
    if (std::rename((backup_dir / d.id).c_str(), doomed.c_str()) != 0) continue;  // left for the next run
    remove_tree_quietly(doomed);
    r.removed.push_back(d.id);
  }
  sync_dir(backup_dir);
  return r;
}

}  // namespace portald::backup
