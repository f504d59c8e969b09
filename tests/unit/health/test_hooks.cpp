// What subsystems report to a health::Monitor: the gauges appear only once something reported, the ages
// follow the clock, and the news that wakes the slow checks' loop.
#include <boost/test/unit_test.hpp>

#include <thread>

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

BOOST_AUTO_TEST_CASE(first_reports_and_the_index_catching_up_are_news) {
  health::Monitor m;
  BOOST_TEST(m.hooks.news() == 0u);
  m.hooks.report_sessions(3);  // sessions feed no check
  BOOST_TEST(m.hooks.news() == 0u);
  m.hooks.report_index_lag(26, 100);  // first report
  BOOST_TEST(m.hooks.news() == 1u);
  m.hooks.report_index_lag(20, 100);  // still behind
  BOOST_TEST(m.hooks.news() == 1u);
  m.hooks.report_index_lag(0, 0);  // caught up
  BOOST_TEST(m.hooks.news() == 2u);
  m.hooks.report_index_lag(0, 0);  // still caught up
  BOOST_TEST(m.hooks.news() == 2u);
  m.hooks.report_snapshot(5);  // first report
  m.hooks.report_snapshot(6);
  BOOST_TEST(m.hooks.news() == 3u);
}

BOOST_AUTO_TEST_CASE(news_wakes_the_waiter_and_so_does_stop) {
  health::Monitor m;
  std::stop_source stop;
  const auto t0 = std::chrono::steady_clock::now();
  std::jthread reporter([&] {
    std::this_thread::sleep_for(100ms);
    m.hooks.report_index_lag(0, 0);
  });
  m.hooks.wait_for_news(stop.get_token(), 30s, 0);
  BOOST_TEST((std::chrono::steady_clock::now() - t0 < 10s));
  BOOST_TEST(m.hooks.news() == 1u);

  const auto t1 = std::chrono::steady_clock::now();
  m.hooks.wait_for_news(stop.get_token(), 1s, 1);  // nothing new: times out
  BOOST_TEST((std::chrono::steady_clock::now() - t1 >= 900ms));

  stop.request_stop();
  const auto t2 = std::chrono::steady_clock::now();
  m.hooks.wait_for_news(stop.get_token(), 30s, 1);  // stop requested: at once
  BOOST_TEST((std::chrono::steady_clock::now() - t2 < 10s));
}

BOOST_AUTO_TEST_SUITE_END()
