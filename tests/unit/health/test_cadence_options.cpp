// The config options of the cadence check: working days and windows parse, print back, and refuse bad
// values with a reason (so check-config catches them before the daemon starts).
#include <boost/test/unit_test.hpp>

#include "daemon/config/option_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

namespace {

std::string round_trip(const char* option, const char* text) {
  config::Config c;
  std::string why;
  const auto* o = config::find_option(option);
  BOOST_REQUIRE(o);
  if (!o->apply(c, text, &why)) return "error: " + why;
  return o->value_text(c);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cadence_options)

BOOST_AUTO_TEST_CASE(defaults_are_monday_to_friday_with_two_windows) {
  const config::Config c;
  BOOST_TEST(config::find_option("working-days")->value_text(c) == "mon-fri");
  BOOST_TEST(config::find_option("cadence-morning")->value_text(c) == "07:30-10:00");
  BOOST_TEST(config::find_option("cadence-afternoon")->value_text(c) == "13:30-16:00");
  BOOST_TEST(config::find_option("holidays-file")->value_text(c) == "/etc/portald/holidays");
  BOOST_TEST(config::find_option("min-free-space")->value_text(c) == "2G");
}

BOOST_AUTO_TEST_CASE(working_days_parse_and_print_in_shortest_form) {
  BOOST_TEST(round_trip("working-days", "mon-fri") == "mon-fri");
  BOOST_TEST(round_trip("working-days", "MON,Tue,wed,thu,fri,sat") == "mon-sat");
  BOOST_TEST(round_trip("working-days", "mon,wed") == "mon,wed");
  BOOST_TEST(round_trip("working-days", "mon-tue,sat-sun") == "mon,tue,sat,sun");
  BOOST_TEST(round_trip("working-days", "none") == "none");
  BOOST_TEST(round_trip("working-days", "fri-mon").find("error: expected day names") == 0);
  BOOST_TEST(round_trip("working-days", "thứ hai").find("error:") == 0);
  BOOST_TEST(round_trip("working-days", "mon,").find("error:") == 0);
}

BOOST_AUTO_TEST_CASE(windows_parse_and_must_run_forwards) {
  BOOST_TEST(round_trip("cadence-morning", "07:00-09:30") == "07:00-09:30");
  BOOST_TEST(round_trip("cadence-afternoon", "13:00-24:00") == "13:00-24:00");
  BOOST_TEST(round_trip("cadence-morning", "7:00-9:30").find("error: expected HH:MM-HH:MM") == 0);
  BOOST_TEST(round_trip("cadence-morning", "10:00-09:00").find("error: the window must end after it starts") == 0);
  BOOST_TEST(round_trip("cadence-morning", "24:30-25:00").find("error:") == 0);
  BOOST_TEST(round_trip("cadence-morning", "07:60-08:00").find("error:") == 0);
}

BOOST_AUTO_TEST_CASE(check_config_names_the_line_of_a_bad_window) {
  test::TempDir d;
  const auto f = test::write_file(d.path, "portald.conf", "working-days = mon-sat\ncadence-morning = 9h-10h\n");
  const auto errors = config::check_config_file(f);
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].find(":2: cadence-morning: expected HH:MM-HH:MM") != std::string::npos, errors[0]);
}

BOOST_AUTO_TEST_SUITE_END()
