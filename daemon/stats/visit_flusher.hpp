#pragma once
// Writes the views counted in memory to the store (issue 13): every `period` on its own thread, in ONE
// write transaction per pass, and once more when stopped (a clean shutdown loses nothing; a crash loses
// at most one period).
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

#include "daemon/model/time.hpp"
#include "daemon/stats/visit_counter.hpp"
#include "daemon/store/store.hpp"

namespace portald::stats {

struct FlushResult {
  std::size_t written = 0;  // records added to
  std::size_t dropped = 0;  // views of an object the store no longer knows (a renamed category's old slug)
};

// Takes the counter's pending views, writes them in one transaction and tells the counter the stored
// figures of today and of all days. Throws StoreError when the write fails (the batch is then lost).
FlushResult flush_visits(const store::Store& store, VisitCounter& counter, model::UnixTime now);

class VisitFlusher {
 public:
  VisitFlusher(const store::Store& store, VisitCounter& counter, std::chrono::milliseconds period);
  ~VisitFlusher();  // stops, joins, and flushes what is left
  VisitFlusher(const VisitFlusher&) = delete;
  VisitFlusher& operator=(const VisitFlusher&) = delete;

 private:
  void loop();
  void pass();
  const store::Store& store_;
  VisitCounter& counter_;
  std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace portald::stats
