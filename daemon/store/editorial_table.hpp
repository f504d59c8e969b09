#pragma once
// Editorial state and revisions of articles (tables "editorial" and "revisions").
#include <optional>
#include <vector>

#include "daemon/model/editorial.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::EditorialState> get_editorial(const Txn& txn, const Tables& t, std::uint64_t article_id);
void put_editorial(WriteTxn& txn, const Tables& t, const model::EditorialState& e);
// Every editorial record (small: one per article handled in the admin).
std::vector<model::EditorialState> list_editorial(const Txn& txn, const Tables& t);

// Appends a revision with the next number for its article; returns that number.
std::uint32_t add_revision(WriteTxn& txn, const Tables& t, model::Revision r);
std::optional<model::Revision> get_revision(const Txn& txn, const Tables& t, std::uint64_t article_id, std::uint32_t n);
// Oldest first.
std::vector<model::Revision> list_revisions(const Txn& txn, const Tables& t, std::uint64_t article_id);

}  // namespace portald::store
