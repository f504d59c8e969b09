#include "web/handlers/ops/healthz.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "daemon/health/backup_report.hpp"
#include "daemon/health/monitor.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "web/handlers/admin/admin.hpp"

namespace portald::web {
namespace {

// What anyone may know: whether the site answers. The details name paths, disks, the backup target and
// error texts, so they are kept for ops-allow and the people who may see the status page.
Response plain_status(const Context& ctx) {
  bool ok = true;
  try {
    [[maybe_unused]] const store::ReadTxn txn = ctx.store.read();
  } catch (const std::exception&) {
    ok = false;
  }
  Response r = Response::json(ok ? R"({"status":"ok"})" : R"({"status":"unhealthy"})", ok ? 200 : 503);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

bool may_read_internals(const Context& ctx, const Request& req) {
  // "local" is the daemon's own self-check over a socketpair.
  if (req.remote_address == "local" || ctx.ops_allow.contains(req.remote_address)) return true;
  const auto user = admin::signed_in_user(ctx, req);
  return user && model::allowed(user->role, model::Action::view_status);
}

Response healthz(const Context& ctx, Request& req) {
  if (!may_read_internals(ctx, req)) return plain_status(ctx);
  nlohmann::json j;
  int status = 200;
  try {
    const store::ReadTxn txn = ctx.store.read();
    const auto usage = ctx.store.usage();
    j["store"] = "ok";
    j["schema_version"] = ctx.store.schema_version();
    j["published_articles"] = store::count_published(txn, ctx.store.tables());
    j["map_used_ratio"] = usage.used_ratio();
    // Snapshots and drills run in their own process (portald-backup/-drill.service) and leave their
    // outcome in the store's meta table: age and state of the newest snapshot and drill, > 8 days warns.
    const auto backups = store::get_backup_state(txn, ctx.store.tables());
    j["backup"] = health::backup_report(backups, model::now());
  } catch (const std::exception& e) {
    j["store"] = std::string("error: ") + e.what();
    status = 503;
  }
  // Readiness detail: the slow checks warn without failing liveness (the watchdog's probe needs a 200 here).
  if (const auto report = ctx.monitor.checks.get()) {
    nlohmann::json checks = nlohmann::json::object();
    for (const auto& c : report->checks)
      checks[c.name] = {{"status", health::to_string(c.status)}, {"detail", c.detail}};
    j["checks"] = std::move(checks);
    j["checks_at"] = report->at;
    j["warnings"] = std::count_if(report->checks.begin(), report->checks.end(),
                                  [](const auto& c) { return c.status == health::Status::warning; });
  }
  j["status"] = status == 200 ? "ok" : "unhealthy";
  j["uptime_s"] = model::now() - ctx.started_at;
  j["version"] = ctx.version;
  Response r = Response::json(j.dump(), status);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace portald::web
