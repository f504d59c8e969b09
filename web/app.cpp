#include "web/app.hpp"

#include "daemon/log/log.hpp"
#include "daemon/store/change_log.hpp"
#include "web/handlers/ops/healthz.hpp"
#include "web/handlers/public/pages.hpp"

namespace portald::web {
namespace {

// Binds a handler to the context for the route table.
template <class F>
Handler bind(const Context& ctx, F f) {
  return [&ctx, f](Request& req) { return f(ctx, req); };
}

std::string cache_key(const Request& req) {
  std::string key = req.path;
  char sep = '?';
  for (const auto& [k, v] : req.query) {
    key += sep;
    key += k;
    key += '=';
    key += v;
    sep = '&';
  }
  return key;
}

}  // namespace

void add_security_headers(Response& r) {
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                         "form-action 'self'; frame-ancestors 'none'");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
  r.headers.emplace_back("X-Frame-Options", "DENY");
}

App::App(Context ctx)
    : ctx_(ctx),
      router_({
          // method, pattern, handler, required role (none = public)
          {"GET", "/", [this](Request& r) { return cached(r, bind(ctx_, home_page)); }, std::nullopt},
          {"GET", "/tin-tuc/{slug}", [this](Request& r) { return cached(r, bind(ctx_, article_page)); }, std::nullopt},
          {"GET", "/chuyen-muc/{slug}", [this](Request& r) { return cached(r, bind(ctx_, category_page)); },
           std::nullopt},
          {"GET", "/static/{file}", bind(ctx_, static_file), std::nullopt},
          {"GET", "/healthz", bind(ctx_, healthz), std::nullopt},
      }) {}

Response App::handle(Request& req) {
  Response r = router_.dispatch(req);
  add_security_headers(r);
  return r;
}

Response App::cached(Request& req, const Handler& handler) {
  // The change-log head is read before rendering: a write that lands in between only makes the
  // cached copy look older than it is, so the next request re-renders; a page is never kept stale.
  std::uint64_t seq = 0;
  {
    const store::ReadTxn txn = ctx_.store.read();
    seq = store::latest_change(txn, ctx_.store.tables());
  }
  const std::string key = cache_key(req);
  auto page = cache_.get(key, seq);
  if (!page) {
    Response fresh = handler(req);
    if (fresh.status != 200) return fresh;
    page = cache_.put(key, seq, std::move(fresh));
  }
  if (const auto inm = req.header("If-None-Match"); inm && *inm == page->etag) {
    Response not_modified;
    not_modified.status = 304;
    not_modified.content_type.clear();
    not_modified.headers.emplace_back("ETag", page->etag);
    return not_modified;
  }
  Response r = page->response;
  r.headers.emplace_back("ETag", page->etag);
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

Response App::error_response(int status, std::string_view message, const Request&) const {
  Response r;
  try {
    r = error_page(ctx_, status, message);
  } catch (const std::exception& e) {
    // The store itself may be what failed; still answer in Vietnamese.
    log::error("http.error_page_failed", {{"what", e.what()}});
    r = Response::text("Lỗi hệ thống. Vui lòng thử lại sau.", status);
  }
  add_security_headers(r);
  return r;
}

}  // namespace portald::web
