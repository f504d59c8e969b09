#include "web/handlers/ops/test_faults.hpp"

#include "daemon/health/faults.hpp"

namespace portald::web {

Response wedge_worker(const Context&, Request&) {
  health::wedge_this_thread();
  return Response::text("released\n", 503);
}

Response wedge_writer(const Context& ctx, Request&) {
  health::wedge_writer(ctx.store);
  return Response::text("a write transaction is held open\n", 202);
}

}  // namespace portald::web
