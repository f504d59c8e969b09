// What the running daemon reports about itself (issue 15): the search indexer's lag and the live
// sessions reach /metrics, and once the index has caught up /healthz and the admin status page say so
// instead of "unknown" / "Chưa rõ". Before, only the unit tests ever reported them.
#include <nlohmann/json.hpp>

#include <optional>
#include <thread>

#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using namespace std::chrono_literals;
using test::AdminClient;
using test::has;

namespace {

// The value of an unlabelled series in the /metrics text; std::nullopt when the series is absent.
std::optional<double> metric(test::RunningDaemon& daemon, const std::string& name) {
  const auto r = daemon.get("/metrics");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  const auto p = r.body.find("\n" + name + " ");
  if (p == std::string::npos) return std::nullopt;
  return std::stod(r.body.substr(p + name.size() + 2));
}

bool eventually(const std::function<bool()>& pred, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return pred();
}

// /healthz's search_index check as "status: detail"; "" before the slow checks have run.
std::string index_check(test::RunningDaemon& daemon) {
  const auto j = nlohmann::json::parse(daemon.get("/healthz").body);
  if (!j.contains("checks") || !j["checks"].contains("search_index")) return "";
  const auto& c = j["checks"]["search_index"];
  return c["status"].get<std::string>() + ": " + c["detail"].get<std::string>();
}

// The <tr> of one check on the status page.
std::string row(const std::string& html, const std::string& check) {
  const auto p = html.find("data-check=\"" + check + "\"");
  if (p == std::string::npos) return {};
  return html.substr(p, html.find("</tr>", p) - p);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reported_health)

BOOST_AUTO_TEST_CASE(index_lag_and_live_sessions_reach_metrics_healthz_and_the_status_page) {
  test::AdminSite site;  // imported content: the indexer has a change log to follow
  test::RunningDaemon daemon(
      site.data, {"--holidays-file", (site.dir.path / "holidays").string(), "--backup-dir", site.dir.path.string()});

  // The indexer catches up and says so: nothing pending, no lag.
  BOOST_TEST(eventually([&] { return metric(daemon, "portald_search_index_pending_changes") == 0.0; }, 30s),
             daemon.get("/metrics").body);
  BOOST_TEST(metric(daemon, "portald_search_index_lag_seconds").value_or(-1) == 0.0);
  // The slow checks run again when the index has caught up: no minute-long "unknown" or stale backlog.
  BOOST_TEST(eventually([&] { return index_check(daemon).starts_with("ok: 0 changes pending"); }, 15s),
             index_check(daemon));

  // Sessions are counted from the store: none yet, then the one a login starts.
  BOOST_TEST(metric(daemon, "portald_sessions_active").value_or(-1) == 0.0);
  AdminClient reporter{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  BOOST_TEST(eventually([&] { return metric(daemon, "portald_sessions_active").value_or(0) >= 1; }, 15s),
             daemon.get("/metrics").body);

  // The operator's status page shows the index as it is.
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  const std::string index_row = row(op.get("/quan-tri/trang-thai").body, "search_index");
  BOOST_TEST(has(index_row, "data-state=\"ok\""), index_row);
  BOOST_TEST(!has(index_row, "Chưa rõ"), index_row);
  BOOST_TEST(has(index_row, "0 thay đổi chờ lập chỉ mục"), index_row);
  BOOST_TEST(eventually([&] { return metric(daemon, "portald_sessions_active").value_or(0) >= 2; }, 15s));

  // Logging out ends a session, and the gauge follows.
  const auto out = reporter.post("/quan-tri/dang-xuat", {});
  BOOST_TEST(out.status == 303);
  BOOST_TEST(eventually([&] { return metric(daemon, "portald_sessions_active") == 1.0; }, 15s),
             daemon.get("/metrics").body);
}

BOOST_AUTO_TEST_SUITE_END()
