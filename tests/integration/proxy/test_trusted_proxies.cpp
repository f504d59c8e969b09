// Issue 17: over real HTTP to the real daemon, forwarding headers count only from trusted-proxies. The
// client address is observed through ops-allow (loopback by default: /metrics answers 200 to a local
// client and 403 to a remote one), https through the login page's cookie name.
#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/process.hpp"
#include "web/server/request.hpp"

using namespace portald;

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

int metrics_status(const test::RunningDaemon& d, const Headers& headers) {
  return test::http_request("127.0.0.1", d.port(), "GET", "/metrics", headers).status;
}

bool login_cookie_is_secure(const test::RunningDaemon& d, const Headers& headers) {
  const auto page = test::http_request("127.0.0.1", d.port(), "GET", "/quan-tri/dang-nhap", headers);
  for (const auto& [k, v] : page.headers)
    if (web::iequals_ascii(k, "Set-Cookie") && v.starts_with("__Host-portald_login="))
      return v.find("; Secure") != v.npos;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(trusted_proxies)

BOOST_AUTO_TEST_CASE(without_trusted_proxies_a_client_cannot_claim_an_address_or_https) {
  test::InitialisedDataDir d;
  test::RunningDaemon daemon(d.data);
  const Headers spoof{
      {"X-Forwarded-For", "203.0.113.9"}, {"Forwarded", "for=203.0.113.9;proto=https"}, {"X-Forwarded-Proto", "https"}};
  BOOST_TEST(metrics_status(daemon, spoof) == 200);  // still the local client it is
  BOOST_TEST(!login_cookie_is_secure(daemon, spoof));
}

BOOST_AUTO_TEST_CASE(a_trusted_proxy_names_the_client_and_its_protocol) {
  test::InitialisedDataDir d;
  test::RunningDaemon daemon(d.data, {"--trusted-proxies", "127.0.0.0/8, ::1"});
  // The proxy itself, asking on its own behalf.
  BOOST_TEST(metrics_status(daemon, {}) == 200);
  BOOST_TEST(!login_cookie_is_secure(daemon, {}));
  // A remote reader behind it: no metrics, a Secure cookie over the proxy's TLS.
  BOOST_TEST(metrics_status(daemon, {{"X-Forwarded-For", "203.0.113.9"}}) == 403);
  BOOST_TEST(metrics_status(daemon, {{"Forwarded", "for=\"[2001:db8::9]:1234\""}}) == 403);
  BOOST_TEST(login_cookie_is_secure(daemon, {{"X-Forwarded-Proto", "https"}}));
  // A remote reader that claims to be local in front of the proxy: the proxy's own entry wins.
  BOOST_TEST(metrics_status(daemon, {{"X-Forwarded-For", "127.0.0.1, 203.0.113.9"}}) == 403);
  // Garbage in the header: the proxy is all we know.
  BOOST_TEST(metrics_status(daemon, {{"X-Forwarded-For", "not-an-address"}}) == 200);
}

BOOST_AUTO_TEST_CASE(trusted_proxies_must_be_addresses) {
  test::InitialisedDataDir d;
  const auto r = test::run_daemon_expecting_exit(
      {"--data-dir", d.data.string(), "--listen", "127.0.0.1:0", "--trusted-proxies", "proxy.example"});
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("trusted-proxies") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE_END()
