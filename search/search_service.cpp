#include "search/search_service.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "daemon/log/log.hpp"
#include "search/document_builder.hpp"
#include "search/index_layout.hpp"
#include "search/indexer.hpp"
#include "search/vietnamese.hpp"

namespace portald::search {
namespace {

constexpr std::size_t kMaxOffset = 5000;       // deeper pages answer without hits
constexpr std::size_t kCountBeyondPage = 100;  // matches counted past the page for an exact total
constexpr std::size_t kSuggestBelow = 3;       // "did you mean" only when this few results
constexpr std::size_t kCompletionDocs = 20;
constexpr std::size_t kCompletionScanChars = 1500;
constexpr std::size_t kCompletionChars = 100;
constexpr std::size_t kCompletionHeadWords = 6;

std::string cache_key(const SearchRequest& r) {
  std::string key = normalize(r.q);
  for (const std::string& part :
       {std::to_string(r.page), std::to_string(r.per_page), std::string(r.sort == SortOrder::newest ? "n" : "r"),
        r.category, r.agency, r.type, r.lang, std::to_string(r.from_day), std::to_string(r.to_day)}) {
    key += '\x1f';
    key += part;
  }
  return key;
}

std::string cut_chars(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > max_chars) return text.substr(0, i);
  return text;
}

// Counts, in `source`, the word runs that continue `head` with a word starting like `last` (folded).
void collect_completions(const std::string& source, const std::vector<std::string>& head_folded,
                         const std::string& last_folded, const std::string& last_lower,
                         std::map<std::string, std::pair<int, std::size_t>>& found, std::size_t& order) {
  const auto words = split_words(source);
  std::vector<std::string> folded;
  folded.reserve(words.size());
  for (const auto& w : words) folded.push_back(fold(lower(w)));
  const std::size_t h = head_folded.size();
  for (std::size_t i = 0; i + h < words.size(); ++i) {
    if (!std::equal(head_folded.begin(), head_folded.end(), folded.begin() + static_cast<long>(i))) continue;
    if (!folded[i + h].starts_with(last_folded)) continue;
    std::string phrase;
    for (std::size_t k = i; k <= i + h; ++k) phrase += (phrase.empty() ? "" : " ") + lower(words[k]);
    auto [it, fresh] = found.try_emplace(phrase, 0, order++);
    // Words typed with diacritics prefer completions that keep them.
    it->second.first += lower(words[i + h]).starts_with(last_lower) ? 1000 : 1;
  }
}

// Filter values under a boolean prefix with their names from the metadata. Terms whose next
// character is upper case belong to a longer prefix ("XGI" ids under "XG").
std::vector<Facet> list_facet(const Xapian::Database& db, std::string_view term_prefix, std::string_view name_prefix) {
  std::vector<Facet> out;
  const std::string p(term_prefix);
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
    const std::string slug = (*it).substr(p.size());
    if (slug.empty() || (slug[0] >= 'A' && slug[0] <= 'Z')) continue;
    std::string name = db.get_metadata(std::string(name_prefix) + slug);
    out.push_back({slug, name.empty() ? slug : std::move(name)});
  }
  std::sort(out.begin(), out.end(), [](const Facet& a, const Facet& b) { return fold(a.name) < fold(b.name); });
  return out;
}

}  // namespace

struct SearchService::SlotState {
  std::uint64_t epoch = 0, generation = 0;
  std::optional<Xapian::Database> db;
  std::shared_ptr<const LiveIndex> live;        // what db reads: keeps a retired index on disk while held
  std::optional<std::filesystem::path> opened;  // without an Indexer: the directory db reads
  QueryBuilder builder;
};

SearchService::SearchService(std::filesystem::path dir, const IndexStatus* status, Options options)
    : dir_(std::move(dir)),
      status_(status),
      options_(options),
      results_(status ? options.cache_entries : 0),
      completions_(status ? options.cache_entries : 0),
      facets_(status ? 1 : 0),
      gate_(options.concurrency, options.queue_wait) {
  for (unsigned i = 0; i < gate_.slots(); ++i) slot_states_.push_back(std::make_unique<SlotState>());
}

SearchService::~SearchService() = default;

