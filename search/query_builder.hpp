#pragma once
// From what a reader typed to a bounded Xapian query. Folded terms decide what matches (no
// diacritics, NFD, either tone placement, any case); exact terms, adjacent syllables and document
// numbers only add weight, so "bán" ranks selling above "bàn" tables and "nông nghiệp" as a pair
// above the two syllables apart. English items also match by English stems ("committees" finds
// "committee"), through their own terms (prefix::english). Every input gives a query: syntax the parser rejects is
// retried as plain words, and length, word count and wildcard expansion are capped.
#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace portald::search {

enum class SortOrder { relevance, newest };

struct SearchRequest {
  std::string q;         // raw text as typed (any bytes)
  std::size_t page = 1;  // from 1
  std::size_t per_page = 10;
  SortOrder sort = SortOrder::relevance;
  std::string category;       // category slug (or name: it is slugified)
  std::string agency;         // agency / issuer slug (or name)
  std::string type;           // "article", "document", "page", "topic", "question" (or their Vietnamese
                              // slugs: "tin-tuc", "van-ban", "trang", "chuyen-de", "hoi-dap"), or a legal
                              // document type ("quyet-dinh")
  std::string lang;           // "vi" or "en"; "" = both
  std::int32_t from_day = 0;  // issue/publication date range, days since epoch; 0 = open
  std::int32_t to_day = 0;
};

namespace limits {
inline constexpr std::size_t query_chars = 200;          // code points kept of the query text
inline constexpr std::size_t query_words = 24;           // words kept
inline constexpr Xapian::termcount wildcard_terms = 30;  // expansion of an autocompleted word
}  // namespace limits

struct BuiltQuery {
  Xapian::Query query;    // text and filters together; empty when there is nothing to search
  std::string text;       // the normalised text the query was made from (after any cut)
  bool has_text = false;  // false: filters only (list newest first)
  bool cut = false;       // the text was longer than the limits and was cut
};

// Holds the query parsers and a stemmer: one per thread.
class QueryBuilder {
 public:
  QueryBuilder();
  // phrase_pairs: the index holds phrase pairs (schema.hpp), so quoted phrases first narrow by them.
  BuiltQuery build(const SearchRequest& request, bool phrase_pairs = false);
  // "Did you mean": a corrected form of `text` that differs in more than diacritics, or "".
  std::string spelling_suggestion(const std::string& text, const Xapian::Database& db);
  // Query for autocomplete: the words before the last as typed, the last one as a folded prefix
  // (bounded expansion); empty when there is nothing to complete.
  Xapian::Query completion_query(const std::vector<std::string>& head_words, const std::string& last_word);
  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  // Parses with `flags` (default: phrases, boolean operators, +/-) and falls back to the bare words.
  Xapian::Query parse(Xapian::QueryParser& parser, const std::string& text, unsigned extra_flags = 0,
                      unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                       Xapian::QueryParser::FLAG_LOVEHATE);
  Xapian::Stem stemmer_, english_stemmer_;
  Xapian::QueryParser folded_, exact_, english_;
};

}  // namespace portald::search
