// The device description of a session (issue 16): common browsers and systems named in Vietnamese, the
// browsers that also claim to be Chrome or Safari told apart, and nothing of the header itself kept.
#include <boost/test/unit_test.hpp>

#include "daemon/model/text.hpp"
#include "daemon/model/user_agent.hpp"

using portald::model::describe_device;

BOOST_AUTO_TEST_SUITE(user_agent)

BOOST_AUTO_TEST_CASE(common_browsers_and_systems) {
  BOOST_TEST(describe_device("Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "Chrome/124.0.0.0 Mobile Safari/537.36") == "Chrome trên Android");
  BOOST_TEST(describe_device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
                             "like Gecko) Version/17.4 Mobile/15E148 Safari/604.1") == "Safari trên iPhone");
  BOOST_TEST(describe_device("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0") ==
             "Firefox trên Windows");
  BOOST_TEST(describe_device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51") == "Edge trên Windows");
  BOOST_TEST(describe_device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "coc_coc_browser/123.0.198 Chrome/117.0.0.0 Safari/537.36") == "Cốc Cốc trên Windows");
  BOOST_TEST(describe_device("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like "
                             "Gecko) Version/17.4.1 Safari/605.1.15") == "Safari trên macOS");
  BOOST_TEST(describe_device("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "Chrome/124.0.0.0 Safari/537.36") == "Chrome trên Linux");
  BOOST_TEST(describe_device("Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                             "Gecko) CriOS/124.0 Mobile/15E148 Safari/604.1") == "Chrome trên iPad");
}

BOOST_AUTO_TEST_CASE(unknown_empty_and_hostile_headers) {
  BOOST_TEST(describe_device("") == "Không rõ thiết bị");
  BOOST_TEST(describe_device("   ") == "Không rõ thiết bị");
  BOOST_TEST(describe_device("Lynx/2.9.0") == "Trình duyệt khác trên hệ điều hành khác");
  // Markup or a huge header never comes through: only the tables' words do.
  const std::string hostile = "<script>alert(1)</script>" + std::string(100000, 'A') + " Firefox/1";
  const std::string d = describe_device(hostile);
  BOOST_TEST(d == "Trình duyệt khác trên hệ điều hành khác");  // the token past 512 bytes is not read
  BOOST_TEST(d.size() <= portald::model::kMaxDeviceText);
  BOOST_TEST(portald::model::to_nfc(d).value_or("") == d);
}

BOOST_AUTO_TEST_SUITE_END()
