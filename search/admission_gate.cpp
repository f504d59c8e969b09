#include "search/admission_gate.hpp"

#include <algorithm>
#include <thread>

namespace portald::search {
namespace {

constexpr double kAverageWeight = 0.05;  // of the newest query in the moving average

unsigned with_default(unsigned slots) { return slots ? slots : std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace

AdmissionGate::AdmissionGate(unsigned slots, std::chrono::milliseconds budget)
    : slots_(with_default(slots)), budget_(budget) {
  for (unsigned i = slots_; i-- > 0;) free_.push_back(i);  // slot 0 first
}

AdmissionGate::Slot::~Slot() {
  if (gate_) gate_->leave(index_, std::chrono::steady_clock::now() - started_);
}

std::optional<AdmissionGate::Slot> AdmissionGate::enter() {
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  if (!free_.empty() && waiting_.empty()) {
    const unsigned index = free_.back();
    free_.pop_back();
    return Slot(this, index, start);
  }
  // Full rounds of queries waiting ahead of this one, plus on average half of the running ones' cost.
  const double expected_s = (double(waiting_.size() / slots_) + 0.5) * mean_query_s_;
  if (expected_s > std::chrono::duration<double>(budget_).count()) {
    ++refused_;
    return std::nullopt;
  }
  Waiter me;
  waiting_.push_back(&me);
  if (!me.wake.wait_until(lock, start + budget_, [&] { return me.slot.has_value(); })) {
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &me));
    ++refused_;
    return std::nullopt;
  }
  return Slot(this, *me.slot, std::chrono::steady_clock::now());
}

void AdmissionGate::leave(unsigned index, std::chrono::steady_clock::duration took) {
  const std::lock_guard lock(mutex_);
  const double s = std::chrono::duration<double>(took).count();
  mean_query_s_ = mean_query_s_ == 0 ? s : mean_query_s_ + kAverageWeight * (s - mean_query_s_);
  if (waiting_.empty()) {
    free_.push_back(index);
    return;
  }
  // The freed slot goes to the oldest waiter, woken alone (notified under the lock: its Waiter lives
  // on its stack and is gone as soon as it returns).
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->slot = index;
  next->wake.notify_one();
}

bool AdmissionGate::busy() const {
  const std::lock_guard lock(mutex_);
  return free_.empty() || !waiting_.empty();
}

unsigned AdmissionGate::in_use() const {
  std::lock_guard lock(mutex_);
  return slots_ - unsigned(free_.size());
}

unsigned AdmissionGate::waiting() const {
  std::lock_guard lock(mutex_);
  return unsigned(waiting_.size());
}

std::uint64_t AdmissionGate::refused() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

}  // namespace portald::search
