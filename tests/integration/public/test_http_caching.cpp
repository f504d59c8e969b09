// Speed without staleness: cached pages pre-compressed with gzip, strong ETags per representation,
// Last-Modified, 304s, Cache-Control a proxy can honour, invalidation on publish; static files that
// cannot escape their root.
#include <zlib.h>

#include "tests/integration/public/public_fixture.hpp"

using namespace portald;

namespace {

std::string gunzip(const std::string& in) {
  z_stream zs{};
  BOOST_REQUIRE(inflateInit2(&zs, 15 + 16) == Z_OK);
  std::string out(in.size() * 20 + 1024, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  BOOST_REQUIRE(rc == Z_STREAM_END);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(http_caching)

BOOST_AUTO_TEST_CASE(pages_are_served_compressed_when_accepted) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  for (const char* path :
       {"/", "/van-ban", "/chuyen-muc/kinh-te", "/rss.xml", "/api/v1/articles", "/static/portal.css"}) {
    const auto plain = daemon.get(path);
    const auto gz = daemon.get(path, {{"Accept-Encoding", "gzip, deflate"}});
    BOOST_TEST(plain.status == 200, path);
    BOOST_TEST(!plain.header("Content-Encoding"), path);
    BOOST_TEST(*gz.header("Content-Encoding") == "gzip", path);
    BOOST_TEST(*gz.header("Vary") == "Accept-Encoding", path);
    BOOST_TEST(gz.body.size() < plain.body.size(), path);
    BOOST_TEST(gunzip(gz.body) == plain.body, path);
    BOOST_TEST(*gz.header("ETag") != *plain.header("ETag"), path);
    const auto br = daemon.get(path, {{"Accept-Encoding", "gzip, deflate, br"}});
    BOOST_TEST(*br.header("Content-Encoding") == "br", path);
    BOOST_TEST(br.body.size() < plain.body.size(), path);
    BOOST_TEST(std::string(*br.header("ETag")).ends_with("-br\""), path);
  }
  BOOST_TEST(!daemon.get("/", {{"Accept-Encoding", "gzip;q=0"}}).header("Content-Encoding"));
  BOOST_TEST(!daemon.get("/", {{"Accept-Encoding", "identity"}}).header("Content-Encoding"));
}

BOOST_AUTO_TEST_CASE(validators_answer_conditional_gets) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto gz = daemon.get("/", {{"Accept-Encoding", "gzip"}});
  const std::string etag(*gz.header("ETag"));
  const std::string last_modified(*gz.header("Last-Modified"));
  BOOST_TEST(last_modified.size() == 29u, last_modified);
  BOOST_TEST(last_modified.ends_with(" GMT"));
  BOOST_TEST(*gz.header("Cache-Control") ==
             "public, max-age=0, s-maxage=10, stale-while-revalidate=30, stale-if-error=86400");
  const auto same = daemon.get("/", {{"Accept-Encoding", "gzip"}, {"If-None-Match", "\"other\", " + etag}});
  BOOST_TEST(same.status == 304);
  BOOST_TEST(*same.header("ETag") == etag);
  BOOST_TEST(same.body.empty());
  // The gzip validator does not validate the identity representation.
  BOOST_TEST(daemon.get("/", {{"If-None-Match", etag}}).status == 200);
  BOOST_TEST(daemon.get("/", {{"If-Modified-Since", last_modified}}).status == 304);
  BOOST_TEST(daemon.get("/", {{"If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"}}).status == 200);
  BOOST_TEST(daemon.get("/", {{"If-Modified-Since", "not a date"}}).status == 200);
}

BOOST_AUTO_TEST_CASE(publishing_invalidates_cached_pages_at_once) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto before = daemon.get("/chuyen-muc/kinh-te", {{"Accept-Encoding", "gzip"}});
  const std::string etag(*before.header("ETag"));
  const auto feed_before = daemon.get("/rss.xml").body;
  const auto f = test::write_file(
      site.dir.path, "new.jsonl",
      R"({"id": "a3", "title": "Tin kinh tế vừa đăng", "body_html": "<p>x</p>", "category": "Kinh tế", "published_at": "2024-05-02T08:00:00+07:00"})"
      "\n");
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"import", "articles", f.string()}).exit_code, 0);
  const auto after = daemon.get("/chuyen-muc/kinh-te", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
  BOOST_TEST(after.status == 200);
  BOOST_TEST(test::contains(gunzip(after.body), "Tin kinh tế vừa đăng"));
  BOOST_TEST(test::contains(daemon.get("/rss.xml").body, "Tin kinh tế vừa đăng"));
  BOOST_TEST(test::contains(daemon.get("/api/v1/articles").body, "Tin kinh tế vừa đăng"));
  BOOST_TEST(!test::contains(feed_before, "Tin kinh tế vừa đăng"));
}

