// Page numbers from query strings (web/paging.hpp): garbage, 0, signs, spaces, above the limit and
// numbers too big for size_t are all refused; absent and (by choice) empty take the fallback.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

#include "web/paging.hpp"
#include "web/server/http_error.hpp"

using namespace portald;
using web::parse_page_number;

namespace {

web::Request request(std::vector<std::pair<std::string, std::string>> query) {
  web::Request r;
  r.method = "GET";
  r.path = "/chuyen-muc/x";
  r.query = std::move(query);
  return r;
}

int status_of(const web::Request& r, const web::NumberArg& arg) {
  try {
    web::number_arg(r, arg, "bad");
    return 200;
  } catch (const web::HttpError& e) {
    BOOST_TEST(std::string(e.what()) == "bad");
    return e.status();
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(paging)

BOOST_AUTO_TEST_CASE(plain_numbers_in_range_are_accepted) {
  BOOST_TEST(parse_page_number("1", 10).value() == 1u);
  BOOST_TEST(parse_page_number("10", 10).value() == 10u);
  BOOST_TEST(parse_page_number("007", 10).value() == 7u);
  BOOST_TEST(parse_page_number("100000", web::kMaxPageNumber).value() == 100000u);
}

BOOST_AUTO_TEST_CASE(garbage_zero_negative_huge_and_overflow_are_refused) {
  for (const char* text :
       {"", "abc", "1a", "a1", " 1", "1 ", "+1", "-1", "-0", "0", "00", "1.5", "1e3", "0x10", "11", "100001",
        "18446744073709551615", "18446744073709551616", "99999999999999999999999999999999"})
    BOOST_TEST(!parse_page_number(text, 10).has_value(), "accepted \"" << text << "\"");
  BOOST_TEST(!parse_page_number("100001", web::kMaxPageNumber).has_value());
  BOOST_TEST(parse_page_number("18446744073709551615", SIZE_MAX).value() == SIZE_MAX);
  BOOST_TEST(!parse_page_number("18446744073709551616", SIZE_MAX).has_value());
  BOOST_TEST(!parse_page_number(std::string_view("1\0", 2), 10).has_value());
}

BOOST_AUTO_TEST_CASE(absent_takes_the_fallback_and_bad_values_are_a_400) {
  const web::NumberArg page{.name = "trang", .fallback = 3, .max = 50};
  BOOST_TEST(web::number_arg(request({}), page, "bad") == 3u);
  BOOST_TEST(web::number_arg(request({{"trang", "7"}, {"trang", "9"}}), page, "bad") == 7u);  // the first one
  BOOST_TEST(web::number_arg(request({{"page", "7"}}), page, "bad") == 3u);
  BOOST_TEST(status_of(request({{"trang", "0"}}), page) == 400);
  BOOST_TEST(status_of(request({{"trang", "51"}}), page) == 400);
  BOOST_TEST(status_of(request({{"trang", "-2"}}), page) == 400);
  BOOST_TEST(status_of(request({{"trang", "hai"}}), page) == 400);
}

BOOST_AUTO_TEST_CASE(an_empty_argument_is_absent_unless_told_otherwise) {
  BOOST_TEST(web::number_arg(request({{"trang", ""}}), {.name = "trang", .fallback = 4}, "bad") == 4u);
  BOOST_TEST(status_of(request({{"trang", ""}}), {.name = "trang", .empty_is_absent = false}) == 400);
}

BOOST_AUTO_TEST_CASE(page_count_rounds_up_and_never_says_zero) {
  BOOST_TEST(web::page_count(0, 20) == 1u);
  BOOST_TEST(web::page_count(1, 20) == 1u);
  BOOST_TEST(web::page_count(20, 20) == 1u);
  BOOST_TEST(web::page_count(21, 20) == 2u);
  BOOST_TEST(web::page_count(SIZE_MAX, 1) == SIZE_MAX);
}

BOOST_AUTO_TEST_SUITE_END()
