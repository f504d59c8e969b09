#include "daemon/reports/self_audit_metrics.hpp"

namespace portald::reports {

void publish_self_audit_metrics(const SelfAudit& audit, health::Registry& metrics) {
  for (const auto& item : audit.items) {
    const health::Labels labels{{"item", item.key}};
    metrics.gauge("portald_compliance_failed", "1 while a compliance self-audit item is not met (chưa đạt).", labels)
        .set(item.state == AuditState::failed ? 1 : 0);
    metrics.gauge("portald_compliance_manual", "1 while a compliance self-audit item needs a person's check.", labels)
        .set(item.state == AuditState::manual ? 1 : 0);
  }
  metrics.gauge("portald_compliance_audit_time_seconds", "Unix time the compliance self-audit was last computed.")
      .set(static_cast<double>(audit.at));
}

}  // namespace portald::reports
