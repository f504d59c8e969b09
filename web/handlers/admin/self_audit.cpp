// /quan-tri/tu-kiem-tra (issue 13): the compliance self-audit as a printable page, a list that fits a
// phone, and /quan-tri/tu-kiem-tra.json (or ?dinh-dang=json) for the data centre's monitoring. The board
// and the operator (view-reports), like the reports. The items come from reports::self_audit.
#include <nlohmann/json.hpp>

#include "daemon/health/working_days.hpp"
#include "daemon/reports/self_audit.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"

namespace portald::web::admin::self_audit_pages {
namespace {

const std::string kTitle = "Tự kiểm tra việc tuân thủ quy định";

reports::SelfAudit compute(const Context& ctx, model::UnixTime now) {
  health::CadencePolicy cadence;
  cadence.windows = ctx.cadence_windows;
  cadence.calendar = health::read_calendar(ctx.working_days, ctx.holidays_file);
  const store::ReadTxn txn = ctx.store.read();
  return reports::self_audit(txn, ctx.store.tables(), cadence, now);
}

nlohmann::json to_json(const reports::SelfAudit& a) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : a.items) {
    nlohmann::json details = nlohmann::json::array();
    for (const auto& d : i.details) details.push_back({{"text", d.text}, {"href", d.href}});
    items.push_back({{"key", i.key},
                     {"title", i.title},
                     {"clause", i.clause},
                     {"state", std::string(reports::state_key(i.state))},
                     {"state_label", std::string(reports::state_label(i.state))},
                     {"explanation", i.explanation},
                     {"details", std::move(details)},
                     {"fix_href", i.fix_href}});
  }
  return {{"at", model::format_rfc3339(a.at)},
          {"passed", a.count(reports::AuditState::passed)},
          {"failed", a.count(reports::AuditState::failed)},
          {"manual", a.count(reports::AuditState::manual)},
          {"items", std::move(items)}};
}

Response json_answer(const reports::SelfAudit& a) {
  // The API's JSON writer (nlohmann), invalid UTF-8 replaced rather than thrown; no CORS header: this is
  // the admin's, for a monitor holding a board or operator session.
  Response r = Response::json(to_json(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  r.content_type = "application/json; charset=utf-8";
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response page(const Context& ctx, const Request& req, const reports::SelfAudit& a) {
  const auto me = current_user(ctx, req);
  ctemplate::TemplateDictionary dict("admin_self_audit");
  fill_admin_layout(dict, ctx, &me, req.session_csrf, kTitle);
  dict.SetValue("TITLE", kTitle);
  dict.SetValue("MADE", model::format_datetime_vn(a.at));
  dict.SetIntValue("PASSED", long(a.count(reports::AuditState::passed)));
  dict.SetIntValue("FAILED", long(a.count(reports::AuditState::failed)));
  dict.SetIntValue("MANUAL", long(a.count(reports::AuditState::manual)));
  dict.SetIntValue("SNAPSHOT_DAYS", long(reports::kVerifiedSnapshotMaxAge / 86400));
  dict.SetIntValue("DRILL_DAYS", long(reports::kRestoreDrillMaxAge / 86400));
  dict.SetIntValue("DORMANT_DAYS", long(reports::kDormantAfter / 86400));
  dict.SetIntValue("CADENCE_DAYS", reports::kCadenceWorkingDays);
  int n = 0;
  for (const auto& i : a.items) {
    auto* item = dict.AddSectionDictionary("ITEM");
    item->SetIntValue("N", ++n);
    item->SetValue("KEY", i.key);
    item->SetValue("TITLE", i.title);
    item->SetValue("CLAUSE", i.clause);
    item->SetValue("STATE", std::string(reports::state_label(i.state)));
    item->SetValue("STATE_CLASS", std::string(reports::state_key(i.state)));
    item->SetValue("EXPLANATION", i.explanation);
    auto* list = i.details.empty() ? nullptr : item->AddSectionDictionary("DETAILS");
    for (const auto& d : i.details) {
      auto* detail = list->AddSectionDictionary("DETAIL");
      if (d.href.empty())
        detail->SetValueAndShowSection("TEXT", d.text, "PLAIN");
      else {
        auto* link = detail->AddSectionDictionary("LINKED");
        link->SetValue("TEXT", d.text);
        link->SetValue("HREF", d.href);
      }
    }
    if (!i.fix_href.empty()) {
      auto* fix = item->AddSectionDictionary("FIX");
      fix->SetValue("HREF", i.fix_href);
      fix->SetValue("LABEL", i.fix_label);
    }
  }
  return render_admin(ctx, "admin_self_audit", dict);
}

}  // namespace

Response audit_page(const Context& ctx, Request& req) {
  const auto audit = compute(ctx, model::now());
  if (req.query_value("dinh-dang").value_or("") == "json") return json_answer(audit);
  return page(ctx, req, audit);
}

Response audit_json(const Context& ctx, Request&) { return json_answer(compute(ctx, model::now())); }

}  // namespace portald::web::admin::self_audit_pages
