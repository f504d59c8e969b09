#pragma once
// What every public page reads from the store before it answers: the change-log head (the page
// cache's generation) and whether maintenance mode is on. Two LMDB read transactions per request
// were about a twentieth of a cached page's CPU; these two values change only when a write commits,
// so they are re-read only when LMDB's last committed transaction id has moved (any process's write:
// the id is in the shared meta pages, read without a transaction).
#include <atomic>
#include <cstdint>
#include <memory>

#include "daemon/store/store.hpp"

namespace portald::store {

struct Head {
  std::uint64_t txn_id = 0;         // the snapshot these were read in
  std::uint64_t latest_change = 0;  // store::latest_change
  bool maintenance = false;         // store::get_maintenance(...).on
};

class HeadCache {
 public:
  explicit HeadCache(const Store& store) : store_(store) {}
  // The values as of the newest committed transaction (read again in a transaction when it moved).
  Head current() const;

 private:
  const Store& store_;
  mutable std::atomic<std::shared_ptr<const Head>> head_;
};

}  // namespace portald::store
