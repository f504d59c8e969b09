// Maintenance mode through the site service: the switch, the message rule, the Retry-After clamp, the
// audit entry and the change-log entry (cached pages must not outlive the switch).
#include <boost/test/unit_test.hpp>

#include "daemon/site/maintenance.hpp"
#include "daemon/store/settings_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using model::Role;
using site::Refusal;

namespace {

const model::Actor kOperator{"quantri", Role::operator_, "10.0.0.1"};

model::Maintenance stored(const store::Store& s) {
  const store::ReadTxn txn = s.read();
  return store::get_maintenance(txn, s.tables());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(maintenance_service)

BOOST_AUTO_TEST_CASE(switching_on_saves_audits_and_logs) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  BOOST_TEST_REQUIRE((site::set_maintenance(s.store, {.on = true, .message = "Bảo trì 10 phút.", .retry_after_min = 10},
                                            kOperator, 400) == Refusal::none));
  const auto m = stored(s.store);
  BOOST_TEST(m.on);
  BOOST_TEST(m.message == "Bảo trì 10 phút.");
  BOOST_TEST(m.retry_after_s == 600);
  BOOST_TEST(test::has_change(test::changes_after(s.store, mark), store::ChangeKind::settings, 0));
  const auto log = test::audit_entries(s.store);
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].action == "settings.maintenance");
  BOOST_TEST(log[0].object == "settings/maintenance");
  BOOST_TEST(log[0].from == "off");
  BOOST_TEST(log[0].to == "on");
  BOOST_TEST(log[0].reason == "Bảo trì 10 phút.");
  BOOST_TEST(log[0].actor == "quantri");
  BOOST_TEST(log[0].at == 400);
}

BOOST_AUTO_TEST_CASE(an_empty_or_long_message_keeps_the_current_one_and_minutes_are_clamped) {
  test::TempStore s;
  site::set_maintenance(s.store, {.on = true, .message = "Thông báo cũ"}, kOperator, 400);
  BOOST_TEST(stored(s.store).retry_after_s == 1800);  // 30 minutes when not given
  site::set_maintenance(s.store, {.on = false, .message = "", .retry_after_min = 100000}, kOperator, 410);
  BOOST_TEST(stored(s.store).message == "Thông báo cũ");
  BOOST_TEST(stored(s.store).retry_after_s == 24 * 3600);
  site::set_maintenance(s.store, {.on = false, .message = std::string(2001, 'x'), .retry_after_min = 0}, kOperator,
                        420);
  BOOST_TEST(stored(s.store).message == "Thông báo cũ");
  BOOST_TEST(stored(s.store).retry_after_s == 60);
  BOOST_TEST(test::audit_entries(s.store).back().from == "off");
}

BOOST_AUTO_TEST_CASE(only_operators_switch_it) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const model::Actor deputy{"phoban", Role::deputy, "10.0.0.2"};
  BOOST_TEST((site::set_maintenance(s.store, {.on = true}, deputy, 400) == Refusal::not_allowed));
  BOOST_TEST(!stored(s.store).on);
  BOOST_TEST(test::changes_after(s.store, mark).empty());
  BOOST_TEST(test::audit_entries(s.store).empty());
}

BOOST_AUTO_TEST_SUITE_END()
