// The backup and drill units as shipped: sandboxed (systemd-analyze security, offline), weekly,
// catching up after downtime, the drill ordered after the backup.
#include <boost/test/unit_test.hpp>

#include "tests/integration/backup/backup_fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace portald::test::backup_fixtures;

BOOST_AUTO_TEST_SUITE(backup_units)

BOOST_AUTO_TEST_CASE(services_are_sandboxed) {
  const fs::path analyze = "/usr/bin/systemd-analyze";
  if (!fs::exists(analyze)) {
    BOOST_TEST_MESSAGE("skipped: no systemd-analyze on this machine");
    return;
  }
  for (const char* unit : {"portald-backup.service", "portald-drill.service"}) {
    // --threshold is on a x10 scale: 10 = exposure at most 1.0 ("SAFE" ends at 0.9, measured 0.2).
    const auto r = test::run_command({analyze.string(), "security", "--offline=true", "--threshold=10",
                                      (test::source_dir() / "systemd" / unit).string()});
    BOOST_TEST(r.exit_code == 0, unit << ": " << r.out << r.err);
    BOOST_TEST(contains(r.out, "SAFE"), unit);
  }
}

BOOST_AUTO_TEST_CASE(timers_are_weekly_and_catch_up) {
  for (const char* timer : {"portald-backup.timer", "portald-drill.timer"}) {
    const auto text = read_bytes(test::source_dir() / "systemd" / timer);
    BOOST_TEST(contains(text, "OnCalendar=Sun "), timer);
    BOOST_TEST(contains(text, "Persistent=true"), timer);
    BOOST_TEST(contains(text, "WantedBy=timers.target"), timer);
  }
  const auto drill = read_bytes(test::source_dir() / "systemd/portald-drill.service");
  BOOST_TEST((contains(drill, "After=") && contains(drill, "portald-backup.service")));
  for (const char* unit : {"portald-backup.service", "portald-drill.service"}) {
    const auto text = read_bytes(test::source_dir() / "systemd" / unit);
    BOOST_TEST(contains(text, "LoadCredential=snapshot.pub:"), unit);  // keys reach the job, not the daemon
    BOOST_TEST(contains(text, "User=portald"), unit);
  }
  BOOST_TEST(contains(read_bytes(test::source_dir() / "systemd/portald-backup.service"),
                      "LoadCredential=snapshot.key:/etc/portald/keys/snapshot.key"));
  BOOST_TEST(
      !contains(read_bytes(test::source_dir() / "systemd/portald-drill.service"), "LoadCredential=snapshot.key"));
}

BOOST_AUTO_TEST_SUITE_END()
