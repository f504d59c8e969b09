#pragma once
// The restore drill: restores the newest snapshot into a scratch directory exactly as `restore` would
// (full verification included), then compares it with the live store as of the snapshot's time.
// "As of the snapshot's time" uses the change log: a content record (article, document, category,
// agency, media, page, settings) that has no change after the snapshot's change seq must be byte for
// byte identical in both; one changed since is skipped and counted. The change log itself must agree
// up to that seq. Tables without change-log entries (users, sessions, indexes, meta) are compared by
// count only, for information.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "backup/verify.hpp"
#include "daemon/store/store.hpp"

namespace portald::backup {

struct TableComparison {
  std::string table;
  std::string mode;  // "records", "whole table", "change log", "count only"
  std::uint64_t snapshot_records = 0, live_records = 0;
  std::uint64_t identical = 0;      // compared byte for byte and equal
  std::uint64_t changed_since = 0;  // skipped: changed in the live store after the snapshot
  std::uint64_t problem_count = 0;
  std::vector<std::string> problems;  // the first few, one line each
};

struct DrillReport {
  std::string snapshot;
  model::UnixTime started_at = 0, finished_at = 0;
  bool ok = false;
  std::string error;  // one line when !ok
  std::optional<Manifest> manifest;
  bool compared_with_live = false;
  std::uint64_t live_change_seq = 0;
  std::vector<TableComparison> tables;
  double restore_seconds = 0, compare_seconds = 0;

  std::string text() const;  // the report, for the operator and the auditor
};

struct DrillOptions {
  std::filesystem::path backup_dir;
  std::filesystem::path scratch_dir;  // the restored copy goes into a fresh directory below it
  TrustedKeys keys;
};

// Runs the drill on the newest snapshot of backup_dir; `live` may be null (no comparison, e.g. on a
// machine that only holds backups). Never throws for a failed drill: the report says why.
DrillReport run_drill(const store::Store* live, const DrillOptions& options);

// Compares a restored copy with the live store (see above). Throws BackupError on read errors.
std::vector<TableComparison> compare_with_live(const std::filesystem::path& restored_file, const Manifest& manifest,
                                               const store::Store& live, std::uint64_t* live_change_seq);

// Writes the report as <backup-dir>/drill-reports/drill-<time>.txt (crash-safe, keeping the newest
// 104) and returns its path. Throws BackupError.
std::filesystem::path write_drill_report(const std::filesystem::path& backup_dir, const DrillReport& report);

}  // namespace portald::backup
