// The public URL of each kind of page, the id at the end of a slug, the site's base and the CSP
// origin of a script: one place builds them (web/links.cpp), pages, feeds, the API and the admin share it.
#include <boost/test/unit_test.hpp>

#include "daemon/model/site_settings.hpp"
#include "web/links.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(links)

BOOST_AUTO_TEST_CASE(page_urls_end_in_slug_and_id) {
  model::Article a;
  a.id = 12;
  a.slug = "khai-mac-hoi-nghi";
  BOOST_TEST(web::article_url(a) == "/tin-tuc/khai-mac-hoi-nghi-12");
  a.slug.clear();
  BOOST_TEST(web::article_url(a) == "/tin-tuc/bai-viet-12");

  model::LegalDocument d;
  d.id = 42;
  d.number = "15/2024/QĐ-UBND";
  BOOST_TEST(web::document_url(d) == "/van-ban/15-2024-qd-ubnd-42");
  BOOST_TEST(web::attachment_url(d, {7, "a.pdf", "application/pdf", 1}) == "/van-ban/15-2024-qd-ubnd-42/tep/7");
  d.number = "///";
  BOOST_TEST(web::document_url(d) == "/van-ban/van-ban-42");
}

BOOST_AUTO_TEST_CASE(section_urls_by_slug) {
  model::Category c;
  c.slug = "thoi-su";
  BOOST_TEST(web::category_url(c) == "/chuyen-muc/thoi-su");
  model::Topic t;
  t.slug = "chuyen-doi-so";
  BOOST_TEST(web::topic_url(t) == "/chuyen-de/chuyen-doi-so");
  model::SitePage p;
  p.slug = "gioi-thieu";
  BOOST_TEST(web::site_page_url(p) == "/trang/gioi-thieu");
  p.lang = "en";
  p.slug = "about";
  BOOST_TEST(web::site_page_url(p) == "/en/about");
}

BOOST_AUTO_TEST_CASE(trailing_id_takes_the_digits_after_the_last_dash) {
  BOOST_TEST(web::trailing_id("khai-mac-12").value_or(0) == 12u);
  BOOST_TEST(web::trailing_id("7").value_or(0) == 7u);
  BOOST_TEST(!web::trailing_id("khai-mac"));
  BOOST_TEST(!web::trailing_id("bai-0"));
  BOOST_TEST(!web::trailing_id("bai-12x"));
  BOOST_TEST(!web::trailing_id("bai-"));
  BOOST_TEST(!web::trailing_id("bai-99999999999999999999"));
}

BOOST_AUTO_TEST_CASE(site_base_prefers_the_configured_address) {
  model::SiteSettings s;
  web::Request req;
  req.headers = {{"Host", "cong.tinh.gov.vn:8080"}};
  BOOST_TEST(web::site_base(s, req) == "http://cong.tinh.gov.vn:8080");
  req.headers = {{"Host", "evil.example/<script>"}};
  BOOST_TEST(web::site_base(s, req) == "http://localhost");
  req.headers.clear();
  BOOST_TEST(web::site_base(s, req) == "http://localhost");
  s.public_url = "https://tinh.gov.vn//";
  BOOST_TEST(web::site_base(s, req) == "https://tinh.gov.vn");
}

BOOST_AUTO_TEST_CASE(script_origin_only_for_plain_https_urls) {
  BOOST_TEST(model::script_origin("https://cdn.example.vn:8443/emc.js?v=1").value_or("") ==
             "https://cdn.example.vn:8443");
  BOOST_TEST(model::script_origin("https://cdn.example.vn").value_or("") == "https://cdn.example.vn");
  BOOST_TEST(!model::script_origin("http://cdn.example.vn/emc.js"));
  BOOST_TEST(!model::script_origin("https:///emc.js"));
  BOOST_TEST(!model::script_origin("https://user@cdn.example.vn/emc.js"));
  BOOST_TEST(!model::script_origin("https://cdn.example.vn/a.js; script-src *"));
  BOOST_TEST(!model::script_origin("https://cdn.example.vn/a\".js"));
  BOOST_TEST(!model::script_origin("https://cdn.example.vn/" + std::string(500, 'a')));
}

BOOST_AUTO_TEST_CASE(one_phone_number_is_dialable_anything_else_is_not) {
  BOOST_TEST(web::dialable_number("0263 3822 123") == "02633822123");
  BOOST_TEST(web::dialable_number("(0263) 3.822.123") == "02633822123");
  BOOST_TEST(web::dialable_number("+84 263-3822-123") == "+842633822123");
  BOOST_TEST(web::dialable_number(" 113") == "113");
  BOOST_TEST(web::dialable_number("0263 3822 123 - 0263 3822 456").empty());  // two numbers
  BOOST_TEST(web::dialable_number("0263 3822 123, 0263 3822 456").empty());
  BOOST_TEST(web::dialable_number("0263 3822 123 (máy lẻ 12)").empty());
  BOOST_TEST(web::dialable_number("84+263").empty());
  BOOST_TEST(web::dialable_number("12").empty());
  BOOST_TEST(web::dialable_number("").empty());
  BOOST_TEST(web::dialable_number("javascript:alert(1)").empty());
}

BOOST_AUTO_TEST_SUITE_END()
