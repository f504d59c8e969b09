#pragma once
// The daemon's indexer: one thread that owns the index's writer, catches up from the stored cursor on
// start, rebuilds in the background when the index is missing, corrupt or stale, then polls the
// change-log head every `poll` so a publish is searchable well within a second. A rebuild writes a
// fresh directory beside the live index, which keeps answering, and switches atomically
// (index_layout.hpp); searches answer "unavailable" only while there is no readable index at all. A
// switch made by portaldctl reindex is picked up at the next poll.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"
#include "search/index_lag.hpp"

namespace portald::search {

class IndexWriter;

// What searchers need to know about the index, shared lock-free between the indexer and HTTP threads.
// The live index's directory. Readers hold it while they use it; the indexer deletes a retired one
// once no reader holds it any more (or a minute after it was retired).
struct LiveIndex {
  std::filesystem::path dir;
};

struct IndexStatus {
  enum class Phase { starting, waiting_for_lock, rebuilding, following, failed, stopped };
  std::atomic<bool> ready{false};            // searchable (a rebuild has completed)
  std::atomic<std::uint64_t> epoch{1};       // changes when the database files are recreated
  std::atomic<std::uint64_t> generation{1};  // changes after every commit
  std::atomic<std::uint64_t> cursor{0};      // last change-log seq that is searchable
  std::atomic<Phase> phase{Phase::starting};
  std::atomic<std::size_t> rebuild_done{0}, rebuild_total{0};

  // nullptr when the index was not opened by an Indexer (tests): readers then open the index root.
  std::shared_ptr<const LiveIndex> live() const {
    std::lock_guard lock(live_mutex_);
    return live_;
  }
  // Returns the previous one.
  std::shared_ptr<const LiveIndex> exchange_live(std::shared_ptr<const LiveIndex> next) {
    std::lock_guard lock(live_mutex_);
    std::swap(live_, next);
    return next;
  }

 private:
  mutable std::mutex live_mutex_;
  std::shared_ptr<const LiveIndex> live_;
};

class Indexer {
 public:
  struct Options {
    std::chrono::milliseconds poll{200};
    unsigned threads = 0;     // document-building workers; 0 = one per core
    std::size_t batch = 500;  // change-log entries per commit while following (see commit_every)
    // Index every two adjacent words as a term (search-phrase-pairs); an index built the other way is
    // rebuilt beside the live one, which answers meanwhile.
    bool phrase_pairs = false;
    // Shards of a rebuilt index, each written by its own thread (search-shards); 0 = one per core. It only
    // speeds rebuilding, so an index with another number is kept: the next rebuild uses this one.
    unsigned shards = 0;
    // Called on the indexer's thread after each pass while following (every `poll` while idle) and
    // during a rebuild: the change-log entries not yet searchable and when the oldest of them was first
    // seen (0 when none is pending; index_lag.hpp). The daemon hands it to its health monitor.
    std::function<void(std::uint64_t pending, model::UnixTime oldest_pending_at)> report_lag;
  };
  // Starts the thread; the index itself is opened (or rebuilt) there, so this returns at once.
  Indexer(const store::Store& store, std::filesystem::path dir, Options options);
  Indexer(const store::Store& store, std::filesystem::path dir) : Indexer(store, std::move(dir), Options{}) {}
  ~Indexer();  // stop() and join
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  // Asks the thread to finish its current step and exit (an unfinished rebuild restarts next time).
  void stop();
  // Makes the thread look at the change log now instead of at the next poll.
  void wake();

  const IndexStatus& status() const { return status_; }
  const std::filesystem::path& dir() const { return dir_; }
  // For the watchdog's health gate: std::nullopt while the thread runs and makes progress. A rebuild
  // or waiting for the lock is healthy; a dead or stuck thread is not.
  std::optional<std::string> health_problem() const;
  // One line for systemd's STATUS=: "search index rebuilding 45% (45000/100000)", "", ...
  std::string describe() const;

 private:
  void run();
  void step();
  void open();
  void rebuild();
  // Makes `dir` the index searches read, from change `cursor` on; retires the one they read before.
  void publish(const std::filesystem::path& dir, std::uint64_t cursor);
  // No readable index: searches answer "unavailable".
  void withdraw();
  // Deletes the retired index directories no reader uses any more.
  void remove_retired();
  std::vector<std::filesystem::path> retired_dirs() const;
  void failed(const std::string& reason);
  void sleep_for(std::chrono::milliseconds d);
  bool stopping() const { return stop_.load(); }
  void beat();
  // Reads the change-log head and passes the lag behind `cursor` to options_.report_lag, if set.
  void report_lag(std::uint64_t cursor);

  const store::Store& store_;
  std::filesystem::path dir_;
  Options options_;
  IndexStatus status_;
  IndexLag lag_;  // the indexer thread's only
  std::unique_ptr<IndexWriter> writer_;
  std::filesystem::path writer_dir_;  // the live index writer_ has open
  struct Retired {
    std::shared_ptr<const LiveIndex> index;
    std::chrono::steady_clock::time_point since;
  };
  std::vector<Retired> retired_;
  bool need_rebuild_ = false;
  bool lock_logged_ = false;
  unsigned consecutive_failures_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> thread_exited_{false};
  std::atomic<std::int64_t> heartbeat_ms_{0};
  std::mutex wake_mutex_;
  std::condition_variable wake_cv_;
  bool woken_ = false;
  std::thread thread_;  // last: starts after every member above is ready
};

}  // namespace portald::search
