// The peers bench/search.sh measures portald against, in the same run on the same machine:
//
//   search_reference index CORPUS.jsonl OUT_DIR
//     Xapian by itself: one thread, default TermGenerator (no folding, no stemmer), the same articles
//     (title, summary, body text), default flush. Prints "articles N seconds S per_s R peak_kib K".
//
//   search_reference query INDEX_DIR QUERIES.txt SECONDS THREADS
//     Xapian's own limit for portald's queries: each line of QUERIES.txt is an /api/v1/search query
//     string; the same Xapian query portald builds is run directly on portald's index (one Database
//     per thread, same Enquire settings, a page of 10 with data and snippets), no HTTP and no cache.
//     Prints "queries N per_s R p50_ms A p99_ms B".
#include <sys/resource.h>

#include <xapian.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/time.hpp"
#include "search/document_builder.hpp"
#include "search/query_builder.hpp"
#include "search/schema.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace portald;

long peak_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

int index_corpus(const char* corpus, const char* out) {
  std::ifstream in(corpus);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", corpus);
    return 1;
  }
  Xapian::WritableDatabase db(out, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  const auto t0 = Clock::now();
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(j.at("title").get<std::string>(), 1, "S");
    tg.increase_termpos();
    tg.index_text(j.at("title").get<std::string>());
    tg.increase_termpos();
    tg.index_text(j.value("summary", ""));
    tg.increase_termpos();
    tg.index_text(model::html_to_text(j.at("body_html").get<std::string>()));
    doc.add_boolean_term("Q" + std::to_string(++n));
    db.add_document(doc);
  }
  db.commit();
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("articles %zu seconds %.1f per_s %.0f peak_kib %ld\n", n, secs, double(n) / secs, peak_kib());
  return 0;
}

// Decodes an /api/v1/search query string into a SearchRequest (the keys the bench uses).
search::SearchRequest parse_query_string(const std::string& qs) {
  search::SearchRequest r;
  const auto decode = [](std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '+') {
        out += ' ';
      } else if (v[i] == '%' && i + 2 < v.size()) {
        out += static_cast<char>(std::stoi(std::string(v.substr(i + 1, 2)), nullptr, 16));
        i += 2;
      } else {
        out += v[i];
      }
    }
    return out;
  };
  std::string_view rest = qs;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    const auto eq = pair.find('=');
    const std::string key(pair.substr(0, eq));
    const std::string value = eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1));
    if (key == "q") r.q = value;
    if (key == "sort" && value == "newest") r.sort = search::SortOrder::newest;
    if (key == "category") r.category = value;
    if (key == "type") r.type = value;
    if (key == "from") r.from_day = model::parse_iso_date(value).value_or(0);
    if (key == "to") r.to_day = model::parse_iso_date(value).value_or(0);
  }
  return r;
}

// What SearchService::run does with Xapian for one request, minus HTTP, cache and JSON.
std::size_t run_one(const Xapian::Database& db, search::QueryBuilder& qb, const search::SearchRequest& r) {
  const auto bq = qb.build(r);
  if (bq.query.empty()) return 0;
  Xapian::Enquire enquire(db);
  enquire.set_query(bq.query);
  if (r.sort == search::SortOrder::newest || !bq.has_text)
    enquire.set_sort_by_value_then_relevance(search::slot::time, true);
  enquire.set_time_limit(0.05);
  const Xapian::MSet mset = enquire.get_mset(0, 10, 110);
  std::size_t bytes = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto item = search::decode_item(it.get_document().get_data());
    if (!item) continue;
    bytes += mset.snippet(item->title, item->title.size() + 1, qb.stemmer(), 0, "<mark>", "</mark>", "").size();
    bytes += mset.snippet(item->text, 260, qb.stemmer(), 0, "<mark>", "</mark>", "…").size();
  }
  return bytes + mset.get_matches_estimated();
}

int query_index(const char* dir, const char* queries_file, double seconds, unsigned threads) {
  std::vector<search::SearchRequest> requests;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);) {
    const auto q = line.find('?');
    if (!line.empty()) requests.push_back(parse_query_string(q == std::string::npos ? line : line.substr(q + 1)));
  }
  if (requests.empty()) {
    std::fprintf(stderr, "no queries in %s\n", queries_file);
    return 1;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::vector<double>> latencies(threads);
  std::vector<std::vector<std::pair<double, std::size_t>>> slow(threads);  // (ms, request) above 20 ms
  const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      Xapian::Database db(dir);
      search::QueryBuilder qb;
      std::size_t sink = 0;
      while (Clock::now() < deadline) {
        const std::size_t k = next++ % requests.size();
        const auto t0 = Clock::now();
        try {
          sink += run_one(db, qb, requests[k]);
        } catch (const Xapian::DatabaseModifiedError&) {
          db.reopen();  // portald's indexer committed meanwhile: as portald does, read the newest revision
          sink += run_one(db, qb, requests[k]);
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        latencies[t].push_back(ms);
        if (ms > 20) slow[t].emplace_back(ms, k);
      }
      if (sink == 42) std::puts("");  // keep the work observable
    });
  for (auto& th : pool) th.join();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  const auto pct = [&](double p) {
    return all.empty() ? 0.0 : all[std::min(all.size() - 1, std::size_t(p * double(all.size())))];
  };
  std::printf("queries %zu per_s %.0f p50_ms %.2f p99_ms %.2f\n", all.size(), double(all.size()) / seconds, pct(0.5),
              pct(0.99));
  if (std::getenv("SEARCH_REFERENCE_SLOW")) {  // diagnosis: the slowest queries, to stderr
    std::vector<std::pair<double, std::size_t>> worst;
    for (auto& v : slow) worst.insert(worst.end(), v.begin(), v.end());
    std::sort(worst.rbegin(), worst.rend());
    for (std::size_t i = 0; i < worst.size() && i < 20; ++i)
      std::fprintf(stderr, "%8.1f ms  %s\n", worst[i].first, requests[worst[i].second].q.c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "index" && argc == 4) return index_corpus(argv[2], argv[3]);
    if (cmd == "query" && argc == 6)
      return query_index(argv[2], argv[3], std::stod(argv[4]), static_cast<unsigned>(std::stoul(argv[5])));
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "search_reference: %s\n", e.get_description().c_str());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "search_reference: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr,
               "usage: search_reference index CORPUS.jsonl OUT_DIR\n"
               "       search_reference query INDEX_DIR QUERIES.txt SECONDS THREADS\n");
  return 2;
}
