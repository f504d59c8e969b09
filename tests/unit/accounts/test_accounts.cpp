// The accounts service over a real store: each operation checks its rule, writes nothing when it
// refuses, and appends its audit entry in the caller's transaction (aborting it leaves no trace).
#include <boost/test/unit_test.hpp>

#include "daemon/accounts/accounts.hpp"
#include "daemon/auth/session.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
namespace acc = portald::accounts;  // the suite is named "accounts" too
using acc::Refusal;
using model::Role;

namespace {

const acc::Actor kOperator{"quantri", Role::operator_, "10.0.0.1"};

acc::NewAccount account(std::string name, Role role, std::uint64_t agency = 0) {
  return {.username = std::move(name), .display_name = "", .role = role, .agency_id = agency, .password_hash = "hash"};
}

// Creates the accounts in their own committed transaction.
void seed(const store::Store& s, const std::vector<acc::NewAccount>& list) {
  store::WriteTxn txn = s.write();
  for (const auto& a : list) BOOST_REQUIRE(acc::create_account(txn, s.tables(), a, kOperator, 100));
  txn.commit();
}

std::vector<model::AuditEntry> audit_of(const store::Txn& txn, const store::Tables& t, const std::string& user) {
  return store::find_audit(txn, t, {.object = "user/" + user}, 100);
}

// The newest audit entry about `user` records `action`, from -> to.
void expect_last(const store::Txn& txn, const store::Tables& t, const std::string& user, std::string_view action,
                 std::string_view from, std::string_view to) {
  const auto log = audit_of(txn, t, user);
  BOOST_TEST_REQUIRE(!log.empty());
  BOOST_TEST(log[0].action == action);
  BOOST_TEST(log[0].from == from);
  BOOST_TEST(log[0].to == to);
}

// Gives the account a second factor (and a suspension), as if enrolled.
void enrol(store::WriteTxn& txn, const store::Tables& t, const std::string& user, bool suspended = false) {
  auto u = *store::get_user(txn, t, user);
  u.totp_secret = "JBSWY3DPEHPK3PXP";
  u.suspended = suspended;
  store::put_user(txn, t, u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(accounts)

BOOST_AUTO_TEST_CASE(create_writes_the_account_and_its_audit_entry_together) {
  test::TempStore s;
  const auto& t = s.store.tables();
  {
    store::WriteTxn txn = s.store.write();
    BOOST_CHECK(acc::create_account(txn, t, account("lan", Role::reporter), kOperator, 100));
    // Not committed: neither the account nor its audit line survives.
  }
  {
    const store::ReadTxn txn = s.store.read();
    BOOST_TEST(!store::get_user(txn, t, "lan"));
    BOOST_TEST(audit_of(txn, t, "lan").empty());
  }
  seed(s.store, {account("lan", Role::reporter)});
  const store::ReadTxn txn = s.store.read();
  const auto u = store::get_user(txn, t, "lan");
  BOOST_TEST_REQUIRE(u.has_value());
  BOOST_TEST(u->display_name == "lan");  // empty display name: the user name
  BOOST_TEST(u->password_hash == "hash");
  BOOST_TEST(u->created_at == 100);
  const auto log = audit_of(txn, t, "lan");
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].action == "user.create");
  BOOST_TEST(log[0].actor == "quantri");
  BOOST_TEST(log[0].to == "reporter");
  BOOST_TEST(log[0].address == "10.0.0.1");
  BOOST_TEST(log[0].at == 100);
}

BOOST_AUTO_TEST_CASE(create_refuses_a_bad_name_a_taken_name_and_an_agency_role_without_agency) {
  test::TempStore s;
  const auto& t = s.store.tables();
  seed(s.store, {account("lan", Role::reporter)});
  store::WriteTxn txn = s.store.write();
  BOOST_TEST((acc::create_account(txn, t, account("Lan Anh", Role::reporter), kOperator, 1).refusal ==
              Refusal::invalid_username));
  BOOST_TEST((acc::create_account(txn, t, account("lan", Role::deputy), kOperator, 1).refusal == Refusal::exists));
  for (const Role r : {Role::contributor, Role::agency_answerer})
    BOOST_TEST((acc::create_account(txn, t, account("ctv", r), kOperator, 1).refusal == Refusal::agency_required));
  BOOST_CHECK(acc::create_account(txn, t, account("ctv", Role::contributor, 7), kOperator, 1));
  BOOST_TEST((store::get_user(txn, t, "lan")->role == Role::reporter));  // the refused create changed nothing
  BOOST_TEST(audit_of(txn, t, "lan").size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_agency_rule_is_one_rule) {
  for (const Role r : model::all_roles())
    BOOST_TEST(model::needs_agency(r) == (r == Role::contributor || r == Role::agency_answerer));
}

// Those who can publish or run the portal pass a second factor; deputies approve by delegation (issue 16).
BOOST_AUTO_TEST_CASE(the_board_and_the_operators_need_a_second_factor) {
  for (const Role r : model::all_roles())
    BOOST_TEST(model::needs_second_factor(r) ==
               (r == Role::operator_ || r == Role::editor_in_chief || r == Role::deputy));
}

BOOST_AUTO_TEST_CASE(role_change_needs_an_agency_for_agency_roles_and_is_not_for_oneself) {
  test::TempStore s;
  const auto& t = s.store.tables();
  seed(s.store,
       {account("quantri", Role::operator_), account("lan", Role::reporter), account("ctv", Role::contributor, 3)});
  store::WriteTxn txn = s.store.write();
  BOOST_TEST(
      (acc::change_role(txn, t, "lan", Role::contributor, "", kOperator, 5).refusal == Refusal::agency_required));
  BOOST_TEST((acc::change_role(txn, t, "quantri", Role::reporter, "", kOperator, 5).refusal == Refusal::self));
  BOOST_TEST((acc::change_role(txn, t, "khong-co", Role::reporter, "", kOperator, 5).refusal == Refusal::not_found));
  BOOST_CHECK(acc::change_role(txn, t, "ctv", Role::agency_answerer, "Chuyển việc", kOperator, 5));
  BOOST_CHECK(acc::change_role(txn, t, "lan", Role::secretariat, "", kOperator, 5));
  BOOST_TEST((store::get_user(txn, t, "lan")->role == Role::secretariat));
  expect_last(txn, t, "ctv", "user.role", "contributor", "agency-answerer");
  BOOST_TEST(audit_of(txn, t, "ctv")[0].reason == "Chuyển việc");
  // The console is no account: the "not yourself" rule does not apply to it.
  BOOST_CHECK(acc::change_role(txn, t, "quantri", Role::deputy, "", model::console_actor(), 5));
}

BOOST_AUTO_TEST_CASE(suspension_needs_a_reason_and_ends_the_sessions_in_the_same_transaction) {
  test::TempStore s;
  const auto& t = s.store.tables();
  seed(s.store, {account("quantri", Role::operator_), account("lan", Role::reporter)});
  store::WriteTxn txn = s.store.write();
  const auto token = auth::create_session(txn, t, "lan", 10, true);
  auth::create_session(txn, t, "lan", 10, true);
  const auto other = auth::create_session(txn, t, "quantri", 10, true);
  BOOST_TEST((acc::suspend(txn, t, "lan", "  ", kOperator, 20).refusal == Refusal::reason_required));
  BOOST_TEST((acc::suspend(txn, t, "quantri", "Thử", kOperator, 20).refusal == Refusal::self));
  BOOST_TEST(auth::live_session(txn, t, token, 20).has_value());  // refusals ended nothing
  const auto r = acc::suspend(txn, t, "lan", "Nghỉ việc", kOperator, 20);
  BOOST_CHECK(r);
  BOOST_TEST(r.sessions_ended == 2u);
  BOOST_TEST(store::get_user(txn, t, "lan")->suspended);
  BOOST_TEST(!auth::live_session(txn, t, token, 20));
  BOOST_TEST(auth::live_session(txn, t, other, 20).has_value());
  expect_last(txn, t, "lan", "user.suspend", "active", "suspended");
  BOOST_TEST(audit_of(txn, t, "lan")[0].reason == "Nghỉ việc");
}

BOOST_AUTO_TEST_CASE(reinstate_lifts_the_suspension_and_is_not_for_oneself) {
  test::TempStore s;
  const auto& t = s.store.tables();
  seed(s.store, {account("quantri", Role::operator_), account("lan", Role::reporter)});
  store::WriteTxn txn = s.store.write();
  BOOST_CHECK(acc::suspend(txn, t, "lan", "Nghỉ phép", kOperator, 20));
  BOOST_TEST((acc::reinstate(txn, t, "quantri", "", kOperator, 30).refusal == Refusal::self));
  BOOST_CHECK(acc::reinstate(txn, t, "lan", "", kOperator, 30));
  BOOST_TEST(!store::get_user(txn, t, "lan")->suspended);
  expect_last(txn, t, "lan", "user.reinstate", "suspended", "active");
}

BOOST_AUTO_TEST_CASE(resetting_the_second_factor_clears_it_and_ends_the_sessions) {
  test::TempStore s;
  const auto& t = s.store.tables();
  seed(s.store, {account("quantri", Role::operator_)});
  store::WriteTxn txn = s.store.write();
  enrol(txn, t, "quantri");
  const auto token = auth::create_session(txn, t, "quantri", 10, true);
  // An operator may reset their own second factor (a new phone).
  const auto r = acc::reset_second_factor(txn, t, "quantri", "Đổi điện thoại", kOperator, 20);
  BOOST_CHECK(r);
  BOOST_TEST(r.sessions_ended == 1u);
  BOOST_TEST(store::get_user(txn, t, "quantri")->totp_secret.empty());
  BOOST_TEST(!auth::live_session(txn, t, token, 20));
  expect_last(txn, t, "quantri", "user.totp-reset", "", "");
  BOOST_TEST((acc::reset_second_factor(txn, t, "khong-co", "", kOperator, 20).refusal == Refusal::not_found));
}

BOOST_AUTO_TEST_CASE(the_work_email_is_checked_set_audited_and_removable) {
  test::TempStore s;
  seed(s.store, {account("phongvien", Role::reporter)});
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  // Nothing that is not one plain address gets in: no second address, no header, no display name.
  for (const char* bad : {"pv", "pv@baotinh.vn\r\nBcc: x@y.vn", "pv@baotinh.vn, x@y.vn", "Phóng viên <pv@baotinh.vn>"})
    BOOST_TEST((acc::set_email(txn, t, "phongvien", bad, kOperator, 200).refusal == Refusal::invalid_email), bad);
  BOOST_TEST(store::get_user(txn, t, "phongvien")->email.empty());
  BOOST_TEST((acc::set_email(txn, t, "khong-co", "a@b.vn", kOperator, 200).refusal == Refusal::not_found));
  BOOST_TEST(bool(acc::set_email(txn, t, "phongvien", "pv@baotinh.vn", kOperator, 200)));
  BOOST_TEST(store::get_user(txn, t, "phongvien")->email == "pv@baotinh.vn");
  expect_last(txn, t, "phongvien", "user.email", "", "pv@baotinh.vn");
  BOOST_TEST(bool(acc::set_email(txn, t, "phongvien", "", kOperator, 210)));
  BOOST_TEST(store::get_user(txn, t, "phongvien")->email.empty());
  expect_last(txn, t, "phongvien", "user.email", "pv@baotinh.vn", "");
}

BOOST_AUTO_TEST_CASE(recover_applies_what_is_asked_and_says_so_in_the_audit_log) {
  test::TempStore s;
  const auto& t = s.store.tables();
  seed(s.store, {account("quantri", Role::operator_)});
  store::WriteTxn txn = s.store.write();
  enrol(txn, t, "quantri", true);
  auth::create_session(txn, t, "quantri", 10, true);
  const auto console = model::console_actor();
  BOOST_TEST((acc::recover(txn, t, "quantri", {}, console, 20).refusal == Refusal::nothing_to_do));
  BOOST_TEST((acc::recover(txn, t, "khong-co", {.reinstate = true}, console, 20).refusal == Refusal::not_found));
  const acc::Recovery all{.password_hash = "new-hash", .clear_second_factor = true, .reinstate = true};
  const auto r = acc::recover(txn, t, "quantri", all, console, 20);
  BOOST_CHECK(r);
  BOOST_TEST(r.sessions_ended == 1u);
  const auto after = *store::get_user(txn, t, "quantri");
  BOOST_TEST(after.password_hash == "new-hash");
  BOOST_TEST(after.totp_secret.empty());
  BOOST_TEST(!after.suspended);
  expect_last(txn, t, "quantri", "user.recover", "", "new password; second factor cleared; reinstated");
  BOOST_TEST(audit_of(txn, t, "quantri")[0].actor == "portaldctl");
  BOOST_TEST(audit_of(txn, t, "quantri")[0].address == "local");
  BOOST_TEST(acc::recovery_summary({.clear_second_factor = true}) == "second factor cleared");
}

BOOST_AUTO_TEST_SUITE_END()
