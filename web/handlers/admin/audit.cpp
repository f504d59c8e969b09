// The audit log page (filterable) and its CSV export: operators and the editor-in-chief only.
#include "daemon/model/audit_action.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/store/audit_table.hpp"
#include "web/csv.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/audit_subject.hpp"
#include "web/handlers/admin/pages.hpp"

namespace portald::web::admin {
namespace audit_pages {

constexpr std::size_t kPageLimit = 500;
constexpr std::size_t kExportLimit = 1'000'000;

store::AuditFilter filter_of(const Request& req) {
  store::AuditFilter f;
  f.actor = std::string(req.query_value("nguoi").value_or(""));
  f.action_prefix = std::string(req.query_value("thao-tac").value_or(""));
  f.object = std::string(req.query_value("doi-tuong").value_or(""));
  // Whole days in Vietnam time.
  if (const auto d = model::parse_iso_date(req.query_value("tu").value_or("")))
    f.since = model::UnixTime(*d) * 86400 - model::kVietnamOffsetSeconds;
  if (const auto d = model::parse_iso_date(req.query_value("den").value_or("")))
    f.until = (model::UnixTime(*d) + 1) * 86400 - model::kVietnamOffsetSeconds;
  return f;
}

Response audit_page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto f = filter_of(req);
  ctemplate::TemplateDictionary dict("admin_audit");
  fill_admin_layout(dict, ctx, &me, req.session_csrf, "Nhật ký");
  dict.SetValue("F_ACTOR", f.actor);
  dict.SetValue("F_OBJECT", f.object);
  dict.SetValue("F_FROM", std::string(req.query_value("tu").value_or("")));
  dict.SetValue("F_TO", std::string(req.query_value("den").value_or("")));
  for (const auto& [key, label] : {std::pair{"", "Tất cả"},
                                   {"login", "Đăng nhập"},
                                   {"article.", "Bài viết"},
                                   {"document.", "Văn bản"},
                                   {"user.", "Tài khoản"},
                                   {"settings.", "Cài đặt"},
                                   {"taxonomy.", "Danh mục"},
                                   {"media.", "Thư viện"}}) {
    auto* o = dict.AddSectionDictionary("ACTION_OPTION");
    o->SetValue("KEY", key);
    o->SetValue("LABEL", label);
    if (f.action_prefix == key) o->ShowSection("SELECTED");
  }
  dict.SetValue("CSV_URL", [&] {
    std::string q = "/quan-tri/nhat-ky.csv";
    for (const auto& [k, v] : req.query)
      q += (q.find('?') == std::string::npos ? "?" : "&") + model::url_encode_component(k) + "=" +
           model::url_encode_component(v);
    return q;
  }());
  const store::ReadTxn txn = ctx.store.read();
  const auto entries = store::find_audit(txn, ctx.store.tables(), f, kPageLimit);
  for (const auto& e : entries) {
    auto* row = dict.AddSectionDictionary("ENTRY");
    row->SetValue("AT", model::format_datetime_vn(e.at));
    row->SetValue("ACTOR", e.actor.empty() ? std::string("(hệ thống)") : e.actor);
    // The Vietnamese label with the stored name under it; a name this version does not know shows as is.
    row->SetValue("ACTION_LABEL", std::string(model::audit_action_label(e.action)));
    if (model::parse_audit_action(e.action)) row->AddSectionDictionary("ACTION_NAME")->SetValue("ACTION", e.action);
    const auto subject = audit_subject(txn, ctx.store.tables(), e.object);
    if (subject.url.empty()) {
      row->AddSectionDictionary("SUBJECT_TEXT")->SetValue("LABEL", subject.label);
    } else {
      auto* link = row->AddSectionDictionary("SUBJECT_LINK");
      link->SetValue("LABEL", subject.label);
      link->SetValue("URL", subject.url);
    }
    if (subject.label != e.object) row->AddSectionDictionary("OBJECT_NAME")->SetValue("OBJECT", e.object);
    row->SetValue("FROM", audit_state_label(e.from));
    row->SetValue("TO", audit_state_label(e.to));
    row->SetValue("REASON", e.reason);
    row->SetValue("ADDRESS", e.address);
  }
  if (entries.size() == kPageLimit) dict.ShowSection("TRUNCATED");
  return render_admin(ctx, "admin_audit", dict);
}

Response audit_csv(const Context& ctx, Request& req) {
  const auto f = filter_of(req);
  std::string out = "seq,thoi_gian,nguoi_thuc_hien,thao_tac,doi_tuong,tu,thanh,ly_do,dia_chi\r\n";
  const store::ReadTxn txn = ctx.store.read();
  for (const auto& e : store::find_audit(txn, ctx.store.tables(), f, kExportLimit)) {
    out += std::to_string(e.seq) + "," + csv_cell(model::format_rfc3339(e.at)) + "," + csv_cell(e.actor) + "," +
           csv_cell(e.action) + "," + csv_cell(e.object) + "," + csv_cell(e.from) + "," + csv_cell(e.to) + "," +
           csv_cell(e.reason) + "," + csv_cell(e.address) + "\r\n";
  }
  return csv_download(std::move(out), "nhat-ky.csv");
}

}  // namespace audit_pages

}  // namespace portald::web::admin
