// model::script_origin: the rule for emc_script_url and the source of the public pages' CSP (moved from
// the web layer so the site service checks settings with the same function the pages use).
#include <boost/test/unit_test.hpp>

#include "daemon/model/site_settings.hpp"

namespace model = portald::model;

BOOST_AUTO_TEST_SUITE(script_origin)

BOOST_AUTO_TEST_CASE(an_https_url_gives_its_origin) {
  BOOST_TEST(model::script_origin("https://emc.gov.vn/s.js?id=7").value_or("") == "https://emc.gov.vn");
  BOOST_TEST(model::script_origin("https://emc.gov.vn:8443").value_or("") == "https://emc.gov.vn:8443");
  BOOST_TEST(model::script_origin("https://emc.gov.vn#x").value_or("") == "https://emc.gov.vn");
}

BOOST_AUTO_TEST_CASE(anything_that_could_break_the_policy_is_refused) {
  for (const char* bad : {"", "http://emc.gov.vn/s.js", "https://", "https:///s.js", "https://a b/", "https://a;b/",
                          "https://a,b/", "https://a'b/", "https://a\"b/", "https://a<b/", "https://a\\b/",
                          "https://user@emc.gov.vn/", "https://emc.gov.vn/\n"})
    BOOST_CHECK_MESSAGE(!model::script_origin(bad).has_value(), bad);
  BOOST_TEST(!model::script_origin("https://emc.gov.vn/" + std::string(500, 'a')).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