const Xapian::Database* SearchService::database(SlotState& st) const {
  if (status_) {
    if (!status_->ready) return nullptr;
    const std::uint64_t epoch = status_->epoch, generation = status_->generation;
    if (!st.db || st.epoch != epoch) {
      st.db.reset();
      // The published directory, not the stub: it cannot switch between this and the epoch we saw.
      st.live = status_->live();
      st.db.emplace((st.live ? st.live->dir : dir_).string());
      st.epoch = epoch;
      st.generation = generation;
    } else if (st.generation != generation) {
      st.db->reopen();
      st.generation = generation;
    }
    return &*st.db;
  }
  // Another process writes the index: follow its switches too (reopen() stays on one directory).
  const auto live = live_index(dir_);
  if (!live) return nullptr;
  if (st.db && st.opened == live) {
    st.db->reopen();
  } else {
    st.db.reset();
    st.db.emplace(live->string());
    st.opened = live;
  }
  return st.db->get_metadata(meta::state) == "ready" ? &*st.db : nullptr;
}

template <class F>
auto SearchService::with_database(F&& f, Missing* why) const
    -> decltype(f(std::declval<SlotState&>(), std::declval<const Xapian::Database&>())) {
  const auto missing = [&](Missing m) {
    if (why) *why = m;
    return nullptr;
  };
  if (status_ && !status_->ready) return missing(Missing::unavailable);
  const auto slot = gate_.enter();
  if (!slot) return missing(Missing::busy);
  SlotState& st = *slot_states_[slot->index()];
  for (int attempt = 0;; ++attempt) {
    try {
      const Xapian::Database* db = database(st);
      if (!db) return missing(Missing::unavailable);
      return f(st, *db);
    } catch (const Xapian::DatabaseModifiedError&) {
      // The indexer committed twice while we read: start again on the newest revision.
      st.db.reset();
      if (attempt >= 2) return missing(Missing::unavailable);
    } catch (const Xapian::Error& e) {
      st.db.reset();
      if (attempt >= 1) {
        log::warning("search.query_failed", {{"reason", e.get_description()}});
        return missing(Missing::unavailable);
      }
    }
  }
}

std::shared_ptr<const SearchResult> SearchService::search(const SearchRequest& request, Missing* why) const {
  const std::string key = status_ ? cache_key(request) : std::string();
  const std::uint64_t generation = status_ ? status_->generation.load() : 0;
  // The cache first: a cached answer never waits for a query slot.
  if (status_ && status_->ready)
    if (auto cached = results_.get(key, generation)) return cached;
  auto result = with_database([&](SlotState& st, const Xapian::Database& db) { return run(st, db, request); }, why);
  if (result && status_) results_.put(key, generation, result);
  return result;
}

std::shared_ptr<const SearchResult> SearchService::run(SlotState& st, const Xapian::Database& db,
                                                       const SearchRequest& r) const {
  auto res = std::make_shared<SearchResult>();
  res->page = std::max<std::size_t>(r.page, 1);
  res->per_page = std::max<std::size_t>(r.per_page, 1);
  const BuiltQuery bq = st.builder.build(r, db.get_metadata(meta::phrase_pairs) == "on");
  res->text = bq.text;
  res->cut = bq.cut;
  if (bq.query.empty()) return res;
  res->searched = true;

  Xapian::Enquire enquire(db);
  enquire.set_query(bq.query);
  if (r.sort == SortOrder::newest || !bq.has_text) enquire.set_sort_by_value_then_relevance(slot::time, true);
  enquire.set_time_limit(options_.time_limit_s);
  const std::size_t offset = (res->page - 1) * res->per_page;
  const bool deep = offset >= kMaxOffset;
  const auto first = static_cast<Xapian::doccount>(deep ? 0 : offset);
  const auto count = static_cast<Xapian::doccount>(deep ? 0 : res->per_page);
  const Xapian::MSet mset =
      enquire.get_mset(first, count, static_cast<Xapian::doccount>(first + count + kCountBeyondPage));
  res->total = mset.get_matches_estimated();
  res->total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto item = decode_item(it.get_document().get_data());
    if (!item) continue;
    SearchHit hit;
    hit.kind = item->kind;
    hit.id = item->id;
    hit.title = item->title;
    hit.title_html =
        mset.snippet(item->title, item->title.size() + 1, st.builder.stemmer(), 0, "<mark>", "</mark>", "");
    hit.url = item_url(*item);
    hit.published_at = item->published_at;
    // No flags: with SNIPPET_BACKGROUND_MODEL alone, Xapian 1.4.22 sometimes settles for the text's
    // first words without any match; the plain mode is also the cheapest.
    hit.snippet_html =
        mset.snippet(item->text, options_.snippet_bytes, st.builder.stemmer(), 0, "<mark>", "</mark>", "…");
    hit.category = item->category;
    hit.agency = item->agency;
    hit.doc_type = item->doc_type;
    hit.number = item->number;
    res->hits.push_back(std::move(hit));
  }
  if (bq.has_text && res->total < kSuggestBelow) res->suggestion = st.builder.spelling_suggestion(bq.text, db);
  return res;
}

