// /quan-tri/bao-cao (issue 13): the list of reports for a chosen period (a month, a quarter, a year or a
// from-to range, from a GET form that needs no script), and /quan-tri/bao-cao/{file}, each report as a
// printable page, CSV or XLSX. The board (editor-in-chief, deputy) and the operator see them.

#include "daemon/health/cadence.hpp"
#include "daemon/model/royalty.hpp"
#include "daemon/reports/report_range.hpp"
#include "web/csv.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/admin/report_pages.hpp"
#include "web/server/http_error.hpp"
#include "web/xlsx.hpp"

namespace portald::web::admin::report_pages {
namespace {

struct ReportKind {
  std::string_view slug;
  std::string_view title;
  std::string_view summary;
  Response (*page)(const ReportRequest&);
};

constexpr ReportKind kReports[] = {
    {"co-quan", "Báo cáo cung cấp thông tin theo cơ quan",
     "Tin bài gửi duyệt, xuất bản, bị trả lại (kèm lý do), bị gỡ; thời gian từ khi gửi đến khi xuất bản; theo "
     "chuyên mục; và số liệu hỏi đáp của người dân.",
     agencies_report},
    {"nhip-dang-tin", "Báo cáo nhịp cập nhật tin",
     "Từng ngày làm việc: khung giờ đầu buổi sáng và đầu buổi chiều đạt hay bị lỡ; ngày nghỉ, ngày lễ được bỏ qua.",
     cadence_report},
    {"van-hanh", "Báo cáo vận hành",
     "Sao lưu, kiểm tra bản sao lưu, diễn tập khôi phục, chế độ bảo trì, đăng nhập sai; nêu rõ số liệu chưa ghi nhận.",
     operations_report},
};

std::optional<std::string_view> query(const Request& req, std::string_view name) {
  const auto v = req.query_value(name);
  return v && !v->empty() ? v : std::nullopt;
}

reports::RangeParse range_of(const Request& req) {
  return reports::parse_range({.month = query(req, "thang"),
                               .quarter = query(req, "quy"),
                               .year = query(req, "nam"),
                               .from = query(req, "tu"),
                               .to = query(req, "den")},
                              health::local_day(model::now()));
}

// The form keeps what was asked: the chosen period's fields, or the raw text of a refused one.
void fill_form(ctemplate::TemplateDictionary& dict, const Request& req, const reports::ReportRange* range) {
  for (const auto& [field, name] : {std::pair{"thang", "MONTH"}, {"nam", "YEAR"}, {"tu", "FROM"}, {"den", "TO"}})
    if (const auto v = req.query_value(field)) dict.SetValue(name, std::string(*v));
  const auto quarter = req.query_value("quy").value_or("");
  for (int q = 1; q <= 4; ++q) {
    auto* option = dict.AddSectionDictionary("QUARTER");
    option->SetIntValue("N", q);
    option->SetValue("LABEL", std::string("Quý ") + (q == 1 ? "I" : q == 2 ? "II" : q == 3 ? "III" : "IV"));
    if (quarter == std::to_string(q)) option->ShowSection("SELECTED");
  }
  if (range && !req.query_value("thang") && !req.query_value("nam") && !req.query_value("tu"))
    dict.SetValue("MONTH", range->slug);  // the default month, shown in its field
}

Response index_page(const Context& ctx, const Request& req, const model::User& me, int status,
                    const reports::RangeParse& parsed) {
  ctemplate::TemplateDictionary dict("admin_reports");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Báo cáo");
  if (!parsed.error.empty()) header->SetValueAndShowSection("TEXT", parsed.error, "ERROR");
  fill_form(dict, req, parsed.range ? &*parsed.range : nullptr);
  if (parsed.range) {
    auto* list = dict.AddSectionDictionary("LIST");
    list->SetValue("PERIOD", parsed.range->label);
    for (const auto& k : kReports) {
      auto* item = list->AddSectionDictionary("REPORT");
      item->SetValue("TITLE", std::string(k.title));
      item->SetValue("SUMMARY", std::string(k.summary));
      item->SetValue("HREF", "/quan-tri/bao-cao/" + std::string(k.slug) + "?" + parsed.range->query);
      item->SetValue("CSV", "/quan-tri/bao-cao/" + std::string(k.slug) + ".csv?" + parsed.range->query);
      item->SetValue("XLSX", "/quan-tri/bao-cao/" + std::string(k.slug) + ".xlsx?" + parsed.range->query);
    }
    // The royalty sheets are monthly (royalty_sheet.cpp): one per month of the period.
    const auto last = model::royalty_month_of(parsed.range->to() - 1);
    for (auto m = model::royalty_month_of(parsed.range->from()); m <= last; m = model::next_royalty_month(m)) {
      auto* sheet = list->AddSectionDictionary("ROYALTY");
      const std::string base = "/quan-tri/nhuan-but/bang/" + model::royalty_month_key(m);
      sheet->SetValue("LABEL", model::royalty_month_label(m));
      sheet->SetValue("HREF", base);
      sheet->SetValue("CSV", base + ".csv");
      sheet->SetValue("XLSX", base + ".xlsx");
    }
  }
  return render_admin(ctx, "admin_reports", dict, status);
}

}  // namespace

Response index(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto parsed = range_of(req);
  return index_page(ctx, req, me, parsed.range ? 200 : 400, parsed);
}

Response report(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  std::string_view file = req.params.at("file");
  ReportFormat format = ReportFormat::html;
  if (file.ends_with(".csv")) {
    format = ReportFormat::csv;
    file.remove_suffix(4);
  } else if (file.ends_with(".xlsx")) {
    format = ReportFormat::xlsx;
    file.remove_suffix(5);
  }
  const ReportKind* kind = nullptr;
  for (const auto& k : kReports)
    if (k.slug == file) kind = &k;
  if (!kind) throw HttpError(404, "Không có báo cáo này.");
  const auto parsed = range_of(req);
  if (!parsed.range) return index_page(ctx, req, me, 400, parsed);
  return kind->page({ctx, req, me, *parsed.range, format, kind->slug});
}

void fill_report_frame(ctemplate::TemplateDictionary& dict, const ReportRequest& r, const std::string& title) {
  fill_admin_layout(dict, r.ctx, &r.me, r.req.session_csrf, title + " " + r.range.label);
  auto* head = dict.AddIncludeDictionary("REPORT_HEAD");
  head->SetFilename("admin_report_head.tpl");
  head->SetValue("TITLE", title);
  head->SetValue("PERIOD", r.range.label);
  head->SetValue("FIRST", model::format_date_vn(r.range.from()));
  head->SetValue("LAST", model::format_date_vn(r.range.to() - 1));
  head->SetValue("MADE", model::format_datetime_vn(model::now()));
  const std::string base = "/quan-tri/bao-cao/" + std::string(r.slug);
  head->SetValue("CSV", base + ".csv?" + r.range.query);
  head->SetValue("XLSX", base + ".xlsx?" + r.range.query);
  head->SetValue("LIST", "/quan-tri/bao-cao?" + r.range.query);
}

Response send_sheets(const ReportRequest& r, const std::string& title, const std::vector<Sheet>& sheets) {
  const std::string name = "bao-cao-" + std::string(r.slug) + "-" + r.range.slug;
  if (r.format == ReportFormat::csv) return csv_download(sheet_csv(sheets.at(0)), name + ".csv");
  return xlsx_download(xlsx_workbook(sheets, title + " " + r.range.label), name + ".xlsx");
}

}  // namespace portald::web::admin::report_pages
