#include "daemon/store/audit_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::AuditEntry;
// The sequence number is the record's key, not a field.
constexpr std::tuple kAuditEntryFields{
    codec::optional("at", &AuditEntry::at),         codec::optional("actor", &AuditEntry::actor),
    codec::optional("action", &AuditEntry::action), codec::optional("object", &AuditEntry::object),
    codec::optional("from", &AuditEntry::from),     codec::optional("to", &AuditEntry::to),
    codec::optional("reason", &AuditEntry::reason), codec::optional("address", &AuditEntry::address),
};
constexpr auto kRecord = codec::record<AuditEntry>("audit", 1, kAuditEntryFields);

model::AuditEntry decode(std::string_view key, std::string_view bytes) {
  model::AuditEntry e = kRecord.decode(bytes);
  e.seq = read_be64(key);
  return e;
}

bool matches(const model::AuditEntry& e, const AuditFilter& f) {
  if (!f.actor.empty() && e.actor != f.actor) return false;
  if (!f.action_prefix.empty() && !e.action.starts_with(f.action_prefix)) return false;
  if (!f.object.empty() && e.object != f.object) return false;
  if (f.since && e.at < f.since) return false;
  if (f.until && e.at >= f.until) return false;
  return true;
}

}  // namespace

std::uint64_t append_audit(WriteTxn& txn, const Tables& t, model::AuditEntry e) {
  std::uint64_t seq = 1;
  {
    Cursor c(txn, t.audit);
    if (c.last()) seq = read_be64(c.key()) + 1;
  }
  if (e.at == 0) e.at = model::now();
  txn.put(t.audit, be64(seq), kRecord.encode(e));
  return seq;
}

std::uint64_t append_audit(WriteTxn& txn, const Tables& t, model::AuditAction action, model::AuditEntry e) {
  e.action = std::string(model::to_string(action));
  return append_audit(txn, t, std::move(e));
}

std::vector<model::AuditEntry> find_audit(const Txn& txn, const Tables& t, const AuditFilter& f, std::size_t limit) {
  std::vector<model::AuditEntry> out;
  Cursor c(txn, t.audit);
  for (bool ok = c.last(); ok && out.size() < limit; ok = c.prev()) {
    auto e = decode(c.key(), c.value());
    if (matches(e, f)) out.push_back(std::move(e));
  }
  return out;
}

std::optional<model::AuditEntry> first_audit(const Txn& txn, const Tables& t) {
  Cursor c(txn, t.audit);
  if (!c.first()) return std::nullopt;
  return decode(c.key(), c.value());
}

std::vector<model::AuditEntry> audit_before(const Txn& txn, const Tables& t, model::UnixTime before,
                                            std::size_t limit) {
  std::vector<model::AuditEntry> out;
  Cursor c(txn, t.audit);
  for (bool ok = c.first(); ok && out.size() < limit; ok = c.next()) {
    auto e = decode(c.key(), c.value());
    if (e.at >= before) break;
    out.push_back(std::move(e));
  }
  return out;
}

std::size_t remove_audit_through(WriteTxn& txn, const Tables& t, std::uint64_t last_seq) {
  std::vector<std::string> keys;
  {
    Cursor c(txn, t.audit);
    for (bool ok = c.first(); ok && read_be64(c.key()) <= last_seq; ok = c.next()) keys.emplace_back(c.key());
  }
  for (const auto& k : keys) txn.del(t.audit, k);
  return keys.size();
}

}  // namespace portald::store
