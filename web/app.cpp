#include "web/app.hpp"

#include <algorithm>
#include <ctime>

#include "daemon/health/monitor.hpp"
#include "daemon/log/log.hpp"
#include "daemon/model/question.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "web/canonical_target.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/api/api.hpp"
#include "web/handlers/open311/open311.hpp"
#include "web/handlers/ops/metrics.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/handlers/public/search.hpp"
#include "web/links.hpp"
#include "web/routes.hpp"
#include "web/surrogate_keys.hpp"
#include "web/visit_routes.hpp"

namespace portald::web {
namespace {

// The path and the query arguments whose names are in `names`, in the order sent. A page's output depends
// only on the arguments it reads; a key holds every one of them (names covers what it read), so two
// requests with the same key get the same page.
std::string cache_key(const Request& req, const std::vector<std::string>& names) {
  std::string key = req.path;
  char sep = '?';
  for (const auto& [k, v] : req.query) {
    if (std::find(names.begin(), names.end(), k) == names.end()) continue;
    key += sep;
    key += k;
    key += '=';
    key += v;
    sep = '&';
  }
  return key;
}

bool has_header(const Response& r, std::string_view name) {
  return std::any_of(r.headers.begin(), r.headers.end(), [&](const auto& h) { return iequals_ascii(h.first, name); });
}

// True when Accept-Encoding lists `coding` (or *) without q=0 (RFC 9110 12.5.3).
bool accepts(std::optional<std::string_view> accept, std::string_view wanted) {
  if (!accept) return false;
  std::string_view rest = *accept;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto semi = item.find(';');
    std::string_view coding = item.substr(0, semi);
    while (!coding.empty() && coding.front() == ' ') coding.remove_prefix(1);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    if (!iequals_ascii(coding, wanted) && coding != "*") continue;
    if (semi == std::string_view::npos) return true;
    std::string_view params = item.substr(semi + 1);
    while (!params.empty() && params.front() == ' ') params.remove_prefix(1);
    if (!(params.starts_with("q=0") && params.find_first_not_of("q=0.", 0) == std::string_view::npos)) return true;
  }
  return false;
}

// If-None-Match holds "*" or a list of entity tags; the comparison is weak (RFC 9110 13.1.2).
bool etag_matches(std::string_view header, std::string_view etag) {
  if (header == "*") return true;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
  }
  return false;
}

// No third party at all: what every page gets unless the settings allow the EMC script or embeds.
// media-src is 'self': video and audio play from the media library only (/tep/).
constexpr std::string_view kStrictCsp =
    "default-src 'self'; img-src 'self' data:; media-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

}  // namespace

std::string content_security_policy(const model::SiteSettings& s) {
  // The EMC monitoring script (TT 22/2023) is the one third-party script allowed, and only once
  // configured; frames come only from the embed allow-list (issue 14), the same list the sanitiser
  // lets iframes through for, so a body saved under an older list cannot load more.
  const auto emc = model::script_origin(s.emc_script_url);
  std::string csp = "default-src 'self'; ";
  if (emc) csp += "script-src 'self' " + *emc + "; connect-src 'self' " + *emc + "; ";
  csp += "img-src 'self' data:" + (emc ? " " + *emc : std::string()) + "; media-src 'self'; frame-src " +
         model::frame_src_sources(model::embed_policy(s)) +
         "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  return csp;
}

void add_security_headers(Response& r) {
  // A page that embeds the EMC script brought its own policy (content_security_policy).
  if (!has_header(r, "Content-Security-Policy"))
    r.headers.emplace_back("Content-Security-Policy", std::string(kStrictCsp));
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  // A page with a secret in its address (a question's tracking code) sends no referrer at all.
  if (!has_header(r, "Referrer-Policy")) r.headers.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
  r.headers.emplace_back("X-Frame-Options", "DENY");
}

std::string public_cache_control(unsigned max_age, unsigned s_maxage, unsigned stale_while_revalidate,
                                 unsigned stale_if_error) {
  return "public, max-age=" + std::to_string(max_age) + ", s-maxage=" + std::to_string(s_maxage) +
         ", stale-while-revalidate=" + std::to_string(stale_while_revalidate) +
         ", stale-if-error=" + std::to_string(stale_if_error);
}

void apply_cache_policy(const Request& req, Response& r) {
  const auto set_cache_control = [&](std::string_view value) {
    std::erase_if(r.headers, [](const auto& h) {
      return iequals_ascii(h.first, "Cache-Control") || iequals_ascii(h.first, "xkey");
    });
    r.headers.emplace_back("Cache-Control", std::string(value));
  };
  // An error is never kept: a cache would go on serving it after the cause is gone.
  if (r.status >= 400) return set_cache_control("no-store");
  if (!has_header(r, "Cache-Control")) return set_cache_control("no-store");
  // A signed-in reader's answers are theirs (a shared copy of a page is made without a session).
  const bool signed_in =
      admin::cookie(req, admin::session_cookie_name(true)) || admin::cookie(req, admin::session_cookie_name(false));
  if (signed_in && !req.path.starts_with("/static/")) {
    for (const auto& [k, v] : r.headers)
      if (iequals_ascii(k, "Cache-Control") && v.starts_with("public")) return set_cache_control("private, no-store");
  }
}

