#include <boost/test/unit_test.hpp>

#include "daemon/model/text.hpp"

using namespace portald::model;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(nfd_input_becomes_nfc) {
  const std::string nfd = "No\xCC\x82ng";  // "o" + U+0302 combining circumflex
  const auto nfc = to_nfc(nfd);
  BOOST_REQUIRE(nfc);
  BOOST_TEST(*nfc == "Nông");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_nul_are_refused) {
  BOOST_TEST(!to_nfc("abc\xFF"));
  BOOST_TEST(!to_nfc(std::string("a\0b", 3)));
  BOOST_TEST(!is_valid_utf8("\xC3"));
  BOOST_TEST(is_valid_utf8("Đắk Nông"));
}

BOOST_AUTO_TEST_CASE(fold_strips_marks_case_and_d_bar) {
  BOOST_TEST(fold("Đắk Nông") == "dak nong");
  BOOST_TEST(fold("ĐỒNG THÁP") == "dong thap");
  BOOST_TEST(fold("hoà") == fold("hòa"));
  BOOST_TEST(fold("thuỷ") == fold("thủy"));
  BOOST_TEST(fold("No\xCC\x82ng") == "nong");
}

BOOST_AUTO_TEST_CASE(slugs_are_ascii_and_bounded) {
  BOOST_TEST(slugify("Văn hóa - Du lịch") == "van-hoa-du-lich");
  BOOST_TEST(slugify("  Phường Nghĩa Trung: quán triệt!  ") == "phuong-nghia-trung-quan-triet");
  BOOST_TEST(slugify("1382/QĐ-UBND") == "1382-qd-ubnd");
  BOOST_TEST(slugify("!!!") == "");
  const std::string long_slug = slugify(std::string(300, 'a') + " b", 80);
  BOOST_TEST(long_slug.size() <= 80u);
  BOOST_TEST(slugify("aaaa bbbb", 5) == "aaaa");  // never ends with '-'
}

BOOST_AUTO_TEST_CASE(trim_and_count) {
  BOOST_TEST(trim("  \t x y \n") == "x y");
  BOOST_TEST(count_code_points("Đắk") == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
