// What the watchdog gate reads: work in progress with its age, and loop heartbeats.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <thread>
#include <vector>

#include "daemon/health/liveness.hpp"

using namespace portald;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(liveness)

BOOST_AUTO_TEST_CASE(busy_tracker_reports_the_oldest_open_scope) {
  health::BusyTracker t;
  BOOST_TEST(!t.oldest().has_value());
  const auto start = health::Clock::now();
  std::optional<health::BusyTracker::Scope> first(t.enter());
  {
    const auto second = t.enter();
    const auto age = t.oldest(start + 10s);
    BOOST_REQUIRE(age.has_value());
    BOOST_TEST(*age >= 9s);  // the first scope's age, not the second's
  }
  BOOST_TEST(t.oldest().has_value());
  first.reset();
  BOOST_TEST(!t.oldest().has_value());
}

BOOST_AUTO_TEST_CASE(busy_tracker_survives_many_threads_and_more_scopes_than_slots) {
  health::BusyTracker t;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&t] {
      for (int n = 0; n < 20'000; ++n) const auto s = t.enter();
    });
  }
  for (auto& th : threads) th.join();
  BOOST_TEST(!t.oldest().has_value());

  std::vector<health::BusyTracker::Scope> many;
  for (std::size_t i = 0; i < health::BusyTracker::kSlots + 5; ++i) many.push_back(t.enter());  // extras untracked
  BOOST_TEST(t.oldest().has_value());
  many.clear();
  BOOST_TEST(!t.oldest().has_value());
}

BOOST_AUTO_TEST_CASE(stuck_work_names_a_long_handler_a_long_writer_and_a_silent_loop) {
  health::Liveness live;
  const auto now = health::Clock::now();
  BOOST_TEST(!live.stuck_work(10s, now).has_value());
  {
    const auto handler = live.request_handlers().enter();
    BOOST_TEST(!live.stuck_work(10s, now + 5s).has_value());  // busy, not stuck
    const auto why = live.stuck_work(10s, now + 11s);
    BOOST_REQUIRE(why.has_value());
    BOOST_TEST(why->find("http: a request handler has been running for 11.") == 0, *why);
  }
  {
    const auto writer = live.store_writers().enter();
    const auto why = live.stuck_work(10s, now + 30s);
    BOOST_REQUIRE(why.has_value());
    BOOST_TEST(why->find("writer: a store write transaction has been open for") == 0, *why);
  }
  {
    health::Heartbeat indexer(live, "indexer", 3s);
    BOOST_TEST(!live.stuck_work(10s, health::Clock::now() + 2s).has_value());
    const auto why = live.stuck_work(10s, health::Clock::now() + 4s);
    BOOST_REQUIRE(why.has_value());
    BOOST_TEST(why->find("loop indexer: no tick for") == 0, *why);
  }
  BOOST_TEST(!live.stuck_work(10s, health::Clock::now() + 1h).has_value());  // unregistered on destruction
}

BOOST_AUTO_TEST_CASE(each_liveness_sees_only_its_own_work) {
  // Two daemons' worth of state in one process (as in these tests): no global behind them.
  health::Liveness a, b;
  const auto now = health::Clock::now();
  const auto handler = a.request_handlers().enter();
  const health::Heartbeat loop(a, "loop", 1s);
  BOOST_TEST(a.stuck_work(10s, now + 1min).has_value());
  BOOST_TEST(!b.stuck_work(10s, now + 1min).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
