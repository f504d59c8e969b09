#include "daemon/store/mail_outbox_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::OutboxEntry;
constexpr codec::EnumKey<model::OutboxState> kState{&model::to_string, &model::parse_outbox_state};
constexpr std::tuple kOutboxFields{
    codec::required("id", &OutboxEntry::id),
    codec::optional("state", &OutboxEntry::state, kState),
    codec::optional("attempts", &OutboxEntry::attempts),
    codec::optional("queued_at", &OutboxEntry::queued_at),
    codec::optional("next_attempt_at", &OutboxEntry::next_attempt_at),
    codec::required("sealed", &OutboxEntry::sealed),
};
constexpr auto kRecord = codec::record<OutboxEntry>("mail outbox", 1, kOutboxFields);

}  // namespace

std::optional<model::OutboxEntry> get_outbox_entry(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.mail_outbox, be64(id));
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

void put_outbox_entry(WriteTxn& txn, const Tables& t, const model::OutboxEntry& e) {
  txn.put(t.mail_outbox, be64(e.id), kRecord.encode(e));
}

bool delete_outbox_entry(WriteTxn& txn, const Tables& t, std::uint64_t id) { return txn.del(t.mail_outbox, be64(id)); }

std::vector<model::OutboxEntry> list_outbox(const Txn& txn, const Tables& t) {
  std::vector<model::OutboxEntry> out;
  Cursor c(txn, t.mail_outbox);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(kRecord.decode(c.value()));
  return out;
}

}  // namespace portald::store