std::shared_ptr<const std::vector<std::string>> SearchService::complete(std::string_view text, std::size_t max,
                                                                        Missing* why) const {
  const std::string t = cut_chars(normalize(text), kCompletionChars);
  const std::string key = t + '\x1f' + std::to_string(max);
  const std::uint64_t generation = status_ ? status_->generation.load() : 0;
  if (status_ && status_->ready)
    if (auto cached = completions_.get(key, generation)) return cached;
  auto result =
      with_database([&](SlotState& st, const Xapian::Database& db) { return run_complete(st, db, t, max); }, why);
  if (result && status_) completions_.put(key, generation, result);
  return result;
}

std::shared_ptr<const std::vector<std::string>> SearchService::run_complete(SlotState& st, const Xapian::Database& db,
                                                                            const std::string& text,
                                                                            std::size_t max) const {
  auto out = std::make_shared<std::vector<std::string>>();
  // A trailing space means the last word is finished: nothing to complete.
  if (text.empty() || text.back() == ' ' || max == 0) return out;
  auto words = split_words(text);
  if (words.empty()) return out;
  const std::string last = words.back();
  words.pop_back();
  if (words.size() > kCompletionHeadWords) words.erase(words.begin(), words.end() - kCompletionHeadWords);
  const Xapian::Query q = st.builder.completion_query(words, last);
  if (q.empty()) return out;

  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_time_limit(options_.time_limit_s);
  const Xapian::MSet mset = enquire.get_mset(0, kCompletionDocs);
  std::vector<std::string> head_folded;
  for (const auto& w : words) head_folded.push_back(fold(lower(w)));
  const std::string last_lower = lower(last), last_folded = fold(last_lower);
  std::map<std::string, std::pair<int, std::size_t>> found;  // phrase -> (score, first seen)
  std::size_t order = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto item = decode_item(it.get_document().get_data());
    if (!item) continue;
    collect_completions(item->title, head_folded, last_folded, last_lower, found, order);
    collect_completions(cut_chars(item->text, kCompletionScanChars), head_folded, last_folded, last_lower, found,
                        order);
  }
  std::vector<std::pair<std::string, std::pair<int, std::size_t>>> ranked(found.begin(), found.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second.first != b.second.first ? a.second.first > b.second.first : a.second.second < b.second.second;
  });
  for (std::size_t i = 0; i < ranked.size() && i < max; ++i) out->push_back(ranked[i].first);
  return out;
}

}  // namespace portald::search

namespace portald::search {

std::shared_ptr<const Facets> SearchService::facets(Missing* why) const {
  const std::uint64_t generation = status_ ? status_->generation.load() : 0;
  if (status_ && status_->ready)
    if (auto cached = facets_.get("", generation)) return cached;
  auto result = with_database(
      [&](SlotState&, const Xapian::Database& db) {
        auto f = std::make_shared<Facets>();
        f->agencies = list_facet(db, prefix::agency, meta::agency_name);
        f->doc_types = list_facet(db, prefix::doc_type, meta::doc_type_name);
        return std::shared_ptr<const Facets>(std::move(f));
      },
      why);
  if (result && status_) facets_.put("", generation, result);
  return result;
}

}  // namespace portald::search
