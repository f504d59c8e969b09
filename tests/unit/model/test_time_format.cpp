#include <boost/test/unit_test.hpp>

#include "daemon/model/time.hpp"

using namespace portald::model;

BOOST_AUTO_TEST_SUITE(time_format)

BOOST_AUTO_TEST_CASE(rfc3339_with_offsets) {
  BOOST_TEST(*parse_rfc3339("1970-01-01T00:00:00Z") == 0);
  BOOST_TEST(*parse_rfc3339("1970-01-01T07:00:00+07:00") == 0);
  BOOST_TEST(*parse_rfc3339("2024-11-13T08:30:00+07:00") == 1731461400);
  BOOST_TEST(*parse_rfc3339("2024-11-13T08:30:00.123+07:00") == 1731461400);
  BOOST_TEST(*parse_rfc3339("2024-11-13T01:30:00-00:00") == 1731461400);
}

BOOST_AUTO_TEST_CASE(bad_times_are_refused) {
  for (const char* bad : {"2024-11-13", "2024-11-13T08:30:00", "2024-02-30T00:00:00Z", "2024-11-13T25:00:00Z",
                          "2024-11-13T08:30:00+7:00", "yesterday", "2024-11-13T08:30:00.Z", ""})
    BOOST_TEST(!parse_rfc3339(bad), bad);
}

BOOST_AUTO_TEST_CASE(iso_dates) {
  BOOST_TEST(*parse_iso_date("1970-01-02") == 1);
  BOOST_TEST(!parse_iso_date("2023-02-29"));
  BOOST_TEST(parse_iso_date("2024-02-29").has_value());
  BOOST_TEST(format_iso_date(*parse_iso_date("2024-02-29")) == "2024-02-29");
}

BOOST_AUTO_TEST_CASE(vietnamese_display_uses_utc_plus_7) {
  const auto t = *parse_rfc3339("2024-12-31T20:00:00Z");  // already 1 January in Vietnam
  BOOST_TEST(format_date_vn(t) == "01/01/2025");
  BOOST_TEST(format_datetime_vn(t) == "01/01/2025 03:00");
  BOOST_TEST(format_rfc3339(t) == "2025-01-01T03:00:00+07:00");
}

BOOST_AUTO_TEST_SUITE_END()
