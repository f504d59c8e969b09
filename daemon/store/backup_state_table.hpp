#pragma once
// The backup state record: one record in the `meta` table (key meta_key::backup_state, where it has
// always been, so no migration and every snapshot restores with it as it was).
#include <functional>

#include "daemon/model/backup_state.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// The recorded state; empty when there is none or it cannot be read (never throws for that: the next
// run rewrites it).
model::BackupState get_backup_state(const Txn& txn, const Tables& t);
// Writes the state, keeping the newest 64 verifications.
void put_backup_state(WriteTxn& txn, const Tables& t, model::BackupState s);
// Read-modify-write in one write transaction. Throws StoreError.
void update_backup_state(const Store& store, const std::function<void(model::BackupState&)>& change);

}  // namespace portald::store
