// Where a login goes on to (admin::safe_next): a plain path under /quan-tri, else /quan-tri.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "web/handlers/admin/admin.hpp"

using portald::web::admin::safe_next;

BOOST_AUTO_TEST_SUITE(login)

BOOST_AUTO_TEST_CASE(plain_admin_paths_are_followed) {
  for (const char* next : {"/quan-tri", "/quan-tri/", "/quan-tri/bai-viet", "/quan-tri/bai-viet/12?trang=2",
                           "/quan-tri/nhat-ky.csv", "/quan-tri/hang-doi/cho-duyet"})
    BOOST_TEST(safe_next(next) == next);
}

// Issue 16 finding 6: a newline in `next` reached the Location header.
BOOST_AUTO_TEST_CASE(control_characters_other_sites_and_odd_paths_go_to_the_admin_home) {
  for (const std::string& next : std::vector<std::string>{
           "/quan-tri\n", "/quan-tri/bai-viet\r\nSet-Cookie: a=1", "/quan-tri/\t", std::string("/quan-tri/\0x", 11),
           "/quan-tri/\x7f", "/quan-tri/a b", "/quan-tri/b\xc3\xa0i", "https://evil.example/quan-tri",
           "//evil.example/quan-tri", "/quan-tri//evil.example", "/quan-tri/\\evil", "/quan-tri-gia", "/quan-tri/../x",
           "/quan-tri/.", "quan-tri", "", "/"})
    BOOST_TEST(safe_next(next) == "/quan-tri", next);
}

BOOST_AUTO_TEST_SUITE_END()
