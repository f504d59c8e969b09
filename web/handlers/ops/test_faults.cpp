#include "web/handlers/ops/test_faults.hpp"

#include <algorithm>
#include <cstdlib>
#include <future>
#include <memory>

#include "daemon/health/faults.hpp"
#include "daemon/health/monitor.hpp"
#include "search/search_service.hpp"

namespace portald::web {

Response wedge_worker(const Context&, Request&) {
  health::wedge_this_thread();
  return Response::text("released\n", 503);
}

Response wedge_writer(const Context& ctx, Request&) {
  health::wedge_writer(ctx.store, ctx.monitor.liveness.store_writers());
  return Response::text("a write transaction is held open\n", 202);
}

Response hold_search_slot(const Context& ctx, Request& req) {
  if (!ctx.search) return Response::text("no search service\n", 404);
  const auto ms = std::chrono::milliseconds(
      std::clamp(std::atoi(std::string(req.query_value("ms").value_or("")).c_str()), 1, 10000));
  auto taken = std::make_shared<std::promise<bool>>();
  auto held = taken->get_future();
  health::start_held_thread(ms, [gate = &ctx.search->gate(), taken](const std::function<void()>& wait) {
    auto slot = gate->enter();
    taken->set_value(slot.has_value());
    if (slot) wait();
  });
  return held.get() ? Response::text("a search slot is held\n", 202) : Response::text("refused\n", 503);
}

}  // namespace portald::web
