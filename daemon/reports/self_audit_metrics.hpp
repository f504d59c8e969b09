#pragma once
// The self-audit in /metrics, for the data centre's alerting: portald_compliance_failed{item="..."} is 1
// while an item is "chưa đạt" and 0 otherwise, portald_compliance_manual{item="..."} 1 while it needs a
// person's check, and portald_compliance_audit_time_seconds when it was computed. The daemon computes the
// audit on the slow checks' thread (every few minutes), never on a /metrics request.
#include "daemon/health/metrics.hpp"
#include "daemon/reports/self_audit.hpp"

namespace portald::reports {

// How often the daemon recomputes the audit for /metrics: the data changes slowly, and a full pass reads
// every document, question, user and login entry.
inline constexpr model::UnixTime kSelfAuditMetricsEvery = 300;

void publish_self_audit_metrics(const SelfAudit& audit, health::Registry& metrics);

}  // namespace portald::reports
