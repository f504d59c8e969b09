// The router (patterns split once, captures, 404/405, the access guard) and the route table itself:
// no duplicate rows, every admin URL guarded unless it is one of the login steps, nothing under
// /quan-tri cached by the app's page cache.
#include <boost/test/unit_test.hpp>

#include <set>
#include <stdexcept>
#include <string>

#include "web/router.hpp"
#include "web/routes.hpp"
#include "web/server/http_error.hpp"

using namespace portald;
using web::Request;
using web::Response;
using web::Route;
using web::Router;

namespace {

Route echo(const char* method, const char* pattern, web::Access access = web::Public) {
  return {.method = method,
          .pattern = pattern,
          .handler =
              [pattern](Request& r) {
                std::string body = pattern;
                for (const auto& [k, v] : r.params) body += " " + k + "=" + v;
                return Response::text(body);
              },
          .access = access};
}

Request request(const char* method, const char* path) {
  Request r;
  r.method = method;
  r.path = path;
  return r;
}

int status_of(const Router& router, const char* method, const char* path) {
  Request r = request(method, path);
  try {
    return router.dispatch(r).status;
  } catch (const web::HttpError& e) {
    return e.status();
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(routes)

BOOST_AUTO_TEST_CASE(captures_fill_params_and_literals_win_in_table_order) {
  const Router router({echo("GET", "/bai/moi"), echo("GET", "/bai/{id}"), echo("GET", "/bai/{id}/ban/{n}")});
  Request a = request("GET", "/bai/moi");
  BOOST_TEST(router.dispatch(a).body == "/bai/moi");
  Request b = request("GET", "/bai/42/");
  BOOST_TEST(router.dispatch(b).body == "/bai/{id} id=42");
  Request c = request("HEAD", "//bai/7/ban/3");
  BOOST_TEST(router.dispatch(c).body == "/bai/{id}/ban/{n} id=7 n=3");
}

BOOST_AUTO_TEST_CASE(unknown_path_is_404_and_wrong_method_405) {
  const Router router({echo("GET", "/a/{x}")});
  BOOST_TEST(status_of(router, "GET", "/b/1") == 404);
  BOOST_TEST(status_of(router, "GET", "/a") == 404);
  BOOST_TEST(status_of(router, "POST", "/a/1") == 405);
}

// Issue 16 finding 9: a 405 must say which methods the path has (RFC 9110 15.5.6).
BOOST_AUTO_TEST_CASE(a_405_carries_allow_with_the_paths_methods) {
  const Router router(
      {echo("GET", "/a/moi"), echo("POST", "/a/moi"), echo("GET", "/a/{id}"), echo("POST", "/b"), echo("GET", "/c")});
  const auto allow_of = [&](const char* method, const char* path) {
    Request r = request(method, path);
    try {
      router.dispatch(r);
    } catch (const web::HttpError& e) {
      BOOST_TEST(e.status() == 405);
      for (const auto& [name, value] : e.headers())
        if (name == "Allow") return value;
    }
    return std::string("(none)");
  };
  BOOST_TEST(allow_of("DELETE", "/a/moi") == "GET, HEAD, POST");
  BOOST_TEST(allow_of("POST", "/a/7") == "GET, HEAD");
  BOOST_TEST(allow_of("GET", "/b") == "POST");
  BOOST_TEST(allow_of("HEAD", "/b") == "POST");
  BOOST_TEST(allow_of("PUT", "/c") == "GET, HEAD");
}

BOOST_AUTO_TEST_CASE(guarded_route_without_guard_is_403_and_the_guard_can_answer_instead) {
  const Router bare({echo("GET", "/quan-tri", model::Action::use_admin)});
  BOOST_TEST(status_of(bare, "GET", "/quan-tri") == 403);
  int calls = 0;
  const Router guarded({echo("GET", "/quan-tri", model::Action::use_admin)}, [&](model::Action, Request&) {
    ++calls;
    return std::optional<Response>(Response::text("login", 303));
  });
  BOOST_TEST(status_of(guarded, "GET", "/quan-tri") == 303);
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(malformed_patterns_are_refused_at_start) {
  BOOST_CHECK_THROW(Router({echo("GET", "no-slash")}), std::invalid_argument);
  BOOST_CHECK_THROW(Router({echo("GET", "/a/{}")}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(route_table_has_no_duplicates_and_guards_the_admin) {
  const auto table = web::route_table();
  BOOST_TEST(table.size() >= 69u);  // the 69 routes the table started with
  std::set<std::string> seen;
  // The login steps run before there is a session; they check the session and CSRF themselves.
  const std::set<std::string> public_admin = {"/quan-tri/dang-nhap", "/quan-tri/xac-thuc",
                                              "/quan-tri/xac-thuc/dang-ky"};
  for (const auto& row : table) {
    const std::string pattern = row.pattern;
    BOOST_TEST(seen.insert(std::string(row.method) + " " + pattern).second, "duplicate route " << pattern);
    BOOST_TEST(row.handler != nullptr);
    if (pattern.starts_with("/quan-tri")) {
      BOOST_TEST((row.access.has_value() || public_admin.contains(pattern)), "unguarded admin route " << pattern);
      BOOST_TEST((row.cache == web::CachePolicy::none), "admin route in the page cache " << pattern);
    }
    if (std::string_view(row.method) == "POST")
      BOOST_TEST((row.cache == web::CachePolicy::none), "POST route in the page cache " << pattern);
    BOOST_TEST(!pattern.starts_with("/__test/"), "test route without PORTALD_TEST_FAULTS " << pattern);
  }
  BOOST_CHECK_NO_THROW(Router(std::vector<Route>{}));
}

BOOST_AUTO_TEST_SUITE_END()
