#pragma once
// The thread between the editorial board and an article's provider (issue 16, Điều 8.2): table
// "article_notes". Key: be64(article id) + be32(seq), so an article's notes are one range, oldest first.
// Notes are internal: never in the change log, the search index or the public site.
#include <cstdint>
#include <optional>
#include <vector>

#include "daemon/model/article_note.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// Stores `note` as the article's next note (its seq is set here: one more than the last); returns the seq.
std::uint32_t add_article_note(WriteTxn& txn, const Tables& t, model::ArticleNote note);
// The article's notes, oldest first.
std::vector<model::ArticleNote> list_article_notes(const Txn& txn, const Tables& t, std::uint64_t article);
// The newest note of `kind` on the article; std::nullopt when there is none.
std::optional<model::ArticleNote> last_article_note(const Txn& txn, const Tables& t, std::uint64_t article,
                                                    model::NoteKind kind);

}  // namespace portald::store
