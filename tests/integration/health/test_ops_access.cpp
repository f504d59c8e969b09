// Issue 16 finding 7: /healthz and /metrics showed internals (paths, disk, backup target, error texts,
// version) to anyone, and answered at //metrics, /metrics/, /%6detrics and /metrics%00.css too, so a
// proxy rule could not fence them. Each path has one spelling now (others redirect to it or find
// nothing), and the details are for ops-allow (loopback by default) and the people who may see the
// admin status page; everyone else gets the status alone.
#include <nlohmann/json.hpp>

#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

std::string location(const test::HttpResponse& r) { return std::string(r.header("Location").value_or("")); }

}  // namespace

BOOST_AUTO_TEST_SUITE(ops_access)

BOOST_AUTO_TEST_CASE(other_spellings_of_a_path_redirect_to_it_or_find_nothing) {
  test::InitialisedDataDir d;
  test::RunningDaemon daemon(d.data);
  for (const auto& [sent, canonical] :
       std::vector<std::pair<std::string, std::string>>{{"//metrics", "/metrics"},
                                                        {"/metrics/", "/metrics"},
                                                        {"/%6detrics", "/metrics"},
                                                        {"/%6D%65trics", "/metrics"},
                                                        {"/healthz/", "/healthz"},
                                                        {"///healthz//", "/healthz"},
                                                        {"/van-ban/?trang=2", "/van-ban?trang=2"},
                                                        {"/tin-tuc//bai-1", "/tin-tuc/bai-1"}}) {
    const auto r = daemon.get(sent);
    BOOST_TEST(r.status == 301, sent << " -> " << r.status);
    BOOST_TEST(location(r) == canonical, sent << " -> " << location(r));
    BOOST_TEST(!has(r.body, "portald_"), sent);
    BOOST_TEST(r.header("X-Content-Type-Options").value_or("") == "nosniff", sent);
  }
  for (const std::string sent : {"/metrics%00.css", "/healthz%00", "/%2Fmetrics", "/x/..%2Fmetrics",
                                 "/x/%2e%2e/metrics", "/metrics%0a", "/metrics%zz", "/metrics%2"}) {
    const auto r = daemon.get(sent);
    BOOST_TEST(r.status == 404, sent << " -> " << r.status);
    BOOST_TEST(!has(r.body, "portald_"), sent);
    BOOST_TEST(!has(r.body, "schema_version"), sent);
  }
  // A form post keeps its method through the redirect.
  const auto post = test::http_request("127.0.0.1", daemon.port(), "POST", "/quan-tri/dang-nhap/",
                                       {{"Content-Type", "application/x-www-form-urlencoded"}}, "a=1");
  BOOST_TEST(post.status == 308);
  BOOST_TEST(location(post) == "/quan-tri/dang-nhap");
  // The canonical spellings answer as before.
  BOOST_TEST(daemon.get("/metrics").status == 200);
  BOOST_TEST(daemon.get("/healthz").status == 200);
}

BOOST_AUTO_TEST_CASE(details_are_for_allowed_addresses_and_status_readers_only) {
  test::AdminSite site;
  {
    // Loopback is allowed by default: the details, as the watchdog, the contract check and operators expect.
    test::RunningDaemon daemon(site.data);
    const auto h = nlohmann::json::parse(daemon.get("/healthz").body);
    BOOST_TEST(h.contains("schema_version"));
    BOOST_TEST(h.contains("version"));
    BOOST_TEST(daemon.get("/metrics").status == 200);
  }
  // Nobody allowed by address: a client sees the status alone, /metrics refuses.
  test::RunningDaemon daemon(site.data, {"--ops-allow", "none"});
  const auto plain = daemon.get("/healthz");
  BOOST_TEST(plain.status == 200);
  BOOST_TEST(plain.body == R"({"status":"ok"})");
  BOOST_TEST(std::string(plain.header("Cache-Control").value_or("")) == "no-store");
  const auto metrics = daemon.get("/metrics");
  BOOST_TEST(metrics.status == 403);
  BOOST_TEST(!has(metrics.body, "portald_"));
  BOOST_TEST(has(metrics.body, "ops-allow"));
  // A reporter is not a status reader; the operator and the editor-in-chief are.
  AdminClient reporter{daemon.port()}, op{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  op.login("quantri", test::kPassword);
  BOOST_TEST(reporter.get("/healthz").body == R"({"status":"ok"})");
  BOOST_TEST(reporter.get("/metrics").status == 403);
  BOOST_TEST(has(op.get("/healthz").body, "schema_version"));
  const auto op_metrics = op.get("/metrics");
  BOOST_TEST(op_metrics.status == 200);
  BOOST_TEST(has(op_metrics.body, "portald_build_info"));
}

// The list is checked like every option: a host name or a bad prefix stops the start.
BOOST_AUTO_TEST_CASE(ops_allow_takes_addresses_and_networks_only) {
  test::InitialisedDataDir d;
  for (const std::string bad : {"monitor.example", "10.0.0.0/33", "::1/129", "10.0.0.1/", ""}) {
    const auto r =
        test::run_daemon_expecting_exit({"--data-dir", d.data.string(), "--listen", "127.0.0.1:0", "--ops-allow", bad});
    BOOST_TEST(r.exit_code == 2, bad << ": " << r.exit_code);
    BOOST_TEST(has(r.err, "ops-allow"), r.err);
  }
  test::RunningDaemon daemon(d.data, {"--ops-allow", "10.1.2.3/24, 192.0.2.7 2001:db8::/32"});
  BOOST_TEST(daemon.get("/healthz").body == R"({"status":"ok"})");  // 127.0.0.1 is not in that list
}

BOOST_AUTO_TEST_SUITE_END()
