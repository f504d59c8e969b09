// The daemon's indexer thread: builds a missing index in the background, makes a publish searchable
// (and an unpublish disappear) within a second, waits politely for a lock held elsewhere, rebuilds
// unreadable files, and reports its health.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "daemon/store/codec.hpp"
#include "tests/unit/search/search_fixture.hpp"

using namespace portald;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// A store with the fixture corpus and no index yet.
struct StoreOnly {
  test::TempStore store;
  std::filesystem::path dir = search::index_dir(store.dir.path);
  StoreOnly() {
    auto txn = store.store.write();
    const auto& t = store.store.tables();
    for (const auto& f : test::fixture_articles()) {
      model::Article a;
      a.title = f.title;
      a.slug = model::slugify(f.title);
      a.body_html = f.body;
      a.category_id = store::ensure_category(txn, t, f.category);
      a.agency_id = store::ensure_agency(txn, t, f.agency);
      a.status = model::ArticleStatus::published;
      a.published_at = f.published_at;
      store::put_article(txn, t, a);
    }
    txn.commit();
  }
};

bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return pred();
}

std::uint64_t publish(test::TempStore& s, const std::string& title, model::ArticleStatus status, std::uint64_t id = 0) {
  auto txn = s.store.write();
  const auto& t = s.store.tables();
  model::Article a;
  if (id) a = *store::get_article(txn, t, id);
  a.title = title;
  a.slug = "bai";
  a.body_html = "<p>" + title + "</p>";
  a.status = status;
  a.category_id = store::ensure_category(txn, t, "Thời sự");
  id = store::put_article(txn, t, a);
  txn.commit();
  return id;
}

