// /api/v1/search and /api/v1/search/suggest: the search as JSON for other systems and for
// autocomplete. Snippets are HTML: the text escaped, matched words in <mark>.
#include <nlohmann/json.hpp>

#include "daemon/model/time.hpp"
#include "search/search_service.hpp"
#include "web/handlers/api/api.hpp"
#include "web/handlers/public/search.hpp"

namespace portald::web {
namespace {

constexpr std::size_t kMaxSuggestions = 8;

Response unavailable(const Context& ctx, search::Missing why) {
  const bool busy = why == search::Missing::busy;
  if (busy) search_refused_counter(ctx).inc();
  Response r = api_json({{"status", 503}, {"error", busy ? kSearchBusy : kSearchUnavailable}}, 503);
  r.headers.emplace_back("Retry-After", busy ? "1" : "30");
  return r;
}

nlohmann::json hit_json(const search::SearchHit& h) {
  return {{"id", h.id},
          {"type", search::to_string(h.kind)},
          {"title", h.title},
          {"url", h.url},
          {"published_at", model::format_rfc3339(h.published_at)},
          {"snippet", h.snippet_html}};
}

}  // namespace

Response api_search(const Context& ctx, Request& req) {
  const search::SearchRequest r = parse_search_request(req, kApiSearchParams);
  auto why = search::Missing::unavailable;
  const auto result = ctx.search ? ctx.search->search(r, &why) : nullptr;
  if (!result) return unavailable(ctx, why);
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : result->hits) hits.push_back(hit_json(h));
  return api_json(
      {{"total", result->total},
       {"page", result->page},
       {"hits", std::move(hits)},
       {"suggestion", result->suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(result->suggestion)}});
}

Response api_search_suggest(const Context& ctx, Request& req) {
  const std::string q(req.query_value("q").value_or(std::string_view()));
  auto why = search::Missing::unavailable;
  const auto completions = ctx.search ? ctx.search->complete(q, kMaxSuggestions, &why) : nullptr;
  if (!completions) return unavailable(ctx, why);
  return api_json({{"query", q}, {"suggestions", *completions}});
}

}  // namespace portald::web
