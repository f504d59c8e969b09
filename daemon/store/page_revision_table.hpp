#pragma once
// Every saved version of the section pages, pending ones included (table "page_revisions", issue 14).
// The pages readers see are in page_table.hpp; only an approval copies a revision there.
#include <cstdint>
#include <optional>
#include <vector>

#include "daemon/model/page_revision.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// A new page id, for a page that exists only as a pending revision until it is approved (put_site_page
// then keeps it, since no page has its language and slug yet).
std::uint64_t reserve_page_id(WriteTxn& txn, const Tables& t);
// Appends a revision with the next number for its page (entries sized to the kind's columns, body
// sanitised); returns that number. No change-log entry: nothing public changed.
std::uint32_t add_page_revision(WriteTxn& txn, const Tables& t, model::PageRevision r);
// Rewrites revision r.number of r.page_id (its state and decision).
void put_page_revision(WriteTxn& txn, const Tables& t, const model::PageRevision& r);
std::optional<model::PageRevision> get_page_revision(const Txn& txn, const Tables& t, std::uint64_t page_id,
                                                     std::uint32_t n);
// Oldest first.
std::vector<model::PageRevision> list_page_revisions(const Txn& txn, const Tables& t, std::uint64_t page_id);
// The ids of every page that has revisions, ascending (pages created in the admin and not yet approved
// have no record in "pages", only revisions).
std::vector<std::uint64_t> page_ids_with_revisions(const Txn& txn, const Tables& t);

}  // namespace portald::store
