// What logging in and out writes, over a real store: sessions with their audit entries, the second
// factor's enrolment and check (a code works once), and a touch that never revives an ended session.
#include <boost/test/unit_test.hpp>

#include "daemon/accounts/accounts.hpp"
#include "daemon/accounts/sessions.hpp"
#include "daemon/auth/session.hpp"
#include "daemon/auth/totp.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using accounts::SecondFactor;

namespace {

constexpr model::UnixTime kNow = 1'750'000'000;

model::User add_user(store::WriteTxn& txn, const store::Tables& t, const std::string& name, model::Role role) {
  const accounts::NewAccount a{name, "", role, 0, "hash"};
  BOOST_REQUIRE(accounts::create_account(txn, t, a, model::console_actor(), 1));
  return *store::get_user(txn, t, name);
}

// The newest audit entry about `user`.
model::AuditEntry last_audit(const store::Txn& txn, const store::Tables& t, const std::string& user) {
  const auto log = store::find_audit(txn, t, {.object = "user/" + user}, 1);
  BOOST_REQUIRE(!log.empty());
  return log.front();
}

std::string code_at(const std::string& base32_secret, model::UnixTime at) {
  return auth::totp_code(auth::base32_decode(base32_secret).value(), at);
}

// A six-digit code that matches none of the steps around `at`.
std::string wrong_code(const std::string& base32_secret, model::UnixTime at) {
  std::string c = "000000";
  while (auth::totp_match(base32_secret, c, at)) ++c.back();
  return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sessions)

BOOST_AUTO_TEST_CASE(a_login_starts_a_session_drops_expired_ones_and_is_audited) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  const auto reporter = add_user(txn, t, "lan", model::Role::reporter);
  const auto old = auth::create_session(txn, t, "minh", kNow - auth::kAbsoluteTimeout - 1, true);
  const auto token = accounts::start_session(txn, t, reporter, "10.0.0.2", kNow);
  BOOST_TEST(!store::get_session(txn, t, auth::token_hash(old)).has_value());
  const auto live = auth::live_session(txn, t, token, kNow);
  BOOST_TEST_REQUIRE(live.has_value());
  BOOST_TEST(live->second_factor_ok);  // reporters need no second factor
  const auto e = last_audit(txn, t, "lan");
  BOOST_TEST(e.action == "login.ok");
  BOOST_TEST(e.actor == "lan");
  BOOST_TEST(e.address == "10.0.0.2");
  BOOST_TEST(e.at == kNow);
  // An operator's session waits for the second factor.
  const auto op = add_user(txn, t, "quantri", model::Role::operator_);
  const auto waiting = accounts::start_session(txn, t, op, "10.0.0.3", kNow);
  BOOST_TEST(!auth::live_session(txn, t, waiting, kNow)->second_factor_ok);
}

BOOST_AUTO_TEST_CASE(refused_logins_are_audited_with_the_name_cut_to_64_bytes) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  accounts::record_refused_login(txn, t, "lan", false, "10.0.0.2", kNow);
  BOOST_TEST(last_audit(txn, t, "lan").action == "login.failed");
  accounts::record_refused_login(txn, t, "lan", true, "10.0.0.2", kNow);
  BOOST_TEST(last_audit(txn, t, "lan").action == "login.limited");
  const std::string longest(64, 'x');
  accounts::record_refused_login(txn, t, longest + "yyyy", false, "10.0.0.2", kNow);
  const auto e = last_audit(txn, t, longest);
  BOOST_TEST(e.actor == longest);
}

BOOST_AUTO_TEST_CASE(a_touch_never_revives_an_ended_session) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  const auto token = auth::create_session(txn, t, "lan", kNow, true);
  const auto key = auth::token_hash(token);
  BOOST_TEST(accounts::touch_session(txn, t, key, kNow + 100));
  BOOST_TEST(store::get_session(txn, t, key)->last_seen == kNow + 100);
  accounts::end_session(txn, t, key, "lan", "10.0.0.2", kNow + 200);
  BOOST_TEST(last_audit(txn, t, "lan").action == "logout");
  BOOST_TEST(!accounts::touch_session(txn, t, key, kNow + 300));
  BOOST_TEST(!store::get_session(txn, t, key).has_value());
}

BOOST_AUTO_TEST_CASE(logging_out_everywhere_ends_only_that_users_sessions) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  auth::create_session(txn, t, "lan", kNow, true);
  auth::create_session(txn, t, "lan", kNow, true);
  const auto other = auth::create_session(txn, t, "minh", kNow, true);
  BOOST_TEST(accounts::end_all_sessions(txn, t, "lan", "10.0.0.2", kNow) == 2u);
  BOOST_TEST(auth::live_session(txn, t, other, kNow).has_value());
  const auto e = last_audit(txn, t, "lan");
  BOOST_TEST(e.action == "logout.everywhere");
  BOOST_TEST(e.to == "2 phiên");
}

