#pragma once
// Admission control for uncached searches (issue 17): at most `slots` Xapian queries run at once (one
// per core: more only share the cores and make every answer late), and a request that cannot start
// within `budget` is refused rather than queued for seconds; the caller answers 503 + Retry-After.
// A request is refused at once when the queue ahead of it, at the recent cost of a query, would
// already take longer than the budget; otherwise it waits at most the budget. Waiting searches are
// let in first come, first served (each wakes alone, on its own condition variable), so a search
// admitted after waiting has waited no longer than those that came before it.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

namespace portald::search {

class AdmissionGate {
 public:
  // slots 0 = one per hardware thread.
  AdmissionGate(unsigned slots, std::chrono::milliseconds budget);
  AdmissionGate(const AdmissionGate&) = delete;
  AdmissionGate& operator=(const AdmissionGate&) = delete;

  // A running query's place; leaving it (destructor) lets the next one in and records the query's cost.
  // Its index (0 .. slots-1) is held by no other running query: the search service keeps one Xapian
  // database per slot, warm whichever thread runs the query.
  class Slot {
   public:
    Slot(Slot&& o) noexcept : gate_(o.gate_), index_(o.index_), started_(o.started_) { o.gate_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    ~Slot();
    unsigned index() const { return index_; }

   private:
    friend class AdmissionGate;
    Slot(AdmissionGate* gate, unsigned index, std::chrono::steady_clock::time_point started)
        : gate_(gate), index_(index), started_(started) {}
    AdmissionGate* gate_;
    unsigned index_;
    std::chrono::steady_clock::time_point started_;
  };

  // A slot, or std::nullopt when none frees within the budget (counted in refused()).
  std::optional<Slot> enter();

  // True when a search arriving now would wait (every slot held, or others already waiting): the HTTP
  // server then runs it off its worker (web/routes.hpp Work::search), so the wait happens here, where
  // it is counted, and not unread in the sockets behind a busy worker.
  bool busy() const;

  unsigned slots() const { return slots_; }
  std::chrono::milliseconds budget() const { return budget_; }
  unsigned in_use() const;
  // Searches waiting for a slot now.
  unsigned waiting() const;
  std::uint64_t refused() const;

 private:
  struct Waiter {
    std::condition_variable wake;
    std::optional<unsigned> slot;  // set by leave() when it hands this waiter its freed slot
  };
  void leave(unsigned index, std::chrono::steady_clock::duration took);

  const unsigned slots_;
  const std::chrono::milliseconds budget_;
  mutable std::mutex mutex_;
  std::deque<Waiter*> waiting_;  // oldest first
  std::vector<unsigned> free_;    // the free slots' indexes, the most recently used last

  std::uint64_t refused_ = 0;
  double mean_query_s_ = 0;  // moving average of a query's time in its slot; 0 until one has run
};

}  // namespace portald::search
