// The operations report (issue 13): backup outcomes and audit entries of the period only, what the
// store keeps (the newest of each kind) and nothing invented for what it does not.
#include <boost/test/unit_test.hpp>

#include "daemon/model/time.hpp"
#include "daemon/reports/operations_report.hpp"

using namespace portald;

namespace {

model::UnixTime at(std::string_view local) { return *model::parse_rfc3339(std::string(local) + ":00+07:00"); }
const model::UnixTime kFrom = at("2026-11-01T00:00"), kTo = at("2026-12-01T00:00");

model::AuditEntry entry(std::string_view local, std::string action, std::string to = {}) {
  return {.seq = 0,
          .at = at(local),
          .actor = "quantri",
          .action = std::move(action),
          .object = {},
          .from = {},
          .to = std::move(to),
          .reason = {},
          .address = {}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(operations_report)

BOOST_AUTO_TEST_CASE(backups_and_audit_entries_of_the_period) {
  model::BackupState b;
  b.last_snapshot = model::BackupOutcome{"portald-20261110", at("2026-11-10T02:00"), true, {}};
  b.last_attempt = model::BackupOutcome{"", at("2026-11-17T02:00"), false, "đĩa đầy"};
  b.last_drill = model::BackupOutcome{"portald-20261020", at("2026-10-21T03:00"), true, {}};
  b.verified["portald-20261020"] = {"portald-20261020", at("2026-10-20T04:00"), true, {}};
  b.verified["portald-20261103"] = {"portald-20261103", at("2026-11-03T04:00"), false, "chữ ký sai"};
  b.verified["portald-20261110"] = {"portald-20261110", at("2026-11-10T04:00"), true, {}};
  const std::vector<model::AuditEntry> audit{
      entry("2026-11-02T09:00", "login.failed"),
      entry("2026-11-02T09:01", "login.failed"),
      entry("2026-11-02T09:02", "login.totp-failed"),
      entry("2026-11-02T09:03", "login.limited"),
      entry("2026-10-31T23:59", "login.failed"),
      entry("2026-12-01T00:00", "login.limited"),
      entry("2026-11-20T21:00", "settings.maintenance", "on"),
      entry("2026-11-20T22:00", "settings.maintenance", "off"),
      entry("2026-11-05T10:00", "article.submit"),
      entry("2026-11-05T10:00", "some.future-action"),
  };
  const auto r = reports::operations_report(b, audit, kFrom, kTo);
  BOOST_REQUIRE(r.snapshot);
  BOOST_TEST(r.snapshot->snapshot == "portald-20261110");
  BOOST_REQUIRE(r.attempt);  // failed, in the period
  BOOST_TEST(r.attempt->message == "đĩa đầy");
  BOOST_TEST(!r.drill);  // October's
  BOOST_REQUIRE(r.last_drill_ever);
  BOOST_TEST(r.last_drill_ever->at == at("2026-10-21T03:00"));
  BOOST_REQUIRE_EQUAL(r.verified.size(), 2u);
  BOOST_TEST(r.verified[0].snapshot == "portald-20261103");  // oldest first
  BOOST_TEST(r.verified_ok == 1);
  BOOST_TEST(r.verified_failed == 1);
  BOOST_TEST(r.failed_logins == 3);
  BOOST_TEST(r.limited_logins == 1);
  BOOST_REQUIRE_EQUAL(r.maintenance.size(), 2u);
  BOOST_TEST(r.maintenance[0].to == "on");
}

BOOST_AUTO_TEST_CASE(a_successful_last_run_is_not_reported_as_a_failure_and_nothing_is_invented) {
  model::BackupState b;
  b.last_attempt = model::BackupOutcome{"portald-20261110", at("2026-11-10T02:00"), true, {}};
  const auto r = reports::operations_report(b, {}, kFrom, kTo);
  BOOST_TEST(!r.attempt);
  BOOST_TEST(!r.snapshot);
  BOOST_TEST(!r.last_snapshot_ever);
  BOOST_TEST(r.verified.empty());
  BOOST_TEST(r.failed_logins == 0);
  BOOST_TEST(r.maintenance.empty());
}

BOOST_AUTO_TEST_SUITE_END()
