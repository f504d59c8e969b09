// A user's open sessions per device (issue 16): listed with device and address, the current one first;
// one other session or all the others ended by the user, every one of another account by an operator,
// each audited; nothing of another user's touched.
#include <boost/test/unit_test.hpp>

#include "daemon/accounts/accounts.hpp"
#include "daemon/accounts/sessions.hpp"
#include "daemon/auth/session.hpp"
#include "daemon/model/user_agent.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

namespace {

constexpr model::UnixTime kNow = 1'750'000'000;

model::User add_user(store::WriteTxn& txn, const store::Tables& t, const std::string& name, model::Role role) {
  const accounts::NewAccount a{name, "", role, 0, "hash"};
  BOOST_REQUIRE(accounts::create_account(txn, t, a, model::console_actor(), 1));
  return *store::get_user(txn, t, name);
}

model::AuditEntry last_audit(const store::Txn& txn, const store::Tables& t, const std::string& user) {
  const auto log = store::find_audit(txn, t, {.object = "user/" + user}, 1);
  BOOST_REQUIRE(!log.empty());
  return log.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(open_sessions)

BOOST_AUTO_TEST_CASE(a_login_records_a_bounded_device_and_address) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  const auto lan = add_user(txn, t, "lan", model::Role::reporter);
  const auto token = accounts::start_session(txn, t, lan, "203.0.113.7", kNow, "Chrome trên Android");
  const auto live = auth::live_session(txn, t, token, kNow);
  BOOST_TEST_REQUIRE(live.has_value());
  BOOST_TEST(live->device == "Chrome trên Android");
  BOOST_TEST(live->address == "203.0.113.7");
  // Whatever a caller passes, what is stored stays within its bound and valid UTF-8.
  const std::string long_device(100, 'x');
  const std::string long_address = std::string(63, 'a') + "ế";
  const auto other = auth::create_session(txn, t, "lan", kNow, true, long_device, long_address);
  const auto kept = auth::live_session(txn, t, other, kNow);
  BOOST_TEST(kept->device.size() == model::kMaxDeviceText);
  BOOST_TEST(kept->address == std::string(63, 'a'));  // not cut inside "ế"
}

BOOST_AUTO_TEST_CASE(the_list_shows_live_sessions_current_first_then_by_last_use) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  const auto desk =
      auth::token_hash(auth::create_session(txn, t, "lan", kNow - 100, true, "Firefox trên Windows", "10.0.0.1"));
  const auto phone =
      auth::token_hash(auth::create_session(txn, t, "lan", kNow - 50, true, "Safari trên iPhone", "10.0.0.2"));
  auth::create_session(txn, t, "lan", kNow - auth::kAbsoluteTimeout - 1, true, "Cũ", "10.0.0.3");  // expired
  auth::create_session(txn, t, "minh", kNow, true, "Chrome trên Linux", "10.0.0.4");               // someone else's
  const auto open = accounts::open_sessions(txn, t, "lan", desk, kNow);
  BOOST_TEST_REQUIRE(open.size() == 2u);
  BOOST_TEST(open[0].current);
  BOOST_TEST(open[0].session.device == "Firefox trên Windows");
  BOOST_TEST(!open[1].current);
  BOOST_TEST(open[1].session.device == "Safari trên iPhone");
  BOOST_TEST(open[1].id == accounts::session_id(phone));
  BOOST_TEST(open[1].id.size() == 24u);
  BOOST_TEST(open[1].id.find_first_not_of("0123456789abcdef") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_user_ends_another_session_of_theirs_but_not_the_current_or_someone_elses) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  add_user(txn, t, "lan", model::Role::reporter);
  add_user(txn, t, "minh", model::Role::reporter);
  const auto desk =
      auth::token_hash(auth::create_session(txn, t, "lan", kNow, true, "Firefox trên Windows", "10.0.0.1"));
  const auto phone =
      auth::token_hash(auth::create_session(txn, t, "lan", kNow, true, "Safari trên iPhone", "10.0.0.2"));
  const auto minh = auth::token_hash(auth::create_session(txn, t, "minh", kNow, true));
  using accounts::EndOutcome;
  BOOST_TEST((accounts::end_other_session(txn, t, "lan", accounts::session_id(minh), desk, "10.0.0.1", kNow) ==
              EndOutcome::not_found));
  BOOST_TEST((accounts::end_other_session(txn, t, "lan", accounts::session_id(desk), desk, "10.0.0.1", kNow) ==
              EndOutcome::current));
  BOOST_TEST(store::get_session(txn, t, minh).has_value());
  BOOST_TEST(store::get_session(txn, t, desk).has_value());
  BOOST_TEST((accounts::end_other_session(txn, t, "lan", accounts::session_id(phone), desk, "10.0.0.1", kNow) ==
              EndOutcome::ended));
  BOOST_TEST(!store::get_session(txn, t, phone).has_value());
  const auto e = last_audit(txn, t, "lan");
  BOOST_TEST(e.action == "logout.session");
  BOOST_TEST(e.to == "Safari trên iPhone, 10.0.0.2");
}

BOOST_AUTO_TEST_CASE(ending_the_other_sessions_keeps_the_current_one) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  add_user(txn, t, "lan", model::Role::reporter);
  const auto desk = auth::token_hash(auth::create_session(txn, t, "lan", kNow, true));
  auth::create_session(txn, t, "lan", kNow, true);
  auth::create_session(txn, t, "lan", kNow, true);
  const auto minh = auth::token_hash(auth::create_session(txn, t, "minh", kNow, true));
  BOOST_TEST(accounts::end_other_sessions(txn, t, "lan", desk, "10.0.0.1", kNow) == 2u);
  BOOST_TEST(store::get_session(txn, t, desk).has_value());
  BOOST_TEST(store::get_session(txn, t, minh).has_value());
  BOOST_TEST(last_audit(txn, t, "lan").action == "logout.others");
  BOOST_TEST(last_audit(txn, t, "lan").to == "2 phiên");
}

BOOST_AUTO_TEST_CASE(an_operator_ends_every_session_of_another_account) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  add_user(txn, t, "quantri", model::Role::operator_);
  add_user(txn, t, "lan", model::Role::reporter);
  auth::create_session(txn, t, "lan", kNow, true);
  auth::create_session(txn, t, "lan", kNow, true);
  const auto op_session = auth::token_hash(auth::create_session(txn, t, "quantri", kNow, true));
  const model::Actor op{.username = "quantri", .role = model::Role::operator_, .address = "10.0.0.9"};
  BOOST_TEST((accounts::end_sessions(txn, t, "quantri", op, kNow).refusal == accounts::Refusal::self));
  BOOST_TEST((accounts::end_sessions(txn, t, "khongco", op, kNow).refusal == accounts::Refusal::not_found));
  const auto r = accounts::end_sessions(txn, t, "lan", op, kNow);
  BOOST_TEST(bool(r));
  BOOST_TEST(r.sessions_ended == 2u);
  BOOST_TEST(accounts::open_sessions(txn, t, "lan", "", kNow).empty());
  BOOST_TEST(store::get_session(txn, t, op_session).has_value());
  const auto e = last_audit(txn, t, "lan");
  BOOST_TEST(e.action == "user.sessions-end");
  BOOST_TEST(e.actor == "quantri");
  BOOST_TEST(e.to == "2 phiên");
}

BOOST_AUTO_TEST_SUITE_END()
