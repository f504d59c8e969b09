// portaldctl settings set through the site service: the admin page's rule with the console's messages,
// and the audit entry with the actor "portaldctl" from "local".
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>

#include "daemon/cli/command.hpp"
#include "daemon/store/settings_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;

namespace {

// A data dir with an initialised store; the commands open it themselves (one environment per process
// at a time, so the test opens it only between commands).
struct Console {
  test::TempDir dir;
  config::Config config;
  std::ostringstream out, err;
  Console() {
    config.data_dir = dir.path;
    config.map_size = std::size_t(256) << 20;
    const store::Store created(dir.path, {.map_size = config.map_size, .create = true});
  }
  int run(int (*cmd)(cli::CommandContext&), std::vector<std::string> args) {
    out.str("");
    err.str("");
    cli::CommandContext c{config, std::move(args), out, err, false};
    return cmd(c);
  }
  store::Store open() const { return store::Store(dir.path, {.map_size = config.map_size}); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(settings_commands)

BOOST_AUTO_TEST_CASE(settings_set_saves_and_audits_as_portaldctl) {
  Console con;
  BOOST_TEST(con.run(cli::cmd_settings_set, {"licence", "99/GP-TTĐT"}) == 0);
  BOOST_TEST(con.out.str() == "licence = 99/GP-TTĐT\n");
  const auto s = con.open();
  {
    const store::ReadTxn txn = s.read();
    BOOST_TEST(store::get_site_settings(txn, s.tables()).licence == "99/GP-TTĐT");
  }
  const auto log = test::audit_entries(s);
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].action == "settings.site");
  BOOST_TEST(log[0].object == "settings/licence");
  BOOST_TEST(log[0].actor == "portaldctl");
  BOOST_TEST(log[0].address == "local");
  BOOST_TEST(log[0].to == "99/GP-TTĐT");
}

BOOST_AUTO_TEST_CASE(settings_set_refuses_what_the_admin_page_refuses) {
  Console con;
  BOOST_TEST(con.run(cli::cmd_settings_set, {"no_such_key", "x"}) == 2);
  BOOST_TEST(con.run(cli::cmd_settings_set, {"emc_script_url", "http://emc.example/x.js"}) == 1);
  BOOST_TEST(con.err.str() == "settings set: emc_script_url must be an https:// address\n");
  BOOST_TEST(con.run(cli::cmd_settings_set, {"logo_url", "javascript:x"}) == 1);
  BOOST_TEST(con.err.str() == "settings set: logo_url must be an http(s):// address or a path\n");
  BOOST_TEST(con.run(cli::cmd_settings_set, {"address", "\xff"}) == 1);
  BOOST_TEST(con.err.str() == "settings set: the value is not valid UTF-8\n");
  BOOST_TEST(con.run(cli::cmd_settings_set, {"portal_name", ""}) == 1);
  BOOST_TEST(con.err.str() == "settings set: portal_name must not be empty\n");
  BOOST_TEST(test::audit_entries(con.open()).empty());
}

BOOST_AUTO_TEST_CASE(settings_show_prints_every_key) {
  Console con;
  BOOST_TEST(con.run(cli::cmd_settings_show, {}) == 0);
  const std::string shown = con.out.str();
  BOOST_TEST(shown.starts_with("portal_name = Cổng thông tin điện tử\n"));
  BOOST_TEST(std::count(shown.begin(), shown.end(), '\n') == 25);  // show_intake_form is the 25th
  BOOST_TEST(shown.find("emc_script_url = \n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
