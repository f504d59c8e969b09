// One spelling per path (issue 16, finding 7): what is redirected where, and what is refused.
#include <boost/test/unit_test.hpp>

#include "web/canonical_target.hpp"

namespace web = portald::web;
using V = portald::web::CanonicalTarget::Verdict;

BOOST_AUTO_TEST_SUITE(canonical_target)

BOOST_AUTO_TEST_CASE(canonical_paths_are_left_alone) {
  for (const char* t :
       {"/", "/metrics", "/tin-tuc/bai-1?x=1&y=%2F", "/van-ban/15-2024-qd-ubnd-42/tep/7",
        "/tep/3-0123456789abcdef0123456789abcdef/anh.png", "/a/%C3%A1", "/a/%20b", "/a:b@c!$&'()*+,;=", "*", ""})
    BOOST_TEST((web::canonical_target(t).verdict == V::canonical), t);
}

BOOST_AUTO_TEST_CASE(other_spellings_redirect_with_the_query_kept) {
  const auto check = [](const char* sent, const char* want) {
    const auto c = web::canonical_target(sent);
    BOOST_TEST((c.verdict == V::redirect), sent);
    BOOST_TEST(c.location == want, sent);
  };
  check("//metrics", "/metrics");
  check("/metrics/", "/metrics");
  check("/%6detrics", "/metrics");
  check("/a//b/?q=1", "/a/b?q=1");
  check("//", "/");
  check("/a/%c3%a1", "/a/%C3%A1");
  check("/a/\xc3\xa1", "/a/%C3%A1");
  check("/a/%7E", "/a/~");
}

BOOST_AUTO_TEST_CASE(paths_that_name_no_page_are_refused) {
  for (const char* t : {"/metrics%00.css", "/a%0d%0aSet-Cookie:x", "/%2Fmetrics", "/a/..", "/a/./b", "/a/%2e%2e/b",
                        "/a/%2E", "/x%zz", "/x%2", "/x%", "/a\x01"})
    BOOST_TEST((web::canonical_target(t).verdict == V::refuse), t);
}

BOOST_AUTO_TEST_SUITE_END()
