#pragma once
// Pending changes of the editorial board's membership, one per account (model/board_change.hpp).
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/board_change.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// The change waiting for this account, std::nullopt when none.
std::optional<model::BoardChange> get_board_change(const Txn& txn, const Tables& t, std::string_view username);
// Inserts or replaces the account's pending change.
void put_board_change(WriteTxn& txn, const Tables& t, const model::BoardChange& change);
// Removes the account's pending change; false when there was none.
bool delete_board_change(WriteTxn& txn, const Tables& t, std::string_view username);
// Every pending change, by username.
std::vector<model::BoardChange> list_board_changes(const Txn& txn, const Tables& t);

}  // namespace portald::store
