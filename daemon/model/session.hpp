#pragma once
// A login session as stored (store: session_table.hpp; tokens and timeouts: daemon/auth/session.hpp).
#include <string>

#include "daemon/model/time.hpp"

namespace portald::model {

// A login session. Only a hash of its random token is stored.
struct Session {
  std::string username{};
  UnixTime created_at = 0;
  UnixTime last_seen = 0;
  std::string csrf{};  // per-session CSRF token (hex)
  bool second_factor_ok = false;
  std::string pending_totp{};  // secret offered on the enrolment page, until confirmed
  // For the user's list of open sessions (issue 16); staff data, bounded (user_agent.hpp). "" in sessions
  // started before they were recorded.
  std::string device{};   // "Chrome trên Android" (model::describe_device), at most kMaxDeviceText bytes
  std::string address{};  // the client address at login, as the server saw it, at most kMaxSessionAddress bytes
};

}  // namespace portald::model
