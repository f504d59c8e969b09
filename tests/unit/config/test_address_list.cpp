// ops-allow's address lists (issue 16, finding 7): parsing, the canonical text, matching.
#include <boost/test/unit_test.hpp>

#include "daemon/config/address_list.hpp"

using namespace portald::config;

BOOST_AUTO_TEST_SUITE(address_list)

BOOST_AUTO_TEST_CASE(loopback_is_the_default) {
  const auto l = loopback_addresses();
  BOOST_TEST(l.to_string() == "127.0.0.0/8 ::1/128");
  for (const char* a : {"127.0.0.1", "127.9.8.7", "::1", "::ffff:127.0.0.1"}) BOOST_TEST(l.contains(a), a);
  for (const char* a : {"10.0.0.1", "128.0.0.1", "::2", "local", "unknown", ""}) BOOST_TEST(!l.contains(a), a);
}

BOOST_AUTO_TEST_CASE(networks_match_by_prefix) {
  std::string error;
  const auto l = parse_address_list("10.1.2.3/24, 192.0.2.7  2001:db8::/32,172.16.0.0/12", &error);
  BOOST_REQUIRE_MESSAGE(l, error);
  BOOST_TEST(l->to_string() == "10.1.2.0/24 192.0.2.7/32 2001:db8::/32 172.16.0.0/12");
  for (const char* a : {"10.1.2.200", "192.0.2.7", "2001:db8:1::5", "172.31.255.255", "::ffff:10.1.2.9"})
    BOOST_TEST(l->contains(a), a);
  for (const char* a : {"10.1.3.1", "192.0.2.8", "2001:db9::1", "172.32.0.1", "127.0.0.1"})
    BOOST_TEST(!l->contains(a), a);
  const auto none = parse_address_list("none", &error);
  BOOST_REQUIRE(none);
  BOOST_TEST(!none->contains("127.0.0.1"));
  BOOST_TEST(none->to_string() == "none");
  const auto all = parse_address_list("0.0.0.0/0 ::/0", &error);
  BOOST_REQUIRE(all);
  BOOST_TEST(all->contains("8.8.8.8"));
  BOOST_TEST(all->contains("2001:db8::1"));
}

BOOST_AUTO_TEST_CASE(anything_else_is_refused_with_a_reason) {
  for (const char* bad :
       {"", " , ", "monitor.example", "10.0.0.0/33", "::1/129", "10.0.0.1/", "10.0.0.1/x", "10.0.0/8"}) {
    std::string error;
    BOOST_TEST(!parse_address_list(bad, &error), bad);
    BOOST_TEST(!error.empty(), bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()
