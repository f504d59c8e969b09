// Audit retention through the real portaldctl (issue 16, Nghị định 53/2022): `backup` archives the entries
// older than audit-keep-months after its snapshot, the archive verifies with stock minisign and with
// `portaldctl audit verify`, and the entries are gone from the store, with audit.archive in their place.
#include <boost/test/unit_test.hpp>

#include "backup/audit_archive.hpp"
#include "daemon/store/audit_table.hpp"
#include "tests/integration/backup/backup_fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace portald::test::backup_fixtures;

namespace {

constexpr model::UnixTime kThreeYears = 3 * 366 * 86400;

struct Setup {
  test::TempDir dir;
  fs::path data = dir.path / "data", target = dir.path / "target", keydir = dir.path / "keys";
  std::vector<std::string> opts{"--backup-dir",        target.string(),
                                "--backup-key",        (keydir / "s.key").string(),
                                "--backup-public-key", (keydir / "s.pub").string()};
  Setup() {
    fs::create_directories(target);
    store::Store s(data, {.map_size = std::size_t(256) << 20, .create = true});
    fill_store(s, 3, 0);
    store::WriteTxn txn = s.write();
    const model::UnixTime old = model::now() - kThreeYears;
    for (int i = 0; i < 2; ++i)
      store::append_audit(txn, s.tables(),
                          {.seq = 0,
                           .at = old + i,
                           .actor = "cu",
                           .action = "login.ok",
                           .object = "user/cu",
                           .from = "",
                           .to = "",
                           .reason = "",
                           .address = "10.0.0.1"});
    store::append_audit(txn, s.tables(),
                        {.seq = 0,
                         .at = model::now(),
                         .actor = "moi",
                         .action = "login.ok",
                         .object = "user/moi",
                         .from = "",
                         .to = "",
                         .reason = "",
                         .address = "10.0.0.2"});
    txn.commit();
  }
  test::CommandResult ctl(std::vector<std::string> args) const {
    args.insert(args.begin(), opts.begin(), opts.end());
    return test::portaldctl(data, args);
  }
  std::vector<model::AuditEntry> log() const {
    const store::Store s(data, {.map_size = std::size_t(256) << 20, .create = false});
    const store::ReadTxn txn = s.read();
    return store::find_audit(txn, s.tables(), {}, 1000);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_retention)

BOOST_AUTO_TEST_CASE(backup_archives_the_old_entries_signed_and_removes_them) {
  Setup s;
  const auto before = s.log();
  const auto r = s.ctl({"backup"});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  BOOST_TEST(contains(r.out, "audit: archived 2 entries"), r.out);
  std::vector<fs::path> archives;
  for (const auto& e : fs::directory_iterator(s.target / "audit"))
    if (e.path().extension() == ".jsonl") archives.push_back(e.path());
  BOOST_TEST_REQUIRE(archives.size() == 1u);
  const auto& file = archives.front();
  const auto stock =
      test::run_command({"/usr/bin/minisign", "-Vm", file.string(), "-p", (s.keydir / "s.pub").string()});
  BOOST_TEST(stock.exit_code == 0, stock.err);
  BOOST_TEST(contains(stock.out, "entries:2"), stock.out);
  const auto ours = s.ctl({"audit", "verify", file.string()});
  BOOST_TEST(ours.exit_code == 0, ours.err);
  BOOST_TEST(contains(ours.out, "ok, 2 entries"), ours.out);
  const auto text = read_bytes(file);
  BOOST_TEST(contains(text, "\"actor\":\"cu\""));
  BOOST_TEST(!contains(text, "\"actor\":\"moi\""));
  // The store keeps the recent entry and names the archive; the old ones are gone.
  const auto after = s.log();
  BOOST_TEST(after.size() == before.size() - 2 + 1);
  BOOST_TEST(after.front().action == "audit.archive");
  BOOST_TEST(after.front().to == file.filename().string());
  for (const auto& e : after) BOOST_TEST(e.actor != "cu");
  // A second backup has nothing more to archive.
  const auto again = s.ctl({"backup"});
  BOOST_TEST(again.exit_code == 0, again.err);
  BOOST_TEST(contains(again.out, "audit: no entry older than"), again.out);
}

BOOST_AUTO_TEST_CASE(a_tampered_archive_fails_and_the_law_keeps_twelve_months) {
  Setup s;
  BOOST_TEST_REQUIRE(s.ctl({"backup"}).exit_code == 0);
  fs::path file;
  for (const auto& e : fs::directory_iterator(s.target / "audit"))
    if (e.path().extension() == ".jsonl") file = e.path();
  fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
  auto text = read_bytes(file);
  text[text.find("\"cu\"") + 1] = 'C';
  write_bytes(file, text);
  const auto bad = s.ctl({"audit", "verify", file.string()});
  BOOST_TEST(bad.exit_code == 1);
  BOOST_TEST(contains(bad.err, "BAD"), bad.err);
  const auto recent = s.ctl({"audit", "archive", "--before", "2099-01-01"});
  BOOST_TEST(recent.exit_code == 2);
  BOOST_TEST(contains(recent.err, "at least 12 months"), recent.err);
  BOOST_TEST(s.ctl({"audit", "archive", "--keep-months", "3"}).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(audit_keep_months_refuses_less_than_the_law) {
  Setup s;
  const auto r = s.ctl({"--audit-keep-months", "6", "audit", "archive"});
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(contains(r.err, "audit-keep-months"), r.err);
}

BOOST_AUTO_TEST_SUITE_END()
