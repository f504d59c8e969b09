#pragma once
// Which media files something published uses (table "media_uses"): a file is served to everyone only
// while a published article, a section page, a legal document or the site settings link to it
// (issue 16, finding 1). The tables of those records keep it in the same transaction as their writes.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/model/site_page.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

enum class MediaUser : char { article = 'a', page = 'p', document = 'd', settings = 's' };

// Replaces the uses `user` #`user_id` had (`before`) by those it has now (`after`).
void record_media_uses(WriteTxn& txn, const Tables& t, MediaUser user, std::uint64_t user_id,
                       const std::vector<std::uint64_t>& before, const std::vector<std::uint64_t>& after);
// True while something published uses the file.
bool media_in_public_use(const Txn& txn, const Tables& t, std::uint64_t media_id);
// Fills the table from what is published now (the upgrade to schema 2); returns the number of uses.
std::size_t rebuild_media_uses(WriteTxn& txn, const Tables& t);
// The media a section page links to (its body and its entries' cells).
std::vector<std::uint64_t> site_page_media(const model::SitePage& page);
// A new random media token (model::looks_like_media_token); throws StoreError if the system has no
// randomness to give.
std::string new_media_token();

}  // namespace portald::store
