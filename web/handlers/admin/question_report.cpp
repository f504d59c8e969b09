// /quan-tri/hoi-dap/bao-cao: the monthly report per agency (issue 12, Điều 9), as a page and as CSV.
// The data centre and the board see every agency; an agency answerer sees only its own row, read from
// its own queue.
#include <cstdio>

#include "daemon/health/working_days.hpp"
#include "daemon/questions/question_report.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/csv.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace question_pages {
namespace {

// Every item ever received is read: a month's answers can come from items received long before.
constexpr std::size_t kReportItemLimit = 1'000'000;

struct Report {
  questions::MonthReport data{};
  bool whole_portal = false;  // false: an agency answerer's own row only, no total
};

Report build(const Context& ctx, const Request& req, const model::User& me, const store::Txn& txn) {
  const auto& t = ctx.store.tables();
  const std::int32_t today = health::local_day(model::now());
  const auto asked = req.query_value("thang");
  const auto month = asked && !asked->empty() ? questions::parse_report_month(*asked) : questions::month_of(today);
  if (!month) throw HttpError(400, "Tháng không hợp lệ: hãy chọn tháng dạng năm-tháng, ví dụ 2026-11.");
  const bool agency = model::question_party(me.role) == model::QuestionParty::agency;
  const auto items = agency ? store::list_agency_questions(txn, t, me.agency_id, kReportItemLimit)
                            : store::list_questions(txn, t, kReportItemLimit);
  const auto calendar = health::read_calendar(ctx.working_days, ctx.holidays_file);
  Report r{questions::month_report(items, *month, calendar, today), !agency};
  if (agency) std::erase_if(r.data.rows, [&](const auto& row) { return row.agency_id != me.agency_id; });
  return r;
}

std::string agency_label(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  if (id == 0) return "Chưa giao cơ quan";
  const auto a = store::get_agency(txn, t, id);
  return a ? a->name : "Cơ quan #" + std::to_string(id);
}

std::string month_key(const questions::ReportMonth& m) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", m.year, m.month);
  return text;
}

// "2,5" as Vietnamese readers write a decimal; "" when nothing was answered.
std::string days_text(const questions::AgencyMonth& row, double value) {
  if (row.answered == 0) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string s(text);
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

void fill_row(ctemplate::TemplateDictionary& d, const questions::AgencyMonth& row) {
  d.SetIntValue("RECEIVED", row.received);
  d.SetIntValue("ANSWERED", row.answered);
  d.SetIntValue("ON_TIME", row.on_time);
  d.SetIntValue("LATE", row.late);
  d.SetIntValue("OVERDUE", row.overdue);
  d.SetValue("AVERAGE", days_text(row, row.average_days));
  d.SetValue("P90", row.answered == 0 ? std::string() : std::to_string(row.p90_days));
}

std::string csv_line(const std::string& agency, const questions::AgencyMonth& row) {
  return csv_cell(agency) + "," + std::to_string(row.received) + "," + std::to_string(row.answered) + "," +
         std::to_string(row.on_time) + "," + std::to_string(row.late) + "," + std::to_string(row.overdue) + "," +
         csv_cell(days_text(row, row.average_days)) + "," + (row.answered == 0 ? "" : std::to_string(row.p90_days)) +
         "\r\n";
}

}  // namespace

Response report_page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto r = build(ctx, req, me, txn);
  const std::string key = month_key(r.data.month);
  ctemplate::TemplateDictionary dict("admin_question_report");
  fill_admin_layout(dict, ctx, &me, req.session_csrf, "Báo cáo hỏi đáp tháng " + key);
  dict.SetValue("MONTH", key);
  dict.SetValue("MONTH_LABEL", std::to_string(r.data.month.month) + "/" + std::to_string(r.data.month.year));
  for (const auto& row : r.data.rows) {
    auto* d = dict.AddSectionDictionary("ROW");
    d->SetValue("AGENCY", agency_label(txn, t, row.agency_id));
    fill_row(*d, row);
  }
  if (r.data.rows.empty()) dict.ShowSection("EMPTY");
  if (r.whole_portal) fill_row(*dict.AddSectionDictionary("TOTAL"), r.data.total);
  return render_admin(ctx, "admin_question_report", dict);
}

Response report_csv(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto r = build(ctx, req, me, txn);
  std::string out = "co_quan,tiep_nhan,da_tra_loi,dung_han,tre_han,qua_han_chua_tra_loi,tb_ngay_lam_viec,p90_ngay\r\n";
  for (const auto& row : r.data.rows) out += csv_line(agency_label(txn, t, row.agency_id), row);
  if (r.whole_portal) out += csv_line("Tổng cộng", r.data.total);
  return csv_download(std::move(out), "bao-cao-hoi-dap-" + month_key(r.data.month) + ".csv");
}

}  // namespace question_pages
}  // namespace portald::web::admin
