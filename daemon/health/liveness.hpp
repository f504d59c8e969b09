#pragma once
// What the watchdog gate needs to tell "busy" from "stuck": work in progress (HTTP handlers running,
// store write transactions open) with its start time, and the ticks of long-running loops. All updates
// are lock-free; Liveness::stuck_work() is read once per watchdog tick by the main loop.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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

class Liveness;

// A long-running loop (the search indexer, a writer queue) proves it is alive by calling beat() at least
// every `max_silence`; its waits must use timeouts so that it beats while idle too. Registered with
// `liveness` for the watchdog gate while the object lives (the Liveness must outlive it).
class Heartbeat {
 public:
  Heartbeat(Liveness& liveness, std::string name, Clock::duration max_silence);
  ~Heartbeat();
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;
  void beat() noexcept { last_.store(Clock::now().time_since_epoch().count(), std::memory_order_relaxed); }

 private:
  friend class Liveness;
  Liveness& liveness_;
  std::string name_;
  Clock::duration max_silence_;
  std::atomic<Clock::rep> last_;
};

// What the watchdog gate reads to tell "busy" from "stuck": the work in progress and the loops'
// heartbeats. One per daemon, in its health::Monitor.
class Liveness {
 public:
  // HTTP handlers running now (entered around each dispatch by the web layer).
  BusyTracker& request_handlers() noexcept { return request_handlers_; }
  // Store write transactions held now: a writer holds a store_writers().enter() scope from
  // mdb_txn_begin to commit or abort.
  BusyTracker& store_writers() noexcept { return store_writers_; }

  // Why the daemon's work is stuck, or std::nullopt: an HTTP handler or a store write transaction that
  // has run longer than `stuck_after`, or a registered loop silent for longer than its own limit.
  std::optional<std::string> stuck_work(Clock::duration stuck_after, Clock::time_point now = Clock::now()) const;

 private:
  friend class Heartbeat;
  BusyTracker request_handlers_;
  BusyTracker store_writers_;
  mutable std::mutex heartbeats_mutex_;
  std::vector<const Heartbeat*> heartbeats_;  // guarded by heartbeats_mutex_
};

}  // namespace portald::health
