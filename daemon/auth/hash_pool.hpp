#pragma once
// A few threads that run the slow Argon2id work (login checks, new password hashes) so that a burst of
// logins cannot take every HTTP worker, with a bounded queue: a job beyond it is refused at once, and
// the caller answers 503 instead of waiting.
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
  // Jobs admitted at once, queued plus running; 0 = threads + queue. The daemon sets it below its HTTP
  // worker count, since each admitted login holds a worker while it waits for its result.
  std::size_t max_in_flight = 0;
  // Told once per try_submit: true when the job was admitted (for the metrics); may be empty.
  std::function<void(bool admitted)> on_submit{};
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

// Runs job() on the pool and waits for it; job() inline when pool is nullptr (tests, tools). std::nullopt
// when the pool's queue is full. Rethrows what job() threw.
template <class F>
auto run_hashing(HashPool* pool, F job) -> std::optional<std::invoke_result_t<F&>> {
  if (!pool) return job();
  auto result = pool->try_submit(std::move(job));
  if (!result) return std::nullopt;
  return result->get();
}

}  // namespace portald::auth
