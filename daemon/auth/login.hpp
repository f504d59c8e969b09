#pragma once
// Password login: rate limits, one answer for unknown users and wrong passwords, rehash when the
// Argon2id parameters changed.
#include <optional>
#include <string_view>

#include "daemon/auth/login_limiter.hpp"
#include "daemon/model/user.hpp"
#include "daemon/store/store.hpp"

namespace portald::auth {

enum class LoginResult { ok, bad_credentials, rate_limited };

struct LoginOutcome {
  LoginResult result = LoginResult::bad_credentials;
  std::optional<model::User> user;  // set when ok
};

// Checks the password (a suspended account fails like a wrong password); on success rehashes the
// password in its own write transaction when needs_rehash says so. Slow (Argon2id): the daemon runs it
// on the HashPool.
LoginOutcome check_login(const store::Store& store, LoginLimiter& limiter, std::string_view username,
                         std::string_view password, std::string_view address, model::UnixTime now);

// The one message for an unknown user, a wrong password or a suspended account.
inline constexpr std::string_view kBadCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

}  // namespace portald::auth
