#pragma once
// Failed-login limits per account and per client address, in memory (a restart forgets them; the
// audit log keeps every attempt). Thread-safe.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::auth {

struct LoginLimits {
  unsigned per_account = 5;   // failures per window before the account is held
  unsigned per_address = 20;  // failures per window before the address is held
  model::UnixTime window_s = 15 * 60;
};

class LoginLimiter {
 public:
  explicit LoginLimiter(LoginLimits limits = {}) : limits_(limits) {}
  // True when either the account or the address has too many recent failures.
  bool blocked(std::string_view account, std::string_view address, model::UnixTime now);
  void record_failure(std::string_view account, std::string_view address, model::UnixTime now);
  // A successful login clears the account's failures (not the address's).
  void record_success(std::string_view account);
  const LoginLimits& limits() const { return limits_; }

 private:
  unsigned recent(std::vector<model::UnixTime>& times, model::UnixTime now);
  LoginLimits limits_;
  std::mutex mu_;
  std::map<std::string, std::vector<model::UnixTime>, std::less<>> accounts_, addresses_;
};

// The message shown when a login is held (Vietnamese).
std::string rate_limit_message(const LoginLimits& limits);

}  // namespace portald::auth
