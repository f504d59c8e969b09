// What subsystems report to a health::Monitor: the gauges appear only once something reported, the ages
// follow the clock, and no two monitors share anything.
#include <boost/test/unit_test.hpp>

#include "daemon/health/monitor.hpp"

using namespace portald;
using namespace std::chrono_literals;

namespace {

bool has_series(const health::Monitor& m, const std::string& name) {
  return m.metrics.render().find("\n" + name + " ") != std::string::npos;
}

double value(const health::Monitor& m, const std::string& name) {
  const std::string text = m.metrics.render();
  const auto p = text.find("\n" + name + " ");
  BOOST_REQUIRE_MESSAGE(p != std::string::npos, name << " missing from\n" << text);
  return std::stod(text.substr(p + name.size() + 2));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hooks)

BOOST_AUTO_TEST_CASE(gauges_appear_once_reported_and_ages_follow_the_clock) {
  health::Monitor m;
  m.hooks.update_age_gauges(1000);
  for (const char* name : {"portald_search_index_pending_changes", "portald_search_index_lag_seconds",
                           "portald_sessions_active", "portald_snapshot_age_seconds"})
    BOOST_TEST(!has_series(m, name), name);
  BOOST_TEST(!m.hooks.reported().pending_changes.has_value());

  m.hooks.report_index_lag(3, 940);
  m.hooks.report_sessions(2);
  m.hooks.report_snapshot(400);
  m.hooks.update_age_gauges(1000);
  BOOST_TEST(value(m, "portald_search_index_pending_changes") == 3);
  BOOST_TEST(value(m, "portald_search_index_lag_seconds") == 60);
  BOOST_TEST(value(m, "portald_sessions_active") == 2);
  BOOST_TEST(value(m, "portald_snapshot_age_seconds") == 600);
  BOOST_TEST(value(m, "portald_snapshot_last_success_timestamp_seconds") == 400);

  m.hooks.report_index_lag(0, 990);  // caught up: the time of nothing pending is dropped
  m.hooks.update_age_gauges(1000);
  BOOST_TEST(value(m, "portald_search_index_pending_changes") == 0);
  BOOST_TEST(value(m, "portald_search_index_lag_seconds") == 0);
  BOOST_TEST(m.hooks.reported().oldest_pending_at == 0);
}

BOOST_AUTO_TEST_CASE(monitors_do_not_share_state) {
  health::Monitor a, b;
  a.hooks.report_sessions(5);
  a.hooks.report_index_lag(1, 1);
  a.hooks.watch_disk("backup", "/");
  BOOST_TEST(!has_series(b, "portald_sessions_active"));
  BOOST_TEST(!b.hooks.reported().pending_changes.has_value());
  BOOST_TEST(b.hooks.watched_disks().empty());
}

BOOST_AUTO_TEST_SUITE_END()
