#pragma once
// A small LRU cache of finished answers, tagged with the index generation they were computed at:
// the first lookup with a newer generation (the indexer committed) empties it, so an answer is never
// older than the index. Thread-safe; values are shared, immutable.
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace portald::search {

template <class Value>
class ResultCache {
 public:
  explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const Value> get(const std::string& key, std::uint64_t generation) {
    std::lock_guard lock(mutex_);
    if (generation != generation_) {
      if (generation > generation_) reset(generation);
      return nullptr;  // an older generation (a racing reader) never empties a newer cache
    }
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    ++hits_;
    return it->second->second;
  }

  // Keeps `value` unless it belongs to an older generation than the cache now holds.
  void put(const std::string& key, std::uint64_t generation, std::shared_ptr<const Value> value) {
    if (capacity_ == 0) return;
    std::lock_guard lock(mutex_);
    if (generation < generation_) return;
    if (generation > generation_) reset(generation);
    if (const auto it = index_.find(key); it != index_.end()) {
      it->second->second = std::move(value);
      order_.splice(order_.begin(), order_, it->second);
      return;
    }
    order_.emplace_front(key, std::move(value));
    index_.emplace(key, order_.begin());
    if (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return order_.size();
  }
  std::uint64_t hits() const {
    std::lock_guard lock(mutex_);
    return hits_;
  }

 private:
  void reset(std::uint64_t generation) {
    order_.clear();
    index_.clear();
    generation_ = generation;
  }

  using Entry = std::pair<std::string, std::shared_ptr<const Value>>;
  mutable std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
  std::size_t capacity_;
  std::uint64_t generation_ = 0;
  std::uint64_t hits_ = 0;
};

}  // namespace portald::search
