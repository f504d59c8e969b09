#pragma once
// What the watchdog gate needs to tell "busy" from "stuck": work in progress (HTTP handlers running,
// store write transactions open) with its start time, and the ticks of long-running loops. All updates
// are lock-free; stuck_work() is read once per watchdog tick by the main loop.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace portald::health {

using Clock = std::chrono::steady_clock;

// Pieces of work in progress, each with its start time. At most kSlots at once are tracked (far more
// than the HTTP pool's 64 threads); beyond that a scope is untracked rather than blocking.
class BusyTracker {
 public:
  static constexpr std::size_t kSlots = 128;

  // Marks the caller busy from construction to destruction (RAII, move-only).
  class Scope {
   public:
    Scope(Scope&& other) noexcept : slot_(std::exchange(other.slot_, nullptr)) {}
    Scope& operator=(Scope&&) = delete;
    Scope(const Scope&) = delete;
    ~Scope() {
      if (slot_) slot_->store(0, std::memory_order_release);
    }

   private:
    friend class BusyTracker;
    explicit Scope(std::atomic<std::int64_t>* slot) : slot_(slot) {}
    std::atomic<std::int64_t>* slot_;
  };

  Scope enter() noexcept;
  // How long the oldest unfinished scope has run at `now`; std::nullopt when none is open.
  std::optional<Clock::duration> oldest(Clock::time_point now = Clock::now()) const noexcept;

 private:
  std::array<std::atomic<std::int64_t>, kSlots> started_{};  // steady-clock ticks; 0 = free
};

// HTTP handlers running now (entered around each dispatch by the web layer).
BusyTracker& request_handlers();
// Store write transactions the daemon holds now: every daemon-side writer (admin saves, the scheduler)
// holds a store_writers().enter() scope from mdb_txn_begin to commit or abort.
BusyTracker& store_writers();

// A long-running loop (the search indexer, a writer queue) proves it is alive by calling beat() at least
// every `max_silence`; its waits must use timeouts so that it beats while idle too. Registered for the
// watchdog gate while the object lives.
class Heartbeat {
 public:
  Heartbeat(std::string name, Clock::duration max_silence);
  ~Heartbeat();
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;
  void beat() noexcept { last_.store(Clock::now().time_since_epoch().count(), std::memory_order_relaxed); }

 private:
  friend std::optional<std::string> stuck_work(Clock::duration, Clock::time_point);
  std::string name_;
  Clock::duration max_silence_;
  std::atomic<Clock::rep> last_;
};

// Why the daemon's work is stuck, or std::nullopt: an HTTP handler or a store write transaction that has
// run longer than `stuck_after`, or a registered loop silent for longer than its own limit.
std::optional<std::string> stuck_work(Clock::duration stuck_after, Clock::time_point now = Clock::now());

}  // namespace portald::health
