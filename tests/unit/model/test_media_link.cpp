// Media addresses (issue 16, finding 1): the file's name as a slug, the token form and the old
// numbered form, and finding the media a body links to.
#include <boost/test/unit_test.hpp>

#include "daemon/model/media_link.hpp"

using namespace portald;

namespace {
const std::string kToken = "0123456789abcdef0123456789abcdef";
}

BOOST_AUTO_TEST_SUITE(media_link)

BOOST_AUTO_TEST_CASE(addresses_carry_the_token_and_the_slug_name) {
  BOOST_TEST(model::media_path(12, kToken, "Ảnh hội nghị.PNG") == "/tep/12-" + kToken + "/anh-hoi-nghi.png");
  BOOST_TEST(model::legacy_media_path(12, "Ảnh hội nghị.PNG") == "/tep/anh-hoi-nghi.png-12");
  BOOST_TEST(model::media_slug_name("...") == "tep");
  BOOST_TEST(model::media_slug_name("bao cao") == "bao-cao");
}

BOOST_AUTO_TEST_CASE(tokens_are_lower_case_hex_of_sixteen_bytes) {
  BOOST_TEST(model::looks_like_media_token(kToken));
  BOOST_TEST(!model::looks_like_media_token(kToken.substr(1)));
  BOOST_TEST(!model::looks_like_media_token("0123456789ABCDEF0123456789abcdef"));
  BOOST_TEST(!model::looks_like_media_token(""));
}

BOOST_AUTO_TEST_CASE(finds_the_media_a_body_links_to_in_either_form) {
  const std::string html =
      "<p><img src=\"/tep/7-" + kToken + "/a.png\" alt=\"\"> <a href=\"/tep/bao-cao.pdf-3\">x</a>" +
      "<a href='https://tinh.gov.vn/tep/anh-9?x=1'>y</a> <img src=\"/tep/7-" + kToken +
      "/a.png\"> /tep/8-notatoken/a.png /tep/khong-so /tep/ /static/x-5 /tep/0-" + kToken + "/a</p>";
  BOOST_TEST(model::media_ids_in(html) == (std::vector<std::uint64_t>{3, 7, 9}), boost::test_tools::per_element());
  BOOST_TEST(model::media_ids_in("").empty());
  BOOST_TEST(model::media_ids_in("/tep/a.png-12").size() == 1u);  // at the very end of the text
}

BOOST_AUTO_TEST_SUITE_END()
