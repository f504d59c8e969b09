#pragma once
// Login sessions (table "sessions"), keyed by a hash of the token: a copy of the store leaks no
// usable session.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/model/session.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::Session> get_session(const Txn& txn, const Tables& t, std::string_view token_hash);
void put_session(WriteTxn& txn, const Tables& t, std::string_view token_hash, const model::Session& s);
void delete_session(WriteTxn& txn, const Tables& t, std::string_view token_hash);
// Ends every session of `username` ("log out everywhere", suspension); returns how many.
std::size_t delete_user_sessions(WriteTxn& txn, const Tables& t, std::string_view username);
// Every stored session of `username` with its table key, live or not (the caller checks the timeouts).
std::vector<std::pair<std::string, model::Session>> list_user_sessions(const Txn& txn, const Tables& t,
                                                                       std::string_view username);
// Sessions last seen at or after `seen_since` and created at or after `created_since` (expire_sessions
// would keep them).
std::size_t count_sessions(const Txn& txn, const Tables& t, model::UnixTime seen_since, model::UnixTime created_since);
// Drops sessions last seen before `idle_before` or created before `created_before`; returns how many.
std::size_t expire_sessions(WriteTxn& txn, const Tables& t, model::UnixTime idle_before,
                            model::UnixTime created_before);

}  // namespace portald::store
