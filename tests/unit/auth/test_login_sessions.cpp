// Sessions, login limits and password login against a real LMDB store.
#include <boost/test/unit_test.hpp>

#include <sodium.h>

#include <cstring>

#include "daemon/auth/login.hpp"
#include "daemon/auth/password.hpp"
#include "daemon/auth/session.hpp"
#include "daemon/store/login_failure_table.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

namespace {

void add_user(const store::Store& s, const std::string& name, const std::string& password, bool suspended = false) {
  store::WriteTxn txn = s.write();
  model::User u;
  u.username = name;
  u.role = model::Role::reporter;
  u.password_hash = auth::hash_password(password);
  u.suspended = suspended;
  store::put_user(txn, s.tables(), u);
  txn.commit();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(login_sessions)

BOOST_AUTO_TEST_CASE(only_the_token_hash_is_stored_and_timeouts_apply) {
  test::TempStore s;
  std::string token;
  {
    store::WriteTxn txn = s.store.write();
    token = auth::create_session(txn, s.store.tables(), "lan", 1000, true);
    txn.commit();
  }
  BOOST_TEST(token.size() == 64u);  // 32 random bytes, hex
  const store::ReadTxn txn = s.store.read();
  BOOST_TEST(!txn.get(s.store.tables().sessions, token).has_value());
  BOOST_TEST(txn.get(s.store.tables().sessions, auth::token_hash(token)).has_value());
  const auto live = auth::live_session(txn, s.store.tables(), token, 1000 + auth::kIdleTimeout);
  BOOST_TEST_REQUIRE(live.has_value());
  BOOST_TEST(live->username == "lan");
  BOOST_TEST(live->csrf.size() == 64u);
  BOOST_TEST(!auth::live_session(txn, s.store.tables(), token, 1000 + auth::kIdleTimeout + 1));
  BOOST_TEST(!auth::live_session(txn, s.store.tables(), std::string(64, '0'), 1000));
}

BOOST_AUTO_TEST_CASE(absolute_timeout_holds_even_when_active) {
  test::TempStore s;
  store::WriteTxn txn = s.store.write();
  const auto token = auth::create_session(txn, s.store.tables(), "lan", 1000, true);
  auto sess = *store::get_session(txn, s.store.tables(), auth::token_hash(token));
  sess.last_seen = 1000 + auth::kAbsoluteTimeout + 10;
  store::put_session(txn, s.store.tables(), auth::token_hash(token), sess);
  BOOST_TEST(!auth::live_session(txn, s.store.tables(), token, 1000 + auth::kAbsoluteTimeout + 20));
}

BOOST_AUTO_TEST_CASE(live_sessions_are_counted_with_the_timeouts_live_session_applies) {
  test::TempStore s;
  store::WriteTxn txn = s.store.write();
  const auto& t = s.store.tables();
  BOOST_TEST(auth::count_live_sessions(txn, t, 1000) == 0u);
  const auto idle = auth::create_session(txn, t, "lan", 1000, true);
  const auto busy = auth::create_session(txn, t, "minh", 1000, false);  // second factor pending: still live
  auto sess = *store::get_session(txn, t, auth::token_hash(busy));
  sess.last_seen = 1000 + auth::kIdleTimeout;
  store::put_session(txn, t, auth::token_hash(busy), sess);
  BOOST_TEST(auth::count_live_sessions(txn, t, 1000 + auth::kIdleTimeout) == 2u);
  const model::UnixTime later = 1000 + auth::kIdleTimeout + 1;  // "lan" idle too long
  BOOST_TEST(auth::count_live_sessions(txn, t, later) == 1u);
  BOOST_TEST(!auth::live_session(txn, t, idle, later));
  BOOST_TEST(auth::live_session(txn, t, busy, later).has_value());
  BOOST_TEST(auth::count_live_sessions(txn, t, 1000 + auth::kAbsoluteTimeout + 1) == 0u);  // too old
}

BOOST_AUTO_TEST_CASE(log_out_everywhere_ends_only_that_users_sessions) {
  test::TempStore s;
  store::WriteTxn txn = s.store.write();
  const auto a1 = auth::create_session(txn, s.store.tables(), "lan", 1000, true);
  const auto a2 = auth::create_session(txn, s.store.tables(), "lan", 1000, true);
  const auto b = auth::create_session(txn, s.store.tables(), "minh", 1000, true);
  BOOST_TEST(store::delete_user_sessions(txn, s.store.tables(), "lan") == 2u);
  BOOST_TEST(!auth::live_session(txn, s.store.tables(), a1, 1001));
  BOOST_TEST(!auth::live_session(txn, s.store.tables(), a2, 1001));
  BOOST_TEST(auth::live_session(txn, s.store.tables(), b, 1001).has_value());
}

BOOST_AUTO_TEST_CASE(same_answer_for_unknown_user_wrong_password_and_suspended) {
  test::TempStore s;
  add_user(s.store, "lan", "mật khẩu đủ dài 123");
  add_user(s.store, "khoa", "mật khẩu đủ dài 123", true);
  auth::LoginLimiter limiter(s.store);
  BOOST_TEST((auth::check_login(s.store, limiter, "lan", "mật khẩu đủ dài 123", "10.0.0.1", 1000).result ==
              auth::LoginResult::ok));
  BOOST_TEST((auth::check_login(s.store, limiter, "lan", "sai", "10.0.0.1", 1000).result ==
              auth::LoginResult::bad_credentials));
  BOOST_TEST((auth::check_login(s.store, limiter, "khong-co", "sai", "10.0.0.1", 1000).result ==
              auth::LoginResult::bad_credentials));
  BOOST_TEST((auth::check_login(s.store, limiter, "khoa", "mật khẩu đủ dài 123", "10.0.0.1", 1000).result ==
              auth::LoginResult::bad_credentials));
}

BOOST_AUTO_TEST_CASE(limits_per_account_and_per_address) {
  test::TempStore s;
  auth::LoginLimiter limiter(s.store, {.per_account = 3, .per_address = 5, .window_s = 60});
  for (int i = 0; i < 3; ++i) limiter.record_failure("lan", "10.0.0.1", 100);
  BOOST_TEST(limiter.blocked("lan", "10.0.0.9", 110));  // the account, from anywhere
  BOOST_TEST(!limiter.blocked("minh", "10.0.0.9", 110));
  BOOST_TEST(!limiter.blocked("lan", "10.0.0.9", 161));  // the window has passed
  for (int i = 0; i < 5; ++i) limiter.record_failure("u" + std::to_string(i), "10.0.0.2", 200);
  BOOST_TEST(limiter.blocked("someone-else", "10.0.0.2", 201));  // the address, whatever the account
  BOOST_TEST(auth::rate_limit_message(limiter.limits()).find("1 phút") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_held_account_stays_held_across_a_restart_until_the_window_passes) {
  test::TempStore s;
  const auth::LoginLimits limits{.per_account = 3, .per_address = 50, .window_s = 60};
  {
    auth::LoginLimiter before(s.store, limits);
    for (int i = 0; i < 3; ++i) before.record_failure("lan", "10.0.0.1", 100 + i);
    before.record_failure("minh", "10.0.0.1", 100);
    before.record_success("minh");  // a good login clears the account's failures
  }
  auth::LoginLimiter after(s.store, limits);  // a new daemon over the same store
  BOOST_TEST(after.blocked("lan", "10.0.0.7", 150));
  BOOST_TEST(!after.blocked("minh", "10.0.0.7", 150));
  BOOST_TEST(!after.blocked("lan", "10.0.0.7", 163));
}

BOOST_AUTO_TEST_CASE(failures_kept_per_key_are_bounded_and_expired_keys_are_swept) {
  test::TempStore s;
  auth::LoginLimiter limiter(s.store, {.per_account = 3, .per_address = 1000, .window_s = 60, .keys_before_sweep = 8});
  for (int i = 0; i < 20; ++i) limiter.record_failure("lan", "10.0.0.1", 100);
  {
    const store::ReadTxn txn = s.store.read();
    BOOST_TEST(store::get_login_failures(txn, s.store.tables(), "a:lan").size() == 3u);
  }
  // A spray of made-up names over the sweep threshold: the keys outside the window go.
  for (int i = 0; i < 8; ++i) limiter.record_failure("u" + std::to_string(i), "10.0.0.2", 100);
  limiter.record_failure("late", "10.0.0.3", 1000);
  const store::ReadTxn txn = s.store.read();
  BOOST_TEST(txn.count(s.store.tables().login_failures) == 2u);  // "late" and its address
}

BOOST_AUTO_TEST_CASE(rehash_on_login_when_parameters_changed) {
  test::TempStore s;
  {
    // A weaker (older) hash, as an earlier release would have stored.
    char weak[crypto_pwhash_STRBYTES];
    BOOST_REQUIRE(crypto_pwhash_str(weak, "mật khẩu đủ dài 123", std::strlen("mật khẩu đủ dài 123"),
                                    crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) == 0);
    store::WriteTxn txn = s.store.write();
    model::User u;
    u.username = "lan";
    u.password_hash = weak;
    store::put_user(txn, s.store.tables(), u);
    txn.commit();
  }
  auth::LoginLimiter limiter(s.store);
  BOOST_TEST(
      (auth::check_login(s.store, limiter, "lan", "mật khẩu đủ dài 123", "::1", 5).result == auth::LoginResult::ok));
  const store::ReadTxn txn = s.store.read();
  const auto u = store::get_user(txn, s.store.tables(), "lan");
  BOOST_TEST(!auth::needs_rehash(u->password_hash));
  BOOST_TEST(auth::verify_password(u->password_hash, "mật khẩu đủ dài 123"));
}

BOOST_AUTO_TEST_SUITE_END()