std::vector<std::string> QueryNames::get() const {
  std::shared_lock lock(mu_);
  return names_;
}

void QueryNames::add(const std::vector<std::string>& names) {
  {
    std::shared_lock lock(mu_);
    if (std::all_of(names.begin(), names.end(),
                    [&](const auto& n) { return std::find(names_.begin(), names_.end(), n) != names_.end(); }))
      return;
  }
  std::unique_lock lock(mu_);
  for (const auto& n : names)
    if (std::find(names_.begin(), names_.end(), n) == names_.end()) names_.push_back(n);
}

App::App(Context ctx)
    : ctx_(ctx),
      accounting_{ctx_.monitor.liveness.request_handlers(), ctx_.monitor.metrics.route("unmatched")},
      head_(ctx_.store),
      cache_hits_(
          ctx_.monitor.metrics.counter("portald_page_cache_hits_total", "Public pages answered from the page cache.")),
      cache_misses_(ctx_.monitor.metrics.counter("portald_page_cache_misses_total",
                                                 "Public pages rendered because the page cache had no copy.")),
      router_(instrument_routes(bind_routes(route_table()), ctx_.monitor.metrics),
              [this](model::Action action, Request& r) { return admin::guard(ctx_, action, r); }) {
  search_refused_counter(ctx_);  // listed in /metrics from the start, at 0
}

std::vector<Route> App::bind_routes(const std::vector<RouteSpec>& table) {
  std::vector<Route> routes;
  routes.reserve(table.size());
  for (const RouteSpec& spec : table) {
    const PageHandler handler = spec.handler;
    Handler bound;
    QueryNames* names = nullptr;
    if (spec.cache != CachePolicy::none) names = query_names_.emplace_back(std::make_unique<QueryNames>()).get();
    switch (spec.cache) {
      case CachePolicy::none: bound = [this, handler](Request& r) { return handler(ctx_, r); }; break;
      case CachePolicy::page:
        bound = [this, handler, names, pattern = spec.pattern](Request& r) {
          return cached(r, handler, false, *names, pattern);
        };
        break;
      case CachePolicy::page_per_host:
        bound = [this, handler, names, pattern = spec.pattern](Request& r) {
          return cached(r, handler, true, *names, pattern);
        };
        break;
    }
    // Page views for the access statistics (issue 13): around the cache, so hits are counted too.
    bound = count_visits(ctx_.visits, spec.pattern, std::move(bound));
    routes.push_back({.method = spec.method,
                      .pattern = spec.pattern,
                      .handler = std::move(bound),
                      .access = spec.access,
                      .upload = spec.body == BodySize::upload,
                      .citizen_files = spec.body == BodySize::citizen_files,
                      .hashes_passwords = spec.work == Work::password_hash,
                      .searches = spec.work == Work::search});
  }
  return routes;
}

Work App::work(const Request& req) const {
  const Route* route = router_.find(req.method, req.path);  // once: the server asks for every request
  if (route && route->hashes_passwords) return Work::password_hash;
  if (route && route->searches) return Work::search;
  return Work::quick;
}

std::size_t App::body_limit(const Request& req) const {
  const Route* route = router_.find(req.method, req.path);
  if (!route) return 0;
  if (route->citizen_files) {
    const store::ReadTxn txn = ctx_.store.read();
    return model::question_form_body_limit(store::get_question_settings(txn, ctx_.store.tables()));
  }
  if (!route->upload || !route->access) return 0;
  const auto user = admin::signed_in_user(ctx_, req);
  return user && model::allowed(user->role, *route->access) ? ctx_.upload_limit() : 0;
}

Response App::handle(Request& req) {
  const auto on_error = [&](int status, std::string_view message) { return error_response(status, message, req); };
  // One address per page, checked once for every route (a proxy's rule for /metrics must see them all).
  if (const auto c = canonical_target(req.target); c.verdict == CanonicalTarget::Verdict::refuse) {
    return on_error(404, "Không tìm thấy trang bạn yêu cầu.");
  } else if (c.verdict == CanonicalTarget::Verdict::redirect) {
    // 308 keeps the method and body of a form post; a GET gets the redirect every client caches.
    Response r = Response::redirect(c.location, req.method == "GET" || req.method == "HEAD" ? 301 : 308);
    add_security_headers(r);
    return r;
  }
  // Maintenance mode answers readers before any route (the admin and /healthz keep working).
  if (head_.current().maintenance)
    if (auto closed = admin::maintenance_response(ctx_, req, on_error)) return std::move(*closed);
  // Counted by route pattern and status, and timed, for /metrics (errors too: HttpError carries its status).
  Response r = observe_request(accounting_, [&] { return router_.dispatch(req); });
  apply_cache_policy(req, r);
  add_security_headers(r);
  return r;
}

