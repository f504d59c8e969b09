#pragma once
// GET /metrics (Prometheus text format) and the request accounting behind it: every request is counted
// under its route pattern and status, and timed, with relaxed atomics only (daemon/health/metrics.hpp).
#include <vector>

#include "daemon/health/liveness.hpp"
#include "daemon/health/metrics.hpp"
#include "web/context.hpp"
#include "web/router.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web {

// GET /metrics: the monitor's registry plus what is read at scrape time (LMDB map, uptime, build info).
Response metrics_page(const Context& ctx, Request& req);

// The routes with each handler wrapped to note which pattern matched, for observe_request(); each
// pattern's statistics are registered in `metrics` now.
std::vector<Route> instrument_routes(std::vector<Route> routes, health::Registry& metrics);

// Where requests are accounted: the daemon's busy handlers (for the watchdog gate) and the statistics of
// requests no route matched. Both belong to the daemon's health::Monitor.
struct RequestAccounting {
  health::BusyTracker& handlers;
  health::RouteStats& unmatched;
};

// Times one request and counts it on destruction under the matched pattern (accounting.unmatched when
// no route matched) and the status passed to finish() (500 when none was). It also marks the worker
// busy in accounting.handlers for the watchdog gate.
class RequestObservation {
 public:
  explicit RequestObservation(const RequestAccounting& accounting) noexcept;
  ~RequestObservation();
  RequestObservation(const RequestObservation&) = delete;
  RequestObservation& operator=(const RequestObservation&) = delete;
  void finish(int status) noexcept { status_ = status; }

 private:
  health::RouteStats& unmatched_;
  health::BusyTracker::Scope busy_;
  health::Clock::time_point start_;
  int status_ = 500;
};

// Runs dispatch() (which returns a Response or throws, as Router::dispatch does) under a RequestObservation.
template <class Dispatch>
Response observe_request(const RequestAccounting& accounting, Dispatch&& dispatch) {
  RequestObservation observation(accounting);
  try {
    Response r = dispatch();
    observation.finish(r.status);
    return r;
  } catch (const HttpError& e) {
    observation.finish(e.status());
    throw;
  }
}

}  // namespace portald::web
