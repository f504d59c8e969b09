// The article page's duties beyond the text: Open Graph, Dublin Core and JSON-LD metadata, a print
// view and a save action (NĐ 42/2022 Điều 7), share links without third-party scripts, following
// the category.
#include "tests/integration/public/public_fixture.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(article_extras)

BOOST_AUTO_TEST_CASE(metadata_for_sharing_and_archiving) {
  test::PublicSite site;
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"settings", "set", "public_url", "https://tinh.gov.vn"}).exit_code,
                      0);
  test::RunningDaemon daemon(site.data);
  const std::string link = test::first_link(daemon.get("/chuyen-muc/kinh-te").body, "/tin-tuc/");
  const auto r = daemon.get(link);
  BOOST_TEST(r.status == 200);
  for (const std::string& text : std::vector<std::string>{
           "<meta property=\"og:title\" content=\"Khai mạc hội chợ nông sản\">",
           "<meta property=\"og:type\" content=\"article\">",
           "<meta property=\"og:url\" content=\"https://tinh.gov.vn" + link,
           "<meta name=\"DC.title\" content=\"Khai mạc hội chợ nông sản\">",
           "<meta name=\"DC.creator\" content=\"Lê Văn E\">", "<meta name=\"DC.date\" content=\"2024-03-02\">",
           "<meta name=\"DC.language\" content=\"vi\">", "<meta name=\"DC.subject\" content=\"Kinh tế\">",
           "<meta name=\"description\" content=\"Hội chợ mở cửa đến cuối tuần\">",
           "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"",
           "\"headline\":\"Khai mạc hội chợ nông sản\"",
           "<link rel=\"canonical\" href=\"https://tinh.gov.vn" + link + "\">"})
    BOOST_TEST(test::contains(r.body, text), text);
  // Share links are plain links: no third-party script is loaded.
  BOOST_TEST(test::contains(r.body, "https://www.facebook.com/sharer/sharer.php?u="));
  BOOST_TEST(!test::contains(r.body, "<script src=\"http"));
}

BOOST_AUTO_TEST_CASE(the_lead_is_shown_once_when_the_body_opens_with_it) {
  test::PublicSite site;
  const auto file = test::write_file(
      site.dir.path, "sapo.jsonl",
      R"({"id": "s1", "title": "Khánh thành cầu Bến Mới", "summary": "Sáng nay,  cầu Bến Mới được khánh thành.", "body_html": "<p><strong>Sáng nay, cầu Bến Mới\n được khánh thành.</strong></p><p>Cầu dài 300 m.</p>", "category": "Kinh tế", "published_at": "2024-05-02T08:00:00+07:00"})"
      "\n");
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"import", "articles", file.string()}).exit_code, 0);
  test::RunningDaemon daemon(site.data);
  const auto list = daemon.get("/chuyen-muc/kinh-te").body;
  const auto sapo = daemon.get(test::first_link(list, "/tin-tuc/khanh-thanh")).body;
  BOOST_TEST(!test::contains(sapo, "<p class=\"lead\">"));
  BOOST_TEST(test::contains(sapo, "<strong>Sáng nay, cầu Bến Mới"));
  // A summary the body does not repeat is still shown above it.
  const auto other = daemon.get(test::first_link(list, "/tin-tuc/khai-mac")).body;
  BOOST_TEST(test::contains(other, "<p class=\"lead\">Hội chợ mở cửa đến cuối tuần</p>"));
}

BOOST_AUTO_TEST_CASE(json_ld_cannot_close_its_script_element) {
  test::PublicSite site;
  const auto f = test::write_file(
      site.dir.path, "x.jsonl",
      R"({"id": "x1", "title": "Tiêu đề </script><script>alert(1)</script>", "body_html": "<p>x</p>", "category": "Kinh tế", "published_at": "2025-01-01T08:00:00+07:00"})"
      "\n");
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"import", "articles", f.string()}).exit_code, 0);
  test::RunningDaemon daemon(site.data);
  const std::string link = test::first_link(daemon.get("/").body, "/tin-tuc/tieu-de");
  const auto r = daemon.get(link);
  BOOST_TEST(r.status == 200, link);
  BOOST_TEST(!test::contains(r.body, "<script>alert"));
  BOOST_TEST(test::contains(r.body, "\\u003c/script\\u003e"));
}

BOOST_AUTO_TEST_CASE(print_save_and_follow_controls) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const std::string link = test::first_link(daemon.get("/chuyen-muc/kinh-te").body, "/tin-tuc/");
  const auto r = daemon.get(link);
  BOOST_TEST(test::contains(r.body, "data-print hidden>In bài viết</button>"));
  BOOST_TEST(test::contains(r.body, "data-follow=\"kinh-te\""));
  BOOST_TEST(test::contains(r.body, "href=\"" + link + "/luu\" download"));
  const auto saved = daemon.get(link + "/luu");
  BOOST_TEST(saved.status == 200);
  BOOST_TEST(test::contains(std::string(*saved.header("Content-Disposition")),
                            "attachment; filename=\"khai-mac-hoi-cho-nong-san-"));
  BOOST_TEST(test::contains(saved.body, "<h1>Khai mạc hội chợ nông sản</h1>"));
  BOOST_TEST(test::contains(saved.body, "Ghi rõ nguồn"));
  BOOST_TEST(!test::contains(saved.body, "<link rel=\"stylesheet\""));  // self-contained
  BOOST_TEST(daemon.get("/tin-tuc/khong-co-99999/luu").status == 404);
  // The print view is the page itself with the print rules of the one stylesheet.
  BOOST_TEST(test::contains(daemon.get("/static/portal.css").body, "@media print"));
}

BOOST_AUTO_TEST_SUITE_END()
