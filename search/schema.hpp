#pragma once
// The layout of the search index: where it lives, term prefixes (Omega's conventions where they
// exist), value slots and the metadata kept with the documents. Changing what a document holds means
// bumping kIndexFormat: the daemon then rebuilds the index from LMDB on its next start.
#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/store/data_dir.hpp"

namespace portald::search {

// 2: section pages, topics, languages (issue 14). 3: published citizens' questions (issue 12); an index of
// format 2 skipped the change-log entries of questions, so it cannot be followed and is rebuilt.
inline constexpr int kIndexFormat = 3;

// The Xapian database directory (store::DataDir::index_dir): derived, disposable, never backed up.
inline std::filesystem::path index_dir(const std::filesystem::path& data_dir) {
  return store::DataDir(data_dir).index_dir();
}

// What is indexed; the letter is part of the unique id term ("Qa12", "Qd7", "Qp3", "Qt2", "Qq5").
enum class ItemKind : char { article = 'a', document = 'd', page = 'p', topic = 't', question = 'q' };
std::string_view to_string(ItemKind kind);  // "article", "document", "page", "topic", "question"

namespace prefix {
inline constexpr std::string_view id = "Q";             // unique: "Q" + kind letter + id
inline constexpr std::string_view title = "S";          // free text (title:, tieude:)
inline constexpr std::string_view agency_text = "XA";   // free text (agency:, coquan:)
inline constexpr std::string_view kind = "XK";          // boolean: to_string(ItemKind)
inline constexpr std::string_view lang = "XL";          // boolean: "vi" | "en"
inline constexpr std::string_view english = "XE";       // free text of lang="en" items, English-stemmed (Z + XE)
inline constexpr std::string_view category = "XC";      // boolean: category slug
inline constexpr std::string_view category_id = "XCI";  // boolean: category id (re-index on rename)
inline constexpr std::string_view agency = "XG";        // boolean: slug of the agency / issuer
inline constexpr std::string_view agency_id = "XGI";    // boolean: agency id (re-index on rename)
inline constexpr std::string_view doc_type = "XT";      // boolean: slug of the legal document type
inline constexpr std::string_view number = "XNO";       // weighted: normalised document number
inline constexpr std::string_view number_part = "XNP";  // weighted: each part of the number
inline constexpr std::string_view pair = "XP";          // weighted: two adjacent folded words of a title/lead
inline constexpr std::string_view phrase_pair = "XQ";   // boolean: two adjacent folded words anywhere (phrases)
}  // namespace prefix

namespace slot {
inline constexpr Xapian::valueno day = 0;   // "YYYYMMDD" (Vietnam date) for date ranges
inline constexpr Xapian::valueno time = 1;  // sortable_serialise(unix time) for "newest first"
}  // namespace slot

namespace meta {
inline constexpr const char* format = "portald.format";                // kIndexFormat as text
inline constexpr const char* state = "portald.state";                  // "ready" | "building"
inline constexpr const char* cursor = "portald.cursor";                // last change-log seq applied
inline constexpr const char* cursor_change = "portald.cursor_change";  // "kind:id:op" of that entry
inline constexpr const char* phrase_pairs = "portald.phrase_pairs";    // "on": every document has XQ terms
// Display names of filter values, for the search form: prefix + slug -> name.
inline constexpr std::string_view agency_name = "portald.agency.";
inline constexpr std::string_view doc_type_name = "portald.doctype.";
}  // namespace meta

// "XPnong_nghiep": two adjacent words, folded. Adjacency as a term, not a phrase check, because
// checking positions for every candidate halved the searches per second (bench/search.sh).
// std::nullopt for words too long to be a term.
inline std::optional<std::string> pair_term(const std::string& first, const std::string& second) {
  if (first.empty() || second.empty() || first.size() + second.size() > 120) return std::nullopt;
  return std::string(prefix::pair) + first + "_" + second;
}

// "XQnong_nghiep": the same pair as a boolean term, from every free text of an item when the index
// keeps phrase pairs (search-phrase-pairs). A quoted phrase first narrows its candidates to the items
// holding all its pairs, a posting-list intersection, and only those get Xapian's position check.
inline std::optional<std::string> phrase_pair_term(const std::string& first, const std::string& second) {
  auto term = pair_term(first, second);
  if (term) term->replace(0, prefix::pair.size(), prefix::phrase_pair);
  return term;
}

inline std::string id_term(ItemKind kind, std::uint64_t id) {
  return std::string(prefix::id) + static_cast<char>(kind) + std::to_string(id);
}

}  // namespace portald::search
