#pragma once
// Admission control for uncached searches (issue 17): at most `slots` Xapian queries run at once (one
// per core: more only share the cores and make every answer late), and a request that cannot start
// within `budget` is refused rather than queued for seconds; the caller answers 503 + Retry-After.
// A request is refused at once when the queue ahead of it, at the recent cost of a query, would
// already take longer than the budget; otherwise it waits at most the budget.
//
// Two ways in, one queue, first come first served:
// - enter(): the calling thread waits for a slot (woken alone when a slot is its);
// - submit(job): while every slot is busy the HTTP server hands the whole search request here with its
//   connection suspended (web/routes.hpp Work::search). The job waits in the queue, counted like a
//   waiting thread, and runs on one of the gate's own threads (one per slot) holding its slot; the
//   thread that finishes a query takes the next queued job itself, so a busy slot goes from query to
//   query without a thread switch, and the HTTP workers never wait for a slot.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace portald::search {

class AdmissionGate {
 public:
  // slots 0 = one per hardware thread. Starts one thread per slot for submitted jobs.
  AdmissionGate(unsigned slots, std::chrono::milliseconds budget);
  // Runs the jobs still queued (refused if no slot frees), then joins its threads.
  ~AdmissionGate();
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
    // gate nullptr: the slot a submitted job runs in, given back by the gate's thread, not by this.
    Slot(AdmissionGate* gate, unsigned index, std::chrono::steady_clock::time_point started)
        : gate_(gate), index_(index), started_(started) {}
    AdmissionGate* gate_;
    unsigned index_;
    std::chrono::steady_clock::time_point started_;
  };

  // A slot, or std::nullopt when none frees within the budget (counted in refused()). Inside a submitted
  // job: the job's slot at once, or std::nullopt when the job waited past the budget.
  std::optional<Slot> enter();

  // Queues job() to run on the gate's threads once a slot is its: true when queued. false when a slot
  // is free and nobody waits (run it on the calling thread, as enter() will let it in at once), or when
  // the queue ahead would take longer than the budget (enter() will refuse it at once).
  bool submit(std::function<void()> job);

  // True when a search arriving now would wait (every slot held, or others already waiting).
  bool busy() const;

  unsigned slots() const { return slots_; }
  std::chrono::milliseconds budget() const { return budget_; }
  unsigned in_use() const;
  // Searches waiting for a slot now (threads in enter() and queued jobs).
  unsigned waiting() const;
  std::uint64_t refused() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Waiter {
    std::condition_variable wake;
    std::optional<unsigned> slot;  // set when the gate hands this waiter its slot
  };
  // One place in the queue: a thread in enter(), or a submitted job.
  struct Entry {
    Waiter* waiter = nullptr;
    std::function<void()> job{};
    Clock::time_point arrived{};
  };
  // A job ready to run on a gate thread: with its slot, or without one when it waited past the budget.
  struct Ready {
    std::function<void()> job;
    std::optional<unsigned> slot;
  };

  bool refuse_at_once_locked() const;
  void record_cost_locked(Clock::duration took);
  // Gives slot `index` to the oldest in the queue (a waiting thread, or a job for the gate's threads),
  // or frees it. Jobs that waited past the budget on the way go to the threads without a slot.
  void hand_on_locked(unsigned index);
  // Queued jobs that waited past the budget go to the gate's threads without a slot (refused).
  void expire_jobs_locked(Clock::time_point now);
  // When the oldest queued job's wait is over; nullopt without queued jobs.
  std::optional<Clock::time_point> next_expiry_locked() const;
  void leave(unsigned index, Clock::duration took);
  void run_jobs();

  const unsigned slots_;
  const std::chrono::milliseconds budget_;
  mutable std::mutex mutex_;
  std::condition_variable jobs_ready_;
  std::deque<Entry> queue_;     // oldest first
  std::deque<Ready> ready_;     // for the gate's threads
  std::vector<unsigned> free_;  // the free slots' indexes, the most recently used last
  std::uint64_t refused_ = 0;
  double mean_query_s_ = 0;  // moving average of a query's time in its slot; 0 until one has run
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace portald::search
