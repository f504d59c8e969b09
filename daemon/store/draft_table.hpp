#pragma once
// The editors' private autosaves (table "drafts"): one record per article and user, overwritten. No
// change-log entry: a draft is nobody's content but its author's, so caches, feeds and the search index
// never hear of it.
#include <cstdint>
#include <optional>
#include <string_view>

#include "daemon/model/editorial.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::Draft> get_draft(const Txn& txn, const Tables& t, std::uint64_t article_id,
                                      std::string_view username);
// Replaces the draft of (d.article_id, d.username).
void put_draft(WriteTxn& txn, const Tables& t, const model::Draft& d);
// False when there was none.
bool delete_draft(WriteTxn& txn, const Tables& t, std::uint64_t article_id, std::string_view username);

}  // namespace portald::store
