#pragma once
// The mail outbox (table "mail_outbox"): be64(id) -> OutboxEntry. Written in the same transaction as the
// change a notice is about (daemon/mail/outbox.hpp); no change-log entry: nothing public depends on it.
#include <cstdint>
#include <optional>
#include <vector>

#include "daemon/model/mail_outbox.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::OutboxEntry> get_outbox_entry(const Txn& txn, const Tables& t, std::uint64_t id);
void put_outbox_entry(WriteTxn& txn, const Tables& t, const model::OutboxEntry& e);
// False when there was none.
bool delete_outbox_entry(WriteTxn& txn, const Tables& t, std::uint64_t id);
// Every entry, oldest first.
std::vector<model::OutboxEntry> list_outbox(const Txn& txn, const Tables& t);

}  // namespace portald::store
