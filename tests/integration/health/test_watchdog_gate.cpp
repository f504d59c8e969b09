// The real daemon under a real NOTIFY_SOCKET: WATCHDOG=1 stops when a worker or the store writer is
// wedged (test-only faults), while slow-check warnings never stop it; /metrics and /healthz show what
// happened.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ctime>
#include <thread>

#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace std::chrono_literals;

namespace {

std::size_t count_pings(const test::NotifySocket& n) {
  return static_cast<std::size_t>(std::count_if(n.messages().begin(), n.messages().end(), [](const std::string& m) {
    return m.find("WATCHDOG=1") != std::string::npos;
  }));
}

// Listens for `period` and returns how many WATCHDOG=1 arrived in it.
std::size_t pings_during(test::NotifySocket& n, std::chrono::milliseconds period) {
  const std::size_t before = count_pings(n);
  n.wait_for("never sent by portald", period);
  return count_pings(n) - before;
}

// Options that keep the host's /etc/portald/holidays and backup disk out of the tests.
std::vector<std::string> isolated(const test::InitialisedDataDir& d, std::vector<std::string> more = {}) {
  std::vector<std::string> args{"--holidays-file", (d.dir.path / "holidays").string(), "--backup-dir",
                                d.dir.path.string()};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

const std::map<std::string, std::string> kFaultsOn = {{"PORTALD_TEST_FAULTS", "1"}, {"WATCHDOG_USEC", "1000000"}};

std::map<std::string, std::string> env_with(const test::NotifySocket& n, std::map<std::string, std::string> env) {
  env["NOTIFY_SOCKET"] = n.path().string();
  return env;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(watchdog_gate)

BOOST_AUTO_TEST_CASE(a_wedged_worker_stops_the_pings) {
  test::InitialisedDataDir d;
  test::NotifySocket notify(d.dir.path / "notify.sock");
  // One worker, so the self-check request has to go through the wedged one.
  test::RunningDaemon daemon(d.data, isolated(d, {"--http-threads", "1"}), env_with(notify, kFaultsOn));
  BOOST_REQUIRE(notify.wait_for("WATCHDOG=1", 5s));
  BOOST_TEST(pings_during(notify, 1500ms) >= 2u);

  test::RawConnection wedge("127.0.0.1", daemon.port());
  BOOST_REQUIRE(wedge.send("GET /__test/wedge-worker HTTP/1.1\r\nHost: t\r\n\r\n"));
  BOOST_TEST(notify.wait_for("STATUS=Unhealthy: http", 8s));
  BOOST_TEST(pings_during(notify, 3s) == 0u);
  BOOST_TEST(daemon.log().find("health.failed") != std::string::npos);
  BOOST_TEST(daemon.stop() == 0);  // the wedge is released on SIGTERM, the drain finishes
}

BOOST_AUTO_TEST_CASE(a_stuck_writer_stops_the_pings_while_http_still_answers) {
  test::InitialisedDataDir d;
  test::NotifySocket notify(d.dir.path / "notify.sock");
  test::RunningDaemon daemon(d.data, isolated(d), env_with(notify, kFaultsOn));
  BOOST_REQUIRE(notify.wait_for("WATCHDOG=1", 5s));
  BOOST_TEST(daemon.get("/__test/wedge-writer").status == 202);
  // Stuck = still open after a whole watchdog interval (at least 5 s).
  BOOST_TEST(notify.wait_for("STATUS=Unhealthy: writer: a store write transaction has been open for", 10s));
  BOOST_TEST(pings_during(notify, 2s) == 0u);
  BOOST_TEST(daemon.get("/healthz").status == 200);  // readers are fine: only the gate knows
  BOOST_TEST(daemon.stop() == 0);
}

BOOST_AUTO_TEST_CASE(fault_routes_do_not_exist_without_the_test_switch) {
  test::InitialisedDataDir d;
  test::RunningDaemon daemon(d.data, isolated(d));
  BOOST_TEST(daemon.get("/__test/wedge-worker").status == 404);
  BOOST_TEST(daemon.get("/__test/wedge-writer").status == 404);
  BOOST_TEST(daemon.log().find("test_faults") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missed_cadence_window_warns_without_stopping_the_pings) {
  test::InitialisedDataDir d;
  // A window that closed a minute ago today (portal time), every day a working day: it closed empty.
  const std::time_t local = std::time(nullptr) + 7 * 3600;
  const unsigned minute = static_cast<unsigned>(local % 86400 / 60);
  if (minute < 3) return;  // just after midnight there is no earlier window today; the next run covers it
  char window[48];
  std::snprintf(window, sizeof window, "%02u:%02u-%02u:%02u", (minute - 3) / 60, (minute - 3) % 60, (minute - 1) / 60,
                (minute - 1) % 60);
  test::NotifySocket notify(d.dir.path / "notify.sock");
  test::RunningDaemon daemon(d.data, isolated(d, {"--working-days", "mon-sun", "--cadence-morning", window}),
                             env_with(notify, {{"WATCHDOG_USEC", "1000000"}}));
  BOOST_REQUIRE(notify.wait_for("WATCHDOG=1", 5s));
  std::string health;
  for (int i = 0; i < 50 && health.find("\"cadence\"") == std::string::npos; ++i, std::this_thread::sleep_for(100ms))
    health = daemon.get("/healthz").body;
  BOOST_TEST(health.find("\"cadence\":{\"detail\":") != std::string::npos, health);
  BOOST_TEST(health.find("morning " + std::string(window) + " missed (0)") != std::string::npos, health);
  BOOST_TEST(health.find("\"status\":\"warning\"") != std::string::npos);
  BOOST_TEST(health.find("\"status\":\"ok\",\"store\":\"ok\"") != std::string::npos);  // still live
  BOOST_TEST(daemon.log().find("cadence.window_missed") != std::string::npos);
  BOOST_TEST(pings_during(notify, 1500ms) >= 2u);
  const auto m = daemon.get("/metrics").body;
  BOOST_TEST(m.find("portald_cadence_missed_windows_total{window=\"morning\"} 1\n") != std::string::npos, m);
  BOOST_TEST(m.find("portald_health_check_warning{check=\"cadence\"} 1\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(metrics_count_requests_by_route_pattern_and_status) {
  test::InitialisedDataDir d;
  test::RunningDaemon daemon(d.data, isolated(d));
  BOOST_TEST(daemon.get("/").status == 200);
  BOOST_TEST(daemon.get("/").status == 200);
  BOOST_TEST(daemon.get("/tin-tuc/khong-co-999").status == 404);
  BOOST_TEST(daemon.get("/khong-co-trang-nay").status == 404);
  const auto r = daemon.get("/metrics");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(std::string(*r.header("Content-Type")).find("text/plain; version=0.0.4") == 0);
  BOOST_TEST(std::string(*r.header("Cache-Control")) == "no-store");
  const std::string& m = r.body;
  BOOST_TEST(m.find("portald_http_requests_total{route=\"/\",status=\"200\"} 2\n") != std::string::npos, m);
  BOOST_TEST(m.find("portald_http_requests_total{route=\"/tin-tuc/{slug}\",status=\"404\"} 1\n") != std::string::npos);
  BOOST_TEST(m.find("portald_http_requests_total{route=\"unmatched\",status=\"404\"} 1\n") != std::string::npos);
  BOOST_TEST(m.find("portald_http_request_duration_seconds_count{route=\"/\"} 2\n") != std::string::npos);
  BOOST_TEST(m.find("portald_build_info{version=\"") != std::string::npos);
  BOOST_TEST(m.find("\nportald_lmdb_map_used_ratio ") != std::string::npos);
  BOOST_TEST(m.find("\nportald_uptime_seconds ") != std::string::npos);
  BOOST_TEST(m.find("# TYPE portald_http_request_duration_seconds histogram\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
