#pragma once
// Retention of citizens' personal data (issue 12, Nghị định 13/2023): a thread that erases, once an hour,
// the contacts of items published or closed longer ago than the settings keep them
// (questions::erase_expired). The first pass runs at start, so a daemon that was down catches up.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "daemon/store/store.hpp"

namespace portald::questions {

class RetentionSweep {
 public:
  explicit RetentionSweep(const store::Store& store, std::chrono::milliseconds period = std::chrono::hours(1));
  ~RetentionSweep();  // stops and joins
  RetentionSweep(const RetentionSweep&) = delete;
  RetentionSweep& operator=(const RetentionSweep&) = delete;

 private:
  void loop();
  const store::Store& store_;
  std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace portald::questions
