#pragma once
// TEST-ONLY routes (built with the PORTALD_TEST_ROUTES CMake option, never in the package): they put
// the daemon in the states the watchdog gate must notice (daemon/health/faults.hpp).
#include "web/context.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web {

Response wedge_worker(const Context& ctx, Request& req);  // GET /__test/wedge-worker: blocks this worker
Response wedge_writer(const Context& ctx, Request& req);  // GET /__test/wedge-writer: holds a write txn
// GET /__test/hold-search-slot?ms=N: holds a slot of the search admission gate for N ms (202), or 503
// when the gate refused it.
Response hold_search_slot(const Context& ctx, Request& req);

}  // namespace portald::web
