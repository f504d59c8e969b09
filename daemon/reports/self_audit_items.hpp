#pragma once
// The self-audit's items, one function each (self_audit.cpp calls them in order). Internal to the
// reports library: other code uses reports::self_audit.
#include "daemon/reports/self_audit.hpp"

namespace portald::reports::audit_items {

// self_audit_content.cpp: what readers must find on the portal.
AuditItem mandatory_sections(const store::Txn& txn, const store::Tables& t);
AuditItem english_section(const store::Txn& txn, const store::Tables& t);
AuditItem legal_documents(const store::Txn& txn, const store::Tables& t);
AuditItem footer_facts(const store::Txn& txn, const store::Tables& t);

// self_audit_operations.cpp: how the portal is run.
AuditItem update_cadence(const store::Txn& txn, const store::Tables& t, const health::CadencePolicy& cadence,
                         model::UnixTime now);
AuditItem overdue_questions(const store::Txn& txn, const store::Tables& t, model::UnixTime now);
AuditItem backups(const store::Txn& txn, const store::Tables& t, model::UnixTime now);
AuditItem log_retention(const store::Txn& txn, const store::Tables& t, model::UnixTime now);
AuditItem dormant_accounts(const store::Txn& txn, const store::Tables& t, model::UnixTime now);

// "12/03/2026" for a time.
std::string date_text(model::UnixTime t);

}  // namespace portald::reports::audit_items
