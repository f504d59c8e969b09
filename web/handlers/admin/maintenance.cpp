#include "daemon/store/settings_table.hpp"
#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {

std::optional<Response> maintenance_response(const Context& ctx, const Request& req,
                                             const std::function<Response(int, std::string_view)>& error_page) {
  const std::string_view p = req.path;
  // The admin, the health probe, the scrape and the assets they need keep working.
  if (p == "/quan-tri" || p.starts_with("/quan-tri/") || p == "/healthz" || p == "/metrics" ||
      p.starts_with("/static/") || p.starts_with("/tep/"))
    return std::nullopt;
  model::Maintenance m;
  {
    const store::ReadTxn txn = ctx.store.read();
    m = store::get_maintenance(txn, ctx.store.tables());
  }
  if (!m.on) return std::nullopt;
  Response r = error_page(503, m.message);
  r.headers.emplace_back("Retry-After", std::to_string(m.retry_after_s));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace portald::web::admin
