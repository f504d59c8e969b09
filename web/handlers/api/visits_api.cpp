// GET /api/v1/visits: the footer's figures (issue 13) for /static/visits.js, only while the operator
// shows them. Figures only; never cached, since they change every second.
#include "daemon/model/time.hpp"
#include "daemon/stats/visit_counter.hpp"
#include "daemon/store/settings_table.hpp"
#include "web/handlers/api/api.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {

Response api_visits(const Context& ctx, Request&) {
  bool shown = false;
  {
    const store::ReadTxn txn = ctx.store.read();
    shown = store::get_site_settings(txn, ctx.store.tables()).show_visit_counter == "1";
  }
  if (!ctx.visits || !shown) throw HttpError(404, "not shown on this portal");
  const auto f = ctx.visits->figures(model::now());
  Response r = api_json({{"online", f.online}, {"today", f.today}, {"total", f.total}});
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace portald::web
