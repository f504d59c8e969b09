#include "daemon/auth/hash_pool.hpp"

namespace portald::auth {
namespace {
thread_local bool t_on_pool = false;  // set for the pool's own threads (HashPool::on_pool_thread)
}  // namespace

bool HashPool::on_pool_thread() { return t_on_pool; }

HashPool::HashPool(HashPoolOptions options) : options_(std::move(options)) {
  const unsigned n = options_.threads ? options_.threads : 1;
  threads_.reserve(n);
  for (unsigned i = 0; i < n; ++i) threads_.emplace_back([this] { run(); });
}

HashPool::~HashPool() {
  {
    const std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

bool HashPool::enqueue(std::function<void()> job) {
  bool admitted = false;
  {
    const std::lock_guard lock(mu_);
    // Room for one job per thread plus the queue; counted from the jobs admitted, not from the queue's
    // length, which still holds a job a free thread has not picked up yet.
    const std::size_t in_flight = running_ + jobs_.size();
    if (!stopping_ && in_flight < threads_.size() + options_.queue) {
      jobs_.push_back(std::move(job));
      admitted = true;
    }
  }
  if (admitted) wake_.notify_one();
  if (options_.on_submit) options_.on_submit(admitted);
  return admitted;
}

void HashPool::run() {
  t_on_pool = true;
  std::unique_lock lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // stopping, and nothing left to do
    auto job = std::move(jobs_.front());
    jobs_.pop_front();
    ++running_;
    lock.unlock();
    job();  // a packaged_task: exceptions land in its future
    lock.lock();
    --running_;
  }
}

std::size_t HashPool::queued() const {
  const std::lock_guard lock(mu_);
  return jobs_.size();
}

std::size_t HashPool::in_flight() const {
  const std::lock_guard lock(mu_);
  return jobs_.size() + running_;
}

}  // namespace portald::auth
