// Issue 14, "Publishing": Dublin Core, Open Graph and JSON-LD on legal documents and section pages, as
// on articles; RSS feeds for legal documents and for each topic, linked from the matching pages and
// listed on the site map; and the page CSP's frame-src and media-src, which follow the embed setting.
#include <algorithm>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <sstream>

#include "tests/integration/public/public_fixture.hpp"

using namespace portald;

namespace {

boost::property_tree::ptree parse_xml(const std::string& body) {
  boost::property_tree::ptree xml;
  std::istringstream in(body);
  boost::property_tree::read_xml(in, xml);  // throws on anything that is not well-formed XML
  return xml;
}

std::string csp(const test::HttpResponse& r) { return std::string(r.header("Content-Security-Policy").value_or("")); }

}  // namespace

BOOST_AUTO_TEST_SUITE(publishing_metadata)

BOOST_AUTO_TEST_CASE(a_legal_document_page_carries_dublin_core_open_graph_json_ld_and_its_feed) {
  test::PublicSite site;
  BOOST_REQUIRE_EQUAL(
      test::portaldctl(site.data, {"settings", "set", "public_url", "https://tinh.example.vn"}).exit_code, 0);
  test::RunningDaemon daemon(site.data);
  const std::string url = test::first_link(daemon.get("/van-ban").body, "/van-ban/15-2024-qd-ubnd-");
  BOOST_TEST_REQUIRE(!url.empty());
  const auto page = daemon.get(url);
  BOOST_TEST_REQUIRE(page.status == 200);
  for (const std::string& expected : std::vector<std::string>{
           "<meta name=\"DC.title\" content=\"Quyết định 15/2024/QĐ-UBND: Quy định bảng giá đất giai đoạn mới\">",
           "<meta name=\"DC.creator\" content=\"UBND tỉnh\">", "<meta name=\"DC.date\" content=\"2024-06-01\">",
           "<meta name=\"DC.subject\" content=\"Đất đai\">", "<meta name=\"DC.language\" content=\"vi\">",
           "<meta name=\"DC.identifier\" content=\"https://tinh.example.vn" + url + "\">",
           "<meta property=\"og:description\" content=\"Quy định bảng giá đất giai đoạn mới\">",
           "<link rel=\"canonical\" href=\"https://tinh.example.vn" + url + "\">", "\"@type\":\"Legislation\"",
           "\"legislationIdentifier\":\"15/2024/QĐ-UBND\"",
           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Văn bản mới - RSS\" "
           "href=\"/rss/van-ban.xml\">"})
    BOOST_TEST(test::contains(page.body, expected), expected);
  BOOST_TEST(test::contains(daemon.get("/van-ban").body, "href=\"/rss/van-ban.xml\""));
}

BOOST_AUTO_TEST_CASE(a_section_page_carries_dublin_core_open_graph_and_json_ld) {
  test::PublicSite site;
  const auto f = test::write_file(
      site.dir.path, "p.jsonl",
      R"({"lang": "vi", "slug": "gioi-thieu", "title": "Giới thiệu <chung>", "summary": "Về tỉnh & con người", "body_html": "<p>Nội dung</p>"})"
      "\n");
  const auto r = test::portaldctl(site.data, {"pages", "import", f.string()});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  test::RunningDaemon daemon(site.data);
  const auto page = daemon.get("/trang/gioi-thieu");
  BOOST_TEST_REQUIRE(page.status == 200);
  for (const std::string expected : {"<meta name=\"DC.title\" content=\"Giới thiệu &lt;chung&gt;\">",
                                     "<meta name=\"DC.description\" content=\"Về tỉnh &amp; con người\">",
                                     "<meta name=\"DC.identifier\" content=\"/trang/gioi-thieu\">",
                                     "<meta property=\"og:locale\" content=\"vi_VN\">",
                                     "<meta property=\"og:title\" content=\"Giới thiệu &lt;chung&gt;\">",
                                     "\"@type\":\"WebPage\"", "\"name\":\"Giới thiệu \\u003cchung\\u003e\""})
    BOOST_TEST(test::contains(page.body, expected), expected);
}

