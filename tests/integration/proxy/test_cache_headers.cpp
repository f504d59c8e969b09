// Issue 17: public pages tell shared caches how long to keep them, how long to serve them stale, and
// which surrogate keys (xkey) drop them; the admin, forms with a CSRF token, a signed-in reader's pages,
// searches and errors are never cacheable and carry no keys.
#include "tests/integration/public/public_fixture.hpp"

using namespace portald;

namespace {

std::string header(const test::HttpResponse& r, const char* name) { return std::string(r.header(name).value_or("")); }

// The keys as a set-like string with spaces around, so " home " finds the key and not a part of one.
std::string keys_of(const test::HttpResponse& r) { return " " + header(r, "xkey") + " "; }

constexpr const char* kDefault = "public, max-age=0, s-maxage=10, stale-while-revalidate=30, stale-if-error=86400";

}  // namespace

BOOST_AUTO_TEST_SUITE(cache_headers)

BOOST_AUTO_TEST_CASE(public_pages_are_cacheable_with_surrogate_keys) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto home = daemon.get("/");
  BOOST_TEST_REQUIRE(home.status == 200);
  const std::string article = test::first_link(home.body, "/tin-tuc/");
  BOOST_TEST_REQUIRE(!article.empty());
  const std::string article_id = article.substr(article.rfind('-') + 1);
  const std::string document = test::first_link(daemon.get("/van-ban").body, "/van-ban/");
  BOOST_TEST_REQUIRE(!document.empty());
  for (const auto& [path, keys] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"/", {"site", "home", "articles"}},
           {article, {"site", "article-" + article_id}},
           {"/chuyen-muc/kinh-te", {"site", "category-kinh-te", "articles"}},
           {"/van-ban", {"site", "documents"}},
           {document, {"site", "documents"}},
           {"/hoi-dap", {"site", "questions"}},
           {"/chuyen-de", {"site", "topics"}},
           {"/rss.xml", {"feeds", "articles"}},
           {"/sitemap.xml", {"feeds"}},
           {"/api/v1/articles", {"api", "articles"}}}) {
    const auto r = daemon.get(path);
    BOOST_TEST(r.status == 200, path);
    BOOST_TEST(header(r, "Cache-Control") == kDefault, path);
    for (const auto& k : keys) BOOST_TEST(test::contains(keys_of(r), " " + k + " "), path << " lacks " << k);
    // A revalidation repeats them.
    const auto again = daemon.get(path, {{"If-None-Match", header(r, "ETag")}});
    BOOST_TEST(again.status == 304, path);
    BOOST_TEST(header(again, "Cache-Control") == kDefault, path);
    BOOST_TEST(header(again, "xkey") == header(r, "xkey"), path);
  }
  // Static files keep their own lifetime and one key.
  const auto css = daemon.get("/static/portal.css");
  BOOST_TEST(header(css, "Cache-Control") == "public, max-age=3600");
  BOOST_TEST(header(css, "xkey") == "static");
}

BOOST_AUTO_TEST_CASE(admin_personal_form_search_and_error_answers_are_never_cacheable) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  for (const std::string path : {"/quan-tri/dang-nhap", "/quan-tri", "/hoi-dap/gui-cau-hoi", "/tim-kiem?q=h%E1%BB%99i",
                                 "/khong-co-trang-nay", "/tin-tuc/khong-co-999999", "/chuyen-muc/kinh-te?trang=99",
                                 "/api/v1/articles/999999", "/metrics", "/healthz"}) {
    const auto r = daemon.get(path);
    const std::string cc = header(r, "Cache-Control");
    BOOST_TEST((cc == "no-store" || cc == "private, no-store"), path << " -> " << r.status << " " << cc);
    BOOST_TEST(header(r, "xkey").empty(), path);
  }
  // A signed-in reader's copy of a public page is theirs alone (a cookie that names no session too:
  // a shared cache cannot tell).
  for (const char* cookie : {"portald_session=abc", "__Host-portald_session=abc"}) {
    const auto r = daemon.get("/chuyen-muc/kinh-te", {{"Cookie", cookie}});
    BOOST_TEST(r.status == 200);
    BOOST_TEST(header(r, "Cache-Control") == "private, no-store", cookie);
    BOOST_TEST(header(r, "xkey").empty(), cookie);
  }
  // Other cookies change nothing.
  BOOST_TEST(header(daemon.get("/chuyen-muc/kinh-te", {{"Cookie", "portald_login=x"}}), "Cache-Control") == kDefault);
}

BOOST_AUTO_TEST_CASE(lifetimes_come_from_the_config) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data, {"--cache-max-age", "5", "--cache-s-maxage", "600",
                                         "--cache-stale-while-revalidate", "60", "--cache-stale-if-error", "7200"});
  BOOST_TEST(header(daemon.get("/"), "Cache-Control") ==
             "public, max-age=5, s-maxage=600, stale-while-revalidate=60, stale-if-error=7200");
}

BOOST_AUTO_TEST_CASE(cache_nodes_must_be_host_and_port) {
  test::InitialisedDataDir d;
  for (const std::string bad : {"varnish1", "127.0.0.1:0", "[::1]", "127.0.0.1:6081 :80"}) {
    const auto r = test::run_daemon_expecting_exit(
        {"--data-dir", d.data.string(), "--listen", "127.0.0.1:0", "--cache-nodes", bad});
    BOOST_TEST(r.exit_code != 0, bad);
    BOOST_TEST(test::contains(r.err, "cache-nodes"), bad << ": " << r.err);
  }
}

BOOST_AUTO_TEST_SUITE_END()
