#pragma once
// The append-only audit log (table "audit"): nothing here updates an entry. Only the archive
// (backup/audit_archive.hpp) removes the oldest ones, after a signed copy of them was written and read back.
#include <optional>
#include <vector>

#include "daemon/model/audit_action.hpp"
#include "daemon/model/audit_entry.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// Appends in the caller's transaction (so the entry commits with the change it records); returns its seq.
std::uint64_t append_audit(WriteTxn& txn, const Tables& t, model::AuditEntry e);
// The same with e.action set to the stored name of `action`: how new code names what it records.
std::uint64_t append_audit(WriteTxn& txn, const Tables& t, model::AuditAction action, model::AuditEntry e);

struct AuditFilter {
  std::string actor{};          // exact username, "" = any
  std::string action_prefix{};  // "article." matches every article action, "" = any
  std::string object{};         // exact object ("article/12"), "" = any
  model::UnixTime since = 0;    // inclusive, 0 = open
  model::UnixTime until = 0;    // exclusive, 0 = open
};
// Matching entries, newest first, at most `limit`.
std::vector<model::AuditEntry> find_audit(const Txn& txn, const Tables& t, const AuditFilter& f, std::size_t limit);
// The first entry kept (the lowest seq, the log being append-only); std::nullopt for an empty log.
std::optional<model::AuditEntry> first_audit(const Txn& txn, const Tables& t);
// The oldest entries recorded before `before`, oldest first, at most `limit` (the log is in time order).
std::vector<model::AuditEntry> audit_before(const Txn& txn, const Tables& t, model::UnixTime before, std::size_t limit);
// Removes every entry with seq <= last_seq; returns how many.
std::size_t remove_audit_through(WriteTxn& txn, const Tables& t, std::uint64_t last_seq);

}  // namespace portald::store
