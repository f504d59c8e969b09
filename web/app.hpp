#pragma once
// The web application: the route table plus what wraps every response (page cache, conditional GET,
// security headers). The HTTP server calls handle() and, for errors, error_response().
#include <memory>

#include "web/context.hpp"
#include "web/page_cache.hpp"
#include "web/router.hpp"

namespace portald::web {

class App {
 public:
  explicit App(Context ctx);
  App(const App&) = delete;  // routes capture this
  App& operator=(const App&) = delete;
  Response handle(Request& req);
  Response error_response(int status, std::string_view message, const Request& req) const;
  const Router& router() const { return router_; }
  const PageCache& cache() const { return cache_; }

 private:
  Response cached(Request& req, const Handler& handler);
  Context ctx_;
  PageCache cache_;
  Router router_;
};

// Headers every response carries: strict CSP (no inline script, no third parties), nosniff, framing.
void add_security_headers(Response& r);

}  // namespace portald::web
