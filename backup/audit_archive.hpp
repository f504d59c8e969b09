#pragma once
// Audit retention (issue 16, Nghị định 53/2022 keeps logs at least 12 months): entries older than the
// kept months move out of the store into signed archives, so the log never grows without bound and
// nothing is removed before a verified copy exists. An archive is JSON Lines (one entry per line, in
// seq order) named audit-FIRST-LAST.jsonl, with a minisign signature beside it made by the snapshot
// key, so `minisign -Vm FILE -p snapshot.pub` checks it anywhere.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "backup/minisign.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::backup {

// 00:00 (UTC+7) on the first day of the month `months` before the month of `now`: entries before it
// are archived. Whole months, so each archive covers whole months of the log.
model::UnixTime audit_cutoff(model::UnixTime now, unsigned months);

struct AuditArchive {
  std::filesystem::path file;  // the .jsonl; its signature is file + ".minisig"
  std::size_t entries = 0;
  std::uint64_t first_seq = 0, last_seq = 0;
};

// Archives up to `batch` of the oldest entries recorded before `before` into `dir` (created 0700 if
// missing): writes the file and its signature durably, reads both back and verifies them with the
// key's public half, then in ONE write transaction removes exactly those entries and records
// audit.archive (actor `actor`). std::nullopt when no entry is that old. Throws BackupError when a
// step fails; the store is then unchanged.
std::optional<AuditArchive> archive_audit(const store::Store& store, const minisign::SecretKey& key,
                                          const std::filesystem::path& dir, model::UnixTime before, model::UnixTime now,
                                          const std::string& actor, std::size_t batch = 200000);

struct AuditArchiveCheck {
  std::optional<std::string> problem;  // std::nullopt = signature valid and every line an entry
  std::size_t entries = 0;
  std::uint64_t first_seq = 0, last_seq = 0;
};
// Verifies FILE against FILE.minisig with `key` and checks that each line is an entry, seqs rising.
AuditArchiveCheck verify_audit_archive(const std::filesystem::path& file, const minisign::PublicKey& key);

}  // namespace portald::backup
