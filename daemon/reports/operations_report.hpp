#pragma once
// The operations report over a period (issue 13): what the store records about running the portal.
// Backups: the backup state keeps only the newest snapshot, the newest backup run, the newest restore
// drill and the newest verification of each snapshot (model/backup_state.hpp), so earlier runs of the
// period are not known. From the audit log: maintenance mode switched on and off, failed logins and
// logins held by the rate limit. Availability, restarts and the health checks' warnings are logged to
// the journal, not stored: the page says "chưa ghi nhận" rather than guess them.
#include <optional>
#include <vector>

#include "daemon/model/audit_entry.hpp"
#include "daemon/model/backup_state.hpp"

namespace portald::reports {

struct OperationsReport {
  std::optional<model::BackupOutcome> snapshot;            // the newest successful snapshot, when taken in the period
  std::optional<model::BackupOutcome> attempt;             // the newest backup run, when in the period and failed
  std::vector<model::BackupOutcome> verified;              // verifications that ended in the period, oldest first
  std::optional<model::BackupOutcome> drill;               // the newest restore drill, when in the period
  std::optional<model::BackupOutcome> last_snapshot_ever;  // for context when none falls in the period
  std::optional<model::BackupOutcome> last_drill_ever;
  int verified_ok = 0, verified_failed = 0;
  int failed_logins = 0;                       // login.failed and login.totp-failed
  int limited_logins = 0;                      // login.limited: the rate limit held an address
  std::vector<model::AuditEntry> maintenance;  // settings.maintenance entries, oldest first
};

// Backup outcomes and audit entries with from <= at < to count; `audit` may hold anything (others are ignored).
OperationsReport operations_report(const model::BackupState& backup, const std::vector<model::AuditEntry>& audit,
                                   model::UnixTime from, model::UnixTime to);

}  // namespace portald::reports
