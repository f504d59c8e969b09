#pragma once
// The web application: the route table (web/routes.cpp) plus what wraps every response (page cache, conditional GET,
// security headers). The HTTP server calls handle() and, for errors, error_response().
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "daemon/model/site_settings.hpp"
#include "daemon/store/store_head.hpp"
#include "web/context.hpp"
#include "web/handlers/ops/metrics.hpp"
#include "web/page_cache.hpp"
#include "web/router.hpp"
#include "web/routes.hpp"

namespace portald::web {

// The query parameters the pages of one route have been seen to read (Request::query_names_read): only
// these are part of the page cache's key, so unknown parameters ("?x=1", cache busters) hit the cached
// page instead of rendering and compressing it again (issue 16, finding 5). It only grows.
class QueryNames {
 public:
  std::vector<std::string> get() const;
  void add(const std::vector<std::string>& names);

 private:
  mutable std::shared_mutex mu_;
  std::vector<std::string> names_;
};

class App {
 public:
  explicit App(Context ctx);
  App(const App&) = delete;  // routes capture this
  App& operator=(const App&) = delete;
  Response handle(Request& req);
  Response error_response(int status, std::string_view message, const Request& req) const;
  const PageCache& cache() const { return cache_; }
  // The body limit of this request when larger than max-body, from its method, path and session cookie:
  // max-upload-body for a file upload by a signed-in user whose role may use the route; the attachments'
  // limit for the citizens' question form (model::question_form_body_limit); 0 otherwise.
  std::size_t body_limit(const Request& req) const;
  // The kind of work of the request's route (RouteSpec::work): the daemon runs password hashes on the
  // hash pool, off its workers (issue 16), and queues searches in the search admission gate while
  // every slot is busy (issue 17).
  Work work(const Request& req) const;

 private:
  // Serves from the page cache (rendering on a miss): gzip when accepted, ETag + Last-Modified, 304s.
  // vary_host: the body depends on the Host header (absolute links), so the key includes it.
  // query_names: the query parameters pages of this route have read so far (see cache_key).
  // pattern: the route's, for the page's surrogate keys (web/surrogate_keys.hpp).
  Response cached(Request& req, PageHandler handler, bool vary_host, QueryNames& query_names, std::string_view pattern);
  // The route table's rows as the router's routes: each handler bound to the context, cached as its
  // column says.
  std::vector<Route> bind_routes(const std::vector<RouteSpec>& table);
  Context ctx_;
  RequestAccounting accounting_;  // in ctx_.monitor
  store::HeadCache head_;         // the change-log head and maintenance, re-read when a write commits
  PageCache cache_;
  health::Counter& cache_hits_;
  health::Counter& cache_misses_;
  std::vector<std::unique_ptr<QueryNames>> query_names_;  // one per cached route; before router_, which uses them
  Router router_;
};

// Headers every response carries: strict CSP (no inline script, no third parties), nosniff, framing.
// A response that already has a Content-Security-Policy keeps it.
void add_security_headers(Response& r);
// The strict policy, plus the EMC script's origin in script/connect/img-src when one is configured and
// the embed allow-list as frame-src ('none' when empty).
std::string content_security_policy(const model::SiteSettings& s);

// "public, max-age=M, s-maxage=S, stale-while-revalidate=W, stale-if-error=E": what a cached public page
// tells browsers and shared caches (issue 17; the cache-* options).
std::string public_cache_control(unsigned max_age, unsigned s_maxage, unsigned stale_while_revalidate,
                                 unsigned stale_if_error);

// Who may store `r`, the answer to `req` (issue 17): error answers, answers to a signed-in reader (a
// session cookie) other than static files, and answers that say nothing are no-store and carry no
// surrogate keys; the rest keep the Cache-Control their handler or the page cache gave them.
void apply_cache_policy(const Request& req, Response& r);

}  // namespace portald::web
