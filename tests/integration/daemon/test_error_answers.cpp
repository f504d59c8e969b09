// Errors the real daemon answers over HTTP without a handler's help: a request target too long or with
// too many query arguments (414), a method the path does not have (405 with Allow). Each comes
// promptly, as the Vietnamese error page, with the security headers every answer carries.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <tuple>
#include <vector>

#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace std::chrono_literals;

namespace {

void check_security_headers(const test::HttpResponse& r, const std::string& what) {
  BOOST_TEST(r.header("Content-Security-Policy").has_value(), what);
  BOOST_TEST(r.header("X-Content-Type-Options").value_or("-") == "nosniff", what);
  BOOST_TEST(r.header("X-Frame-Options").value_or("-") == "DENY", what);
  BOOST_TEST(r.header("Referrer-Policy").has_value(), what);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(error_answers)

// Issue 16 finding 4: 1,000 query arguments (a 6.9 KB URL) got no answer at all: MHD logged a 431 it
// never sent and the client saw an empty reply after the 20 s connection timeout.
BOOST_AUTO_TEST_CASE(a_thousand_query_arguments_get_a_vietnamese_414_at_once) {
  test::InitialisedDataDir d;
  test::RunningDaemon daemon(d.data);
  std::string target = "/tim-kiem?q=x";
  for (int i = 0; i < 1000; ++i) target += "&a" + std::to_string(i) + "=1";
  BOOST_TEST(target.size() > 6000u);
  test::RawConnection c("127.0.0.1", daemon.port());
  const auto start = std::chrono::steady_clock::now();
  BOOST_TEST_REQUIRE(c.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
  const auto r = c.read_response(5s);
  BOOST_TEST_REQUIRE(r.has_value(), "no answer within 5 s");
  BOOST_TEST((std::chrono::steady_clock::now() - start < 5s));
  BOOST_TEST(r->status == 414);
  BOOST_TEST(r->header("Content-Type").value_or("-") == "text/html; charset=utf-8");
  BOOST_TEST(contains(r->body, "lang=\"vi\""));
  BOOST_TEST(contains(r->body, "Địa chỉ trang quá dài"), r->body);
  check_security_headers(*r, "414");
  // A hundred arguments are served as before.
  std::string hundred = "/?a0=1";
  for (int i = 1; i < 100; ++i) hundred += "&a" + std::to_string(i) + "=1";
  BOOST_TEST(daemon.get(hundred).status == 200);
  BOOST_TEST(daemon.get("/healthz").status == 200);
}

// Issue 16 finding 9: a 405 did not say which methods the path has.
BOOST_AUTO_TEST_CASE(a_405_names_the_allowed_methods) {
  test::InitialisedDataDir d;
  test::RunningDaemon daemon(d.data);
  for (const auto& [method, path, allow] :
       std::vector<std::tuple<std::string, std::string, std::string>>{{"DELETE", "/", "GET, HEAD"},
                                                                      {"POST", "/van-ban", "GET, HEAD"},
                                                                      {"PUT", "/quan-tri/dang-nhap", "GET, HEAD, POST"},
                                                                      {"GET", "/quan-tri/dang-xuat", "POST"}}) {
    const auto r = test::http_request("127.0.0.1", daemon.port(), method, path);
    BOOST_TEST(r.status == 405, method << " " << path);
    BOOST_TEST(r.header("Allow").value_or("-") == allow, method << " " << path);
    BOOST_TEST(contains(r.body, "Phương thức không được hỗ trợ"), method << " " << path);
    check_security_headers(r, method + " " + path);
  }
  // Other errors carry no Allow.
  BOOST_TEST(!daemon.get("/khong-co").header("Allow").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
