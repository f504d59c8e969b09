#pragma once
// Legal documents (văn bản) and the media table that holds their attachments.
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/legal_document.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::LegalDocument> get_document(const Txn& txn, const Tables& t, std::uint64_t id);
std::optional<std::uint64_t> find_document_by_source(const Txn& txn, const Tables& t, std::string_view source_id);
// The document when readers may see it (published); std::nullopt for a draft, a withdrawn or no document.
std::optional<model::LegalDocument> get_public_document(const Txn& txn, const Tables& t, std::uint64_t id);
// Ids of every document (in any state) whose number folds to the same text as `number`, oldest first.
// Walks the whole table: for the admin's writes, not for pages readers open.
std::vector<std::uint64_t> find_documents_by_number(const Txn& txn, const Tables& t, std::string_view number);
// Inserts (id == 0) or replaces; keeps indexes and the change log. Returns the id.
std::uint64_t put_document(WriteTxn& txn, const Tables& t, model::LegalDocument doc);
// Published documents, newest issue date first.
std::vector<model::LegalDocument> newest_documents(const Txn& txn, const Tables& t, Page page);

std::optional<model::Media> get_media(const Txn& txn, const Tables& t, std::uint64_t id);
// The media library, newest first, without the bytes.
struct MediaInfo {
  std::uint64_t id = 0;
  std::string file_name;
  std::string content_type;
  std::size_t size = 0;
  std::string token{};
  std::string owner{};
};
// With `owner`, only the files that user uploaded.
std::vector<MediaInfo> list_media(const Txn& txn, const Tables& t, std::size_t limit, std::string_view owner = {});
// One item's name, type, size, token and owner without copying its bytes; std::nullopt when there is none.
std::optional<MediaInfo> get_media_info(const Txn& txn, const Tables& t, std::uint64_t id);
// Stores bytes under a new id, with a new random token unless media.token is set; returns the id.
std::uint64_t add_media(WriteTxn& txn, const Tables& t, const model::Media& media);
// Removes the file (its bytes and record) with its change-log entry; false when there was none. Callers
// check first that nothing references it (media/orphans.hpp).
bool delete_media(WriteTxn& txn, const Tables& t, std::uint64_t id);
// Gives every media record without a token one (the upgrade to schema 2); returns how many.
std::size_t give_media_tokens(WriteTxn& txn, const Tables& t);

}  // namespace portald::store
