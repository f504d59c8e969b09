// Restore with the real daemon around it (refused while it runs, then it serves the restored store),
// the restore drill's comparison with the live store, and /healthz reporting both.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "backup/drill.hpp"
#include "backup/restore.hpp"
#include "daemon/health/backup_report.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "tests/integration/backup/backup_fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace portald::test::backup_fixtures;

namespace {

struct Setup {
  test::TempDir dir;
  fs::path data = dir.path / "data", target = dir.path / "target", keydir = dir.path / "keys";
  std::vector<std::string> opts{"--backup-dir",        target.string(),
                                "--backup-key",        (keydir / "s.key").string(),
                                "--backup-public-key", (keydir / "s.pub").string()};
  Setup(int articles = 12) {
    fs::create_directories(target);
    store::Store s(data, {.map_size = std::size_t(256) << 20, .create = true});
    fill_store(s, articles, 1);
  }
  test::CommandResult ctl(std::vector<std::string> args) const {
    args.insert(args.begin(), opts.begin(), opts.end());
    return test::portaldctl(data, args);
  }
  bk::DrillOptions drill_options() const {
    return {target, dir.path, {bk::load_public_key(keydir / "s.pub"), nullptr}};
  }
};

const bk::TableComparison& table(const bk::DrillReport& r, const std::string& name) {
  for (const auto& t : r.tables)
    if (t.table == name) return t;
  throw std::runtime_error("no table " + name + " in the drill report");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(restore_drill)

BOOST_AUTO_TEST_CASE(restore_is_refused_while_the_daemon_runs_and_works_once_it_is_stopped) {
  Setup s;
  BOOST_REQUIRE_EQUAL(s.ctl({"backup"}).exit_code, 0);
  {
    test::RunningDaemon daemon(s.data);
    // The daemon's own index, which the restore keeps.
    for (int i = 0; i < 600 && daemon.get("/api/v1/search?q=x").status != 200; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto r = s.ctl({"restore", "latest"});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(contains(r.err, "is open in process " + std::to_string(daemon.pid())), r.err);
    BOOST_TEST(contains(r.err, "stop it first"), r.err);
    BOOST_TEST(contains(r.err, "Nothing was changed"), r.err);
    BOOST_TEST(fs::exists(s.data / "search"));
    BOOST_TEST(daemon.get("/healthz").status == 200);
    BOOST_TEST(daemon.stop() == 0);
  }
  const auto r = s.ctl({"restore", "latest"});
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(contains(r.out, "previous store is kept in " + (s.data / "store.before-restore-").string()), r.out);
  // The index stays: the daemon answers from it while it rebuilds one for the restored store beside it.
  BOOST_TEST(contains(r.out, "search index is kept"), r.out);
  BOOST_TEST(fs::exists(s.data / "search"));
  for (const auto& e : fs::directory_iterator(s.data))
    BOOST_TEST(!e.path().filename().string().starts_with(".restore-"));
  // The daemon starts on the restored store and serves it.
  test::RunningDaemon daemon(s.data);
  const auto health = daemon.get("/healthz");
  BOOST_TEST(health.status == 200);
  BOOST_TEST(nlohmann::json::parse(health.body)["published_articles"] == 12);
  bool searchable = false;
  for (int i = 0; i < 600 && !searchable; ++i) {
    searchable = daemon.get("/api/v1/search?q=x").status == 200;
    if (!searchable) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  BOOST_TEST(searchable);
}

BOOST_AUTO_TEST_CASE(drill_passes_when_the_live_store_only_moved_on) {
  Setup s;
  BOOST_REQUIRE_EQUAL(s.ctl({"backup"}).exit_code, 0);
  store::Store live(s.data, {.map_size = std::size_t(256) << 20, .create = false});
  fill_store(live, 3, 1);  // new articles, media, and an updated settings record after the snapshot
  {
    auto txn = live.write();
    auto a = *store::get_article(txn, live.tables(), 1);
    a.title = "Đã sửa sau khi sao lưu";
    store::put_article(txn, live.tables(), a);
    txn.commit();
  }
  const auto report = bk::run_drill(&live, s.drill_options());
  BOOST_TEST(report.ok, report.text());
  const auto& articles = table(report, "articles");
  BOOST_TEST(articles.identical == 11u);
  BOOST_TEST(articles.changed_since == 4u);  // article 1 edited + 3 new ones
  BOOST_TEST(table(report, "settings").mode == "whole table");
  BOOST_TEST(table(report, "media").identical == 1u);
  BOOST_TEST(table(report, "changes").identical == report.manifest->change_seq);
  BOOST_TEST(contains(report.text(), "result:       PASSED"));
}

BOOST_AUTO_TEST_CASE(drill_catches_a_record_that_changed_without_a_trace) {
  Setup s;
  BOOST_REQUIRE_EQUAL(s.ctl({"backup"}).exit_code, 0);
  store::Store live(s.data, {.map_size = std::size_t(256) << 20, .create = false});
  {
    // A write that bypasses the change log (a bug, or tampering): the snapshot no longer matches.
    auto txn = live.write();
    const std::string key = store::be64(2);
    std::string value(*txn.get(live.tables().articles, key));
    const std::string was = "số 1";
    value.replace(value.find(was), was.size(), "số X");
    txn.put(live.tables().articles, key, value);
    txn.del(live.tables().media, store::be64(1));
    txn.commit();
  }
  const auto report = bk::run_drill(&live, s.drill_options());
  BOOST_TEST(!report.ok);
  BOOST_TEST(contains(report.error, "2 difference(s)"), report.error);
  const auto text = report.text();
  BOOST_TEST(contains(text, "problem: articles id 2: differs from the live store"), text);
  BOOST_TEST(contains(text, "problem: media id 1: in the snapshot but missing from the live store"), text);
  BOOST_TEST(contains(text, "result:       FAILED"), text);
}

BOOST_AUTO_TEST_CASE(drill_without_a_snapshot_fails_with_a_reason) {
  Setup s;
  fs::create_directories(s.keydir);
  bk::create_missing_keys({s.keydir / "s.key", s.keydir / "s.pub", s.keydir / "e.key"}, false);
  const auto report = bk::run_drill(nullptr, s.drill_options());
  BOOST_TEST(!report.ok);
  BOOST_TEST(contains(report.error, "no snapshot in " + s.target.string()), report.error);
}

BOOST_AUTO_TEST_CASE(healthz_reports_snapshot_and_drill_age_and_state) {
  Setup s;
  {
    test::RunningDaemon daemon(s.data);
    const auto before = nlohmann::json::parse(daemon.get("/healthz").body);
    BOOST_TEST(before["backup"]["state"] == "warning");
    BOOST_TEST(before["backup"]["snapshot"].is_null());
    // Backup and drill while the daemon serves.
    const auto b = s.ctl({"backup"});
    BOOST_REQUIRE_MESSAGE(b.exit_code == 0, b.err);
    const auto d = s.ctl({"backup", "drill", "--scratch", s.dir.path.string()});
    BOOST_REQUIRE_MESSAGE(d.exit_code == 0, d.out << d.err);
    const auto after = nlohmann::json::parse(daemon.get("/healthz").body);
    BOOST_TEST(after["backup"]["state"] == "ok", after.dump());
    BOOST_TEST(after["backup"]["snapshot"]["id"].get<std::string>().starts_with("portald-"));
    BOOST_TEST(after["backup"]["snapshot"]["verified"] == true);
    BOOST_TEST(after["backup"]["drill"]["ok"] == true);
    BOOST_TEST(after["status"] == "ok");
  }
  {
    // Nine days later (the state says so): a warning, still HTTP 200 so the watchdog is not involved.
    store::Store live(s.data, {.map_size = std::size_t(256) << 20, .create = false});
    store::update_backup_state(live, [](model::BackupState& st) {
      st.last_snapshot->at -= 9 * 86400;
      st.last_drill->at -= 9 * 86400;
    });
  }
  test::RunningDaemon daemon(s.data);
  const auto res = daemon.get("/healthz");
  BOOST_TEST(res.status == 200);
  const auto late = nlohmann::json::parse(res.body);
  BOOST_TEST(late["backup"]["state"] == "warning");
  BOOST_TEST(late["backup"]["warnings"][0].get<std::string>().starts_with("newest snapshot is 9 days old"),
             late.dump());
}

BOOST_AUTO_TEST_CASE(a_failed_backup_is_recorded_for_healthz) {
  Setup s;
  const auto r = test::portaldctl(
      s.data, {"--backup-dir", (s.dir.path / "unplugged").string(), "--backup-key", (s.keydir / "s.key").string(),
               "--backup-public-key", (s.keydir / "s.pub").string(), "backup"});
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(contains(r.err, "does not exist (is the external disk mounted?"), r.err);
  store::Store live(s.data, {.map_size = std::size_t(256) << 20, .create = false});
  const auto state = store::get_backup_state(live.read(), live.tables());
  BOOST_REQUIRE(state.last_attempt);
  BOOST_TEST(!state.last_attempt->ok);
  const auto h = health::backup_report(state, model::now());
  BOOST_TEST(contains(h["warnings"].dump(), "last backup failed: backup target"), h.dump());
}

BOOST_AUTO_TEST_SUITE_END()
