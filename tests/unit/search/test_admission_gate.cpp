// The admission gate of uncached searches (issue 17): at most `slots` queries at once, a refusal after
// at most the wait budget (at once when the queue would take longer), and cached answers that never
// wait for a slot.
#include <boost/test/unit_test.hpp>

#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "search/admission_gate.hpp"
#include "tests/unit/search/search_fixture.hpp"

using namespace portald;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

std::chrono::milliseconds since(Clock::time_point t0) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admission_gate)

BOOST_AUTO_TEST_CASE(refuses_after_the_budget_while_every_slot_is_held) {
  search::AdmissionGate gate(2, 100ms);
  auto a = gate.enter();
  auto b = gate.enter();
  BOOST_REQUIRE(a && b);
  BOOST_TEST(gate.in_use() == 2u);
  const auto t0 = Clock::now();
  const auto refused = gate.enter();
  const auto waited = since(t0);
  BOOST_TEST(!refused);
  BOOST_TEST(gate.refused() == 1u);
  BOOST_TEST_MESSAGE("refused after " << waited.count() << " ms (budget 100 ms)");
  BOOST_TEST(waited.count() >= 95);  // it did wait for a slot to free...
  BOOST_TEST(waited.count() < 600);  // ...but not much past the budget (a loaded machine's slack)
  b.reset();
  BOOST_TEST(gate.in_use() == 1u);
  BOOST_TEST(gate.enter().has_value());  // a freed slot admits at once
  BOOST_TEST(gate.refused() == 1u);
}

BOOST_AUTO_TEST_CASE(a_slot_freed_within_the_budget_admits_the_waiting_search) {
  search::AdmissionGate gate(1, 5000ms);
  std::optional<search::AdmissionGate::Slot> held = gate.enter();
  std::thread releaser([&] {
    std::this_thread::sleep_for(50ms);
    held.reset();
  });
  const auto t0 = Clock::now();
  const auto slot = gate.enter();
  const auto waited = since(t0);
  releaser.join();
  BOOST_TEST(slot.has_value());
  BOOST_TEST(waited.count() >= 40);
  BOOST_TEST(waited.count() < 2000);
  BOOST_TEST(gate.refused() == 0u);
}

BOOST_AUTO_TEST_CASE(refuses_at_once_when_the_queries_ahead_take_longer_than_the_budget) {
  search::AdmissionGate gate(1, 200ms);
  {
    auto slow = gate.enter();  // one query of 600 ms: the gate learns what a query costs
    std::this_thread::sleep_for(600ms);
  }
  auto held = gate.enter();
  const auto t0 = Clock::now();
  BOOST_TEST(!gate.enter());  // about 300 ms expected for the running query to end > 200 ms budget
  const auto waited = since(t0);
  BOOST_TEST_MESSAGE("refused after " << waited.count() << " ms");
  BOOST_TEST(waited.count() < 100);  // at once, not after the budget
  BOOST_TEST(gate.refused() == 1u);
}

BOOST_AUTO_TEST_CASE(waiting_searches_are_let_in_first_come_first_served) {
  search::AdmissionGate gate(1, 5000ms);
  auto held = gate.enter();
  BOOST_TEST(gate.busy());
  std::mutex mu;
  std::vector<int> order;
  std::vector<std::thread> waiters;
  for (int k = 0; k < 4; ++k) {
    waiters.emplace_back([&, k] {
      // Boost.Test's checks are for the main thread: the order says who got in.
      auto slot = gate.enter();
      const std::lock_guard lock(mu);
      order.push_back(slot ? k : -1);
    });
    // The next one arrives only once this one is in the queue.
    for (int i = 0; i < 500 && gate.waiting() < unsigned(k + 1); ++i) std::this_thread::sleep_for(2ms);
    BOOST_REQUIRE(gate.waiting() == unsigned(k + 1));
  }
  held.reset();
  for (auto& t : waiters) t.join();
  BOOST_TEST(order == (std::vector<int>{0, 1, 2, 3}), boost::test_tools::per_element());
  BOOST_TEST(gate.refused() == 0u);
  BOOST_TEST(!gate.busy());
}

