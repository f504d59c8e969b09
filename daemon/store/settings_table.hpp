#pragma once
#include "daemon/model/site_settings.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// The site settings; defaults when none were saved yet.
model::SiteSettings get_site_settings(const Txn& txn, const Tables& t);
void put_site_settings(WriteTxn& txn, const Tables& t, const model::SiteSettings& s);
// Maintenance mode ("maintenance" key); off when never set.
model::Maintenance get_maintenance(const Txn& txn, const Tables& t);
void put_maintenance(WriteTxn& txn, const Tables& t, const model::Maintenance& m);

}  // namespace portald::store
