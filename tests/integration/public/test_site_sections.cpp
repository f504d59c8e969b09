// The mandatory sections (NĐ 42/2022 Điều 4, 7): every one reachable from the home page, stored as
// editable pages with structured entries, the English section, header/footer from the settings and
// the EMC script slot.
#include "tests/integration/public/public_fixture.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(site_sections)

BOOST_AUTO_TEST_CASE(the_home_page_links_every_section) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto home = daemon.get("/");
  BOOST_TEST(home.status == 200);
  for (const char* href : {"/van-ban",
                           "/trang/gioi-thieu",
                           "/trang/co-cau-to-chuc",
                           "/trang/dau-moi-lien-he",
                           "/trang/chi-dao-dieu-hanh",
                           "/trang/chien-luoc-quy-hoach",
                           "/trang/dau-tu-mua-sam-cong",
                           "/trang/thong-ke-tai-chinh",
                           "/trang/dieu-uoc-quoc-te",
                           "/trang/pho-bien-phap-luat",
                           "/trang/danh-muc-cong-khai",
                           "/trang/thu-tuc-hanh-chinh",
                           "/trang/lien-ket",
                           "/trang/lien-he",
                           "/en",
                           "/so-do-trang",
                           "/chuyen-muc/kinh-te",
                           "/chuyen-muc/y-te",
                           "/chuyen-de",
                           "https://dichvucong.gov.vn"})
    BOOST_TEST(test::contains(home.body, std::string("href=\"") + href + "\""), href);
  // Newest per section, and the (script-filled) "Tin của tôi" block.
  BOOST_TEST(test::contains(home.body, "id=\"cm-kinh-te\""));
  BOOST_TEST(test::contains(home.body, "id=\"tin-cua-toi\""));
}

// The "Tiêu điểm" block of the home page, "" when absent.
std::string featured_block(const std::string& home) {
  const auto start = home.find("id=\"tieu-diem\"");
  if (start == std::string::npos) return {};
  return home.substr(start, home.find("</section>", start) - start);
}

// The "Tin mới nhất" block, "" when absent.
std::string newest_block(const std::string& home) {
  const auto start = home.find("id=\"tin-moi\"");
  if (start == std::string::npos) return {};
  return home.substr(start, home.find("</section>", start) - start);
}

BOOST_AUTO_TEST_CASE(the_home_page_leads_with_the_editors_picks) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  // No pick yet: the newest item leads.
  auto block = featured_block(daemon.get("/").body);
  BOOST_TEST(test::contains(block, "Tiêm chủng mở rộng"), block);
  BOOST_TEST(!test::contains(block, "Khai mạc hội chợ"), block);
  // "Tin mới nhất" does not repeat the lead story.
  auto newest = newest_block(daemon.get("/").body);
  BOOST_TEST(!test::contains(newest, "Tiêm chủng mở rộng"), newest);
  BOOST_TEST(test::contains(newest, "Khai mạc hội chợ"), newest);
  // An older item marked featured takes the lead at once (the cached home page is invalidated).
  const auto f = test::write_file(
      site.dir.path, "featured.jsonl",
      R"({"id": "a1", "title": "Khai mạc hội chợ nông sản", "body_html": "<p>x</p>", "category": "Kinh tế", "published_at": "2024-03-02T08:00:00+07:00", "featured": true})"
      "\n");
  const auto r = test::portaldctl(site.data, {"import", "articles", f.string()});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  block = featured_block(daemon.get("/").body);
  BOOST_TEST(test::contains(block, "Khai mạc hội chợ"), block);
  BOOST_TEST(!test::contains(block, "Tiêm chủng mở rộng"), block);
  newest = newest_block(daemon.get("/").body);
  BOOST_TEST(test::contains(newest, "Tiêm chủng mở rộng"), newest);
  BOOST_TEST(!test::contains(newest, "Khai mạc hội chợ"), newest);
  // The flag is a boolean, and a bad one loses nothing.
  const auto bad = test::write_file(
      site.dir.path, "bad.jsonl",
      R"({"title": "x", "body_html": "<p>x</p>", "category": "Kinh tế", "published_at": "2024-03-02T08:00:00+07:00", "featured": "có"})"
      "\n");
  const auto rb = test::portaldctl(site.data, {"import", "articles", bad.string()});
  BOOST_TEST(rb.exit_code == 1);
  BOOST_TEST(test::contains(rb.err, bad.string() + ":1: featured"), rb.err);
}

