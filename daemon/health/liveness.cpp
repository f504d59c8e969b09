#include "daemon/health/liveness.hpp"

#include <algorithm>
#include <cstdio>

namespace portald::health {
namespace {

std::string seconds_text(Clock::duration d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", std::chrono::duration<double>(d).count());
  return buffer;
}

}  // namespace

BusyTracker::Scope BusyTracker::enter() noexcept {
  // Each thread starts probing at its own slot, so in the common case the first CAS succeeds.
  static std::atomic<std::size_t> next_thread{0};
  thread_local const std::size_t home = next_thread.fetch_add(1, std::memory_order_relaxed) % kSlots;
  const std::int64_t now = std::max<std::int64_t>(1, Clock::now().time_since_epoch().count());
  for (std::size_t i = 0; i < kSlots; ++i) {
    auto& slot = started_[(home + i) % kSlots];
    std::int64_t expected = 0;
    if (slot.compare_exchange_strong(expected, now, std::memory_order_acq_rel)) return Scope(&slot);
  }
  return Scope(nullptr);
}

std::optional<Clock::duration> BusyTracker::oldest(Clock::time_point now) const noexcept {
  std::int64_t first = 0;
  for (const auto& slot : started_) {
    const std::int64_t t = slot.load(std::memory_order_acquire);
    if (t != 0 && (first == 0 || t < first)) first = t;
  }
  if (first == 0) return std::nullopt;
  return std::max(Clock::duration::zero(), now.time_since_epoch() - Clock::duration(first));
}

Heartbeat::Heartbeat(Liveness& liveness, std::string name, Clock::duration max_silence)
    : liveness_(liveness),
      name_(std::move(name)),
      max_silence_(max_silence),
      last_(Clock::now().time_since_epoch().count()) {
  const std::lock_guard lock(liveness_.heartbeats_mutex_);
  liveness_.heartbeats_.push_back(this);
}

Heartbeat::~Heartbeat() {
  const std::lock_guard lock(liveness_.heartbeats_mutex_);
  std::erase(liveness_.heartbeats_, this);
}

std::optional<std::string> Liveness::stuck_work(Clock::duration stuck_after, Clock::time_point now) const {
  if (const auto age = request_handlers_.oldest(now); age && *age > stuck_after)
    return "http: a request handler has been running for " + seconds_text(*age);
  if (const auto age = store_writers_.oldest(now); age && *age > stuck_after)
    return "writer: a store write transaction has been open for " + seconds_text(*age);
  const std::lock_guard lock(heartbeats_mutex_);
  for (const Heartbeat* h : heartbeats_) {
    const auto silent = now.time_since_epoch() - Clock::duration(h->last_.load(std::memory_order_relaxed));
    if (silent > h->max_silence_) return "loop " + h->name_ + ": no tick for " + seconds_text(silent);
  }
  return std::nullopt;
}

}  // namespace portald::health
