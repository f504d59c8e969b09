// The page cache's representations: gzip stored once, its own ETag, HTTP dates for Last-Modified.
#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include "web/page_cache.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(page_cache)

BOOST_AUTO_TEST_CASE(http_dates_round_trip) {
  BOOST_TEST(web::http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT");
  BOOST_TEST(*web::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
  BOOST_TEST(*web::parse_http_date(web::http_date(1732780800)) == 1732780800);
  for (const char* bad :
       {"", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, xx Nov 1994 08:49:37 GMT"})
    BOOST_TEST(!web::parse_http_date(bad), bad);
}

BOOST_AUTO_TEST_CASE(html_is_stored_with_a_gzip_copy_and_its_own_etag) {
  web::PageCache cache;
  std::string body;
  for (int i = 0; i < 200; ++i) body += "<p>Tin tức " + std::to_string(i) + "</p>\n";
  const auto page = cache.put("/", 1, web::Response::html(body));
  BOOST_TEST(!page->gzip_body.empty());
  BOOST_TEST(page->gzip_body.size() < body.size());
  BOOST_TEST(page->gzip_etag != page->etag);
  BOOST_TEST(page->gzip_etag.ends_with("-gz\""));
  BOOST_TEST(page->last_modified > 0);
  // The gzip copy decodes to the identity body.
  std::string out(body.size(), '\0');
  uLongf out_len = out.size();
  z_stream zs{};
  inflateInit2(&zs, 15 + 16);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(page->gzip_body.data()));
  zs.avail_in = static_cast<uInt>(page->gzip_body.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out_len);
  BOOST_TEST(inflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  BOOST_TEST(out == body);
  BOOST_TEST(cache.get("/", 1) == page);
  BOOST_TEST(!cache.get("/", 2));  // a newer change seq drops it
}

BOOST_AUTO_TEST_CASE(binary_and_tiny_bodies_are_not_compressed) {
  web::PageCache cache;
  web::Response png;
  png.content_type = "image/png";
  png.body = std::string(4096, 'x');
  BOOST_TEST(cache.put("/a.png", 1, png)->gzip_body.empty());
  BOOST_TEST(cache.put("/tiny", 1, web::Response::html("<p>x</p>"))->gzip_body.empty());
}

BOOST_AUTO_TEST_SUITE_END()
