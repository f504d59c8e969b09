#pragma once
// The read side of search, called from HTTP worker threads and the search pool: each admission-gate
// slot has its own Xapian::Database (Xapian objects are not thread-safe; a query runs only while it
// holds a slot), reopened when the indexer commits; finished
// answers are cached until the next commit. A query's cost is bounded: the text is cut (see
// query_builder.hpp), pages are capped, and the match has a time budget. Uncached queries pass an
// admission gate (admission_gate.hpp), so a burst is refused quickly instead of queuing; cached answers
// never wait for it.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/time.hpp"
#include "search/admission_gate.hpp"
#include "search/query_builder.hpp"
#include "search/result_cache.hpp"
#include "search/schema.hpp"

namespace portald::search {

struct IndexStatus;

struct SearchHit {
  ItemKind kind = ItemKind::article;
  std::uint64_t id = 0;
  std::string title;
  std::string title_html;  // title, HTML-escaped, matched words in <mark>
  std::string url;
  model::UnixTime published_at = 0;
  std::string snippet_html;  // excerpt, HTML-escaped, matched words in <mark>
  std::string category, agency, doc_type, number;
};

struct SearchResult {
  std::size_t total = 0;  // matching items (an estimate when !total_exact)
  bool total_exact = true;
  std::size_t page = 1, per_page = 10;
  std::vector<SearchHit> hits;
  std::string suggestion;  // "did you mean", "" when none
  std::string text;        // the normalised query text that was searched
  bool searched = false;   // false: no text and no filter, nothing was asked
  bool cut = false;        // the query was longer than the limits and was cut
};

// Values the search form offers as filters, with display names.
struct Facet {
  std::string slug, name;
};
struct Facets {
  std::vector<Facet> agencies;   // article agencies and document issuers
  std::vector<Facet> doc_types;  // legal document types
};

// Why an answer is missing: no readable index yet (first build, locked, unreadable), or every query
// slot stayed busy for the wait budget (answer 503 with Retry-After: 1).
enum class Missing { unavailable, busy };

class SearchService {
 public:
  struct Options {
    std::size_t cache_entries = 4096;
    unsigned concurrency = 0;                   // uncached queries at once; 0 = one per hardware thread
    std::chrono::milliseconds queue_wait{200};  // longest wait for a slot before a refusal
    double time_limit_s = 0.05;                 // then Xapian stops counting matches beyond the page (estimates)
    std::size_t snippet_bytes = 260;
  };
  // `status` is the in-process indexer's; with nullptr (another process writes the index) every call
  // reopens the database and nothing is cached.
  SearchService(std::filesystem::path dir, const IndexStatus* status, Options options);
  SearchService(std::filesystem::path dir, const IndexStatus* status)
      : SearchService(std::move(dir), status, Options{}) {}
  ~SearchService();
  SearchService(const SearchService&) = delete;
  SearchService& operator=(const SearchService&) = delete;

  // The answer, or nullptr while the index is unavailable or the gate refused (`why`, when given, says
  // which). Thread-safe. Pages beyond limits (see search_service.cpp) come back without hits.
  std::shared_ptr<const SearchResult> search(const SearchRequest& request, Missing* why = nullptr) const;
  // Completions of the last word of `text` (typed with or without diacritics), most used first, as
  // the words appear in titles and texts ("phat tri" -> "phát triển"); nullptr as for search().
  std::shared_ptr<const std::vector<std::string>> complete(std::string_view text, std::size_t max = 8,
                                                           Missing* why = nullptr) const;
  // The agencies and document types present in the index, by name; nullptr as for search().
  std::shared_ptr<const Facets> facets(Missing* why = nullptr) const;
  std::uint64_t cache_hits() const { return results_.hits(); }
  // Searches the gate refused since start.
  std::uint64_t refused() const { return gate_.refused(); }
  AdmissionGate& gate() const { return gate_; }

 private:
  // One per gate slot: a query runs only while it holds its slot, so the slot's database is used by one
  // thread at a time, and stays warm whichever thread (HTTP worker or search pool) holds the slot.
  struct SlotState;
  const Xapian::Database* database(SlotState& st) const;
  // f(state, db) behind the admission gate; nullptr (and *why) when unavailable or refused.
  template <class F>
  auto with_database(F&& f, Missing* why) const
      -> decltype(f(std::declval<SlotState&>(), std::declval<const Xapian::Database&>()));
  std::shared_ptr<const SearchResult> run(SlotState& st, const Xapian::Database& db, const SearchRequest& r) const;
  std::shared_ptr<const std::vector<std::string>> run_complete(SlotState& st, const Xapian::Database& db,
                                                               const std::string& text, std::size_t max) const;

  std::filesystem::path dir_;
  const IndexStatus* status_;
  Options options_;
  mutable ResultCache<SearchResult> results_;
  mutable ResultCache<std::vector<std::string>> completions_;
  mutable ResultCache<Facets> facets_;
  mutable AdmissionGate gate_;
  std::vector<std::unique_ptr<SlotState>> slot_states_;  // by Slot::index()
};

}  // namespace portald::search