BOOST_AUTO_TEST_CASE(static_files_cannot_escape_their_root) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto css = daemon.get("/static/portal.css");
  BOOST_TEST(css.status == 200);
  BOOST_TEST(*css.header("Cache-Control") == "public, max-age=3600");
  BOOST_TEST(daemon.get("/static/personal.js").status == 200);
  for (const char* path : {"/static/../README.md", "/static/%2e%2e/README.md", "/static/%2e%2e%2fREADME.md",
                           "/static/..%2f..%2fetc%2fpasswd", "/static/%252e%252e%252fREADME.md",
                           "/static/templates/home.tpl", "/static/..", "/static/.%2e/templates/home.tpl"}) {
    const auto r = daemon.get(path);
    BOOST_TEST((r.status == 404 || r.status == 400), path << " -> " << r.status);
    BOOST_TEST(!test::contains(r.body, "AUTOESCAPE"), path);
    BOOST_TEST(!test::contains(r.body, "root:"), path);
  }
}

BOOST_AUTO_TEST_CASE(errors_are_vietnamese_pages_and_json_under_the_api) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  for (const char* path : {"/van-ban/khong-co", "/trang/khong-co", "/so-do-trang/x"}) {
    const auto r = daemon.get(path);
    BOOST_TEST(r.status == 404, path);
    BOOST_TEST(test::contains(r.body, "Không tìm thấy"), path);
  }
  const auto api = daemon.get("/api/v1/khong-co");
  BOOST_TEST(api.status == 404);
  BOOST_TEST(std::string(*api.header("Content-Type")).find("application/json") == 0);
}

// Issue 16 finding 5: each unknown query parameter used to render and compress the page again (1,000+
// req/s down to 60-80). Only the parameters a page reads are in the cache key now.
BOOST_AUTO_TEST_CASE(unknown_query_parameters_hit_the_cached_page) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto counter = [&](const std::string& name) {
    const auto m = daemon.get("/metrics").body;
    const auto p = m.find("\n" + name + " ");
    BOOST_REQUIRE_MESSAGE(p != std::string::npos, name);
    return std::stol(m.substr(p + name.size() + 2));
  };
  const auto home = daemon.get("/");
  const auto all = daemon.get("/van-ban");
  const auto one = daemon.get("/van-ban?so-ky-hieu=15%2F2024");
  BOOST_TEST(all.body != one.body);  // the filter is read, so it is part of the key
  const long misses = counter("portald_page_cache_misses_total");
  const long hits = counter("portald_page_cache_hits_total");
  for (int i = 0; i < 20; ++i) {
    const std::string junk = "utm_source=x" + std::to_string(i) + "&_=" + std::to_string(i);
    BOOST_TEST(daemon.get("/?" + junk).body == home.body);
    BOOST_TEST(daemon.get("/van-ban?" + junk).body == all.body);
    BOOST_TEST(daemon.get("/van-ban?so-ky-hieu=15%2F2024&" + junk).body == one.body);
  }
  BOOST_TEST(counter("portald_page_cache_misses_total") == misses);  // not one page rendered again
  BOOST_TEST(counter("portald_page_cache_hits_total") == hits + 60);
  // A parameter the page reads still makes its own page.
  BOOST_TEST(daemon.get("/van-ban?so-ky-hieu=9999%2FKHONG&x=1").body != one.body);
}

BOOST_AUTO_TEST_SUITE_END()
