#include "web/handlers/ops/metrics.hpp"

#include "daemon/health/cadence.hpp"
#include "daemon/health/monitor.hpp"
#include "daemon/questions/question_service.hpp"
#include "web/handlers/ops/healthz.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

// The pattern of the route whose handler this thread is running; set by the wrappers that
// instrument_routes() puts around each handler, read and cleared by RequestObservation.
thread_local health::RouteStats* matched_route = nullptr;

void set_gauge(health::Registry& metrics, const char* name, const char* help, double value) {
  metrics.gauge(name, help).set(value);
}

}  // namespace

RequestObservation::RequestObservation(const RequestAccounting& accounting) noexcept
    : unmatched_(accounting.unmatched), busy_(accounting.handlers.enter()), start_(health::Clock::now()) {
  matched_route = nullptr;
}

RequestObservation::~RequestObservation() {
  const double seconds = std::chrono::duration<double>(health::Clock::now() - start_).count();
  (matched_route ? *matched_route : unmatched_).record(status_, seconds);
  matched_route = nullptr;
}

std::vector<Route> instrument_routes(std::vector<Route> routes, health::Registry& metrics) {
  for (Route& route : routes) {
    health::RouteStats* stats = &metrics.route(route.pattern);
    route.handler = [stats, inner = std::move(route.handler)](Request& r) {
      matched_route = stats;
      return inner(r);
    };
  }
  return routes;
}

Response metrics_page(const Context& ctx, Request& req) {
  if (!may_read_internals(ctx, req))
    throw HttpError(403, "Số liệu vận hành chỉ dành cho máy giám sát được phép (tùy chọn ops-allow).");
  const model::UnixTime now = model::now();
  const auto usage = ctx.store.usage();
  health::Registry& m = ctx.monitor.metrics;
  set_gauge(m, "portald_lmdb_map_size_bytes", "LMDB map size (map-size): the store's maximum size.",
            static_cast<double>(usage.map_size));
  set_gauge(m, "portald_lmdb_map_used_bytes", "Bytes of the LMDB map in use.", static_cast<double>(usage.used_bytes));
  set_gauge(m, "portald_lmdb_map_used_ratio", "Share of the LMDB map in use; writes fail when it reaches 1.",
            usage.used_ratio());
  set_gauge(m, "portald_lmdb_readers_used", "LMDB reader slots in use.", usage.readers_in_use);
  set_gauge(m, "portald_lmdb_readers_max", "LMDB reader slots available.", usage.max_readers);
  set_gauge(m, "portald_start_time_seconds", "Unix time the daemon started.", static_cast<double>(ctx.started_at));
  set_gauge(m, "portald_uptime_seconds", "Seconds since the daemon started.",
            static_cast<double>(now - ctx.started_at));
  m.gauge("portald_build_info", "Always 1; the labels say which build is running.", {{"version", ctx.version}}).set(1);
  {
    const store::ReadTxn txn = ctx.store.read();
    const auto q = questions::count_open(txn, ctx.store.tables(), health::local_day(now));
    set_gauge(m, "portald_questions_open", "Citizens' questions whose answer is still owed.", double(q.open));
    set_gauge(m, "portald_questions_overdue", "Citizens' questions past their answer deadline (working days).",
              double(q.overdue));
  }
  ctx.monitor.hooks.update_age_gauges(now);
  Response r = Response::text(m.render());
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace portald::web
