#pragma once
// The "backup" object of /healthz (and the admin status page's backup row), made from the backup state
// the store keeps (store/backup_state_table.hpp).
#include <nlohmann/json.hpp>

#include "daemon/model/backup_state.hpp"
#include "daemon/model/time.hpp"

namespace portald::health {

// Older than this, the newest snapshot or drill is a warning (weekly schedule plus a day of slack).
inline constexpr model::UnixTime kBackupMaxAge = 8 * 86400;

// State "ok" or "warning", the newest snapshot and drill with their ages, and one line per warning
// (none yet, older than 8 days, last run failed).
nlohmann::json backup_report(const model::BackupState& state, model::UnixTime now);

}  // namespace portald::health
