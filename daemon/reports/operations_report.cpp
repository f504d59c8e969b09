#include "daemon/reports/operations_report.hpp"

#include <algorithm>

#include "daemon/model/audit_action.hpp"

namespace portald::reports {

OperationsReport operations_report(const model::BackupState& backup, const std::vector<model::AuditEntry>& audit,
                                   model::UnixTime from, model::UnixTime to) {
  using model::AuditAction;
  const auto inside = [&](model::UnixTime at) { return at >= from && at < to; };
  const auto in_period = [&](const std::optional<model::BackupOutcome>& o) {
    return o && inside(o->at) ? o : std::nullopt;
  };
  OperationsReport r;
  r.snapshot = in_period(backup.last_snapshot);
  if (const auto a = in_period(backup.last_attempt); a && !a->ok) r.attempt = a;
  r.drill = in_period(backup.last_drill);
  r.last_snapshot_ever = backup.last_snapshot;
  r.last_drill_ever = backup.last_drill;
  for (const auto& [id, outcome] : backup.verified) {
    if (!inside(outcome.at)) continue;
    r.verified.push_back(outcome);
    ++(outcome.ok ? r.verified_ok : r.verified_failed);
  }
  std::stable_sort(r.verified.begin(), r.verified.end(), [](const auto& x, const auto& y) { return x.at < y.at; });
  for (const auto& e : audit) {
    if (!inside(e.at)) continue;
    const auto action = model::parse_audit_action(e.action);
    if (!action) continue;
    if (*action == AuditAction::login_failed || *action == AuditAction::login_totp_failed) ++r.failed_logins;
    if (*action == AuditAction::login_limited) ++r.limited_logins;
    if (*action == AuditAction::settings_maintenance) r.maintenance.push_back(e);
  }
  std::stable_sort(r.maintenance.begin(), r.maintenance.end(),
                   [](const auto& x, const auto& y) { return x.at < y.at; });
  return r;
}

}  // namespace portald::reports