BOOST_AUTO_TEST_CASE(the_documents_feed_is_valid_rss_with_escaped_titles) {
  test::PublicSite site;
  const auto f = test::write_file(
      site.dir.path, "d.jsonl",
      R"({"id": "d9", "number": "99/QĐ-UBND", "type": "Quyết định", "issuer": "UBND tỉnh", "issued_on": "2025-01-10", "field": "Y tế", "abstract": "Về <việc> khám & chữa bệnh"})"
      "\n");
  const auto imported = test::portaldctl(site.data, {"import", "documents", f.string()});
  BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  test::RunningDaemon daemon(site.data);
  const auto feed = test::get_with_host(daemon.port(), "/rss/van-ban.xml", "tinh.example.vn");
  BOOST_TEST_REQUIRE(feed.status == 200);
  BOOST_TEST(std::string(feed.header("Content-Type").value_or("")).starts_with("application/rss+xml"));
  BOOST_TEST(test::contains(feed.body, "<title>Quyết định 99/QĐ-UBND: Về &lt;việc&gt; khám &amp; chữa bệnh</title>"));
  const auto xml = parse_xml(feed.body);
  std::vector<std::string> titles;
  for (const auto& [name, item] : xml.get_child("rss.channel")) {
    if (name != "item") continue;
    titles.push_back(item.get<std::string>("title"));
    BOOST_TEST(item.get<std::string>("link").starts_with("http://tinh.example.vn/van-ban/"));
    BOOST_TEST(item.get<std::string>("description").find('<') == std::string::npos);  // escaped HTML text
  }
  BOOST_TEST_REQUIRE(titles.size() >= 3u);  // the demo's documents and the two of the fixture too
  // Read back as XML, the title is the plain text that went in.
  BOOST_TEST(std::count(titles.begin(), titles.end(), "Quyết định 99/QĐ-UBND: Về <việc> khám & chữa bệnh") == 1);
  BOOST_TEST(test::contains(daemon.get("/so-do-trang").body, "href=\"/rss/van-ban.xml\""));
}

BOOST_AUTO_TEST_CASE(each_topic_has_a_valid_feed_linked_from_its_page) {
  test::PublicSite site;
  const auto f = test::write_file(
      site.dir.path, "t.jsonl",
      R"({"slug": "mua-xuan", "name": "Mùa xuân <&>", "description": "Tin mùa xuân", "articles": ["a1", "a2"]})"
      "\n");
  const auto r = test::portaldctl(site.data, {"topics", "import", f.string()});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  test::RunningDaemon daemon(site.data);
  const auto page = daemon.get("/chuyen-de/mua-xuan").body;
  BOOST_TEST(test::contains(page,
                            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Chuyên đề Mùa xuân "
                            "&lt;&amp;&gt; - RSS\" href=\"/rss/chu-de/mua-xuan.xml\">"));
  const auto feed = daemon.get("/rss/chu-de/mua-xuan.xml");
  BOOST_TEST_REQUIRE(feed.status == 200);
  const auto xml = parse_xml(feed.body);
  BOOST_TEST(xml.get<std::string>("rss.channel.title").ends_with(" - Mùa xuân <&>"));
  std::vector<std::string> titles;
  for (const auto& [name, item] : xml.get_child("rss.channel"))
    if (name == "item") titles.push_back(item.get<std::string>("title"));
  // Newest first (a2 is April, a1 March), whatever order the topic page uses.
  BOOST_TEST(titles == (std::vector<std::string>{"Tiêm chủng mở rộng <đợt 2>", "Khai mạc hội chợ nông sản"}),
             boost::test_tools::per_element());
  BOOST_TEST(daemon.get("/rss/chu-de/khong-co.xml").status == 404);
  BOOST_TEST(daemon.get("/rss/chu-de/mua-xuan").status == 404);
  BOOST_TEST(test::contains(daemon.get("/so-do-trang").body, "href=\"/rss/chu-de/mua-xuan.xml\""));
}

BOOST_AUTO_TEST_CASE(the_page_csp_frame_src_follows_the_embed_setting) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto before = csp(daemon.get("/"));
  BOOST_TEST(test::contains(before, "frame-src 'none'"), before);
  BOOST_TEST(test::contains(before, "media-src 'self'"), before);
  const auto set = test::portaldctl(
      site.data, {"settings", "set", "embed_origins", "https://Video.example.vn, https://live.example.vn:8443/"});
  BOOST_REQUIRE_MESSAGE(set.exit_code == 0, set.err);
  for (const char* path : {"/", "/trang/gioi-thieu", "/van-ban"}) {
    const auto after = csp(daemon.get(path));
    BOOST_TEST(test::contains(after, "frame-src https://video.example.vn https://live.example.vn:8443;"), after);
    BOOST_TEST(test::contains(after, "frame-ancestors 'none'"), after);
  }
  const auto refused = test::portaldctl(site.data, {"settings", "set", "embed_origins", "https://*.example.vn"});
  BOOST_TEST(refused.exit_code != 0);
  BOOST_TEST(test::contains(refused.err, "embed_origins"), refused.err);
  BOOST_TEST(test::contains(csp(daemon.get("/")), "frame-src https://video.example.vn https://live.example.vn:8443;"));
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"settings", "set", "embed_origins", ""}).exit_code, 0);
  BOOST_TEST(test::contains(csp(daemon.get("/")), "frame-src 'none'"));
}

BOOST_AUTO_TEST_SUITE_END()
