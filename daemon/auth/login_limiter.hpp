#pragma once
// Failed-login limits per account and per client address, kept in the store (table login_failures), so
// a restart does not release a held account (issue 16). The audit log keeps every attempt. Thread-safe:
// each call is one LMDB transaction.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::auth {

struct LoginLimits {
  unsigned per_account = 5;   // failures per window before the account is held
  unsigned per_address = 20;  // failures per window before the address is held
  model::UnixTime window_s = 15 * 60;
  // Above this many keys, those whose failures all left the window are swept (a spray of made-up
  // names must not grow the table for ever).
  std::size_t keys_before_sweep = 10000;
};

class LoginLimiter {
 public:
  explicit LoginLimiter(const store::Store& store, LoginLimits limits = {}) : store_(store), limits_(limits) {}
  // True when either the account or the address has too many recent failures.
  bool blocked(std::string_view account, std::string_view address, model::UnixTime now) const;
  void record_failure(std::string_view account, std::string_view address, model::UnixTime now);
  // A successful login clears the account's failures (not the address's).
  void record_success(std::string_view account);
  const LoginLimits& limits() const { return limits_; }

 private:
  const store::Store& store_;
  LoginLimits limits_;
};

// The message shown when a login is held (Vietnamese).
std::string rate_limit_message(const LoginLimits& limits);

}  // namespace portald::auth
