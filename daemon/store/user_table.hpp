#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/user.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::User> get_user(const Txn& txn, const Tables& t, std::string_view username);
// Inserts or replaces the user keyed by username.
void put_user(WriteTxn& txn, const Tables& t, const model::User& user);
std::vector<model::User> list_users(const Txn& txn, const Tables& t);  // by username

}  // namespace portald::store
