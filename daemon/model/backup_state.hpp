#pragma once
// What the backup job, `backup verify` and the restore drill last did (store: backup_state_table.hpp).
// portaldctl records it; the daemon reports it in /healthz, /metrics and the admin status page without
// reading the backup target, so a failure shows even when the target is gone (unplugged disk,
// unmounted NAS).
#include <map>
#include <optional>
#include <string>

#include "daemon/model/time.hpp"

namespace portald::model {

struct BackupOutcome {
  std::string snapshot;  // snapshot id; empty when the run failed before choosing one
  UnixTime at = 0;       // when the run ended
  bool ok = false;
  std::string message;  // why it failed, or a note (same device, records compared)
  bool operator==(const BackupOutcome&) const = default;
};

struct BackupState {
  std::optional<BackupOutcome> last_snapshot;     // newest successful snapshot
  std::optional<BackupOutcome> last_attempt;      // newest backup run, successful or not
  std::optional<BackupOutcome> last_drill;        // newest restore drill
  std::map<std::string, BackupOutcome> verified;  // snapshot id -> its newest full verification
  bool operator==(const BackupState&) const = default;
};

}  // namespace portald::model