BOOST_AUTO_TEST_CASE(a_phone_number_in_the_footer_is_a_tel_link_and_two_numbers_stay_text) {
  test::PublicSite site;
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"settings", "set", "phone", "(0263) 3.822.123"}).exit_code, 0);
  {
    test::RunningDaemon daemon(site.data);
    BOOST_TEST(test::contains(daemon.get("/").body, "Điện thoại: <a href=\"tel:02633822123\">(0263) 3.822.123</a>"));
    BOOST_TEST(test::contains(daemon.get("/en").body, "Phone: <a href=\"tel:02633822123\">"));
  }
  BOOST_REQUIRE_EQUAL(
      test::portaldctl(site.data, {"settings", "set", "phone", "0263 3822 123 - 0263 3822 456"}).exit_code, 0);
  test::RunningDaemon daemon(site.data);
  const auto home = daemon.get("/").body;
  BOOST_TEST(test::contains(home, "Điện thoại: 0263 3822 123 - 0263 3822 456</p>"));
  BOOST_TEST(!test::contains(home, "href=\"tel:"));
}

BOOST_AUTO_TEST_CASE(every_section_page_renders_with_its_last_update) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto list = daemon.get("/api/v1/pages").body;
  std::size_t pages = 0;
  for (auto p = list.find("\"url\":\""); p != std::string::npos; p = list.find("\"url\":\"", p + 1)) {
    const auto start = p + 7;
    const std::string url = list.substr(start, list.find('"', start) - start);
    const auto r = daemon.get(url);
    BOOST_TEST(r.status == 200, url);
    BOOST_TEST((test::contains(r.body, "Cập nhật lần cuối:") || test::contains(r.body, "Last updated:")), url);
    ++pages;
  }
  BOOST_TEST(pages >= 15u);
}

BOOST_AUTO_TEST_CASE(contact_officials_and_the_disclosure_catalogue_are_tables) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto contacts = daemon.get("/trang/dau-moi-lien-he").body;
  for (const char* text : {"<th scope=\"col\">Họ và tên</th>", "<th scope=\"col\">Chức vụ</th>",
                           "<th scope=\"col\">Đơn vị</th>", "<th scope=\"col\">Điện thoại</th>",
                           "<th scope=\"col\">Thư điện tử</th>", "href=\"mailto:vanphong%40example.invalid\""})
    BOOST_TEST(test::contains(contacts, text), text);
  const auto catalogue = daemon.get("/trang/danh-muc-cong-khai").body;
  for (const char* text : {"Địa chỉ công khai", "Hình thức", "Thời điểm", "Thời hạn", "href=\"/van-ban\""})
    BOOST_TEST(test::contains(catalogue, text), text);
}

BOOST_AUTO_TEST_CASE(the_english_section_is_marked_english) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto index = daemon.get("/en");
  BOOST_TEST(index.status == 200);
  BOOST_TEST(test::contains(index.body, "<article class=\"site-page\" lang=\"en\">"));
  BOOST_TEST(test::contains(index.body, "href=\"/en/contacts\""));
  const auto contacts = daemon.get("/en/contacts");
  BOOST_TEST(test::contains(contacts.body, "<th scope=\"col\">Full name</th>"));
  BOOST_TEST(test::contains(contacts.body, "Last updated:"));
  BOOST_TEST(daemon.get("/en/nope").status == 404);
}

