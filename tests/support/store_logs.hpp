#pragma once
// What a service left behind in the store's two logs, read in a fresh read transaction (so only what
// was committed counts): the audit log and the change log.
#include <cstdint>
#include <vector>

#include "daemon/model/editorial.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/store.hpp"

namespace portald::test {

// The change log's newest seq: take it before a write, pass it to changes_after.
std::uint64_t change_mark(const store::Store& s);
// Committed change-log entries with seq > mark, oldest first.
std::vector<store::Change> changes_after(const store::Store& s, std::uint64_t mark);
// Committed audit entries matching f, oldest first.
std::vector<model::AuditEntry> audit_entries(const store::Store& s, const store::AuditFilter& f = {});
// True when `changes` holds an entry for (kind, id).
bool has_change(const std::vector<store::Change>& changes, store::ChangeKind kind, std::uint64_t id);

}  // namespace portald::test
