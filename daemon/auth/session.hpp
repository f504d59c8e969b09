#pragma once
// Login sessions: 32 random bytes in the cookie, only their BLAKE2b hash in LMDB; idle and absolute
// timeouts; a per-session CSRF token.
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/session.hpp"
#include "daemon/store/store.hpp"

namespace portald::auth {

inline constexpr model::UnixTime kIdleTimeout = 30 * 60;        // 30 minutes without a request
inline constexpr model::UnixTime kAbsoluteTimeout = 12 * 3600;  // a working day, whatever the activity

// `bytes` random bytes as lower-case hex.
std::string random_hex(std::size_t bytes);
// The table key for a token: BLAKE2b-256 of it (binary).
std::string token_hash(std::string_view token);
// Constant-time equality of two tokens (false when the lengths differ).
bool same_token(std::string_view a, std::string_view b);

// Starts a session for `username` in the caller's transaction, noting the device description and client
// address (each cut to its bound, model/user_agent.hpp); returns the token for the cookie.
std::string create_session(store::WriteTxn& txn, const store::Tables& t, std::string_view username, model::UnixTime now,
                           bool second_factor_ok, std::string_view device = {}, std::string_view address = {});
// The session behind a cookie token, std::nullopt when unknown, idle too long or too old.
std::optional<model::Session> live_session(const store::Txn& txn, const store::Tables& t, std::string_view token,
                                           model::UnixTime now);
// How many sessions live_session() would still accept at `now` (for the sessions gauge).
std::size_t count_live_sessions(const store::Txn& txn, const store::Tables& t, model::UnixTime now);

}  // namespace portald::auth
