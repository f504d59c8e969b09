#include "daemon/reports/self_audit.hpp"

#include <algorithm>

#include "daemon/reports/self_audit_items.hpp"

namespace portald::reports {

std::string_view state_label(AuditState s) {
  switch (s) {
    case AuditState::passed: return "đạt";
    case AuditState::failed: return "chưa đạt";
    case AuditState::manual: return "cần kiểm tra thủ công";
  }
  return "";
}

std::string_view state_key(AuditState s) {
  switch (s) {
    case AuditState::passed: return "passed";
    case AuditState::failed: return "failed";
    case AuditState::manual: return "manual";
  }
  return "";
}

std::size_t SelfAudit::count(AuditState s) const {
  return static_cast<std::size_t>(
      std::count_if(items.begin(), items.end(), [s](const AuditItem& i) { return i.state == s; }));
}

SelfAudit self_audit(const store::Txn& txn, const store::Tables& t, const health::CadencePolicy& cadence,
                     model::UnixTime now) {
  namespace i = audit_items;
  SelfAudit a;
  a.at = now;
  a.items.push_back(i::mandatory_sections(txn, t));
  a.items.push_back(i::english_section(txn, t));
  a.items.push_back(i::legal_documents(txn, t));
  a.items.push_back(i::footer_facts(txn, t));
  a.items.push_back(i::update_cadence(txn, t, cadence, now));
  a.items.push_back(i::overdue_questions(txn, t, now));
  a.items.push_back(i::backups(txn, t, now));
  a.items.push_back(i::log_retention(txn, t, now));
  a.items.push_back(i::dormant_accounts(txn, t, now));
  return a;
}

}  // namespace portald::reports
