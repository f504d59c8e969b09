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
};

}  // namespace portald::model
