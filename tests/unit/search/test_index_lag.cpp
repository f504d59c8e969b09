// How far the index is behind the change log: pending entries and when the oldest was first seen.
#include <boost/test/unit_test.hpp>

#include "search/index_lag.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(index_lag)

BOOST_AUTO_TEST_CASE(nothing_pending_when_the_cursor_is_at_the_head) {
  search::IndexLag lag;
  BOOST_TEST(lag.pending() == 0u);
  BOOST_TEST(lag.oldest_pending_at() == 0);
  lag.observe(7, 7, 1000);
  BOOST_TEST(lag.pending() == 0u);
  BOOST_TEST(lag.oldest_pending_at() == 0);
}

BOOST_AUTO_TEST_CASE(the_oldest_pending_entry_dates_from_the_first_sighting_of_a_head_past_it) {
  search::IndexLag lag;
  lag.observe(10, 4, 1000);  // 5..10 first seen at 1000
  lag.observe(20, 4, 1060);  // 11..20 at 1060
  BOOST_TEST(lag.pending() == 16u);
  BOOST_TEST(lag.oldest_pending_at() == 1000);
  lag.observe(20, 10, 1100);  // 5..10 indexed: the oldest left was seen at 1060
  BOOST_TEST(lag.pending() == 10u);
  BOOST_TEST(lag.oldest_pending_at() == 1060);
  lag.observe(20, 15, 1200);  // 16..20 still from the 1060 sighting
  BOOST_TEST(lag.oldest_pending_at() == 1060);
  lag.observe(20, 20, 1300);
  BOOST_TEST(lag.pending() == 0u);
  BOOST_TEST(lag.oldest_pending_at() == 0);
  lag.observe(21, 20, 1400);
  BOOST_TEST(lag.oldest_pending_at() == 1400);
}

BOOST_AUTO_TEST_CASE(a_rebuild_counts_everything_and_a_restarted_log_forgets_old_heads) {
  search::IndexLag lag;
  lag.observe(500, 0, 1000);  // rebuilding: nothing is searchable yet
  BOOST_TEST(lag.pending() == 500u);
  BOOST_TEST(lag.oldest_pending_at() == 1000);
  lag.observe(3, 0, 2000);  // a restored store with a shorter log
  BOOST_TEST(lag.pending() == 3u);
  BOOST_TEST(lag.oldest_pending_at() == 2000);
}

BOOST_AUTO_TEST_CASE(sightings_are_bounded_and_merging_never_shortens_the_age) {
  search::IndexLag lag;
  const std::uint64_t n = search::IndexLag::kMaxSightings + 100;
  for (std::uint64_t i = 1; i <= n; ++i) lag.observe(i, 0, model::UnixTime(i));
  BOOST_TEST(lag.pending() == n);
  lag.observe(n, n - 1, model::UnixTime(n + 1));  // only the newest entry is left
  BOOST_TEST(lag.pending() == 1u);
  BOOST_TEST(lag.oldest_pending_at() <= model::UnixTime(n));  // merged into an older sighting
}

BOOST_AUTO_TEST_SUITE_END()
