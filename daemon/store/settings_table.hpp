#pragma once
#include "daemon/model/site_settings.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// The site settings; defaults when none were saved yet.
model::SiteSettings get_site_settings(const Txn& txn, const Tables& t);
void put_site_settings(WriteTxn& txn, const Tables& t, const model::SiteSettings& s);
// The embed allow-list of the stored settings, for sanitising a body inside the same transaction.
model::EmbedPolicy get_embed_policy(const Txn& txn, const Tables& t);
// Maintenance mode ("maintenance" key); off when never set.
model::Maintenance get_maintenance(const Txn& txn, const Tables& t);
void put_maintenance(WriteTxn& txn, const Tables& t, const model::Maintenance& m);

}  // namespace portald::store
