#include "search/parallel_build.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "daemon/log/log.hpp"
#include "daemon/store/lmdb.hpp"

namespace portald::search {
namespace {

constexpr std::size_t kChunk = 64;  // targets per read transaction and per hand-over

struct Result {
  Target target;
  std::optional<BuiltItem> built;
};

std::optional<BuiltItem> build_one(DocumentBuilder& builder, const store::Txn& txn, const store::Tables& t,
                                   const Target& target) {
  try {
    return builder.load(txn, t, target.kind, target.id);
  } catch (const store::StoreError& e) {
    // One unreadable record must not stop the index: leave it out and say so.
    log::warning("search.record_skipped", {{"kind", to_string(target.kind)}, {"id", target.id}, {"reason", e.what()}});
    return std::nullopt;
  }
}

void build_inline(const store::Store& store, std::span<const Target> targets, bool phrase_pairs, const BuiltSink& sink,
                  const std::function<bool()>& stop) {
  DocumentBuilder builder(phrase_pairs);
  for (std::size_t begin = 0; begin < targets.size(); begin += kChunk) {
    if (stop()) return;
    const store::ReadTxn txn = store.read();
    for (std::size_t i = begin; i < std::min(begin + kChunk, targets.size()); ++i) {
      auto built = build_one(builder, txn, store.tables(), targets[i]);
      sink(targets[i], built);
    }
  }
}

// Workers push finished chunks; the consumer pops them. Bounded so memory stays flat however many
// targets there are.
class ChunkQueue {
 public:
  explicit ChunkQueue(std::size_t capacity) : capacity_(capacity) {}

  // Returns false when the consumer has gone away (stop or error).
  bool push(std::vector<Result>&& chunk) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || chunks_.size() < capacity_; });
    if (closed_) return false;
    chunks_.push_back(std::move(chunk));
    not_empty_.notify_one();
    return true;
  }
  // Returns false once every producer is done and the queue is empty.
  bool pop(std::vector<Result>& chunk) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !chunks_.empty() || producers_ == 0; });
    if (chunks_.empty()) return false;
    chunk = std::move(chunks_.front());
    chunks_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void add_producer() {
    std::lock_guard lock(mutex_);
    ++producers_;
  }
  void producer_done() {
    std::lock_guard lock(mutex_);
    --producers_;
    not_empty_.notify_all();
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_full_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::vector<Result>> chunks_;
  std::size_t capacity_;
  unsigned producers_ = 0;
  bool closed_ = false;
};

}  // namespace

void build_in_parallel(const store::Store& store, std::span<const Target> targets, unsigned threads, bool phrase_pairs,
                       const BuiltSink& sink, const std::function<bool()>& stop) {
  if (threads <= 1 || targets.size() <= 2 * kChunk) return build_inline(store, targets, phrase_pairs, sink, stop);

  ChunkQueue queue(4 * threads);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> quit{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::vector<std::thread> workers;
  const auto work = [&] {
    try {
      DocumentBuilder builder(phrase_pairs);
      for (;;) {
        const std::size_t begin = next.fetch_add(kChunk);
        if (begin >= targets.size() || quit.load()) break;
        std::vector<Result> chunk;
        {
          const store::ReadTxn txn = store.read();
          for (std::size_t i = begin; i < std::min(begin + kChunk, targets.size()); ++i)
            chunk.push_back({targets[i], build_one(builder, txn, store.tables(), targets[i])});
        }
        if (!queue.push(std::move(chunk))) break;
      }
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      quit = true;
    }
    queue.producer_done();
  };
  for (unsigned i = 0; i < threads; ++i) {
    queue.add_producer();
    workers.emplace_back(work);
  }
  try {
    std::vector<Result> chunk;
    while (queue.pop(chunk)) {
      for (auto& r : chunk) sink(r.target, r.built);
      if (stop() || quit.load()) break;
    }
  } catch (...) {
    quit = true;
    queue.close();
    for (auto& w : workers) w.join();
    throw;
  }
  quit = true;
  queue.close();
  for (auto& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace portald::search