BOOST_AUTO_TEST_CASE(enrolment_stores_the_offered_secret_only_when_a_code_confirms_it) {
  test::TempStore s;
  const auto& t = s.store.tables();
  const auto sealing = secrets::PersonalDataKey::generate();
  store::WriteTxn txn = s.store.write();
  add_user(txn, t, "quantri", model::Role::operator_);
  const auto key = auth::token_hash(auth::create_session(txn, t, "quantri", kNow, false));
  auto session = *store::get_session(txn, t, key);
  const std::string secret = accounts::offer_totp_secret(txn, t, sealing, key, session);
  BOOST_TEST(auth::base32_decode(secret).has_value());
  // Stored sealed, never in clear; a reload offers the same secret.
  const std::string pending = store::get_session(txn, t, key)->pending_totp;
  BOOST_TEST(secrets::is_sealed(pending));
  BOOST_TEST(pending.find(secret) == std::string::npos);
  BOOST_TEST(accounts::offer_totp_secret(txn, t, sealing, key, session) == secret);
  BOOST_TEST(store::get_user(txn, t, "quantri")->totp_secret.empty());
  BOOST_TEST((accounts::confirm_totp_enrolment(txn, t, sealing, key, session, wrong_code(secret, kNow), "10.0.0.3",
                                               kNow) == SecondFactor::refused));
  BOOST_TEST(store::get_user(txn, t, "quantri")->totp_secret.empty());
  BOOST_TEST((accounts::confirm_totp_enrolment(txn, t, sealing, key, session, code_at(secret, kNow), "10.0.0.3",
                                               kNow) == SecondFactor::passed));
  const auto u = *store::get_user(txn, t, "quantri");
  BOOST_TEST(secrets::is_sealed(u.totp_secret));
  BOOST_TEST((sealing.open(u.totp_secret, accounts::totp_purpose("quantri")) == secret));
  BOOST_TEST(u.totp_last_step == kNow / 30);
  const auto stored = *store::get_session(txn, t, key);
  BOOST_TEST(stored.second_factor_ok);
  BOOST_TEST(stored.pending_totp.empty());
  BOOST_TEST(last_audit(txn, t, "quantri").action == "login.totp-enrolled");
}

BOOST_AUTO_TEST_CASE(a_totp_code_works_once_and_failures_are_audited) {
  test::TempStore s;
  const auto& t = s.store.tables();
  const auto sealing = secrets::PersonalDataKey::generate();
  store::WriteTxn txn = s.store.write();
  auto u = add_user(txn, t, "quantri", model::Role::operator_);
  const std::string secret = auth::new_totp_secret();
  u.totp_secret = sealing.seal(secret, accounts::totp_purpose("quantri"));
  store::put_user(txn, t, u);
  const auto key = auth::token_hash(auth::create_session(txn, t, "quantri", kNow, false));
  auto session = *store::get_session(txn, t, key);
  const std::string code = code_at(secret, kNow);
  BOOST_TEST((accounts::verify_totp(txn, t, sealing, key, session, code, "10.0.0.3", kNow) == SecondFactor::passed));
  BOOST_TEST(store::get_session(txn, t, key)->second_factor_ok);
  BOOST_TEST(last_audit(txn, t, "quantri").action == "login.totp-ok");
  // The same code again (another session, same 30 s): a replay.
  const auto key2 = auth::token_hash(auth::create_session(txn, t, "quantri", kNow, false));
  auto second = *store::get_session(txn, t, key2);
  BOOST_TEST((accounts::verify_totp(txn, t, sealing, key2, second, code, "10.0.0.3", kNow) == SecondFactor::refused));
  BOOST_TEST(!store::get_session(txn, t, key2)->second_factor_ok);
  BOOST_TEST(last_audit(txn, t, "quantri").action == "login.totp-failed");
  BOOST_TEST((accounts::verify_totp(txn, t, sealing, key2, second, "abc", "10.0.0.3", kNow) == SecondFactor::refused));
  // Under another key file the secret does not open: nothing passes.
  const auto other_key = secrets::PersonalDataKey::generate();
  BOOST_TEST((accounts::verify_totp(txn, t, other_key, key2, second, code_at(secret, kNow + 30), "10.0.0.3", kNow) ==
              SecondFactor::unreadable));
  BOOST_TEST(!store::get_session(txn, t, key2)->second_factor_ok);
  // The next step's code is accepted.
  BOOST_TEST((accounts::verify_totp(txn, t, sealing, key2, second, code_at(secret, kNow + 30), "10.0.0.3", kNow) ==
              SecondFactor::passed));
  second.username = "gone";
  BOOST_TEST(
      (accounts::verify_totp(txn, t, sealing, key2, second, code, "10.0.0.3", kNow) == SecondFactor::no_account));
}

BOOST_AUTO_TEST_CASE(secrets_stored_in_clear_before_the_key_are_sealed_once) {
  test::TempStore s;
  const auto& t = s.store.tables();
  const auto sealing = secrets::PersonalDataKey::generate();
  store::WriteTxn txn = s.store.write();
  auto u = add_user(txn, t, "quantri", model::Role::operator_);
  u.totp_secret = "JBSWY3DPEHPK3PXP";
  store::put_user(txn, t, u);
  add_user(txn, t, "lan", model::Role::reporter);  // no second factor: left empty
  BOOST_TEST(accounts::seal_clear_totp_secrets(txn, t, sealing) == 1u);
  const auto sealed = store::get_user(txn, t, "quantri")->totp_secret;
  BOOST_TEST(secrets::is_sealed(sealed));
  BOOST_TEST((sealing.open(sealed, accounts::totp_purpose("quantri")) == std::string("JBSWY3DPEHPK3PXP")));
  BOOST_TEST(store::get_user(txn, t, "lan")->totp_secret.empty());
  BOOST_TEST(accounts::seal_clear_totp_secrets(txn, t, sealing) == 0u);  // already sealed
  BOOST_TEST(store::get_user(txn, t, "quantri")->totp_secret == sealed);
}

BOOST_AUTO_TEST_SUITE_END()