std::size_t total(search::SearchService& svc, const std::string& q) {
  search::SearchRequest r;
  r.q = q;
  const auto res = svc.search(r);
  return res ? res->total : 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(indexer_thread)

BOOST_AUTO_TEST_CASE(builds_a_missing_index_then_publish_is_searchable_within_a_second) {
  StoreOnly s;
  search::Indexer indexer(s.store.store, s.dir);
  search::SearchService svc(s.dir, &indexer.status());
  BOOST_REQUIRE(wait_until([&] { return indexer.status().ready.load(); }, 20s));
  BOOST_TEST(!indexer.health_problem());
  BOOST_TEST(total(svc, "nong nghiep cong nghe cao") == 1u);

  const auto t0 = Clock::now();
  const auto id = publish(s.store, "Khai mạc lễ hội cà phê Buôn Ma Thuột", model::ArticleStatus::published);
  BOOST_REQUIRE(wait_until([&] { return total(svc, "le hoi ca phe") == 1u; }, 5s));
  const auto found_after = Clock::now() - t0;
  BOOST_TEST_MESSAGE(
      "publish -> searchable: " << std::chrono::duration_cast<std::chrono::milliseconds>(found_after).count() << " ms");
  BOOST_TEST((found_after < 1s));

  const auto t1 = Clock::now();
  publish(s.store, "Khai mạc lễ hội cà phê Buôn Ma Thuột", model::ArticleStatus::draft, id);
  BOOST_REQUIRE(wait_until([&] { return total(svc, "le hoi ca phe") == 0u; }, 5s));
  BOOST_TEST((Clock::now() - t1 < 1s));
  BOOST_TEST(indexer.describe().empty());
}

BOOST_AUTO_TEST_CASE(reports_its_lag_during_a_rebuild_and_after_each_pass) {
  StoreOnly s;
  std::mutex mutex;
  std::vector<std::pair<std::uint64_t, model::UnixTime>> reports;  // guarded by mutex
  const auto last = [&] {
    const std::lock_guard lock(mutex);
    return reports.empty() ? std::pair<std::uint64_t, model::UnixTime>{~0ull, 0} : reports.back();
  };
  const model::UnixTime start = model::now();
  search::Indexer indexer(s.store.store, s.dir,
                          {.poll = 50ms, .report_lag = [&](std::uint64_t pending, model::UnixTime oldest_at) {
                             const std::lock_guard lock(mutex);
                             reports.emplace_back(pending, oldest_at);
                           }});
  BOOST_REQUIRE(wait_until([&] { return indexer.status().ready.load() && last().first == 0; }, 20s));
  {
    // The rebuild reported the whole log as pending, first seen when it started.
    const std::lock_guard lock(mutex);
    BOOST_REQUIRE(!reports.empty());
    BOOST_TEST(reports.front().first >= test::fixture_articles().size());
    BOOST_TEST(reports.front().second >= start);
  }
  BOOST_TEST(last().second == 0);  // caught up: no time
  publish(s.store, "Tin mới", model::ArticleStatus::published);
  const std::size_t before = [&] {
    const std::lock_guard lock(mutex);
    return reports.size();
  }();
  // The indexer reports while idle too, and stays caught up after the publish.
  BOOST_TEST(wait_until(
      [&] {
        const std::lock_guard lock(mutex);
        return reports.size() > before + 2;
      },
      5s));
  BOOST_TEST(wait_until([&] { return last().first == 0; }, 5s));
}

BOOST_AUTO_TEST_CASE(waits_while_another_process_holds_the_lock) {
  StoreOnly s;
  auto holder = std::make_unique<search::IndexWriter>(s.dir, search::IndexWriter::Mode::open_or_create);
  search::Indexer indexer(s.store.store, s.dir);
  search::SearchService svc(s.dir, &indexer.status());
  BOOST_REQUIRE(
      wait_until([&] { return indexer.status().phase.load() == search::IndexStatus::Phase::waiting_for_lock; }, 5s));
  BOOST_TEST(!indexer.status().ready.load());
  BOOST_TEST(!svc.search({}));  // unavailable, not an error
  BOOST_TEST(!svc.complete("dak"));
  BOOST_TEST(!indexer.health_problem());  // waiting is healthy: the site keeps serving
  BOOST_TEST(indexer.describe().find("locked") != std::string::npos);
  holder.reset();
  BOOST_REQUIRE(wait_until([&] { return indexer.status().ready.load(); }, 20s));
  BOOST_TEST(total(svc, "nong nghiep cong nghe cao") == 1u);
}

BOOST_AUTO_TEST_CASE(rebuilds_an_unreadable_index) {
  StoreOnly s;
  {
    search::IndexWriter w(s.dir, search::IndexWriter::Mode::overwrite);
    w.rebuild(s.store.store, {});
  }
  for (const auto& e : std::filesystem::directory_iterator(s.dir))
    if (e.path().extension() == ".glass") std::ofstream(e.path(), std::ios::trunc) << "garbage";
  search::Indexer indexer(s.store.store, s.dir);
  search::SearchService svc(s.dir, &indexer.status());
  BOOST_REQUIRE(wait_until([&] { return indexer.status().ready.load(); }, 20s));
  BOOST_TEST(total(svc, "nong nghiep cong nghe cao") == 1u);
}

BOOST_AUTO_TEST_CASE(catches_up_from_its_cursor_on_start) {
  StoreOnly s;
  {
    search::IndexWriter w(s.dir, search::IndexWriter::Mode::overwrite);
    BOOST_REQUIRE(w.rebuild(s.store.store, {}).completed);
  }
  // Written while no indexer ran: found after start without a rebuild.
  publish(s.store, "Hội thi nấu ăn ngon", model::ArticleStatus::published);
  search::Indexer indexer(s.store.store, s.dir);
  search::SearchService svc(s.dir, &indexer.status());
  BOOST_REQUIRE(wait_until([&] { return total(svc, "hoi thi nau an") == 1u; }, 5s));
  BOOST_TEST(indexer.status().rebuild_total.load() == 0u);
}

BOOST_AUTO_TEST_CASE(answers_are_cached_until_the_next_commit) {
  test::SearchFixture f;
  search::SearchRequest r;
  r.q = "dak nong";
  const auto first = f.service->search(r);
  const auto second = f.service->search(r);
  BOOST_TEST(first.get() == second.get());  // the same cached answer
  BOOST_TEST(f.service->cache_hits() >= 1u);
  {
    auto txn = f.store.store.write();
    model::Article a;
    a.title = "Đắk Nông đón khách du lịch";
    a.slug = "dak-nong";
    a.status = model::ArticleStatus::published;
    a.category_id = store::ensure_category(txn, f.store.store.tables(), "Thời sự");
    store::put_article(txn, f.store.store.tables(), a);
    txn.commit();
  }
  f.follow();  // a commit: the cache is emptied
  const auto third = f.service->search(r);
  BOOST_TEST(third.get() != first.get());
  BOOST_TEST(third->total == first->total + 1);
}

BOOST_AUTO_TEST_SUITE_END()
