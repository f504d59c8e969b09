// Rebuilding without downtime (issue 17): a rebuild writes a fresh directory beside the live index and
// switches with one rename; readers opened before keep answering, new ones find the new documents,
// the retired directory goes once unused, edits made during the rebuild reach the new index, and the
// layout of earlier versions (glass files directly in search/) keeps working and is left cleanly.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <thread>

#include "search/index_layout.hpp"
#include "tests/unit/search/search_fixture.hpp"

using namespace portald;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return pred();
}

std::uint64_t publish(test::TempStore& s, const std::string& title) {
  auto txn = s.store.write();
  const auto& t = s.store.tables();
  model::Article a;
  a.title = title;
  a.slug = model::slugify(title);
  a.body_html = "<p>" + title + "</p>";
  a.status = model::ArticleStatus::published;
  a.category_id = store::ensure_category(txn, t, "Thời sự");
  const auto id = store::put_article(txn, t, a);
  txn.commit();
  return id;
}

// What portaldctl reindex does: under the rebuild lock (a running indexer deletes unlocked leftovers),
// a fresh directory rebuilt from one snapshot (not yet switched to).
fs::path build_beside(test::TempStore& s, const fs::path& root) {
  std::optional<search::RebuildLock> lock;
  BOOST_REQUIRE(wait_until([&] { return lock.emplace(root).held(); }, 5s));
  const auto dir = search::fresh_index_dir(root);
  search::IndexWriter w(dir, search::IndexWriter::Mode::overwrite);
  BOOST_REQUIRE(w.rebuild(s.store, {}).completed);
  return dir;
}

Xapian::doccount matches(const Xapian::Database& db, const std::string& term) { return db.get_termfreq(term); }

std::size_t total(const search::SearchService& svc, const std::string& q) {
  search::SearchRequest r;
  r.q = q;
  const auto res = svc.search(r);
  return res ? res->total : 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(index_switch)

BOOST_AUTO_TEST_CASE(a_reader_opened_before_the_switch_still_answers_and_new_readers_see_the_new_index) {
  test::SearchFixture f;  // the old layout: glass files in search/ itself
  const fs::path root = f.dir;
  BOOST_REQUIRE(search::live_index(root) == root);
  const Xapian::Database before(root.string());
  const auto old_count = before.get_doccount();

  const auto id = publish(f.store, "Hội chợ nông sản Tây Nguyên");
  const auto fresh = build_beside(f.store, root);
  BOOST_TEST(fresh == root / "index-1");
  BOOST_TEST((search::live_index(root) == root));  // built, not yet live
  search::switch_live_index(root, fresh);
  BOOST_TEST((search::live_index(root) == fresh));

  // The reader opened before still answers from the old index.
  BOOST_TEST(before.get_doccount() == old_count);
  BOOST_TEST(matches(before, search::id_term(search::ItemKind::article, id)) == 0u);
  BOOST_TEST(matches(before, search::id_term(search::ItemKind::article, f.ids.at("dak_nong"))) == 1u);
  // A reader opened now sees the new one, through the stub Xapian follows.
  const Xapian::Database after(root.string());
  BOOST_TEST(after.get_doccount() == old_count + 1);
  BOOST_TEST(matches(after, search::id_term(search::ItemKind::article, id)) == 1u);

  // Retiring the old layout leaves only the stub, the rebuild lock and the live directory.
  search::remove_index(root, root);
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(root)) names.insert(e.path().filename().string());
  BOOST_TEST((names == std::set<std::string>{"XAPIANDB", "index-1", "rebuild.lock"}));
  BOOST_TEST(Xapian::Database(root.string()).get_doccount() == old_count + 1);

  // The next rebuild goes to index-2; removing index-1 then is allowed, the live one never is.
  const auto next = build_beside(f.store, root);
  BOOST_TEST(next == root / "index-2");
  search::switch_live_index(root, next);
  search::remove_index(root, next);
  BOOST_TEST(fs::exists(next));
  search::remove_index(root, fresh);
  BOOST_TEST(!fs::exists(fresh));
}

