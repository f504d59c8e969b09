#include "tests/support/store_logs.hpp"

#include <algorithm>

namespace portald::test {

std::uint64_t change_mark(const store::Store& s) {
  const store::ReadTxn txn = s.read();
  return store::latest_change(txn, s.tables());
}

std::vector<store::Change> changes_after(const store::Store& s, std::uint64_t mark) {
  const store::ReadTxn txn = s.read();
  return store::changes_since(txn, s.tables(), mark, 1000);
}

std::vector<model::AuditEntry> audit_entries(const store::Store& s, const store::AuditFilter& f) {
  const store::ReadTxn txn = s.read();
  auto out = store::find_audit(txn, s.tables(), f, 1000);
  std::reverse(out.begin(), out.end());
  return out;
}

bool has_change(const std::vector<store::Change>& changes, store::ChangeKind kind, std::uint64_t id) {
  return std::any_of(changes.begin(), changes.end(), [&](const auto& c) { return c.kind == kind && c.id == id; });
}

}  // namespace portald::test
