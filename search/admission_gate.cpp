#include "search/admission_gate.hpp"

#include <algorithm>
#include <thread>

namespace portald::search {
namespace {

constexpr double kAverageWeight = 0.05;  // of the newest query in the moving average

unsigned with_default(unsigned slots) { return slots ? slots : std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace

AdmissionGate::AdmissionGate(unsigned slots, std::chrono::milliseconds budget)
    : slots_(with_default(slots)), budget_(budget) {}

AdmissionGate::Slot::~Slot() {
  if (gate_) gate_->leave(std::chrono::steady_clock::now() - started_);
}

std::optional<AdmissionGate::Slot> AdmissionGate::enter() {
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  if (running_ >= slots_) {
    // Full rounds of queries waiting ahead of this one, plus on average half of the running ones' cost.
    const double expected_s = (double(waiting_ / slots_) + 0.5) * mean_query_s_;
    if (expected_s > std::chrono::duration<double>(budget_).count()) {
      ++refused_;
      return std::nullopt;
    }
    ++waiting_;
    const bool freed = freed_.wait_until(lock, start + budget_, [&] { return running_ < slots_; });
    --waiting_;
    if (!freed) {
      ++refused_;
      return std::nullopt;
    }
  }
  ++running_;
  return Slot(this, std::chrono::steady_clock::now());
}

void AdmissionGate::leave(std::chrono::steady_clock::duration took) {
  {
    std::lock_guard lock(mutex_);
    --running_;
    const double s = std::chrono::duration<double>(took).count();
    mean_query_s_ = mean_query_s_ == 0 ? s : mean_query_s_ + kAverageWeight * (s - mean_query_s_);
  }
  freed_.notify_one();
}

unsigned AdmissionGate::in_use() const {
  std::lock_guard lock(mutex_);
  return running_;
}

std::uint64_t AdmissionGate::refused() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

}  // namespace portald::search
