#pragma once
// A few threads that run the slow Argon2id work (login checks, new password hashes) so that a burst of
// logins cannot take every HTTP worker, with a bounded queue: a job beyond it is refused at once, and
// the caller answers 503 instead of waiting. In the daemon the requests that hash are handed here whole
// while their connection is suspended (web/server ServerLimits::offload), so no worker waits for them.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace portald::auth {

struct HashPoolOptions {
  unsigned threads = 1;    // hashes running at once (each ~64 MiB and one core for ~55 ms)
  std::size_t queue = 16;  // jobs admitted while all threads are busy; more are refused
  // Told once per try_submit: true when the job was admitted (for the metrics); may be empty.
  std::function<void(bool admitted)> on_submit{};
  // The daemon hands the requests that hash to the pool whole (ServerLimits::offload), so a hash asked
  // for anywhere else comes from a request that was not (its queue was full): refused at once, so no
  // HTTP worker ever waits for a hash. false (tests, tools): such callers queue and wait.
  bool refuse_outside_callers = false;
};

class HashPool {
 public:
  // Starts options.threads threads (at least one).
  explicit HashPool(HashPoolOptions options);
  // Runs the jobs still queued, then joins the threads.
  ~HashPool();
  HashPool(const HashPool&) = delete;
  HashPool& operator=(const HashPool&) = delete;

  // Queues job(); std::nullopt when the queue is full. The future carries the result or the exception.
  template <class F>
  auto try_submit(F job) -> std::optional<std::future<std::invoke_result_t<F&>>> {
    using R = std::invoke_result_t<F&>;
    auto task = std::make_shared<std::packaged_task<R()>>(std::move(job));
    std::future<R> result = task->get_future();
    if (!enqueue([task] { (*task)(); })) return std::nullopt;
    return result;
  }

  // True on one of a pool's threads: a whole request handled there (the HTTP server's offload, issue 16)
  // hashes in place instead of queueing behind itself.
  static bool on_pool_thread();

  bool refuses_outside_callers() const { return options_.refuse_outside_callers; }

  // Jobs waiting for a thread (not counting the running ones).
  std::size_t queued() const;
  // Jobs admitted and not finished (queued plus running).
  std::size_t in_flight() const;

 private:
  bool enqueue(std::function<void()> job);
  void run();

  HashPoolOptions options_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// Runs job() on the pool and waits for it; job() inline when pool is nullptr (tests, tools) or when
// already on a pool thread (the request itself was handed to the pool). std::nullopt when the pool's
// queue is full, or at once from outside the pool when it refuses outside callers. Rethrows what job() threw.
template <class F>
auto run_hashing(HashPool* pool, F job) -> std::optional<std::invoke_result_t<F&>> {
  if (!pool || HashPool::on_pool_thread()) return job();
  if (pool->refuses_outside_callers()) return std::nullopt;
  auto result = pool->try_submit(std::move(job));
  if (!result) return std::nullopt;
  return result->get();
}

}  // namespace portald::auth
