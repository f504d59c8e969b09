#pragma once
// The publishing scheduler: a thread that publishes scheduled articles when their time comes and
// withdraws published ones whose expiry time has passed (issue 14), both in one write transaction. The
// schedule lives in LMDB (editorial states), so a restart loses nothing: the first pass after start
// publishes whatever fell due while the daemon was down.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "daemon/mail/outbox.hpp"
#include "daemon/store/store.hpp"

namespace portald::editorial {

class Scheduler {
 public:
  // `outbox` takes the authors' notices of what it publishes (Điều 8.4); a default one is mail off.
  explicit Scheduler(const store::Store& store, mail::Outbox outbox = {},
                     std::chrono::milliseconds period = std::chrono::seconds(5));
  ~Scheduler();  // stops and joins
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;
  // One pass now (also what the thread does every period); returns how many were published or withdrawn.
  std::size_t run_once();

 private:
  void loop();
  const store::Store& store_;
  mail::Outbox outbox_;
  std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace portald::editorial
