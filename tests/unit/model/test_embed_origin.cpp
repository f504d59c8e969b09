#include <boost/test/unit_test.hpp>

#include "daemon/model/embed_origin.hpp"

using namespace portald::model;

BOOST_AUTO_TEST_SUITE(embed_origin)

BOOST_AUTO_TEST_CASE(an_allow_list_entry_is_an_https_origin_normalised) {
  BOOST_TEST(normalise_embed_origin("https://www.YouTube-nocookie.com").value() == "https://www.youtube-nocookie.com");
  BOOST_TEST(normalise_embed_origin("https://live.vtv.vn:8443").value() == "https://live.vtv.vn:8443");
  BOOST_TEST(normalise_embed_origin("https://live.vtv.vn:443").value() == "https://live.vtv.vn");
  BOOST_TEST(normalise_embed_origin("https://live.vtv.vn/").value() == "https://live.vtv.vn");
}

BOOST_AUTO_TEST_CASE(paths_wildcards_other_schemes_and_bad_hosts_are_refused) {
  for (const char* bad :
       {"http://live.vtv.vn", "https://live.vtv.vn/embed", "https://*.vtv.vn", "https://", "https://a@live.vtv.vn",
        "https://live.vtv.vn?x=1", "https://live.vtv.vn#x", "https://live.vtv.vn:0", "https://live.vtv.vn:70000",
        "https://live.vtv.vn:", "https://-x.vn", "https://x..vn", "https://x.vn.", "https://x vn",
        "javascript:alert(1)", "https://live.vtv.vn\\@evil.example", "https://l%69ve.vtv.vn", "live.vtv.vn"})
    BOOST_TEST(!normalise_embed_origin(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(a_list_splits_on_spaces_commas_and_lines_and_reports_what_it_refused) {
  const auto list = parse_embed_origins(" https://a.vn, https://b.vn:8443\nhttps://A.vn  https://c.vn/x ");
  BOOST_TEST(list.origins == (std::vector<std::string>{"https://a.vn", "https://b.vn:8443"}),
             boost::test_tools::per_element());
  BOOST_TEST(list.refused == (std::vector<std::string>{"https://c.vn/x"}), boost::test_tools::per_element());
  BOOST_TEST(parse_embed_origins("").origins.empty());
}

BOOST_AUTO_TEST_CASE(a_frame_url_is_allowed_only_on_a_listed_origin) {
  const EmbedPolicy policy{.frame_origins = {"https://www.youtube-nocookie.com", "https://live.vtv.vn:8443"}};
  BOOST_TEST(is_allowed_frame_url("https://www.youtube-nocookie.com/embed/abc?start=3", policy));
  BOOST_TEST(is_allowed_frame_url("HTTPS://WWW.youtube-nocookie.com:443/embed/abc", policy));
  BOOST_TEST(is_allowed_frame_url("https://live.vtv.vn:8443/kenh/1", policy));
  for (const char* bad : {"http://www.youtube-nocookie.com/embed/abc", "https://live.vtv.vn/kenh/1",
                          "https://www.youtube-nocookie.com@evil.example/", "https://evil.example/",
                          "https://www.youtube-nocookie.com.evil.example/", "//www.youtube-nocookie.com/embed/abc",
                          "https://www.youtube-nocookie.com\\.evil.example/", "https://www.youtube-nocookie.com /x",
                          "javascript:alert(1)", ""})
    BOOST_TEST(!is_allowed_frame_url(bad, policy), bad);
  BOOST_TEST(!is_allowed_frame_url("https://www.youtube-nocookie.com/embed/abc", EmbedPolicy{}));
}

BOOST_AUTO_TEST_CASE(frame_src_lists_exactly_the_origins_or_none) {
  BOOST_TEST(frame_src_sources(EmbedPolicy{}) == "'none'");
  BOOST_TEST(frame_src_sources(EmbedPolicy{.frame_origins = {"https://a.vn", "https://b.vn:8443"}}) ==
             "https://a.vn https://b.vn:8443");
  // Something that is not an origin never reaches the CSP, even if a caller built the policy by hand.
  BOOST_TEST(frame_src_sources(EmbedPolicy{.frame_origins = {"https://a.vn; script-src *"}}) == "'none'");
}

BOOST_AUTO_TEST_SUITE_END()
