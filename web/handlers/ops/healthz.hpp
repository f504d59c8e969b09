#pragma once
#include "web/context.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web {

// GET /healthz: JSON with the store state, schema version, map usage, uptime, version, and "checks": the
// slow health checks' latest status and detail each (daemon/health/checks.hpp), which never change the status code.
// 200 when the store answers a read transaction, 503 otherwise. Callers for whom may_read_internals is
// false get only {"status": ...} with the same code.
Response healthz(const Context& ctx, Request& req);
// True for the daemon's own self-check, a client in ops-allow, or a signed-in user who may see the
// status page (model::Action::view_status): who may read /metrics and /healthz's details.
bool may_read_internals(const Context& ctx, const Request& req);

}  // namespace portald::web
