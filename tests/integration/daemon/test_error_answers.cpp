// Errors the real daemon answers over HTTP without a handler's help: a method the path does not have
// (405 with Allow). It comes as the Vietnamese error page, with the security headers every answer
// carries.
#include <boost/test/unit_test.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;

namespace {

struct InitialisedData {
  test::TempDir dir;
  std::filesystem::path data = dir.path / "data";
  InitialisedData() { BOOST_REQUIRE_EQUAL(test::portaldctl(data, {"init"}).exit_code, 0); }
};

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

// Issue 16 finding 9: a 405 did not say which methods the path has.
BOOST_AUTO_TEST_CASE(a_405_names_the_allowed_methods) {
  InitialisedData d;
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
