// Issue 17, trusted proxies: the client address and https come from X-Forwarded-For / -Proto and
// Forwarded only when the TCP peer is a trusted proxy, and then from the right-most hop that is not
// itself one; malformed headers never yield an address nobody sent.
#include <boost/test/unit_test.hpp>

#include "daemon/config/address_list.hpp"
#include "web/server/forwarded.hpp"

using namespace portald;
using web::resolve_client;
using Headers = std::vector<std::pair<std::string, std::string>>;

namespace {

web::TrustedProxy trusting(const char* networks) {
  std::string error;
  auto list = config::parse_address_list(networks, &error);
  BOOST_REQUIRE_MESSAGE(list, error);
  return [l = *list](std::string_view a) { return l.contains(a); };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(forwarded)

BOOST_AUTO_TEST_CASE(canonical_addresses_drop_ports_brackets_and_mapping) {
  BOOST_TEST(web::canonical_address("192.0.2.1") == "192.0.2.1");
  BOOST_TEST(web::canonical_address(" 192.0.2.1:8080 ") == "192.0.2.1");
  BOOST_TEST(web::canonical_address("[2001:db8::1]:443") == "2001:db8::1");
  BOOST_TEST(web::canonical_address("[2001:DB8:0::1]") == "2001:db8::1");
  BOOST_TEST(web::canonical_address("2001:db8:0:0::1") == "2001:db8::1");
  BOOST_TEST(web::canonical_address("::ffff:192.0.2.9") == "192.0.2.9");
  for (const char* bad : {"", "unknown", "_hidden", "example.org", "192.0.2", "192.0.2.1.5", "[2001:db8::1",
                          "999.0.0.1", "1.2.3.4:5:6x", "<script>", "192.0.2.1 10.0.0.1"})
    BOOST_TEST(web::canonical_address(bad).empty(), bad);
}

BOOST_AUTO_TEST_CASE(an_untrusted_peer_is_the_client_whatever_it_claims) {
  const Headers spoof{
      {"X-Forwarded-For", "203.0.113.9"}, {"Forwarded", "for=203.0.113.9;proto=https"}, {"X-Forwarded-Proto", "https"}};
  // No trusted proxies at all (the default).
  auto o = resolve_client("198.51.100.7", spoof, {});
  BOOST_TEST(o.address == "198.51.100.7");
  BOOST_TEST(!o.https);
  // Trusted proxies, but this peer is not one.
  o = resolve_client("198.51.100.7", spoof, trusting("10.0.0.0/8 ::1"));
  BOOST_TEST(o.address == "198.51.100.7");
  BOOST_TEST(!o.https);
  BOOST_TEST(resolve_client("local", spoof, trusting("10.0.0.0/8")).address == "local");
}

BOOST_AUTO_TEST_CASE(a_trusted_peer_names_the_right_most_untrusted_hop) {
  const auto trusted = trusting("10.0.0.0/8 2001:db8:ffff::/48");
  // The client prepends a lie; the proxy appends the address it really saw.
  auto o = resolve_client("10.0.0.2", {{"X-Forwarded-For", "1.1.1.1, 203.0.113.9"}, {"X-Forwarded-Proto", "https"}},
                          trusted);
  BOOST_TEST(o.address == "203.0.113.9");
  BOOST_TEST(o.https);
  // Two trusted hops (nginx then Varnish) are skipped; several header lines are one list.
  o = resolve_client("10.0.0.3", {{"X-Forwarded-For", "6.6.6.6, 198.51.100.4"}, {"X-Forwarded-For", "10.0.0.2"}},
                     trusted);
  BOOST_TEST(o.address == "198.51.100.4");
  BOOST_TEST(!o.https);
  // IPv6 peers and hops, with the proxy's own prefix trusted.
  o = resolve_client("2001:db8:ffff::1", {{"x-forwarded-for", "2001:db8:1::5"}}, trusted);
  BOOST_TEST(o.address == "2001:db8:1::5");
  // No forwarding header: the proxy is the client, over plain HTTP.
  o = resolve_client("10.0.0.2", {}, trusted);
  BOOST_TEST(o.address == "10.0.0.2");
  BOOST_TEST(!o.https);
  // Every hop trusted: the left-most one.
  BOOST_TEST(resolve_client("10.0.0.2", {{"X-Forwarded-For", "10.9.9.9, 10.0.0.1"}}, trusted).address == "10.9.9.9");
}

BOOST_AUTO_TEST_CASE(malformed_hops_stop_the_walk_at_the_last_trusted_one) {
  const auto trusted = trusting("10.0.0.0/8");
  for (const char* bad : {"garbage", "", "unknown", "203.0.113.9 198.51.100.1", "[::1", "<script>alert(1)</script>"}) {
    const auto o = resolve_client("10.0.0.2", {{"X-Forwarded-For", std::string("198.51.100.1, ") + bad}}, trusted);
    BOOST_TEST(o.address == "10.0.0.2", bad);
  }
  // Garbage behind a trusted hop: that hop is the last we know.
  BOOST_TEST(resolve_client("10.0.0.2", {{"X-Forwarded-For", "bogus, 10.0.0.7"}}, trusted).address == "10.0.0.7");
  // Garbage to the left of the client does not matter.
  BOOST_TEST(resolve_client("10.0.0.2", {{"X-Forwarded-For", "bogus,,203.0.113.9"}}, trusted).address == "203.0.113.9");
  // X-Forwarded-Proto: only https (any case) is https; the right-most value is the nearest proxy's.
  BOOST_TEST(resolve_client("10.0.0.2", {{"X-Forwarded-Proto", "HTTPS"}}, trusted).https);
  BOOST_TEST(!resolve_client("10.0.0.2", {{"X-Forwarded-Proto", "https, http"}}, trusted).https);
  BOOST_TEST(!resolve_client("10.0.0.2", {{"X-Forwarded-Proto", "httpsx"}}, trusted).https);
}

BOOST_AUTO_TEST_CASE(forwarded_wins_over_x_forwarded_for) {
  const auto trusted = trusting("10.0.0.0/8 ::1");
  auto o = resolve_client("10.0.0.2",
                          {{"Forwarded", "for=6.6.6.6;proto=http, For=\"[2001:db8::7]:4711\";Proto=HTTPS;by=10.0.0.2"},
                           {"X-Forwarded-For", "198.51.100.1"}},
                          trusted);
  BOOST_TEST(o.address == "2001:db8::7");
  BOOST_TEST(o.https);
  // The client's own element says how it came; a trusted hop to its right is skipped.
  o = resolve_client("::1", {{"Forwarded", "for=203.0.113.9;proto=http"}, {"Forwarded", "for=10.0.0.5;proto=https"}},
                     trusted);
  BOOST_TEST(o.address == "203.0.113.9");
  BOOST_TEST(!o.https);
  // Obfuscated identifiers and elements without for= stop the walk.
  BOOST_TEST(resolve_client("10.0.0.2", {{"Forwarded", "for=203.0.113.9, for=_hidden"}}, trusted).address ==
             "10.0.0.2");
  BOOST_TEST(resolve_client("10.0.0.2", {{"Forwarded", "for=203.0.113.9, proto=https"}}, trusted).address ==
             "10.0.0.2");
  BOOST_TEST(resolve_client("10.0.0.2", {{"Forwarded", ";;=;for"}}, trusted).address == "10.0.0.2");
}

BOOST_AUTO_TEST_SUITE_END()
