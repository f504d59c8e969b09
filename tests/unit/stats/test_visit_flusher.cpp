// The flusher: pending views go to the "visits" table in one write transaction, objects named by slug
// are resolved to ids, counts add up across flushes, and a stopped flusher writes what was left.
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "daemon/stats/visit_flusher.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "daemon/store/visit_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using K = model::VisitKind;

namespace {

constexpr const char* kFirefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
constexpr model::UnixTime kMorning = 1'796'266'800;  // 2026-12-03 10:00 in Vietnam
constexpr std::int32_t kDay = 20'790;

// LMDB numbers every committed write transaction: the difference counts the flusher's commits.
std::size_t last_txn_id(const store::Store& s) {
  MDB_envinfo info{};
  mdb_env_info(s.env().get(), &info);
  return info.me_last_txnid;
}

struct Site {
  test::TempStore s;
  std::uint64_t category = 0;
  std::uint64_t topic = 0;
  Site() {
    auto txn = s.store.write();
    category = store::ensure_category(txn, s.store.tables(), "Kinh tế");
    model::Topic tp;
    tp.slug = "chuyen-doi-so";
    tp.name = "Chuyển đổi số";
    topic = store::put_topic(txn, s.store.tables(), tp);
    txn.commit();
  }
  std::string category_slug() {
    const auto txn = s.store.read();
    return store::get_category(txn, s.store.tables(), category)->slug;
  }
  std::uint64_t on(K kind, std::uint64_t id = 0, std::int32_t day = kDay) {
    const auto txn = s.store.read();
    return store::visits_on(txn, s.store.tables(), kind, day, id);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(visit_flusher)

BOOST_AUTO_TEST_CASE(a_flush_writes_every_pending_view_in_one_transaction) {
  Site site;
  stats::VisitCounter c;
  c.record(K::article, "7", "192.0.2.1", kFirefox, kMorning);
  c.record(K::article, "7", "192.0.2.2", kFirefox, kMorning);
  c.record(K::document, "3", "192.0.2.3", kFirefox, kMorning);
  c.record(K::category, site.category_slug(), "192.0.2.4", kFirefox, kMorning);
  c.record(K::topic, "chuyen-doi-so", "192.0.2.5", kFirefox, kMorning);
  c.record(K::article, "7", "192.0.2.6", "Googlebot/2.1", kMorning);
  std::uint64_t change_before = 0;
  {
    const auto txn = site.s.store.read();
    change_before = store::latest_change(txn, site.s.store.tables());
  }
  const auto before = last_txn_id(site.s.store);
  const auto r = stats::flush_visits(site.s.store, c, kMorning);
  BOOST_TEST(last_txn_id(site.s.store) == before + 1);
  BOOST_TEST(r.dropped == 0u);
  BOOST_TEST(site.on(K::site) == 5u);
  BOOST_TEST(site.on(K::bot) == 1u);
  BOOST_TEST(site.on(K::article, 7) == 2u);
  BOOST_TEST(site.on(K::document, 3) == 1u);
  BOOST_TEST(site.on(K::category, site.category) == 1u);
  BOOST_TEST(site.on(K::topic, site.topic) == 1u);
  // Counting never moves the change log: the page cache stays valid.
  const auto txn = site.s.store.read();
  BOOST_TEST(store::latest_change(txn, site.s.store.tables()) == change_before);
  // The counter knows the stored figures for the footer.
  BOOST_TEST(c.figures(kMorning).today == 5u);
  BOOST_TEST(c.figures(kMorning).total == 5u);
}

BOOST_AUTO_TEST_CASE(nothing_pending_writes_nothing) {
  Site site;
  stats::VisitCounter c;
  const auto before = last_txn_id(site.s.store);
  stats::flush_visits(site.s.store, c, kMorning);
  BOOST_TEST(last_txn_id(site.s.store) == before);
}

BOOST_AUTO_TEST_CASE(counts_add_up_across_flushes_and_days) {
  Site site;
  stats::VisitCounter c;
  c.record(K::article, "7", "192.0.2.1", kFirefox, kMorning);
  stats::flush_visits(site.s.store, c, kMorning);
  c.record(K::article, "7", "192.0.2.1", kFirefox, kMorning + 60);
  c.record(K::article, "7", "192.0.2.1", kFirefox, kMorning + 86400);
  stats::flush_visits(site.s.store, c, kMorning + 86400);
  BOOST_TEST(site.on(K::article, 7) == 2u);
  BOOST_TEST(site.on(K::article, 7, kDay + 1) == 1u);
  const auto txn = site.s.store.read();
  const auto& t = site.s.store.tables();
  BOOST_TEST(store::visits_ever(txn, t, K::site) == 3u);
  BOOST_TEST(store::visits_between(txn, t, K::article, kDay, kDay + 1).at(7) == 3u);
  BOOST_TEST(store::visits_between(txn, t, K::article, kDay + 1, kDay + 5).at(7) == 1u);
  const auto per_day = store::visits_per_day(txn, t, K::site, kDay - 3, kDay + 3);
  BOOST_TEST(per_day.size() == 2u);
  BOOST_TEST(per_day.at(kDay) == 2u);
  BOOST_TEST(c.figures(kMorning + 86400).today == 1u);
  BOOST_TEST(c.figures(kMorning + 86400).total == 3u);
}

BOOST_AUTO_TEST_CASE(the_most_visited_are_ranked_by_views_over_the_days_asked_then_by_id) {
  test::TempStore s;
  {
    auto txn = s.store.write();
    store::add_visits(txn, s.store.tables(),
                      {{K::article, kDay, 5, 2},
                       {K::article, kDay, 9, 4},
                       {K::article, kDay - 1, 5, 3},
                       {K::article, kDay, 3, 5},
                       {K::article, kDay - 9, 8, 100},
                       {K::document, kDay, 1, 50}});
    txn.commit();
  }
  const auto txn = s.store.read();
  using Ranked = std::vector<std::pair<std::uint64_t, std::uint64_t>>;
  // 5 has 2 + 3 = 5 views, as many as 3: the lower id comes first; 8's views are outside the days.
  BOOST_TEST(
      (store::most_visited(txn, s.store.tables(), K::article, kDay - 6, kDay, 10) == Ranked{{3, 5}, {5, 5}, {9, 4}}));
  BOOST_TEST((store::most_visited(txn, s.store.tables(), K::article, kDay - 6, kDay, 2) == Ranked{{3, 5}, {5, 5}}));
  BOOST_TEST(
      (store::most_visited(txn, s.store.tables(), K::article, kDay, kDay, 10) == Ranked{{3, 5}, {9, 4}, {5, 2}}));
}

BOOST_AUTO_TEST_CASE(views_of_an_unknown_slug_are_dropped_but_stay_in_the_site_total) {
  Site site;
  stats::VisitCounter c;
  c.record(K::category, "khong-co", "192.0.2.1", kFirefox, kMorning);
  const auto r = stats::flush_visits(site.s.store, c, kMorning);
  BOOST_TEST(r.dropped == 1u);
  BOOST_TEST(site.on(K::site) == 1u);
  const auto txn = site.s.store.read();
  BOOST_TEST(store::visits_between(txn, site.s.store.tables(), K::category, kDay, kDay).empty());
}

BOOST_AUTO_TEST_CASE(a_stopped_flusher_writes_what_was_left) {
  Site site;
  stats::VisitCounter c;
  const auto today = model::vietnam_day(model::now());
  {
    const stats::VisitFlusher flusher(site.s.store, c, std::chrono::hours(1));
    c.record(K::article, "9", "192.0.2.1", kFirefox, model::now());
  }
  BOOST_TEST(site.on(K::article, 9, today) + site.on(K::article, 9, today + 1) == 1u);
}

BOOST_AUTO_TEST_CASE(the_flusher_writes_on_its_own_every_period) {
  Site site;
  stats::VisitCounter c;
  const stats::VisitFlusher flusher(site.s.store, c, std::chrono::milliseconds(50));
  c.record(K::article, "9", "192.0.2.1", kFirefox, model::now());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  std::uint64_t seen = 0;
  while (seen == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto txn = site.s.store.read();
    seen = store::visits_ever(txn, site.s.store.tables(), K::article, 9);
  }
  BOOST_TEST(seen == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
