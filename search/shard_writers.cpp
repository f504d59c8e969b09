#include "search/shard_writers.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace portald::search {
namespace {

constexpr std::size_t kBatch = 32;      // items per hand-over: one lock per batch, not per item
constexpr std::size_t kMaxBatches = 8;  // per shard: memory stays flat however far a writer falls behind

}  // namespace

struct ShardWriters::Lane {
  std::mutex mutex;
  std::condition_variable not_empty, not_full;
  std::deque<std::vector<BuiltItem>> batches;
  std::vector<BuiltItem> filling;  // the calling thread's only
  bool closed = false;
  std::thread thread;
};

struct ShardWriters::Failure {
  std::atomic<bool> abort{false};
  std::mutex mutex;
  std::exception_ptr error;
};

ShardWriters::ShardWriters(unsigned shards, Write write)
    : write_(std::move(write)), failure_(std::make_unique<Failure>()) {
  for (unsigned k = 0; k < std::max(1u, shards); ++k) lanes_.push_back(std::make_unique<Lane>());
  try {
    for (unsigned k = 0; k < lanes_.size(); ++k) lanes_[k]->thread = std::thread([this, k] { run(*lanes_[k], k); });
  } catch (...) {
    abandon();
    throw;
  }
}

ShardWriters::~ShardWriters() { abandon(); }

void ShardWriters::run(Lane& lane, unsigned shard) {
  try {
    for (;;) {
      std::vector<BuiltItem> batch;
      {
        std::unique_lock lock(lane.mutex);
        lane.not_empty.wait(lock, [&] { return failure_->abort || lane.closed || !lane.batches.empty(); });
        if (failure_->abort || lane.batches.empty()) return;
        batch = std::move(lane.batches.front());
        lane.batches.pop_front();
      }
      lane.not_full.notify_one();
      for (auto& item : batch) {
        if (failure_->abort) return;
        write_(shard, item);
      }
    }
  } catch (...) {
    {
      std::lock_guard lock(failure_->mutex);
      if (!failure_->error) failure_->error = std::current_exception();
    }
    failure_->abort = true;
    for (auto& other : lanes_) {
      std::lock_guard lock(other->mutex);
      other->not_full.notify_all();
      other->not_empty.notify_all();
    }
  }
}

void ShardWriters::rethrow_failure() {
  if (!failure_->abort) return;
  std::lock_guard lock(failure_->mutex);
  if (failure_->error) std::rethrow_exception(failure_->error);
}

void ShardWriters::hand_over(Lane& lane) {
  if (lane.filling.empty()) return;
  {
    std::unique_lock lock(lane.mutex);
    lane.not_full.wait(lock, [&] { return failure_->abort || lane.batches.size() < kMaxBatches; });
    if (!failure_->abort) lane.batches.push_back(std::move(lane.filling));
  }
  lane.filling.clear();
  lane.not_empty.notify_one();
  rethrow_failure();
}

void ShardWriters::add(unsigned shard, BuiltItem&& item) {
  rethrow_failure();
  Lane& lane = *lanes_.at(shard);
  lane.filling.push_back(std::move(item));
  if (lane.filling.size() >= kBatch) hand_over(lane);
}

void ShardWriters::finish() {
  for (auto& lane : lanes_) hand_over(*lane);
  for (auto& lane : lanes_) {
    {
      std::lock_guard lock(lane->mutex);
      lane->closed = true;
    }
    lane->not_empty.notify_all();
  }
  for (auto& lane : lanes_)
    if (lane->thread.joinable()) lane->thread.join();
  rethrow_failure();
}

void ShardWriters::abandon() {
  failure_->abort = true;
  for (auto& lane : lanes_) {
    {
      std::lock_guard lock(lane->mutex);
      lane->closed = true;
    }
    lane->not_empty.notify_all();
    lane->not_full.notify_all();
  }
  for (auto& lane : lanes_)
    if (lane->thread.joinable()) lane->thread.join();
}

}  // namespace portald::search
