// The answer cache: least recently used entries go first, a newer index generation empties it, and
// an answer computed at an older generation is never stored over newer ones.
#include <boost/test/unit_test.hpp>

#include "search/result_cache.hpp"

using portald::search::ResultCache;

namespace {
std::shared_ptr<const int> value(int v) { return std::make_shared<const int>(v); }
}  // namespace

BOOST_AUTO_TEST_SUITE(result_cache)

BOOST_AUTO_TEST_CASE(least_recently_used_entries_are_evicted) {
  ResultCache<int> c(2);
  c.put("a", 1, value(1));
  c.put("b", 1, value(2));
  BOOST_TEST(*c.get("a", 1) == 1);  // "a" is now the most recent
  c.put("c", 1, value(3));
  BOOST_TEST(!c.get("b", 1));
  BOOST_TEST(*c.get("a", 1) == 1);
  BOOST_TEST(*c.get("c", 1) == 3);
  BOOST_TEST(c.size() == 2u);
  BOOST_TEST(c.hits() == 3u);
}

BOOST_AUTO_TEST_CASE(a_newer_generation_empties_the_cache) {
  ResultCache<int> c(10);
  c.put("a", 1, value(1));
  BOOST_TEST(!c.get("a", 2));
  BOOST_TEST(c.size() == 0u);
  c.put("a", 2, value(5));
  BOOST_TEST(*c.get("a", 2) == 5);
}

BOOST_AUTO_TEST_CASE(older_answers_never_replace_newer_ones) {
  ResultCache<int> c(10);
  c.put("a", 3, value(3));
  c.put("a", 2, value(2));  // a reader that started before the commit finishes late
  BOOST_TEST(*c.get("a", 3) == 3);
  BOOST_TEST(!c.get("a", 2));  // and its lookups do not empty the newer cache
  BOOST_TEST(*c.get("a", 3) == 3);
}

BOOST_AUTO_TEST_CASE(capacity_zero_caches_nothing) {
  ResultCache<int> c(0);
  c.put("a", 1, value(1));
  BOOST_TEST(!c.get("a", 1));
}

BOOST_AUTO_TEST_SUITE_END()