BOOST_AUTO_TEST_CASE(busy_while_every_slot_is_held_or_a_search_waits) {
  search::AdmissionGate gate(2, 5000ms);
  BOOST_TEST(!gate.busy());
  auto a = gate.enter();
  BOOST_TEST(!gate.busy());  // one slot of two is free
  auto b = gate.enter();
  BOOST_TEST(gate.busy());
  bool admitted = false;
  std::thread waiter([&] { admitted = gate.enter().has_value(); });
  for (int i = 0; i < 500 && gate.waiting() < 1; ++i) std::this_thread::sleep_for(2ms);
  BOOST_TEST(gate.waiting() == 1u);
  a.reset();  // the freed slot goes to the waiter, not to whoever asks next
  waiter.join();
  BOOST_TEST(admitted);
  BOOST_TEST(gate.waiting() == 0u);
  BOOST_TEST(gate.in_use() == 1u);
  BOOST_TEST(!gate.busy());
}

BOOST_AUTO_TEST_CASE(a_waiter_refused_at_the_budget_leaves_the_queue) {
  search::AdmissionGate gate(1, 50ms);
  auto held = gate.enter();
  BOOST_TEST(!gate.enter());  // waited 50 ms, then refused
  BOOST_TEST(gate.waiting() == 0u);
  held.reset();
  BOOST_TEST(gate.in_use() == 0u);
  BOOST_TEST(gate.enter().has_value());
}

BOOST_AUTO_TEST_CASE(a_job_is_not_queued_while_a_slot_is_free) {
  search::AdmissionGate gate(2, 1000ms);
  bool ran = false;
  BOOST_TEST(!gate.submit([&] { ran = true; }));  // the caller runs it: enter() lets it in at once
  BOOST_TEST(!ran);
  BOOST_TEST(gate.waiting() == 0u);
}

BOOST_AUTO_TEST_CASE(a_submitted_job_waits_its_turn_and_runs_in_its_own_slot) {
  search::AdmissionGate gate(1, 5000ms);
  auto held = gate.enter();
  std::promise<std::pair<bool, unsigned>> inside;  // (enter() gave a slot, slots in use meanwhile)
  BOOST_TEST(gate.submit([&] {
    const auto slot = gate.enter();  // the job's own slot, at once: not a second one
    inside.set_value({slot.has_value(), gate.in_use()});
  }));
  BOOST_TEST(gate.waiting() == 1u);
  BOOST_TEST(gate.busy());
  auto seen = inside.get_future();
  BOOST_TEST((seen.wait_for(100ms) == std::future_status::timeout));  // it waits for the held slot
  held.reset();
  const auto [had_slot, in_use] = seen.get();
  BOOST_TEST(had_slot);
  BOOST_TEST(in_use == 1u);
  for (int i = 0; i < 500 && gate.in_use() > 0; ++i) std::this_thread::sleep_for(2ms);
  BOOST_TEST(gate.in_use() == 0u);  // the gate's thread gave the slot back
  BOOST_TEST(gate.refused() == 0u);
}

