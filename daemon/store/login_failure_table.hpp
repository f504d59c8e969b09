#pragma once
// Failed logins, kept across restarts (table "login_failures", issue 16: a restart used to clear a held
// account). Key: "a:" + account or "i:" + client address; value: the failure times, oldest first.
#include <cstddef>
#include <string_view>
#include <vector>

#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::vector<model::UnixTime> get_login_failures(const Txn& txn, const Tables& t, std::string_view key);
// Replaces the times of `key`; an empty list deletes it.
void put_login_failures(WriteTxn& txn, const Tables& t, std::string_view key,
                        const std::vector<model::UnixTime>& times);
// Deletes every key whose newest failure is older than `before`; returns how many.
std::size_t prune_login_failures(WriteTxn& txn, const Tables& t, model::UnixTime before);

}  // namespace portald::store
