#pragma once
// What the backup job, `backup verify` and the restore drill last did, kept in the store's `meta`
// table (key "backup_state") so the daemon reports it in /healthz without reading the backup target,
// and a failure is recorded even when the target is gone (unplugged disk, unmounted NAS).
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::backup {

inline constexpr std::string_view kStateKey = "backup_state";
// Older than this, the newest snapshot or drill is a warning (weekly schedule plus a day of slack).
inline constexpr model::UnixTime kMaxAge = 8 * 86400;

struct Outcome {
  std::string snapshot;    // snapshot id; empty when the run failed before choosing one
  model::UnixTime at = 0;  // when the run ended
  bool ok = false;
  std::string message;     // why it failed, or a note (same device, records compared)
  bool operator==(const Outcome&) const = default;
};

struct BackupState {
  std::optional<Outcome> last_snapshot;     // newest successful snapshot
  std::optional<Outcome> last_attempt;      // newest backup run, successful or not
  std::optional<Outcome> last_drill;        // newest restore drill
  std::map<std::string, Outcome> verified;  // snapshot id -> its newest full verification
  bool operator==(const BackupState&) const = default;
};

// The recorded state; empty when there is none or it cannot be read (never throws for that).
BackupState read_state(const store::Txn& txn, const store::Tables& t);
// Read-modify-write in one write transaction. Throws store::StoreError.
void update_state(store::Store& store, const std::function<void(BackupState&)>& change);
// Best effort for the CLI: opens the store in data_dir and updates it; returns false (after printing
// nothing) when the store cannot be opened or written, e.g. on a machine that only holds backups.
bool update_state_in(const std::filesystem::path& data_dir, std::size_t map_size,
                     const std::function<void(BackupState&)>& change);

// The "backup" object of /healthz: state "ok" or "warning", the newest snapshot and drill with their
// ages, and one line per warning (none yet, older than 8 days, last run failed).
nlohmann::json health(const BackupState& state, model::UnixTime now);

}  // namespace portald::backup