Response App::cached(Request& req, PageHandler handler, bool vary_host, QueryNames& query_names,
                     std::string_view pattern) {
  // The change-log head is read before rendering: a write that lands in between only makes the
  // cached copy look older than it is, so the next request re-renders; a page is never kept stale.
  const std::uint64_t seq = head_.current().latest_change;
  // Documents' validity depends on the date: the day is part of every key.
  const std::string day = std::to_string((std::time(nullptr) + model::kVietnamOffsetSeconds) / 86400);
  const std::string host = vary_host ? std::string(req.header("Host").value_or("")) + "\n" : std::string();
  auto page = cache_.get(host + day + cache_key(req, query_names.get()), seq);
  if (page) {
    cache_hits_.inc();
  } else {
    cache_misses_.inc();
    Response fresh = handler(ctx_, req);
    if (fresh.status != 200) return fresh;
    // Kept under the names read now too: a page that reads a parameter seen for the first time must
    // not be found by requests that differ in it.
    query_names.add(req.query_names_read);
    const std::string key = host + day + cache_key(req, query_names.get());
    if (fresh.content_type.starts_with("text/html")) {
      const store::ReadTxn txn = ctx_.store.read();
      const auto csp = content_security_policy(store::get_site_settings(txn, ctx_.store.tables()));
      if (csp != kStrictCsp) fresh.headers.emplace_back("Content-Security-Policy", csp);
    }
    page = cache_.put(key, seq, std::move(fresh));
  }
  // brotli when the client takes it (smaller), else gzip, else the identity bytes.
  const auto accept = req.header("Accept-Encoding");
  const bool brotli = !page->brotli_body.empty() && accepts(accept, "br");
  const bool gzip = !brotli && !page->gzip_body.empty() && accepts(accept, "gzip");
  const std::string& etag = brotli ? page->brotli_etag : gzip ? page->gzip_etag : page->etag;
  // The headers a 304 must repeat (RFC 9110 15.4.5) and a 200 carries.
  const auto validators = [&](Response& r) {
    r.headers.emplace_back("ETag", etag);
    r.headers.emplace_back("Last-Modified", page->last_modified_header);
    if (!page->gzip_body.empty() || !page->brotli_body.empty()) r.headers.emplace_back("Vary", "Accept-Encoding");
    // Shared caches (Varnish, nginx, a CDN) keep it for s-maxage and serve it stale while refreshing or
    // while portald is down; the surrogate keys say which purges drop it.
    if (!has_header(page->response, "Cache-Control"))
      r.headers.emplace_back("Cache-Control", ctx_.public_cache_control);
    if (auto keys = surrogate_keys(pattern, req.params); !keys.empty()) r.headers.emplace_back("xkey", std::move(keys));
  };
  const auto inm = req.header("If-None-Match");
  const auto ims = inm ? std::nullopt : req.header("If-Modified-Since");
  const auto since = ims ? parse_http_date(*ims) : std::nullopt;
  if ((inm && etag_matches(*inm, etag)) || (since && *since >= page->last_modified)) {
    Response not_modified;
    not_modified.status = 304;
    not_modified.content_type.clear();
    validators(not_modified);
    return not_modified;
  }
  // Field by field: copying the whole cached response would copy the identity body too.
  Response r;
  r.status = page->response.status;
  r.content_type = page->response.content_type;
  r.headers = page->response.headers;
  validators(r);
  if (brotli) {
    r.body = page->brotli_body;
    r.headers.emplace_back("Content-Encoding", "br");
  } else if (gzip) {
    r.body = page->gzip_body;
    r.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    r.body = page->response.body;
  }
  return r;
}

Response App::error_response(int status, std::string_view message, const Request& req) const {
  Response r;
  if (req.path.starts_with("/open311/")) {
    r = open311_errors(status, {std::string(message)});
    apply_cache_policy(req, r);
    add_security_headers(r);
    return r;
  }
  if (req.path.starts_with("/api/")) {
    r = api_json({{"status", status}, {"error", std::string(message)}}, status);
    apply_cache_policy(req, r);
    add_security_headers(r);
    return r;
  }
  try {
    // Inside the admin, someone signed in keeps the admin's frame and menu.
    if (auto admin_page =
            admin::admin_error_page(ctx_, req, status, error_heading(status), error_message(status, message))) {
      apply_cache_policy(req, *admin_page);
      add_security_headers(*admin_page);
      return std::move(*admin_page);
    }
    r = error_page(ctx_, status, message);
    const store::ReadTxn txn = ctx_.store.read();
    const auto csp = content_security_policy(store::get_site_settings(txn, ctx_.store.tables()));
    if (csp != kStrictCsp) r.headers.emplace_back("Content-Security-Policy", csp);
  } catch (const std::exception& e) {
    // The store itself may be what failed; still answer in Vietnamese.
    log::error("http.error_page_failed", {{"what", e.what()}});
    r = Response::text("Lỗi hệ thống. Vui lòng thử lại sau.", status);
  }
  apply_cache_policy(req, r);
  add_security_headers(r);
  return r;
}

}  // namespace portald::web
