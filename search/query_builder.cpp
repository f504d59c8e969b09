#include "search/query_builder.hpp"

#include "daemon/model/text.hpp"
#include "daemon/model/time.hpp"
#include "search/document_number.hpp"
#include "search/fold_stemmer.hpp"
#include "search/schema.hpp"
#include "search/vietnamese.hpp"

namespace portald::search {
namespace {

using Q = Xapian::Query;

constexpr double kExactBoost = 3.0;   // an exact-diacritics match outweighs any folded-only one
constexpr double kNumberBoost = 4.0;  // the document with that number beats texts that cite it
constexpr std::size_t kMaxAdjacentWords = 8;
constexpr unsigned kExactFlags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_LOVEHATE;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<std::string> split_space(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) out.emplace_back(text.substr(start, i - start));
  }
  return out;
}

// At most limits::query_chars code points and limits::query_words words.
std::string cut(const std::string& text, bool& was_cut) {
  std::string out;
  std::size_t chars = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > limits::query_chars) break;
    out += text[i];
  }
  was_cut = i < text.size();
  auto words = split_space(out);
  if (words.size() > limits::query_words) {
    words.resize(limits::query_words);
    was_cut = true;
  }
  if (!was_cut) return text;
  std::string joined;
  for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
  return joined;
}

std::string_view strip_punctuation(std::string_view token) {
  constexpr std::string_view kPunct = ",;()[]{}<>'\"";
  while (!token.empty() && kPunct.find(token.front()) != std::string_view::npos) token.remove_prefix(1);
  while (!token.empty() && (kPunct.find(token.back()) != std::string_view::npos || token.back() == '.'))
    token.remove_suffix(1);
  return token;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool is_operator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

// True when the text uses query syntax, so its words are not a plain sequence of syllables.
bool has_syntax(const std::vector<std::string>& tokens) {
  for (const auto& t : tokens) {
    if (t.find_first_of("\":()") != std::string::npos || t.front() == '+' || t.front() == '-') return true;
    if (is_operator(t)) return true;
  }
  return false;
}

std::string folded_term(std::string_view word) { return "Z" + fold(lower(word)); }

// The phrase pairs every item matching the quoted phrases of `text` must hold, or an empty query when
// that is not certain: unbalanced quotes, or syntax outside them (a negated phrase, OR, a field).
// Words outside the quotes are required anyway (the default operator is AND) and add no pairs.
Q phrase_pair_filter(const std::string& text) {
  std::vector<Q> pairs;
  std::size_t start = 0;
  bool inside = false;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '"') continue;
    const std::string_view part(text.data() + start, i - start);
    if (inside) {
      const auto words = split_words(part);
      for (std::size_t w = 0; w + 1 < words.size(); ++w)
        if (const auto term = phrase_pair_term(fold(lower(words[w])), fold(lower(words[w + 1]))))
          pairs.emplace_back(*term);
    } else if (!split_space(part).empty() && has_syntax(split_space(part))) {
      return Q();
    }
    inside = !inside;
    start = i + 1;
  }
  if (!inside) return Q();  // an odd number of quotes (the loop toggles once more at the end)
  return pairs.empty() ? Q() : Q(Q::OP_AND, pairs.begin(), pairs.end());
}

Q number_query(const std::string& number) {
  std::vector<Q> parts;
  for (const auto& p : number_parts(number)) parts.emplace_back("Z" + p);
  Q exact(Q::OP_SCALE_WEIGHT, Q(std::string(prefix::number) + number), kNumberBoost);
  if (parts.empty()) return exact;
  // Texts citing the number ("theo Quyết định số 1382/QĐ-UBND") match the parts as a phrase.
  return Q(Q::OP_OR, exact, Q(Q::OP_PHRASE, parts.begin(), parts.end(), static_cast<Xapian::termcount>(parts.size())));
}

std::string day_key(std::int32_t days) {
  std::string key;
  for (const char c : model::format_iso_date(days))
    if (c != '-') key += c;
  return key;
}

