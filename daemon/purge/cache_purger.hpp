#pragma once
// Purge on publish (issue 17): a thread that follows the change log from where it starts and, for each
// batch of changes, sends the cache nodes one PURGE with the surrogate keys that batch touched
// (web/surrogate_keys.hpp). It only reads the store, so an editor's save never waits for it. A node
// that fails is retried with growing pauses; after the last attempt the batch is counted in
// portald_cache_purge_failures_total and logged, and the pages expire by their s-maxage instead.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

#include "daemon/config/listen_address.hpp"
#include "daemon/health/metrics.hpp"
#include "daemon/store/store.hpp"

namespace portald::purge {

struct PurgerOptions {
  std::vector<config::ListenAddress> nodes;
  std::chrono::milliseconds poll{200};      // how often the change log is read
  std::chrono::milliseconds timeout{2000};  // per attempt
  std::vector<std::chrono::milliseconds> retries{std::chrono::milliseconds(250), std::chrono::seconds(1),
                                                 std::chrono::seconds(5)};  // pauses before each retry
};

class CachePurger {
 public:
  // Starts the thread at the change log's current head. `metrics` gets the purge counters.
  CachePurger(store::Store& store, PurgerOptions options, health::Registry& metrics);
  // Stops and joins the thread (a retry pause in progress is cut short).
  ~CachePurger();
  CachePurger(const CachePurger&) = delete;
  CachePurger& operator=(const CachePurger&) = delete;

 private:
  void run(std::stop_token stop, std::uint64_t cursor);  // cursor: the change log seq already seen
  void purge(const config::ListenAddress& node, const std::string& keys, std::stop_token stop);
  bool pause(std::chrono::milliseconds d, std::stop_token stop);

  store::Store& store_;
  PurgerOptions options_;
  health::Counter& sent_;
  health::Counter& failures_;
  std::mutex mu_;
  std::condition_variable_any cv_;
  std::jthread thread_;  // last: started after everything it uses
};

}  // namespace portald::purge
