// The password-hash pool (issue 16): results and exceptions come back through the futures, the queue
// limit refuses at once, the in-flight cap holds whatever the queue allows, and the destructor runs
// what was queued.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "daemon/auth/hash_pool.hpp"
#include "daemon/auth/password.hpp"

using portald::auth::HashPool;
using portald::auth::HashPoolOptions;

namespace {

// A job that holds its pool thread until the gate opens.
struct Gate {
  std::promise<void> open;
  std::shared_future<void> opened = open.get_future().share();
  auto job(int value) {
    return [f = opened, value] {
      f.wait();
      return value;
    };
  }
};

// A job's future is ready a moment before its thread counts itself free again.
void wait_idle(const HashPool& pool) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (pool.in_flight() != 0 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hash_pool)

BOOST_AUTO_TEST_CASE(results_and_exceptions_come_back) {
  HashPool pool({.threads = 2, .queue = 4});
  auto hash = pool.try_submit([] { return portald::auth::hash_password("mật khẩu đủ dài đây"); });
  BOOST_REQUIRE(hash);
  const std::string h = hash->get();
  BOOST_TEST(h.starts_with("$argon2id$"));
  auto ok = pool.try_submit([&] { return portald::auth::verify_password(h, "mật khẩu đủ dài đây"); });
  BOOST_REQUIRE(ok);
  BOOST_TEST(ok->get());
  auto thrown = pool.try_submit([]() -> int { throw std::runtime_error("out of memory"); });
  BOOST_REQUIRE(thrown);
  BOOST_CHECK_THROW(thrown->get(), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(a_full_queue_refuses_at_once_and_frees_up_after) {
  std::atomic<int> admitted{0}, refused{0};
  HashPool pool({.threads = 1, .queue = 2, .on_submit = [&](bool ok) { ++(ok ? admitted : refused); }});
  Gate gate;
  std::vector<std::future<int>> running;
  for (int i = 0; i < 3; ++i) {  // one runs, two wait
    auto f = pool.try_submit(gate.job(i));
    BOOST_REQUIRE_MESSAGE(f, "job " << i << " refused");
    running.push_back(std::move(*f));
  }
  const auto t0 = std::chrono::steady_clock::now();
  BOOST_TEST(!pool.try_submit(gate.job(9)).has_value());  // refused, not blocked
  BOOST_TEST((std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1)));
  BOOST_TEST(pool.in_flight() == 3u);
  BOOST_TEST(admitted == 3);
  BOOST_TEST(refused == 1);
  gate.open.set_value();
  for (int i = 0; i < 3; ++i) BOOST_TEST(running[i].get() == i);
  wait_idle(pool);
  auto again = pool.try_submit([] { return 7; });
  BOOST_REQUIRE(again);
  BOOST_TEST(again->get() == 7);
}

// The daemon's mode (issue 16): a request handed to the pool whole hashes in place on the pool's thread;
// a hash asked for from anywhere else is refused at once, never waited for.
BOOST_AUTO_TEST_CASE(a_pool_that_refuses_outside_callers_hashes_only_on_its_own_threads) {
  HashPool pool({.threads = 1, .queue = 4, .refuse_outside_callers = true});
  BOOST_TEST(!portald::auth::run_hashing(&pool, [] { return 1; }).has_value());
  auto whole = pool.try_submit([&pool] {
    return portald::auth::run_hashing(&pool, [] { return HashPool::on_pool_thread() ? 2 : 0; }).value_or(-1);
  });
  BOOST_REQUIRE(whole);
  BOOST_TEST(whole->get() == 2);
  BOOST_TEST(!HashPool::on_pool_thread());
}

BOOST_AUTO_TEST_CASE(run_hashing_runs_inline_without_a_pool_and_says_when_full) {
  BOOST_TEST(portald::auth::run_hashing(nullptr, [] { return 5; }).value() == 5);
  HashPool pool({.threads = 1, .queue = 0});
  Gate gate;
  auto busy = pool.try_submit(gate.job(0));
  BOOST_REQUIRE(busy);
  BOOST_TEST(!portald::auth::run_hashing(&pool, [] { return 1; }).has_value());
  gate.open.set_value();
  BOOST_TEST(busy->get() == 0);
  wait_idle(pool);
  BOOST_TEST(portald::auth::run_hashing(&pool, [] { return 1; }).value() == 1);
}

BOOST_AUTO_TEST_CASE(the_destructor_runs_what_was_queued) {
  std::vector<std::future<int>> results;
  {
    HashPool pool({.threads = 1, .queue = 4});
    for (int i = 0; i < 4; ++i) results.push_back(std::move(*pool.try_submit([i] { return i * 2; })));
  }
  for (int i = 0; i < 4; ++i) BOOST_TEST(results[i].get() == i * 2);
}

BOOST_AUTO_TEST_SUITE_END()
