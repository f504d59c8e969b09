#include "daemon/auth/login.hpp"

#include "daemon/auth/password.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::auth {
namespace {

// Verified against when the user does not exist, so both answers take the same time.
const std::string& decoy_hash() {
  static const std::string h = hash_password(generate_password(24));
  return h;
}

}  // namespace

LoginOutcome check_login(const store::Store& store, LoginLimiter& limiter, std::string_view username,
                         std::string_view password, std::string_view address, model::UnixTime now) {
  const std::string_view key = username.substr(0, 64);  // bounded memory in the limiter
  if (limiter.blocked(key, address, now)) return {LoginResult::rate_limited, std::nullopt};
  std::optional<model::User> user;
  if (model::is_valid_username(username)) {  // anything else cannot be a key (and is no account)
    const store::ReadTxn txn = store.read();
    user = store::get_user(txn, store.tables(), username);
  }
  const bool password_ok = verify_password(user ? user->password_hash : decoy_hash(), password);
  if (!user || !password_ok || user->suspended) {
    limiter.record_failure(key, address, now);
    return {LoginResult::bad_credentials, std::nullopt};
  }
  limiter.record_success(key);
  if (needs_rehash(user->password_hash)) {
    const std::string fresh = hash_password(password);
    store::WriteTxn txn = store.write();
    if (auto current = store::get_user(txn, store.tables(), username)) {
      current->password_hash = fresh;
      store::put_user(txn, store.tables(), *current);
      txn.commit();
      user = current;
    }
  }
  return {LoginResult::ok, user};
}

}  // namespace portald::auth
