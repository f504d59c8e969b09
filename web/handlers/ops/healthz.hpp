#pragma once
#include "web/context.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web {

// GET /healthz: JSON with the store state, schema version, map usage, uptime, version, and "checks": the
// slow health checks' latest status and detail each (daemon/health/checks.hpp), which never change the status code.
// 200 when the store answers a read transaction, 503 otherwise.
Response healthz(const Context& ctx, Request& req);

}  // namespace portald::web
