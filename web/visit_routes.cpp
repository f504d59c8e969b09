#include "web/visit_routes.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "daemon/model/time.hpp"
#include "daemon/stats/visit_counter.hpp"
#include "web/links.hpp"

namespace portald::web {
namespace {

using K = model::VisitKind;

struct CountedRoute {
  std::string_view pattern;
  K kind;  // site: counted in the site's figures only
};

// Every public page. Articles and documents are named by the id at the end of their slug (as their
// handlers read it), categories and topics by their slug (the flusher looks the id up, off the page path).
constexpr std::array<CountedRoute, 15> kCounted{{
    {"/", K::site},
    {"/tin-tuc/{slug}", K::article},
    {"/chuyen-muc/{slug}", K::category},
    {"/van-ban", K::site},
    {"/van-ban/{slug}", K::document},
    {"/trang/{slug}", K::site},
    {"/en", K::site},
    {"/en/{slug}", K::site},
    {"/chuyen-de", K::site},
    {"/chuyen-de/{slug}", K::topic},
    {"/so-do-trang", K::site},
    {"/hoi-dap", K::site},
    {"/hoi-dap/gui-cau-hoi", K::site},
    {"/hoi-dap/{id}", K::site},
    {"/tim-kiem", K::site},
}};

std::string_view user_agent(const Request& r) { return r.header("User-Agent").value_or(""); }

}  // namespace

Handler count_visits(stats::VisitCounter* counter, std::string_view pattern, Handler handler) {
  if (!counter) return handler;
  if (pattern == "/robots.txt")
    return [counter, inner = std::move(handler)](Request& r) {
      Response resp = inner(r);
      counter->record_robots_fetch(r.remote_address, user_agent(r), model::now());
      return resp;
    };
  const auto* c = std::find_if(kCounted.begin(), kCounted.end(), [&](const auto& x) { return x.pattern == pattern; });
  if (c == kCounted.end()) return handler;
  return [counter, kind = c->kind, inner = std::move(handler)](Request& r) {
    Response resp = inner(r);
    // HEAD, 304 (the reader's cache already had it), redirects and errors are not views.
    if (resp.status != 200 || r.method != "GET") return resp;
    std::string ref;
    if (kind == K::article || kind == K::document) {
      const auto id = trailing_id(r.params.at("slug"));
      ref = id ? std::to_string(*id) : std::string();
    } else if (kind != K::site) {
      ref = r.params.at("slug");
    }
    counter->record(kind, ref, r.remote_address, user_agent(r), model::now());
    return resp;
  };
}

}  // namespace portald::web
