#include "daemon/store/store_head.hpp"

#include <lmdb.h>

#include "daemon/store/change_log.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::store {

Head HeadCache::current() const {
  MDB_envinfo info{};
  auto head = head_.load(std::memory_order_acquire);
  if (head && mdb_env_info(store_.env().get(), &info) == MDB_SUCCESS && info.me_last_txnid == head->txn_id)
    return *head;
  const ReadTxn txn = store_.read();
  // The transaction's own id, not the one just read: a commit landing in between only makes the
  // next request read again.
  auto fresh = std::make_shared<const Head>(Head{.txn_id = mdb_txn_id(txn.get()),
                                                 .latest_change = latest_change(txn, store_.tables()),
                                                 .maintenance = get_maintenance(txn, store_.tables()).on});
  head_.store(fresh, std::memory_order_release);
  return *fresh;
}

}  // namespace portald::store
