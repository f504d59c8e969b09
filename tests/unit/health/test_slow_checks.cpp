// The slow checks against a real store: publications counted from the published index, the cadence
// alert raised once per empty window (log + metric + warning), the holidays file re-read when it changes,
// the disk and map checks, and the loop that runs them.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <thread>

#include "daemon/health/checks.hpp"
#include "daemon/health/monitor.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using namespace std::chrono_literals;

namespace portald::health {
// For Boost.Test's messages.
std::ostream& operator<<(std::ostream& out, Status s) { return out << to_string(s); }
}  // namespace portald::health

namespace {

model::UnixTime at(std::string_view date, unsigned hour, unsigned minute = 0) {
  return model::UnixTime(*model::parse_iso_date(date)) * 86400 - model::kVietnamOffsetSeconds + hour * 3600 +
         minute * 60;
}

void publish(const store::Store& s, model::UnixTime when,
             model::ArticleStatus status = model::ArticleStatus::published) {
  model::Article a;
  a.title = "Tin " + std::to_string(when);
  a.slug = "tin";
  a.body_html = "<p>x</p>";
  a.category_id = 1;
  a.published_at = when;
  a.status = status;
  store::WriteTxn txn = s.write();
  store::put_article(txn, s.tables(), a);
  txn.commit();
}

health::CheckSettings settings(const std::filesystem::path& dir) {
  config::Config c;
  c.data_dir = dir;
  c.holidays_file = dir / "holidays";
  c.min_free_space = 0;
  return health::check_settings(c);
}

const health::CheckResult& find(const health::Report& r, const std::string& name) {
  for (const auto& c : r.checks)
    if (c.name == name) return c;
  throw std::runtime_error("no check " + name);
}

// The value of one exposition line ("name{labels} value") of the monitor's registry; 0 when absent.
double metric(const health::Monitor& monitor, const std::string& series) {
  const std::string text = monitor.metrics.render();
  const auto p = text.find("\n" + series + " ");
  return p == std::string::npos ? 0 : std::stod(text.substr(p + series.size() + 2));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(slow_checks)

BOOST_AUTO_TEST_CASE(publications_are_counted_in_half_open_intervals_and_drafts_do_not_count) {
  test::TempStore s;
  publish(s.store, at("2025-03-03", 7, 30));
  publish(s.store, at("2025-03-03", 9, 59));
  publish(s.store, at("2025-03-03", 10));
  publish(s.store, at("2025-03-03", 8), model::ArticleStatus::draft);
  BOOST_TEST(health::count_publications(s.store, at("2025-03-03", 7, 30), at("2025-03-03", 10)) == 2u);
  BOOST_TEST(health::count_publications(s.store, at("2025-03-03", 10), at("2025-03-03", 11)) == 1u);
  BOOST_TEST(health::count_publications(s.store, at("2025-03-02", 0), at("2025-03-03", 0)) == 0u);
  BOOST_TEST(health::count_publications(s.store, at("2025-03-04", 0), at("2025-03-03", 0)) == 0u);
}

BOOST_AUTO_TEST_CASE(an_empty_window_warns_once_when_it_closes) {
  test::TempStore s;
  publish(s.store, at("2025-03-03", 8));  // Monday morning; nothing in the afternoon
  health::Monitor monitor;
  health::SlowChecks checks(s.store, settings(s.dir.path), monitor);
  const std::string missed = "portald_cadence_missed_windows_total{window=\"afternoon\"}";
  BOOST_TEST(metric(monitor, missed) == 0);

  auto r = checks.run(at("2025-03-03", 15, 59));
  BOOST_TEST(find(r, "cadence").status == health::Status::ok);
  BOOST_TEST(find(r, "cadence").detail == "2025-03-03 Mon: morning 07:30-10:00 met (1), afternoon 13:30-16:00 open",
             find(r, "cadence").detail);
  r = checks.run(at("2025-03-03", 16));
  BOOST_TEST(find(r, "cadence").status == health::Status::warning);
  BOOST_TEST(find(r, "cadence").detail.find("afternoon 13:30-16:00 missed (0)") != std::string::npos);
  BOOST_TEST(r.any_warning());
  BOOST_TEST(metric(monitor, missed) == 1);
  BOOST_TEST(metric(monitor, "portald_cadence_window_state{window=\"afternoon\",state=\"missed\"}") == 1);
  checks.run(at("2025-03-03", 16, 1));
  BOOST_TEST(metric(monitor, missed) == 1);  // once per window, not per run

  r = checks.run(at("2025-03-04", 7));  // a new day: nothing missed yet
  BOOST_TEST(find(r, "cadence").status == health::Status::ok);
}

BOOST_AUTO_TEST_CASE(holidays_file_is_reread_when_it_changes) {
  test::TempStore s;
  health::Monitor monitor;
  health::SlowChecks checks(s.store, settings(s.dir.path), monitor);
  BOOST_TEST(find(checks.run(at("2025-04-30", 12)), "cadence").status == health::Status::warning);  // morning missed

  const auto file = test::write_file(s.dir.path, "holidays", "2025-04-30 Giải phóng miền Nam\n");
  BOOST_TEST(find(checks.run(at("2025-04-30", 12)), "cadence").detail == "2025-04-30 Wed: not a working day");

  test::write_file(s.dir.path, "holidays", "2025-04-30\nnot a date\n");
  std::filesystem::last_write_time(file, std::filesystem::last_write_time(file) + std::chrono::seconds(5));
  const auto c = find(checks.run(at("2025-04-30", 12)), "cadence");
  BOOST_TEST(c.status == health::Status::warning);  // a broken file is worth a warning of its own
  BOOST_TEST(c.detail.find("holidays:2: expected YYYY-MM-DD") != std::string::npos, c.detail);
}

BOOST_AUTO_TEST_CASE(cadence_off_when_there_are_no_working_days) {
  test::TempStore s;
  config::Config c;
  c.data_dir = s.dir.path;
  c.working_days.mask = 0;
  health::Monitor monitor;
  health::SlowChecks checks(s.store, health::check_settings(c), monitor);
  BOOST_TEST(find(checks.run(at("2025-03-03", 18)), "cadence").status == health::Status::unknown);
}

BOOST_AUTO_TEST_CASE(disk_map_and_reported_checks) {
  test::TempStore s;
  auto st = settings(s.dir.path);
  st.min_free_bytes = std::uint64_t(1) << 62;  // more than any disk has
  health::Monitor monitor;
  health::SlowChecks checks(s.store, st, monitor);
  monitor.hooks.watch_disk("missing", s.dir.path / "no-such-dir");
  auto r = checks.run(at("2025-03-08", 12));
  BOOST_TEST(find(r, "disk_data").status == health::Status::warning);
  BOOST_TEST(find(r, "disk_data").detail.find("below min-free-space") != std::string::npos);
  BOOST_TEST(find(r, "disk_missing").status == health::Status::warning);
  BOOST_TEST(find(r, "lmdb_map").status == health::Status::ok);
  BOOST_TEST(find(r, "memory").status == health::Status::ok);

  BOOST_TEST(find(r, "search_index").status == health::Status::unknown);  // nothing reported yet
  BOOST_TEST(find(r, "snapshot").status == health::Status::unknown);
  monitor.hooks.report_snapshot(at("2025-03-01", 2));
  monitor.hooks.report_index_lag(3, at("2025-03-08", 11, 50));
  r = checks.run(at("2025-03-08", 12));
  BOOST_TEST(find(r, "snapshot").status == health::Status::ok);
  BOOST_TEST(find(r, "search_index").status == health::Status::warning);  // 10 minutes behind
  r = checks.run(at("2025-03-10", 12));
  BOOST_TEST(find(r, "snapshot").status == health::Status::warning);  // 9 days old
  monitor.hooks.report_index_lag(0, 0);
  BOOST_TEST(find(checks.run(at("2025-03-10", 12)), "search_index").status == health::Status::ok);
  monitor.hooks.watch_disk("missing", s.dir.path);  // replaced, not added
  BOOST_TEST(find(checks.run(at("2025-03-10", 12)), "disk_missing").detail.find("no-such-dir") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_overdue_snapshot_warns_from_the_recorded_backup_state_alone) {
  // No /healthz request feeds the check here: the slow checks read what the backup job recorded.
  test::TempStore s;
  health::Monitor monitor;
  health::SlowChecks checks(s.store, settings(s.dir.path), monitor);
  const auto taken = at("2025-04-01", 3);
  store::update_backup_state(s.store, [&](model::BackupState& st) {
    st.last_snapshot = model::BackupOutcome{"portald-20250331-200000Z", taken, true, {}};
  });
  BOOST_TEST(find(checks.run(at("2025-04-02", 12)), "snapshot").status == health::Status::ok);
  const auto late = find(checks.run(at("2025-04-10", 12)), "snapshot");  // 9 days 9 hours later
  BOOST_TEST(late.status == health::Status::warning);
  BOOST_TEST(late.detail.find("225 h ago") != std::string::npos, late.detail);
}

BOOST_AUTO_TEST_CASE(periodic_tasks_run_at_most_every_their_period_and_a_failing_one_does_not_stop_the_checks) {
  // The daemon's compliance self-audit runs this way: first at once, then no more often than `every`.
  test::TempStore s;
  health::Monitor monitor;
  auto st = settings(s.dir.path);
  std::vector<model::UnixTime> runs;
  std::size_t windows_seen = 0;
  st.tasks.push_back({"counted", 300, [&](model::UnixTime now, const health::CadencePolicy& cadence) {
                        runs.push_back(now);
                        windows_seen = cadence.windows.size();
                      }});
  st.tasks.push_back(
      {"failing", 60, [](model::UnixTime, const health::CadencePolicy&) { throw std::runtime_error("boom"); }});
  health::SlowChecks checks(s.store, st, monitor);
  const auto t0 = at("2025-03-10", 12);
  for (const auto offset : {0, 60, 299, 300, 420, 600})
    BOOST_TEST(find(checks.run(t0 + offset), "cadence").name == "cadence");  // the checks go on
  BOOST_TEST(runs == (std::vector<model::UnixTime>{t0, t0 + 300, t0 + 600}), "runs");
  BOOST_TEST(windows_seen == 2u);  // the default morning and afternoon windows
}

BOOST_AUTO_TEST_CASE(the_loop_publishes_in_its_monitor_and_runs_again_on_news_from_the_indexer) {
  // The loop's first run comes before the indexer has reported; the next would be a minute later. News
  // (the first report, then catching up) wakes it, so /healthz tells the index's state within seconds.
  test::TempStore s;
  health::Monitor monitor;
  const auto index_detail = [&] {
    const auto r = monitor.checks.get();
    return r ? find(*r, "search_index").detail : std::string();
  };
  const auto eventually = [](const std::function<bool()>& pred) {
    for (int i = 0; i < 500 && !pred(); ++i) std::this_thread::sleep_for(10ms);
    return pred();
  };
  {
    const health::CheckLoop loop(s.store, settings(s.dir.path), monitor);
    BOOST_REQUIRE(eventually([&] { return monitor.checks.get() != nullptr; }));
    BOOST_TEST(find(*monitor.checks.get(), "search_index").status == health::Status::unknown);
    monitor.hooks.report_index_lag(26, model::now());  // a rebuild starts
    BOOST_TEST(eventually([&] { return index_detail().starts_with("26 changes pending"); }), index_detail());
    monitor.hooks.report_index_lag(0, 0);  // caught up
    BOOST_TEST(eventually([&] { return index_detail() == "0 changes pending, oldest 0 s"; }), index_detail());
    BOOST_TEST(find(*monitor.checks.get(), "search_index").status == health::Status::ok);
  }
  BOOST_TEST(!monitor.checks.get());  // withdrawn when the loop stops
}

BOOST_AUTO_TEST_SUITE_END()