Q filter_query(const SearchRequest& r) {
  std::vector<Q> filters;
  if (!r.type.empty()) {
    const std::string type = model::slugify(r.type);
    if (type == "article" || type == "bai-viet" || type == "tin-tuc") {
      filters.emplace_back(std::string(prefix::kind) + "article");
    } else if (type == "document" || type == "van-ban") {
      filters.emplace_back(std::string(prefix::kind) + "document");
    } else if (type == "page" || type == "trang") {
      filters.emplace_back(std::string(prefix::kind) + "page");
    } else if (type == "topic" || type == "chuyen-de") {
      filters.emplace_back(std::string(prefix::kind) + "topic");
    } else if (type == "question" || type == "hoi-dap") {
      filters.emplace_back(std::string(prefix::kind) + "question");
    } else {
      filters.emplace_back(std::string(prefix::doc_type) + type);
    }
  }
  if (!r.lang.empty()) filters.emplace_back(std::string(prefix::lang) + model::slugify(r.lang));
  if (!r.category.empty()) filters.emplace_back(std::string(prefix::category) + model::slugify(r.category));
  if (!r.agency.empty()) filters.emplace_back(std::string(prefix::agency) + model::slugify(r.agency));
  if (r.from_day && r.to_day) {
    filters.emplace_back(Q::OP_VALUE_RANGE, slot::day, day_key(r.from_day), day_key(r.to_day));
  } else if (r.from_day) {
    filters.emplace_back(Q::OP_VALUE_GE, slot::day, day_key(r.from_day));
  } else if (r.to_day) {
    filters.emplace_back(Q::OP_VALUE_LE, slot::day, day_key(r.to_day));
  }
  return filters.empty() ? Q() : Q(Q::OP_AND, filters.begin(), filters.end());
}

void setup(Xapian::QueryParser& p, const Xapian::Stem& stemmer, Xapian::QueryParser::stem_strategy strategy,
           Q::op default_op) {
  p.set_stemmer(stemmer);
  p.set_stemming_strategy(strategy);
  p.set_default_op(default_op);
  for (const char* name : {"title", "tieude"}) p.add_prefix(name, std::string(prefix::title));
  for (const char* name : {"agency", "coquan"}) p.add_prefix(name, std::string(prefix::agency_text));
}

}  // namespace

QueryBuilder::QueryBuilder() : stemmer_(make_fold_stemmer()), english_stemmer_(make_english_stemmer()) {
  // Folded terms decide what matches, every word required; exact ones only rank, any of them helps.
  setup(folded_, stemmer_, Xapian::QueryParser::STEM_ALL_Z, Q::OP_AND);
  setup(exact_, stemmer_, Xapian::QueryParser::STEM_NONE, Q::OP_OR);
  // English items match by stems too: every word required, as English-stemmed terms of their own.
  english_.set_stemmer(english_stemmer_);
  english_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  english_.set_default_op(Q::OP_AND);
  english_.add_prefix("", std::string(prefix::english));
}

Q QueryBuilder::parse(Xapian::QueryParser& parser, const std::string& text, unsigned extra_flags, unsigned flags) {
  // Operator soup and unbalanced syntax: retry with the words alone (operators dropped).
  try {
    return parser.parse_query(text, flags | extra_flags);
  } catch (const Xapian::QueryParserError&) {
  }
  std::string words;
  for (const auto& w : split_words(text))
    if (!is_operator(w)) words += w + " ";
  try {
    return parser.parse_query(words, extra_flags);
  } catch (const Xapian::QueryParserError&) {
    return Q();
  }
}

