#pragma once
// Workflow state and revisions of legal documents (tables "document_editorial" and
// "document_revisions"), as editorial_table.hpp keeps them for articles. No change-log entries: these are
// the admin's records; what readers see changes only through put_document.
#include <optional>
#include <vector>

#include "daemon/model/document_editorial.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// std::nullopt for a document never handled in the admin (an imported one).
std::optional<model::DocumentState> get_document_state(const Txn& txn, const Tables& t, std::uint64_t document_id);
void put_document_state(WriteTxn& txn, const Tables& t, const model::DocumentState& s);

// Appends a revision with the next number for its document; returns that number.
std::uint32_t add_document_revision(WriteTxn& txn, const Tables& t, model::DocumentRevision r);
std::optional<model::DocumentRevision> get_document_revision(const Txn& txn, const Tables& t, std::uint64_t document_id,
                                                             std::uint32_t n);
// Oldest first.
std::vector<model::DocumentRevision> list_document_revisions(const Txn& txn, const Tables& t,
                                                             std::uint64_t document_id);

}  // namespace portald::store
