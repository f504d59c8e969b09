#include "daemon/store/change_log.hpp"

#include <array>

namespace portald::store {
namespace {

// Stored as 2 bytes (kind, op) + be64(id): the log is written on every content change, keep it small.
constexpr std::array<std::string_view, 10> kKindNames{"article", "document", "category", "agency",   "settings",
                                                      "media",   "page",     "topic",    "question", "dialogue"};

}  // namespace

std::string_view to_string(ChangeKind kind) { return kKindNames.at(static_cast<std::size_t>(kind)); }

std::uint64_t append_change(WriteTxn& txn, const Tables& t, ChangeKind kind, std::uint64_t id, ChangeOp op) {
  const std::uint64_t seq = latest_change(txn, t) + 1;
  std::string value;
  value += static_cast<char>(kind);
  value += static_cast<char>(op);
  value += be64(id);
  txn.put(t.changes, be64(seq), value);
  return seq;
}

std::uint64_t latest_change(const Txn& txn, const Tables& t) {
  Cursor c(txn, t.changes);
  return c.last() ? read_be64(c.key()) : 0;
}

std::vector<Change> changes_since(const Txn& txn, const Tables& t, std::uint64_t after, std::size_t limit) {
  std::vector<Change> out;
  Cursor c(txn, t.changes);
  for (bool ok = c.seek(be64(after + 1)); ok && out.size() < limit; ok = c.next()) {
    const std::string_view v = c.value();
    if (v.size() != 10 || static_cast<std::size_t>(v[0]) >= kKindNames.size())
      throw StoreError("corrupt change log entry", MDB_CORRUPTED);
    out.push_back(Change{read_be64(c.key()), static_cast<ChangeKind>(v[0]), read_be64(v.substr(2)),
                         v[1] ? ChangeOp::remove : ChangeOp::put});
  }
  return out;
}

}  // namespace portald::store