BOOST_AUTO_TEST_CASE(the_indexer_answers_from_the_old_index_during_its_rebuild_then_removes_it) {
  test::SearchFixture f;
  {
    // An index of an older format: complete and readable, but to be rebuilt.
    search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create);
    w.database().set_metadata(search::meta::format, "2");
    w.database().commit();
  }
  search::Indexer indexer(f.store.store, f.dir);
  const search::SearchService svc(f.dir, &indexer.status());
  // Searchable at once (the old index), long before the rebuild ends.
  BOOST_REQUIRE(wait_until([&] { return indexer.status().ready.load(); }, 5s));
  BOOST_TEST(total(svc, "dak nong") > 0u);
  BOOST_REQUIRE(wait_until([&] { return search::live_index(f.dir) == f.dir / "index-1"; }, 30s));
  BOOST_REQUIRE(
      wait_until([&] { return indexer.status().live() && indexer.status().live()->dir == f.dir / "index-1"; }, 5s));
  BOOST_TEST(total(svc, "dak nong") > 0u);  // this thread now reads index-1 and drops the old one
  // The old layout's files go once no reader holds them.
  BOOST_TEST(wait_until([&] { return !fs::exists(f.dir / "iamglass") && !fs::exists(f.dir / "postlist.glass"); }, 5s));
  BOOST_TEST(Xapian::Database(f.dir.string()).get_metadata(search::meta::format) ==
             std::to_string(search::kIndexFormat));
}

BOOST_AUTO_TEST_CASE(a_switch_made_beside_the_indexer_is_followed_with_the_edits_made_during_the_rebuild) {
  test::SearchFixture f;
  search::Indexer indexer(f.store.store, f.dir);
  const search::SearchService svc(f.dir, &indexer.status());
  BOOST_REQUIRE(wait_until([&] { return indexer.status().ready.load(); }, 10s));
  BOOST_TEST(total(svc, "dak nong") > 0u);

  // portaldctl reindex beside the daemon: a snapshot is indexed into index-1...
  const auto fresh = build_beside(f.store, f.dir);
  // ...an article is published before the switch (after the snapshot): the live index gets it...
  publish(f.store, "Lễ hội hoa dã quỳ Gia Lai");
  BOOST_REQUIRE(wait_until([&] { return total(svc, "hoa da quy") == 1u; }, 5s));
  // ...and after the switch the indexer follows index-1 from its snapshot's cursor, which applies it.
  search::switch_live_index(f.dir, fresh);
  BOOST_REQUIRE(wait_until([&] { return indexer.status().live() && indexer.status().live()->dir == fresh; }, 5s));
  BOOST_REQUIRE(wait_until([&] { return total(svc, "hoa da quy") == 1u; }, 5s));
  BOOST_TEST(total(svc, "dak nong") > 0u);
  // The old layout is gone once this thread (the only reader) has moved to index-1.
  BOOST_TEST(wait_until([&] { return !fs::exists(f.dir / "iamglass") && !fs::exists(f.dir / "postlist.glass"); }, 5s));
  BOOST_TEST(!indexer.health_problem());
}

BOOST_AUTO_TEST_CASE(only_one_rebuild_at_a_time) {
  test::TempDir dir;
  const search::RebuildLock first(dir.path / "search");
  BOOST_TEST(first.held());
  const search::RebuildLock second(dir.path / "search");  // another open file description: refused
  BOOST_TEST(!second.held());
}

BOOST_AUTO_TEST_CASE(leftovers_of_interrupted_rebuilds_are_removed_but_not_the_live_index) {
  test::SearchFixture f;
  const auto live = build_beside(f.store, f.dir);
  search::switch_live_index(f.dir, live);
  const auto interrupted = search::fresh_index_dir(f.dir);
  search::remove_leftovers(f.dir);
  BOOST_TEST(!fs::exists(interrupted));
  BOOST_TEST(fs::exists(live));
  BOOST_TEST(!fs::exists(f.dir / "iamglass"));  // the old layout's files, once not live
  BOOST_TEST(Xapian::Database(f.dir.string()).get_doccount() > 0u);
  BOOST_TEST(!search::live_index(f.dir / "nowhere"));
}

BOOST_AUTO_TEST_SUITE_END()
