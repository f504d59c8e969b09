// Machine-readable data: RSS 2.0 (all news, per category), sitemap.xml, robots.txt and the JSON API
// for articles, categories and section pages, with paging.
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/integration/public/public_fixture.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(feeds_and_api)

BOOST_AUTO_TEST_CASE(rss_for_all_news_and_per_category) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto all = test::get_with_host(daemon.port(), "/rss.xml", "tinh.example.vn");
  BOOST_TEST(all.status == 200);
  BOOST_TEST(std::string(*all.header("Content-Type")).find("application/rss+xml") == 0);
  BOOST_TEST(all.body.find("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"") == 0);
  BOOST_TEST(test::contains(all.body, "<title>Tiêm chủng mở rộng &lt;đợt 2&gt;</title>"));
  BOOST_TEST(test::contains(all.body, "<link>http://tinh.example.vn/tin-tuc/"));
  BOOST_TEST(test::contains(all.body, "<pubDate>Tue, 02 Apr 2024 01:00:00 GMT</pubDate>"));
  // The description is HTML (escaped text), so its "&" is escaped twice; see the test below.
  BOOST_TEST(test::contains(all.body, "<description>Lịch tiêm &amp;amp; địa điểm</description>"));
  BOOST_TEST(all.body.find("Tiêm chủng") < all.body.find("Khai mạc hội chợ"));  // newest first

  const auto economy = daemon.get("/rss/kinh-te.xml");
  BOOST_TEST(economy.status == 200);
  BOOST_TEST(test::contains(economy.body, "Khai mạc hội chợ nông sản"));
  BOOST_TEST(!test::contains(economy.body, "Tiêm chủng"));
  BOOST_TEST(daemon.get("/rss/khong-co.xml").status == 404);
  BOOST_TEST(daemon.get("/rss/kinh-te").status == 404);
}

// Issue 16 finding 3: readers render <description> as HTML, and the summary once went in escaped for
// XML only, so after XML decoding "<img src=x onerror=...>" was markup. Parsed as XML, a description
// holds escaped HTML text (no '<'); titles are plain text and read back as they were written.
BOOST_AUTO_TEST_CASE(rss_descriptions_are_escaped_html_text_and_titles_plain_text) {
  test::PublicSite site;
  const std::string title = "Cảnh báo <img src=x onerror=alert(1)> & lừa đảo";
  const nlohmann::json article = {{"id", "x1"},
                                  {"title", title},
                                  {"summary", "Không bấm <img src=x onerror=alert(1)> & <script>alert(2)</script> lạ"},
                                  {"body_html", "<p>x</p>"},
                                  {"category", "Y tế"},
                                  {"published_at", "2024-05-02T08:00:00+07:00"}};
  const auto f = test::write_file(site.dir.path, "xss.jsonl", article.dump() + "\n");
  const auto imported = test::portaldctl(site.data, {"import", "articles", f.string()});
  BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  test::RunningDaemon daemon(site.data);
  for (const char* feed : {"/rss.xml", "/rss/y-te.xml"}) {
    const auto r = daemon.get(feed);
    BOOST_TEST_REQUIRE(r.status == 200, feed);
    boost::property_tree::ptree xml;
    std::istringstream in(r.body);
    boost::property_tree::read_xml(in, xml);  // throws on a feed that is not well-formed XML
    const auto& channel = xml.get_child("rss.channel");
    BOOST_TEST(channel.get<std::string>("description").find('<') == std::string::npos, feed);
    int checked = 0;
    for (const auto& [name, item] : channel) {
      if (name != "item") continue;
      const auto description = item.get<std::string>("description", "");
      BOOST_TEST(description.find('<') == std::string::npos, feed << ": " << description);
      if (item.get<std::string>("title") != title) continue;
      ++checked;
      BOOST_TEST(description ==
                 "Không bấm &lt;img src=x onerror=alert(1)&gt; &amp; "
                 "&lt;script&gt;alert(2)&lt;/script&gt; lạ");
    }
    BOOST_TEST(checked == 1, feed);
  }
}

BOOST_AUTO_TEST_CASE(absolute_links_use_the_configured_public_url) {
  test::PublicSite site;
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"settings", "set", "public_url", "https://tinh.gov.vn"}).exit_code,
                      0);
  test::RunningDaemon daemon(site.data);
  const auto robots = test::get_with_host(daemon.port(), "/robots.txt", "evil.example");
  BOOST_TEST(robots.status == 200);
  BOOST_TEST(test::contains(robots.body, "Sitemap: https://tinh.gov.vn/sitemap.xml"), robots.body);
  BOOST_TEST(!test::contains(test::get_with_host(daemon.port(), "/rss.xml", "evil.example").body, "evil.example"));
}

