// The one percent-encoder (daemon/model/url_encoding.hpp), shared by web links and the TOTP URI:
// unreserved characters stay, every other byte becomes %XX in upper-case hex.
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <string>

#include "daemon/model/url_encoding.hpp"

using portald::model::url_encode_component;

BOOST_AUTO_TEST_SUITE(url_encoding)

BOOST_AUTO_TEST_CASE(unreserved_characters_stay_and_the_rest_is_escaped) {
  BOOST_TEST(url_encode_component("") == "");
  BOOST_TEST(url_encode_component("AZaz09-._~") == "AZaz09-._~");
  BOOST_TEST(url_encode_component("a b/c?d=e&f+g#h%") == "a%20b%2Fc%3Fd%3De%26f%2Bg%23h%25");
  BOOST_TEST(url_encode_component("Cổng") == "C%E1%BB%95ng");
  BOOST_TEST(url_encode_component(std::string("\0\xff", 2)) == "%00%FF");
}

BOOST_AUTO_TEST_CASE(every_byte_is_one_character_or_three) {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const std::string out = url_encode_component(std::string(1, c));
    const bool unreserved = std::isalnum(b) || c == '-' || c == '.' || c == '_' || c == '~';
    BOOST_TEST(out.size() == (unreserved ? 1u : 3u), "byte " << b);
  }
}

BOOST_AUTO_TEST_SUITE_END()
