#pragma once
// One thread per shard of a rebuild, each the only user of its shard's WritableDatabase (Xapian handles
// are not thread-safe): the calling thread hands every built item to the thread of its shard, so Xapian's
// writes, most of the cost of indexing, run on as many cores as there are shards instead of one.
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "search/document_builder.hpp"

namespace portald::search {

class ShardWriters {
 public:
  // Called on shard `shard`'s thread for each of its items, in the order they were added.
  using Write = std::function<void(unsigned shard, BuiltItem& item)>;
  ShardWriters(unsigned shards, Write write);
  ~ShardWriters();  // abandons what is still queued, and joins
  ShardWriters(const ShardWriters&) = delete;
  ShardWriters& operator=(const ShardWriters&) = delete;

  // Queues an item for its shard's thread; blocks while that thread is far behind. Rethrows the
  // exception of a writer thread that failed.
  void add(unsigned shard, BuiltItem&& item);
  // Waits until every queued item is written and the threads have exited; rethrows a writer's exception.
  void finish();

 private:
  struct Lane;
  void run(Lane& lane, unsigned shard);
  void hand_over(Lane& lane);
  void rethrow_failure();
  void abandon();

  Write write_;
  std::vector<std::unique_ptr<Lane>> lanes_;
  struct Failure;
  std::unique_ptr<Failure> failure_;
};

}  // namespace portald::search