BOOST_AUTO_TEST_CASE(sitemap_xml_lists_every_public_page) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto r = test::get_with_host(daemon.port(), "/sitemap.xml", "127.0.0.1");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(test::contains(r.body, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
  for (const char* path : {"/</loc>", "/van-ban</loc>", "/chuyen-muc/kinh-te</loc>", "/trang/co-cau-to-chuc</loc>",
                           "/en/contacts</loc>", "/tin-tuc/khai-mac-hoi-cho-nong-san-", "/van-ban/15-2024-qd-ubnd-"})
    BOOST_TEST(test::contains(r.body, std::string("<loc>http://127.0.0.1") + path), path);
  const auto robots = test::get_with_host(daemon.port(), "/robots.txt", "127.0.0.1");
  BOOST_TEST(test::contains(robots.body, "Sitemap: http://127.0.0.1/sitemap.xml"));
  // A Host that is not a plain host name does not reach the output.
  const auto odd = test::get_with_host(daemon.port(), "/robots.txt", "a\"b<c>");
  BOOST_TEST(test::contains(odd.body, "Sitemap: http://localhost/sitemap.xml"), odd.body);
}

BOOST_AUTO_TEST_CASE(the_html_sitemap_reaches_every_section) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto r = daemon.get("/so-do-trang");
  BOOST_TEST(r.status == 200);
  for (const char* href : {"/chuyen-muc/kinh-te", "/rss/kinh-te.xml", "/trang/gioi-thieu", "/trang/danh-muc-cong-khai",
                           "/trang/thu-tuc-hanh-chinh", "/van-ban", "/en/about", "/rss.xml", "/sitemap.xml", "/api/v1",
                           "/hoi-dap", "/doi-thoai", "https://dichvucong.gov.vn"})
    BOOST_TEST(test::contains(r.body, std::string("href=\"") + href + "\""), href);
}

BOOST_AUTO_TEST_CASE(articles_api_pages_and_filters_by_category) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto first = daemon.get("/api/v1/articles?per_page=1");
  BOOST_TEST(first.status == 200);
  BOOST_TEST(test::contains(first.body, "\"total\":2"), first.body);
  BOOST_TEST(test::contains(first.body, "\"title\":\"Tiêm chủng mở rộng <đợt 2>\""), first.body);
  BOOST_TEST(test::contains(first.body, "\"next\":\"/api/v1/articles?page=2&per_page=1\""), first.body);
  const auto second = daemon.get("/api/v1/articles?page=2&per_page=1");
  BOOST_TEST(test::contains(second.body, "Khai mạc hội chợ nông sản"));
  BOOST_TEST(!test::contains(second.body, "\"next\""));
  BOOST_TEST(daemon.get("/api/v1/articles?page=3&per_page=1").status == 404);
  BOOST_TEST(daemon.get("/api/v1/articles?per_page=101").status == 400);
  const auto health = daemon.get("/api/v1/articles?category=y-te");
  BOOST_TEST(test::contains(health.body, "\"total\":1"), health.body);
  BOOST_TEST(daemon.get("/api/v1/articles?category=khong-co").status == 404);

  const std::string id =
      first.body.substr(first.body.find("\"id\":") + 5,
                        first.body.find(',', first.body.find("\"id\":")) - first.body.find("\"id\":") - 5);
  const auto one = daemon.get("/api/v1/articles/" + id);
  BOOST_TEST(one.status == 200, id);
  BOOST_TEST(test::contains(one.body, "\"body_html\":\"<p>Y tế</p>\""), one.body);
}

BOOST_AUTO_TEST_CASE(categories_and_pages_api) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto cats = daemon.get("/api/v1/categories");
  BOOST_TEST(test::contains(cats.body, "\"slug\":\"kinh-te\""));
  BOOST_TEST(test::contains(cats.body, "\"rss\":\"/rss/kinh-te.xml\""));
  const auto pages = daemon.get("/api/v1/pages?lang=en");
  BOOST_TEST(test::contains(pages.body, "\"slug\":\"contacts\""));
  BOOST_TEST(!test::contains(pages.body, "\"lang\":\"vi\""));
  const auto contacts = daemon.get("/api/v1/pages/vi/dau-moi-lien-he");
  BOOST_TEST(contacts.status == 200);
  for (const char* key : {"\"name\":", "\"position\":", "\"unit\":", "\"phone\":", "\"email\":"})
    BOOST_TEST(test::contains(contacts.body, key), key);
  const auto catalogue = daemon.get("/api/v1/pages/vi/danh-muc-cong-khai");
  for (const char* key : {"\"url\":", "\"form\":", "\"time\":", "\"duration\":"})
    BOOST_TEST(test::contains(catalogue.body, key), key);
  BOOST_TEST(daemon.get("/api/v1/pages/vi/khong-co").status == 404);
  BOOST_TEST(daemon.get("/api/v1/pages?lang=fr").status == 400);
  BOOST_TEST(test::contains(daemon.get("/api/v1").body, "\"documents\":\"/api/v1/documents\""));
}

BOOST_AUTO_TEST_SUITE_END()