BuiltQuery QueryBuilder::build(const SearchRequest& r, bool phrase_pairs) {
  BuiltQuery out;
  out.text = cut(normalize(r.q), out.cut);
  const std::vector<std::string> tokens = split_space(out.text);

  // Document numbers are matched as numbers, not as three loose words.
  std::vector<std::string> numbers;
  std::string rest;
  const bool quoted = out.text.find('"') != std::string::npos;
  for (const auto& token : tokens) {
    const std::string_view bare = strip_punctuation(token);
    if (!quoted && looks_like_number(bare)) {
      numbers.push_back(normalize_number(bare));
    } else {
      rest += (rest.empty() ? "" : " ") + token;
    }
  }

  Q text_q = rest.empty() ? Q() : parse(folded_, rest);
  // Plain words also match English items by their stems ("committees" finds "committee").
  if (!text_q.empty() && !has_syntax(split_space(rest)))
    if (const Q english = parse(english_, rest, 0, 0); !english.empty()) text_q = Q(Q::OP_OR, text_q, english);
  for (const auto& n : numbers) text_q = text_q.empty() ? number_query(n) : Q(Q::OP_AND, text_q, number_query(n));
  out.has_text = !text_q.empty();
  // Checking positions is the cost of a phrase: only the items holding all its pairs get checked.
  if (out.has_text && quoted && phrase_pairs)
    if (const Q pairs = phrase_pair_filter(rest); !pairs.empty()) text_q = Q(Q::OP_FILTER, text_q, pairs);

  if (out.has_text) {
    std::vector<Q> boosts;
    if (!rest.empty() && has_diacritics(rest)) {
      // Exact terms have no positions: quotes are read as plain words here.
      const Q exact = parse(exact_, rest, 0, kExactFlags);
      if (!exact.empty()) boosts.emplace_back(Q::OP_SCALE_WEIGHT, exact, kExactBoost);
    }
    const auto rest_tokens = split_space(rest);
    if (!has_syntax(rest_tokens)) {
      const auto words = split_words(rest);
      if (words.size() >= 2 && words.size() <= kMaxAdjacentWords)
        for (std::size_t i = 0; i + 1 < words.size(); ++i)
          if (const auto pair = pair_term(fold(lower(words[i])), fold(lower(words[i + 1])))) boosts.emplace_back(*pair);
    }
    for (const auto& w : split_words(rest))
      if (all_digits(w)) boosts.emplace_back(Q::OP_SCALE_WEIGHT, Q(std::string(prefix::number_part) + w), kNumberBoost);
    if (quoted) {
      // Snippets highlight loose terms only: list the phrase's folded terms again, with no weight.
      std::vector<Q> loose;
      for (auto t = text_q.get_unique_terms_begin(); t != text_q.get_unique_terms_end(); ++t)
        if ((*t).starts_with('Z')) loose.emplace_back(*t);
      if (!loose.empty()) boosts.emplace_back(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, loose.begin(), loose.end()), 0.0);
    }
    if (!boosts.empty()) text_q = Q(Q::OP_AND_MAYBE, text_q, Q(Q::OP_OR, boosts.begin(), boosts.end()));
  }

  const Q filters = filter_query(r);
  if (out.has_text) {
    out.query = filters.empty() ? text_q : Q(Q::OP_FILTER, text_q, filters);
  } else if (!filters.empty()) {
    out.query = Q(Q::OP_FILTER, Q::MatchAll, filters);
  }
  return out;
}

std::string QueryBuilder::spelling_suggestion(const std::string& text, const Xapian::Database& db) {
  if (text.empty()) return {};
  folded_.set_database(db);
  parse(folded_, text, Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
  std::string corrected = folded_.get_corrected_query_string();
  folded_.set_database(Xapian::Database());
  // Adding diacritics to a query typed without them is not a correction: it already matched.
  if (corrected.empty() || fold(lower(corrected)) == fold(lower(text))) return {};
  return corrected;
}

Q QueryBuilder::completion_query(const std::vector<std::string>& head_words, const std::string& last_word) {
  const std::string prefix_text = fold(lower(last_word));
  if (prefix_text.empty()) return Q();
  std::vector<Q> parts;
  for (const auto& w : head_words) parts.emplace_back(folded_term(w));
  parts.emplace_back(Q::OP_WILDCARD, "Z" + prefix_text, limits::wildcard_terms, Q::WILDCARD_LIMIT_MOST_FREQUENT);
  return Q(Q::OP_AND, parts.begin(), parts.end());
}

}  // namespace portald::search