BOOST_AUTO_TEST_CASE(pages_import_edits_a_section_at_once) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  BOOST_TEST(!test::contains(daemon.get("/trang/gioi-thieu").body, "Nội dung đã sửa"));
  const auto f = test::write_file(
      site.dir.path, "p.jsonl",
      R"({"lang": "vi", "slug": "gioi-thieu", "title": "Giới thiệu", "body_html": "<p>Nội dung đã sửa</p><script>x()</script>"})"
      "\n");
  const auto r = test::portaldctl(site.data, {"pages", "import", f.string()});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const auto page = daemon.get("/trang/gioi-thieu").body;
  BOOST_TEST(test::contains(page, "<p>Nội dung đã sửa</p>"));
  BOOST_TEST(!test::contains(page, "<script>x()"));  // sanitised on the way in
  const auto bad = test::write_file(site.dir.path, "bad.jsonl", "{\"slug\": \"Có Dấu\", \"title\": \"x\"}\n");
  const auto rb = test::portaldctl(site.data, {"pages", "import", bad.string()});
  BOOST_TEST(rb.exit_code == 1);
  BOOST_TEST(test::contains(rb.err, bad.string() + ":1: slug"), rb.err);
}

BOOST_AUTO_TEST_CASE(topics_span_categories_and_featured_ones_are_home_banners) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  BOOST_TEST(test::contains(daemon.get("/").body, "class=\"topic-banner\" href=\"/chuyen-de/chuyen-doi-so\""));
  BOOST_TEST(test::contains(daemon.get("/chuyen-de/chuyen-doi-so").body, "Chuyên đề chưa có tin bài."));
  const auto f = test::write_file(
      site.dir.path, "t.jsonl",
      R"({"slug": "mua-xuan", "name": "Mùa xuân", "description": "Tin mùa xuân", "featured": true, "articles": ["a2", "a1"]})"
      "\n");
  const auto r = test::portaldctl(site.data, {"topics", "import", f.string()});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const auto topic = daemon.get("/chuyen-de/mua-xuan").body;
  const auto first = topic.find("Tiêm chủng mở rộng");          // Y tế
  const auto second = topic.find("Khai mạc hội chợ nông sản");  // Kinh tế
  BOOST_TEST(first != std::string::npos);
  BOOST_TEST(second != std::string::npos);
  BOOST_TEST(first < second);  // the editors' order
  BOOST_TEST(test::contains(daemon.get("/chuyen-de").body, "href=\"/chuyen-de/mua-xuan\""));
  BOOST_TEST(test::contains(daemon.get("/").body, "href=\"/chuyen-de/mua-xuan\""));
  BOOST_TEST(test::contains(daemon.get("/api/v1/topics/mua-xuan").body, "\"title\":\"Khai mạc hội chợ nông sản\""));
  BOOST_TEST(daemon.get("/chuyen-de/khong-co").status == 404);
  const auto bad = test::write_file(site.dir.path, "bad.jsonl",
                                    R"({"name": "X", "articles": ["khong-co"]})"
                                    "\n");
  const auto rb = test::portaldctl(site.data, {"topics", "import", bad.string()});
  BOOST_TEST(rb.exit_code == 1);
  BOOST_TEST(test::contains(rb.err, bad.string() + ":1: articles"), rb.err);
}

