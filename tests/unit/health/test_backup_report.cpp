// The /healthz "backup" object made from the recorded backup state (the admin status page shows the same).
#include <boost/test/unit_test.hpp>

#include "daemon/health/backup_report.hpp"

using namespace portald;
using model::BackupState;
using Outcome = model::BackupOutcome;

namespace {

constexpr model::UnixTime kNow = 1'800'000'000;
constexpr model::UnixTime kDay = 86400;

bool warns(const nlohmann::json& h, const std::string& part) {
  for (const auto& w : h["warnings"])
    if (w.get<std::string>().find(part) != std::string::npos) return true;
  return false;
}

BackupState healthy() {
  BackupState s;
  s.last_snapshot = Outcome{"portald-20270115-080000Z", kNow - 2 * kDay, true, ""};
  s.last_attempt = s.last_snapshot;
  s.last_drill = Outcome{"portald-20270115-080000Z", kNow - 2 * kDay + 3600, true, ""};
  s.verified[s.last_snapshot->snapshot] = *s.last_drill;
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_report)

BOOST_AUTO_TEST_CASE(nothing_recorded_is_a_warning) {
  const auto h = health::backup_report(BackupState{}, kNow);
  BOOST_TEST(h["state"] == "warning");
  BOOST_TEST(h["snapshot"].is_null());
  BOOST_TEST(warns(h, "no snapshot"));
  BOOST_TEST(warns(h, "no restore drill"));
}

BOOST_AUTO_TEST_CASE(recent_snapshot_and_drill_are_ok) {
  const auto h = health::backup_report(healthy(), kNow);
  BOOST_TEST(h["state"] == "ok", h.dump());
  BOOST_TEST(h["snapshot"]["id"] == "portald-20270115-080000Z");
  BOOST_TEST(h["snapshot"]["age_s"] == 2 * kDay);
  BOOST_TEST(h["snapshot"]["verified"] == true);
  BOOST_TEST(h["drill"]["ok"] == true);
  BOOST_TEST(h["warnings"].empty());
}

BOOST_AUTO_TEST_CASE(older_than_eight_days_or_failed_is_a_warning) {
  auto s = healthy();
  BOOST_TEST(health::backup_report(s, s.last_snapshot->at + 8 * kDay)["state"] == "ok");
  auto h = health::backup_report(s, s.last_snapshot->at + 8 * kDay + 1);
  BOOST_TEST(h["state"] == "warning");
  BOOST_TEST(warns(h, "newest snapshot is 8 days old"), h.dump());

  s = healthy();
  s.last_attempt = Outcome{"", kNow - 60, false, "backup target /srv/portald-snapshots does not exist"};
  h = health::backup_report(s, kNow);
  BOOST_TEST(h["state"] == "warning");
  BOOST_TEST(warns(h, "last backup failed: backup target /srv/portald-snapshots does not exist"), h.dump());
  BOOST_TEST(h["snapshot"]["id"] == "portald-20270115-080000Z");  // the newest good one is still shown

  s = healthy();
  s.last_drill->ok = false;
  s.last_drill->message = "3 difference(s)";
  BOOST_TEST(warns(health::backup_report(s, kNow), "last restore drill failed: 3 difference(s)"));
}

BOOST_AUTO_TEST_SUITE_END()
