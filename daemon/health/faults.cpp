#include "daemon/health/faults.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

namespace portald::health {
namespace {

constexpr auto kMaxWedge = std::chrono::minutes(10);

std::mutex mutex;
std::condition_variable released_cv;
bool released = false;             // guarded by mutex
std::vector<std::thread> writers;  // wedged writers and held threads, guarded by mutex

void wait_for_release(std::chrono::milliseconds limit = kMaxWedge) {
  std::unique_lock lock(mutex);
  released_cv.wait_for(lock, std::min<std::chrono::milliseconds>(limit, kMaxWedge), [] { return released; });
}

}  // namespace

bool test_faults_enabled() {
  static const bool enabled = [] {
    const char* v = std::getenv("PORTALD_TEST_FAULTS");
    return v && std::strcmp(v, "1") == 0;
  }();
  return enabled;
}

void wedge_this_thread() { wait_for_release(); }

void wedge_writer(const store::Store& store, BusyTracker& store_writers) {
  std::mutex started_mutex;
  std::condition_variable started_cv;
  bool started = false;
  std::thread t([&store, &store_writers, &started_mutex, &started_cv, &started] {
    store::WriteTxn txn = store.write();
    const auto scope = store_writers.enter();
    {
      const std::lock_guard lock(started_mutex);
      started = true;
    }
    started_cv.notify_one();
    wait_for_release();
  });  // the transaction aborts when the thread ends
  std::unique_lock lock(started_mutex);
  started_cv.wait(lock, [&] { return started; });
  const std::lock_guard guard(mutex);
  writers.push_back(std::move(t));
}

void start_held_thread(std::chrono::milliseconds limit, std::function<void(const std::function<void()>& wait)> hold) {
  std::thread t([limit, hold = std::move(hold)] { hold([limit] { wait_for_release(limit); }); });
  const std::lock_guard guard(mutex);
  writers.push_back(std::move(t));
}

void release_test_faults() {
  std::vector<std::thread> to_join;
  {
    const std::lock_guard lock(mutex);
    released = true;
    to_join.swap(writers);
  }
  released_cv.notify_all();
  for (auto& t : to_join) t.join();
}

}  // namespace portald::health