BOOST_AUTO_TEST_CASE(waiting_threads_and_queued_jobs_share_one_queue_in_arrival_order) {
  search::AdmissionGate gate(1, 5000ms);
  auto held = gate.enter();
  std::mutex mu;
  std::vector<std::string> order;
  const auto note = [&](const std::string& who) {
    const std::lock_guard lock(mu);
    order.push_back(who);
  };
  const auto wait_for_queue = [&](unsigned n) {
    for (int i = 0; i < 500 && gate.waiting() < n; ++i) std::this_thread::sleep_for(2ms);
  };
  std::thread first([&] { note(gate.enter() ? "thread 1" : "refused"); });
  wait_for_queue(1);
  std::promise<void> job_done;
  BOOST_TEST(gate.submit([&] {
    note(gate.enter() ? "job" : "refused");
    job_done.set_value();
  }));
  std::thread last([&] { note(gate.enter() ? "thread 2" : "refused"); });
  wait_for_queue(3);
  BOOST_REQUIRE(gate.waiting() == 3u);
  held.reset();
  first.join();
  last.join();
  job_done.get_future().wait();
  BOOST_TEST(order == (std::vector<std::string>{"thread 1", "job", "thread 2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_job_that_waited_past_the_budget_runs_refused_without_a_slot) {
  search::AdmissionGate gate(1, 50ms);
  auto held = gate.enter();
  std::promise<bool> admitted;
  BOOST_TEST(gate.submit([&] { admitted.set_value(gate.enter().has_value()); }));
  std::this_thread::sleep_for(120ms);
  held.reset();  // its turn comes after the budget: it is answered, refused
  BOOST_TEST(!admitted.get_future().get());
  BOOST_TEST(gate.refused() == 1u);
  BOOST_TEST(gate.in_use() == 0u);  // the freed slot was not given to it
  BOOST_TEST(gate.enter().has_value());
}

BOOST_AUTO_TEST_CASE(a_queued_job_is_answered_refused_when_its_wait_is_over_while_every_slot_stays_held) {
  search::AdmissionGate gate(1, 100ms);
  auto held = gate.enter();  // a long query: no slot frees for seconds
  std::promise<bool> admitted;
  const auto t0 = Clock::now();
  BOOST_TEST(gate.submit([&] { admitted.set_value(gate.enter().has_value()); }));
  auto result = admitted.get_future();
  BOOST_REQUIRE((result.wait_for(2000ms) == std::future_status::ready));
  const auto waited = since(t0);
  BOOST_TEST(!result.get());
  BOOST_TEST_MESSAGE("refused after " << waited.count() << " ms (budget 100 ms)");
  BOOST_TEST(waited.count() >= 95);
  BOOST_TEST(gate.refused() == 1u);
  BOOST_TEST(gate.waiting() == 0u);
}

BOOST_AUTO_TEST_CASE(a_job_is_not_queued_when_the_queue_ahead_takes_longer_than_the_budget) {
  search::AdmissionGate gate(1, 100ms);
  {
    auto slow = gate.enter();  // one query of 300 ms: about 150 ms expected for a running one to end
    std::this_thread::sleep_for(300ms);
  }
  auto held = gate.enter();
  bool ran = false;
  BOOST_TEST(!gate.submit([&] { ran = true; }));  // the caller's enter() refuses it at once
  BOOST_TEST(!gate.enter());
  BOOST_TEST(!ran);
}

BOOST_AUTO_TEST_CASE(zero_slots_means_one_per_hardware_thread) {
  const search::AdmissionGate gate(0, 200ms);
  BOOST_TEST(gate.slots() == std::max(1u, std::thread::hardware_concurrency()));
}

BOOST_AUTO_TEST_CASE(a_cached_answer_passes_while_every_slot_is_held) {
  test::SearchFixture f;
  const search::SearchService svc(f.dir, &f.status, {.concurrency = 1, .queue_wait = 100ms});
  search::SearchRequest cached;
  cached.q = "dak nong";
  const auto first = svc.search(cached);
  BOOST_REQUIRE(first);
  BOOST_REQUIRE(first->total > 0u);

  auto held = svc.gate().enter();  // a long query holds the only slot
  BOOST_REQUIRE(held);
  const auto t0 = Clock::now();
  auto why = search::Missing::unavailable;
  const auto again = svc.search(cached, &why);
  BOOST_TEST((again.get() == first.get()));  // the cached answer, at once
  BOOST_TEST(since(t0).count() < 50);
  BOOST_TEST(svc.refused() == 0u);

  search::SearchRequest uncached;
  uncached.q = "nong nghiep";
  BOOST_TEST(!svc.search(uncached, &why));
  BOOST_TEST((why == search::Missing::busy));
  BOOST_TEST(!svc.complete("dak", 8, &why));
  BOOST_TEST((why == search::Missing::busy));
  BOOST_TEST(svc.refused() == 2u);

  held.reset();
  BOOST_TEST(svc.search(uncached) != nullptr);
}

BOOST_AUTO_TEST_CASE(an_unready_index_is_unavailable_without_taking_a_slot) {
  test::SearchFixture f;
  f.status.ready = false;
  const search::SearchService svc(f.dir, &f.status, {.concurrency = 1, .queue_wait = 100ms});
  auto held = svc.gate().enter();
  search::SearchRequest r;
  r.q = "dak nong";
  auto why = search::Missing::busy;
  const auto t0 = Clock::now();
  BOOST_TEST(!svc.search(r, &why));
  BOOST_TEST((why == search::Missing::unavailable));
  BOOST_TEST(since(t0).count() < 50);
  BOOST_TEST(svc.refused() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
