// /quan-tri/bao-cao/van-hanh (issue 13): what the store records about running the portal in the period
// (backups, verification, restore drills, maintenance mode, failed logins), and a plain "chưa ghi nhận"
// for what it does not record (availability, restarts, the health checks' warnings: journal only).
#include "daemon/reports/operations_report.hpp"
#include "daemon/reports/report_inputs.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/report_pages.hpp"
#include "web/svg_chart.hpp"

namespace portald::web::admin::report_pages {
namespace {

const std::string kTitle = "Báo cáo vận hành";
const std::string kNotRecorded = "chưa ghi nhận";

reports::OperationsReport read(const ReportRequest& r) {
  const auto& t = r.ctx.store.tables();
  const store::ReadTxn txn = r.ctx.store.read();
  return reports::operations_report(store::get_backup_state(txn, t),
                                    reports::read_operations_audit(txn, t, r.range.from(), r.range.to()),
                                    r.range.from(), r.range.to());
}

// One line of the report: what, the figure, when, a note. The page and both downloads show these lines.
struct Line {
  std::string item, value, when, note;
};

std::string outcome_text(const model::BackupOutcome& o) { return o.ok ? "Đạt" : "Lỗi"; }

std::string latest_note(const std::optional<model::BackupOutcome>& ever, const char* what) {
  if (!ever) return std::string("Chưa từng có ") + what + ".";
  return std::string("Không có trong kỳ; lần gần nhất: ") + model::format_datetime_vn(ever->at) + ".";
}

std::vector<Line> lines_of(const reports::OperationsReport& rep) {
  std::vector<Line> out;
  if (rep.snapshot)
    out.push_back({"Bản sao lưu mới nhất", rep.snapshot->snapshot, model::format_datetime_vn(rep.snapshot->at),
                   rep.snapshot->message});
  else
    out.push_back({"Bản sao lưu mới nhất", "Không có", "", latest_note(rep.last_snapshot_ever, "bản sao lưu")});
  if (rep.attempt)
    out.push_back(
        {"Lần sao lưu gần nhất bị lỗi", "Lỗi", model::format_datetime_vn(rep.attempt->at), rep.attempt->message});
  out.push_back({"Số lần kiểm tra bản sao lưu đạt", std::to_string(rep.verified_ok), "", ""});
  out.push_back({"Số lần kiểm tra bản sao lưu lỗi", std::to_string(rep.verified_failed), "", ""});
  for (const auto& v : rep.verified)
    out.push_back({"Kiểm tra bản sao lưu " + v.snapshot, outcome_text(v), model::format_datetime_vn(v.at), v.message});
  if (rep.drill)
    out.push_back({"Diễn tập khôi phục", outcome_text(*rep.drill), model::format_datetime_vn(rep.drill->at),
                   rep.drill->snapshot + (rep.drill->message.empty() ? "" : ": " + rep.drill->message)});
  else
    out.push_back({"Diễn tập khôi phục", "Không có", "", latest_note(rep.last_drill_ever, "diễn tập khôi phục")});
  out.push_back({"Số lần chuyển chế độ bảo trì", std::to_string(rep.maintenance.size()), "", ""});
  for (const auto& m : rep.maintenance)
    out.push_back({"Chế độ bảo trì", m.to == "on" ? "Bật" : "Tắt", model::format_datetime_vn(m.at), m.actor});
  out.push_back({"Đăng nhập sai (mật khẩu hoặc mã xác thực)", std::to_string(rep.failed_logins), "", ""});
  out.push_back({"Đăng nhập bị tạm chặn", std::to_string(rep.limited_logins), "", ""});
  // Not in the store: the journal has them (portald logs warnings, systemd logs restarts).
  out.push_back(
      {"Thời gian hoạt động (theo watchdog và /healthz)", kNotRecorded, "", "Không được lưu trong kho dữ liệu."});
  out.push_back({"Số lần khởi động lại", kNotRecorded, "", "Xem nhật ký hệ thống: journalctl -u portald."});
  out.push_back({"Cảnh báo của kiểm tra sức khỏe", kNotRecorded, "",
                 "Chỉ ghi vào nhật ký hệ thống; khung giờ đăng tin bị lỡ có trong báo cáo nhịp cập nhật tin."});
  return out;
}

BarChart chart_of(const reports::OperationsReport& rep) {
  return {"bieu-do-van-hanh",
          "Sự kiện vận hành trong kỳ",
          {"Số lần"},
          {{"Kiểm tra sao lưu đạt", {double(rep.verified_ok)}},
           {"Kiểm tra sao lưu lỗi", {double(rep.verified_failed)}},
           {"Diễn tập khôi phục", {rep.drill ? 1.0 : 0.0}},
           {"Chuyển chế độ bảo trì", {double(rep.maintenance.size())}},
           {"Đăng nhập sai", {double(rep.failed_logins)}},
           {"Đăng nhập bị tạm chặn", {double(rep.limited_logins)}}}};
}

Response page(const ReportRequest& r, const reports::OperationsReport& rep) {
  ctemplate::TemplateDictionary dict("admin_report_operations");
  fill_report_frame(dict, r, kTitle);
  const BarChart chart = chart_of(rep);
  dict.SetValue("CHART", svg_bar_chart(chart));
  for (const auto& bar : chart.bars) {
    auto* row = dict.AddSectionDictionary("CHART_ROW");
    row->SetValue("LABEL", bar.label);
    row->SetIntValue("VALUE", long(bar.values[0]));
  }
  for (const auto& l : lines_of(rep)) {
    auto* row = dict.AddSectionDictionary("LINE");
    row->SetValue("ITEM", l.item);
    row->SetValue("VALUE", l.value);
    row->SetValue("WHEN", l.when);
    row->SetValue("NOTE", l.note);
    if (l.value == kNotRecorded) row->ShowSection("NOT_RECORDED");
  }
  return render_admin(r.ctx, "admin_report_operations", dict);
}

Sheet sheet_of(const reports::OperationsReport& rep) {
  Sheet s{"Vận hành",
          {{"muc", "Mục", CellKind::text, 44},
           {"so_lieu", "Số liệu", CellKind::text, 22},
           {"thoi_diem", "Thời điểm", CellKind::text, 17},
           {"ghi_chu", "Ghi chú", CellKind::text, 50}},
          {}};
  for (auto& l : lines_of(rep)) {
    // Counts are numbers in the workbook; states and "chưa ghi nhận" stay text.
    const bool count = !l.value.empty() && l.value.find_first_not_of("0123456789") == std::string::npos;
    s.rows.push_back({l.item, count ? SheetCell(std::stod(l.value)) : SheetCell(l.value), l.when, l.note});
  }
  return s;
}

}  // namespace

Response operations_report(const ReportRequest& r) {
  const auto rep = read(r);
  if (r.format == ReportFormat::html) return page(r, rep);
  return send_sheets(r, kTitle, {sheet_of(rep)});
}

}  // namespace portald::web::admin::report_pages
