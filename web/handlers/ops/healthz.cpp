#include "web/handlers/ops/healthz.hpp"

#include <nlohmann/json.hpp>

#include "daemon/model/time.hpp"
#include "daemon/store/article_table.hpp"

namespace portald::web {

Response healthz(const Context& ctx, Request&) {
  nlohmann::json j;
  int status = 200;
  try {
    const store::ReadTxn txn = ctx.store.read();
    const auto usage = ctx.store.usage();
    j["store"] = "ok";
    j["schema_version"] = ctx.store.schema_version();
    j["published_articles"] = store::count_published(txn, ctx.store.tables());
    j["map_used_ratio"] = usage.used_ratio();
  } catch (const std::exception& e) {
    j["store"] = std::string("error: ") + e.what();
    status = 503;
  }
  j["status"] = status == 200 ? "ok" : "unhealthy";
  j["uptime_s"] = model::now() - ctx.started_at;
  j["version"] = ctx.version;
  Response r = Response::json(j.dump(), status);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace portald::web