BOOST_AUTO_TEST_CASE(header_and_footer_come_from_the_settings) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto home = daemon.get("/").body;
  for (const char* text :
       {"Cơ quan chủ quản: Ủy ban nhân dân tỉnh", "Chịu trách nhiệm chính: Lê Minh Hải, Chánh Văn phòng",
        "Giấy phép số 00/GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày 01/07/2025", "Địa chỉ:", "Điện thoại:",
        "Thư điện tử:", "Ghi rõ nguồn khi phát hành lại", "<img class=\"logo\" src=\"/static/logo.svg\" alt=\"\""})
    BOOST_TEST(test::contains(home, text), text);
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"settings", "set", "licence", "99/GP-TTĐT"}).exit_code, 0);
  BOOST_TEST(test::contains(daemon.get("/").body, "Giấy phép số 99/GP-TTĐT do"));
  // The wrong kind of text is refused and changes nothing.
  const auto sentence = test::portaldctl(site.data, {"settings", "set", "licence", "Giấy phép số 12/GP-TTĐT"});
  BOOST_TEST(sentence.exit_code != 0);
  BOOST_TEST(test::contains(sentence.err, "licence must be the licence number alone"), sentence.err);
  BOOST_TEST(test::contains(daemon.get("/").body, "Giấy phép số 99/GP-TTĐT do"));
  BOOST_TEST(test::portaldctl(site.data, {"settings", "set", "no_such_key", "x"}).exit_code == 2);
}

// A centrally run city (or a merged province) reads right: "tỉnh" in labels comes from one setting.
BOOST_AUTO_TEST_CASE(labels_name_the_locality_from_the_settings) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  BOOST_REQUIRE_EQUAL(
      test::portaldctl(site.data, {"settings", "set", "provincial_service_url", "https://dichvucong.example.gov.vn"})
          .exit_code,
      0);
  BOOST_TEST(test::contains(daemon.get("/").body, "Dịch vụ công của tỉnh</a>"));
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"settings", "set", "locality", "thành phố"}).exit_code, 0);
  BOOST_TEST(test::contains(daemon.get("/").body, "Dịch vụ công của thành phố</a>"));
  const auto map = daemon.get("/so-do-trang").body;
  BOOST_TEST(test::contains(map, "Thông tin về thành phố và chính quyền"));
  BOOST_TEST(test::contains(map, "Cổng Dịch vụ công của thành phố"));
  BOOST_TEST(!test::contains(map, "của tỉnh"));
  const auto empty = test::portaldctl(site.data, {"settings", "set", "locality", ""});
  BOOST_TEST(empty.exit_code == 1);
  BOOST_TEST(test::contains(empty.err, "locality must not be empty"), empty.err);
}

BOOST_AUTO_TEST_CASE(the_emc_script_is_off_by_default_and_allowed_only_when_set) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto before = daemon.get("/");
  BOOST_TEST(!test::contains(before.body, "emc"));
  const std::string strict(*before.header("Content-Security-Policy"));
  BOOST_TEST(!test::contains(strict, "https:"));
  BOOST_TEST(test::portaldctl(site.data, {"settings", "set", "emc_script_url", "http://emc.example/x.js"}).exit_code ==
             1);
  BOOST_REQUIRE_EQUAL(
      test::portaldctl(site.data, {"settings", "set", "emc_script_url", "https://emc.example.gov.vn/s.js?id=7"})
          .exit_code,
      0);
  for (const char* path : {"/", "/van-ban", "/trang/lien-he", "/khong-co"}) {
    const auto r = daemon.get(path);
    BOOST_TEST(test::contains(r.body, "<script src=\"https://emc.example.gov.vn/s.js?id=7\" async></script>"), path);
    const std::string csp(*r.header("Content-Security-Policy"));
    BOOST_TEST(test::contains(csp, "script-src 'self' https://emc.example.gov.vn;"), path << ": " << csp);
    BOOST_TEST(std::count_if(r.headers.begin(), r.headers.end(),
                             [](const auto& h) { return h.first == "Content-Security-Policy"; }) == 1);
  }
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"settings", "set", "emc_script_url", ""}).exit_code, 0);
  const auto after = daemon.get("/");
  BOOST_TEST(!test::contains(after.body, "emc.example"));
  BOOST_TEST(std::string(*after.header("Content-Security-Policy")) == strict);
}

BOOST_AUTO_TEST_SUITE_END()
