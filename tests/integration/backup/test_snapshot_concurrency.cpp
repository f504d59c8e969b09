// Snapshots taken while writers commit are consistent: the copy holds whole transactions only, and the
// manifest's counts and change-log position describe exactly the copied state. Writers are held back
// only for the moment the copy needs to start.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <fstream>
#include <thread>

#include "backup/catalog.hpp"
#include "daemon/store/change_log.hpp"
#include "tests/integration/backup/backup_fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace portald::test::backup_fixtures;

namespace {

constexpr int kBatch = 10;

}  // namespace

BOOST_AUTO_TEST_SUITE(snapshot_concurrency)

BOOST_AUTO_TEST_CASE(snapshots_during_a_write_load_hold_whole_transactions) {
  Keys keys;
  test::TempDir dir;
  const auto data = dir.path / "data", target = dir.path / "target";
  fs::create_directories(target);
  store::Store s(data, {.map_size = std::size_t(256) << 20, .create = true});
  fill_store(s, 0, 4, 512 * 1024);  // some media so that a copy takes a while
  std::uint64_t category = 0, base_changes = 0;
  {
    auto txn = s.write();
    category = store::ensure_category(txn, s.tables(), "Thời sự");
    txn.commit();
    base_changes = store::latest_change(s.read(), s.tables());
  }
  std::atomic<bool> stop{false};
  std::atomic<int> commits{0};
  std::thread writer([&] {
    for (int n = 0; !stop; ++n) {
      auto txn = s.write();
      for (int k = 0; k < kBatch; ++k) {
        model::Article a;
        a.title = "Bài " + std::to_string(n) + "." + std::to_string(k);
        a.slug = "bai";
        a.body_html = "<p>x</p>";
        a.category_id = category;
        a.status = model::ArticleStatus::published;
        a.published_at = 1'700'000'000 + n;
        store::put_article(txn, s.tables(), a);
      }
      txn.commit();
      ++commits;
    }
  });
  while (commits < 5) std::this_thread::yield();
  std::vector<bk::SnapshotResult> snaps;
  int during = 0;
  for (int i = 0; i < 4; ++i) {
    const int before = commits;
    snaps.push_back(bk::create_snapshot(s, options(target, data, keys, i % 2 == 1)));
    during += commits - before;
  }
  stop = true;
  writer.join();
  BOOST_TEST_MESSAGE(during << " transactions committed while snapshots were being taken");
  for (const auto& snap : snaps) {
    BOOST_TEST_CONTEXT(snap.manifest.snapshot) {
      const auto enc = bk::load_encryption_key(keys.files.encryption_key);
      const auto& m = snap.manifest;
      const auto v = bk::verify_snapshot(snap.dir, {keys.public_key(), &enc}, dir.path);
      BOOST_TEST(v.ok, v.error);
      const auto articles = m.tables.at("articles");
      BOOST_TEST(articles % kBatch == 0u, "articles " << articles << " is not a whole number of transactions");
      BOOST_TEST(m.tables.at("articles_published") == articles);
      BOOST_TEST(m.change_seq == base_changes + articles);  // counts and change seq from the same state
      BOOST_TEST(m.tables.at("changes") == m.change_seq);
      BOOST_TEST(snap.writers_paused_ms < 2000.0);
    }
  }
  BOOST_TEST(snaps.back().manifest.tables.at("articles") > snaps.front().manifest.tables.at("articles"));
}

BOOST_AUTO_TEST_CASE(portaldctl_backup_during_an_import_in_another_process) {
  Keys keys;
  test::TempDir dir;
  const auto data = dir.path / "data", target = dir.path / "target";
  fs::create_directories(target);
  BOOST_REQUIRE_EQUAL(test::portaldctl(data, {"init"}).exit_code, 0);
  // 1000 articles from the sample corpus: the importer commits them 500 per transaction.
  std::ifstream corpus(test::shared_dir() / "corpus/articles.jsonl");
  std::ofstream out(dir.path / "a.jsonl");
  std::string line;
  for (int i = 0; i < 1000 && std::getline(corpus, line); ++i) out << line << "\n";
  out.close();
  const std::vector<std::string> opts{"--backup-key", keys.files.signing_key.string(), "--backup-public-key",
                                      keys.files.public_key.string()};
  std::atomic<bool> done{false};
  test::CommandResult import;
  std::thread importer([&] {
    import = test::portaldctl(data, {"import", "articles", (dir.path / "a.jsonl").string()});
    done = true;
  });
  int backups = 0;
  while (!done || backups == 0) {
    std::vector<std::string> args = opts;
    args.insert(args.end(), {"backup", "--to", target.string()});  // --to: no retention between runs
    const auto r = test::portaldctl(data, args);
    BOOST_TEST(r.exit_code == 0, r.err);
    ++backups;
  }
  importer.join();
  BOOST_TEST(import.exit_code == 0, import.err);
  const auto entries = bk::list_snapshots(target, keys.public_key());
  BOOST_TEST(entries.size() == static_cast<std::size_t>(backups));
  for (const auto& e : entries) {
    BOOST_TEST_CONTEXT(e.id) {
      BOOST_REQUIRE(e.manifest);
      const auto v = bk::verify_snapshot(e.dir, {keys.public_key(), nullptr}, dir.path);
      BOOST_TEST(v.ok, v.error);
      BOOST_TEST(e.manifest->tables.at("articles") % 500 == 0u);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
