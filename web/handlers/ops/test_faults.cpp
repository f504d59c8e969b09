#include "web/handlers/ops/test_faults.hpp"

#include "daemon/health/faults.hpp"
#include "daemon/health/monitor.hpp"

namespace portald::web {

Response wedge_worker(const Context&, Request&) {
  health::wedge_this_thread();
  return Response::text("released\n", 503);
}

Response wedge_writer(const Context& ctx, Request&) {
  health::wedge_writer(ctx.store, ctx.monitor.liveness.store_writers());
  return Response::text("a write transaction is held open\n", 202);
}

}  // namespace portald::web
