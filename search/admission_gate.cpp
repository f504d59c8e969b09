#include "search/admission_gate.hpp"

#include <algorithm>

namespace portald::search {
namespace {

constexpr double kAverageWeight = 0.05;  // of the newest query in the moving average

unsigned with_default(unsigned slots) { return slots ? slots : std::max(1u, std::thread::hardware_concurrency()); }

// Set on a gate thread while it runs a submitted job: enter() there answers with the job's slot.
struct RunningJob {
  const AdmissionGate* gate;
  std::optional<unsigned> slot;
};
thread_local const RunningJob* running_job = nullptr;

}  // namespace

AdmissionGate::AdmissionGate(unsigned slots, std::chrono::milliseconds budget)
    : slots_(with_default(slots)), budget_(budget) {
  for (unsigned i = slots_; i-- > 0;) free_.push_back(i);  // slot 0 first
  for (unsigned i = 0; i < slots_; ++i) threads_.emplace_back([this] { run_jobs(); });
}

AdmissionGate::~AdmissionGate() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    // Jobs still queued get no slot now: they run refused, so their requests are answered.
    for (auto it = queue_.begin(); it != queue_.end();) {
      if (it->waiter) {
        ++it;
        continue;
      }
      ready_.push_back({std::move(it->job), std::nullopt});
      ++refused_;
      it = queue_.erase(it);
    }
  }
  jobs_ready_.notify_all();
  for (auto& t : threads_) t.join();
}

AdmissionGate::Slot::~Slot() {
  if (gate_) gate_->leave(index_, Clock::now() - started_);
}

bool AdmissionGate::refuse_at_once_locked() const {
  // Full rounds of queries waiting ahead of this one, plus on average half of the running ones' cost.
  const double expected_s = (double(queue_.size() / slots_) + 0.5) * mean_query_s_;
  return expected_s > std::chrono::duration<double>(budget_).count();
}

void AdmissionGate::record_cost_locked(Clock::duration took) {
  const double s = std::chrono::duration<double>(took).count();
  mean_query_s_ = mean_query_s_ == 0 ? s : mean_query_s_ + kAverageWeight * (s - mean_query_s_);
}

std::optional<AdmissionGate::Slot> AdmissionGate::enter() {
  if (running_job && running_job->gate == this) {
    if (!running_job->slot) return std::nullopt;  // the job waited past the budget (counted then)
    return Slot(nullptr, *running_job->slot, Clock::now());
  }
  const auto start = Clock::now();
  std::unique_lock lock(mutex_);
  if (!free_.empty() && queue_.empty()) {
    const unsigned index = free_.back();
    free_.pop_back();
    return Slot(this, index, start);
  }
  if (refuse_at_once_locked()) {
    ++refused_;
    return std::nullopt;
  }
  Waiter me;
  queue_.push_back({.waiter = &me, .arrived = start});
  if (!me.wake.wait_until(lock, start + budget_, [&] { return me.slot.has_value(); })) {
    queue_.erase(std::find_if(queue_.begin(), queue_.end(), [&](const Entry& e) { return e.waiter == &me; }));
    ++refused_;
    return std::nullopt;
  }
  return Slot(this, *me.slot, Clock::now());
}

bool AdmissionGate::submit(std::function<void()> job) {
  bool first_job;
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ || (!free_.empty() && queue_.empty()) || refuse_at_once_locked()) return false;
    first_job = !next_expiry_locked();
    queue_.push_back({.job = std::move(job), .arrived = Clock::now()});
  }
  // A gate thread asleep without a deadline learns this job's; with jobs already queued, the threads
  // wake for the older one first and see this one then.
  if (first_job) jobs_ready_.notify_one();
  return true;
}

void AdmissionGate::hand_on_locked(unsigned index) {
  const auto now = Clock::now();
  while (!queue_.empty()) {
    Entry next = std::move(queue_.front());
    queue_.pop_front();
    if (next.waiter) {
      // Notified under the lock: its Waiter lives on its stack and is gone as soon as it returns.
      next.waiter->slot = index;
      next.waiter->wake.notify_one();
      return;
    }
    if (now - next.arrived > budget_) {  // a thread in enter() would have given up by now
      ++refused_;
      ready_.push_back({std::move(next.job), std::nullopt});
      continue;
    }
    ready_.push_back({std::move(next.job), index});
    return;
  }
  free_.push_back(index);
}

void AdmissionGate::leave(unsigned index, Clock::duration took) {
  bool wake_thread;
  {
    const std::lock_guard lock(mutex_);
    record_cost_locked(took);
    hand_on_locked(index);
    wake_thread = !ready_.empty();
  }
  if (wake_thread) jobs_ready_.notify_one();
}

void AdmissionGate::expire_jobs_locked(Clock::time_point now) {
  for (auto it = queue_.begin(); it != queue_.end();) {
    if (it->waiter) {  // a waiting thread gives up by itself
      ++it;
      continue;
    }
    if (now - it->arrived <= budget_) return;  // the rest came later
    ++refused_;
    ready_.push_back({std::move(it->job), std::nullopt});
    it = queue_.erase(it);
  }
}

std::optional<AdmissionGate::Clock::time_point> AdmissionGate::next_expiry_locked() const {
  for (const Entry& e : queue_)
    if (!e.waiter) return e.arrived + budget_ + std::chrono::milliseconds(1);
  return std::nullopt;
}

void AdmissionGate::run_jobs() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (ready_.empty() && !stopping_) {
      // Asleep until a job is ready, or until the oldest queued job's wait is over: it is answered
      // (refused) then, even if every slot stays held by long queries.
      if (const auto expiry = next_expiry_locked())
        jobs_ready_.wait_until(lock, *expiry);
      else
        jobs_ready_.wait(lock);
      expire_jobs_locked(Clock::now());
      continue;
    }
    if (ready_.empty()) return;  // stopping, and nothing left to answer
    Ready r = std::move(ready_.front());
    ready_.pop_front();
    lock.unlock();
    const auto started = Clock::now();
    const RunningJob job{this, r.slot};
    running_job = &job;
    try {
      r.job();
    } catch (...) {  // the server's jobs answer their own errors; one that throws must not end this thread
    }
    running_job = nullptr;
    const auto took = Clock::now() - started;
    lock.lock();
    if (!r.slot) continue;
    record_cost_locked(took);
    // The next queued job, if any, goes to ready_ with this slot, and this thread takes it on its next
    // turn without sleeping; another thread is woken only for what this one will not take at once.
    hand_on_locked(*r.slot);
    if (ready_.size() > 1) jobs_ready_.notify_one();
  }
}

bool AdmissionGate::busy() const {
  const std::lock_guard lock(mutex_);
  return free_.empty() || !queue_.empty();
}

unsigned AdmissionGate::in_use() const {
  const std::lock_guard lock(mutex_);
  return slots_ - unsigned(free_.size());
}

unsigned AdmissionGate::waiting() const {
  const std::lock_guard lock(mutex_);
  return unsigned(queue_.size());
}

std::uint64_t AdmissionGate::refused() const {
  const std::lock_guard lock(mutex_);
  return refused_;
}

}  // namespace portald::search
