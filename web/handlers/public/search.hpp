#pragma once
// Full-text search: the public page /tim-kiem (works without JavaScript), the JSON API
// /api/v1/search and its autocomplete /api/v1/search/suggest. Answers come from the SearchService
// (its own cache and per-thread Xapian databases), never from the page cache.
#include "daemon/health/metrics.hpp"
#include "search/query_builder.hpp"
#include "web/context.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web {

Response search_page(const Context& ctx, Request& req);         // /tim-kiem?q=&trang=&loai=&...
Response api_search(const Context& ctx, Request& req);          // /api/v1/search?q=&page=&per_page=&...
Response api_search_suggest(const Context& ctx, Request& req);  // /api/v1/search/suggest?q=

// Query argument names: the page uses Vietnamese ones and messages, the API English ones.
struct SearchParams {
  const char* q;
  const char* page;
  const char* per_page;  // nullptr: fixed page size
  const char* sort;
  const char* sort_newest;  // the value meaning "newest first"; the other accepted one is sort_relevance
  const char* sort_relevance;
  const char* category;
  const char* agency;
  const char* type;
  const char* from;
  const char* to;
  const char* lang;  // "vi" or "en"
  bool vietnamese;
};
extern const SearchParams kPageSearchParams;
extern const SearchParams kApiSearchParams;

// Parses and bounds the request's arguments; throws HttpError(400) naming the first bad one.
search::SearchRequest parse_search_request(const Request& req, const SearchParams& names);

// What a reader sees while the index is being built: the rest of the site keeps working.
inline constexpr const char* kSearchUnavailable =
    "Chức năng tìm kiếm đang được chuẩn bị (hệ thống đang lập chỉ mục dữ liệu), vui lòng thử lại sau ít "
    "phút. Các trang khác của Cổng thông tin vẫn hoạt động bình thường.";

// What a reader sees when every search slot stayed busy for the wait budget (503, Retry-After: 1).
inline constexpr const char* kSearchBusy =
    "Máy chủ tìm kiếm đang quá tải, vui lòng thử lại sau một giây. Các trang khác của Cổng thông tin vẫn hoạt "
    "động bình thường.";

// portald_search_refused_total: searches the admission gate refused (registered on first use).
health::Counter& search_refused_counter(const Context& ctx);

}  // namespace portald::web
