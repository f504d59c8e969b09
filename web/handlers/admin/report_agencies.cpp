// /quan-tri/bao-cao/co-quan (issue 13, Điều 6.1đ): what each contributing agency supplied in the period,
// by category, with the returns and their reasons, and the citizen questions each agency handled.
#include <cmath>
#include <map>

#include "daemon/health/working_days.hpp"
#include "daemon/reports/agency_report.hpp"
#include "daemon/reports/report_inputs.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/report_pages.hpp"
#include "web/svg_chart.hpp"

namespace portald::web::admin::report_pages {
namespace {

const std::string kTitle = "Báo cáo cung cấp thông tin theo cơ quan";

struct Names {
  std::map<std::uint64_t, std::string> agencies, categories;
  std::string agency(std::uint64_t id) const {
    if (id == 0) return "Không ghi cơ quan";
    const auto it = agencies.find(id);
    return it != agencies.end() ? it->second : "Cơ quan #" + std::to_string(id);
  }
  std::string category(std::uint64_t id) const {
    if (id == 0) return "Không ghi chuyên mục";
    const auto it = categories.find(id);
    return it != categories.end() ? it->second : "Chuyên mục #" + std::to_string(id);
  }
  std::string question_agency(std::uint64_t id) const { return id == 0 ? "Chưa giao cơ quan" : agency(id); }
};

struct Data {
  reports::AgencyReport report;
  Names names;
};

Data read(const ReportRequest& r) {
  const auto& t = r.ctx.store.tables();
  const store::ReadTxn txn = r.ctx.store.read();
  Data d;
  for (const auto& a : store::list_agencies(txn, t)) d.names.agencies[a.id] = a.name;
  for (const auto& c : store::list_categories(txn, t)) d.names.categories[c.id] = c.name;
  d.report = reports::read_agency_report(
      txn, t, r.range, health::read_calendar(r.ctx.working_days, r.ctx.holidays_file), health::local_day(model::now()));
  return d;
}

// Hours with one decimal, "" when nothing was timed.
std::string hours(const reports::Figures& f, double seconds) { return f.timed ? decimal_text(seconds / 3600) : ""; }

void fill_figures(ctemplate::TemplateDictionary& d, const reports::Figures& f) {
  d.SetIntValue("SUBMITTED", f.submitted);
  d.SetIntValue("PUBLISHED", f.published);
  d.SetIntValue("RETURNED", f.returned);
  d.SetIntValue("WITHDRAWN", f.withdrawn);
  d.SetValue("AVERAGE", hours(f, f.average_seconds));
  d.SetValue("P90", hours(f, double(f.p90_seconds)));
}

void fill_questions(ctemplate::TemplateDictionary& d, const questions::AgencyMonth& q) {
  d.SetIntValue("RECEIVED", q.received);
  d.SetIntValue("ANSWERED", q.answered);
  d.SetIntValue("ON_TIME", q.on_time);
  d.SetIntValue("LATE", q.late);
  d.SetIntValue("OVERDUE", q.overdue);
  d.SetValue("AVERAGE", q.answered ? decimal_text(q.average_days) : "");
  d.SetValue("P90", q.answered ? std::to_string(q.p90_days) : "");
}

std::string article_chart(const Data& d) {
  BarChart chart{"bieu-do-tin-bai",
                 "Tin bài gửi duyệt, xuất bản và bị trả lại theo cơ quan",
                 {"Gửi duyệt", "Xuất bản", "Bị trả lại"},
                 {}};
  for (const auto& a : d.report.agencies)
    chart.bars.push_back({d.names.agency(a.agency_id),
                          {double(a.figures.submitted), double(a.figures.published), double(a.figures.returned)}});
  return svg_bar_chart(chart);
}

std::string question_chart(const Data& d) {
  BarChart chart{"bieu-do-hoi-dap",
                 "Câu hỏi của người dân theo cơ quan: tiếp nhận, đã trả lời, quá hạn",
                 {"Tiếp nhận", "Đã trả lời", "Quá hạn"},
                 {}};
  for (const auto& q : d.report.questions.rows)
    chart.bars.push_back(
        {d.names.question_agency(q.agency_id), {double(q.received), double(q.answered), double(q.overdue)}});
  return svg_bar_chart(chart);
}

Response page(const ReportRequest& r, const Data& d) {
  ctemplate::TemplateDictionary dict("admin_report_agencies");
  fill_report_frame(dict, r, kTitle);
  dict.SetValue("ARTICLE_CHART", article_chart(d));
  for (const auto& a : d.report.agencies) {
    auto* row = dict.AddSectionDictionary("AGENCY");
    row->SetValue("NAME", d.names.agency(a.agency_id));
    fill_figures(*row, a.figures);
    for (const auto& c : a.categories) {
      auto* cat = row->AddSectionDictionary("CATEGORY");
      cat->SetValue("NAME", d.names.category(c.category_id));
      fill_figures(*cat, c.figures);
    }
  }
  if (d.report.agencies.empty()) dict.ShowSection("NO_ARTICLES");
  fill_figures(*dict.AddSectionDictionary("TOTAL"), d.report.total);
  for (const auto& n : d.report.returns) {
    auto* row = dict.AddSectionDictionary("RETURN");
    row->SetValue("AT", model::format_datetime_vn(n.at));
    row->SetValue("AGENCY", d.names.agency(n.agency_id));
    row->SetValue("CATEGORY", d.names.category(n.category_id));
    row->SetValue("HREF", "/quan-tri/bai-viet/" + std::to_string(n.article_id));
    row->SetValue("TITLE", n.title.empty() ? "Bài #" + std::to_string(n.article_id) : n.title);
    row->SetValue("REASON", n.reason);
  }
  if (d.report.returns.empty()) dict.ShowSection("NO_RETURNS");
  dict.SetValue("QUESTION_CHART", question_chart(d));
  for (const auto& q : d.report.questions.rows) {
    auto* row = dict.AddSectionDictionary("QUESTION");
    row->SetValue("NAME", d.names.question_agency(q.agency_id));
    fill_questions(*row, q);
  }
  if (d.report.questions.rows.empty()) dict.ShowSection("NO_QUESTIONS");
  fill_questions(*dict.AddSectionDictionary("QUESTION_TOTAL"), d.report.questions.total);
  return render_admin(r.ctx, "admin_report_agencies", dict);
}

// --- CSV and XLSX ---------------------------------------------------------------------------------

SheetCell num(double v) { return v; }
SheetCell hours_cell(const reports::Figures& f, double seconds) {
  return f.timed ? SheetCell(double(std::lround(seconds / 360)) / 10) : SheetCell();
}

std::vector<SheetCell> figures_row(std::string agency, std::string category, const reports::Figures& f) {
  return {std::move(agency),
          std::move(category),
          num(f.submitted),
          num(f.published),
          num(f.returned),
          num(f.withdrawn),
          hours_cell(f, f.average_seconds),
          hours_cell(f, double(f.p90_seconds))};
}

Sheet articles_sheet(const Data& d) {
  Sheet s{"Theo cơ quan",
          {{"co_quan", "Cơ quan", CellKind::text, 32},
           {"chuyen_muc", "Chuyên mục", CellKind::text, 24},
           {"gui_duyet", "Gửi duyệt", CellKind::integer, 11},
           {"xuat_ban", "Xuất bản", CellKind::integer, 11},
           {"tra_lai", "Bị trả lại", CellKind::integer, 11},
           {"go_bai", "Bị gỡ", CellKind::integer, 11},
           {"tb_gio", "Trung bình từ gửi đến xuất bản (giờ)", CellKind::decimal, 18},
           {"p90_gio", "90% xuất bản trong (giờ)", CellKind::decimal, 18}},
          {}};
  for (const auto& a : d.report.agencies) {
    s.rows.push_back(figures_row(d.names.agency(a.agency_id), "Tất cả chuyên mục", a.figures));
    for (const auto& c : a.categories)
      s.rows.push_back(figures_row(d.names.agency(a.agency_id), d.names.category(c.category_id), c.figures));
  }
  s.rows.push_back(figures_row("Tổng cộng", "", d.report.total));
  return s;
}

Sheet returns_sheet(const Data& d) {
  Sheet s{"Bị trả lại",
          {{"thoi_diem", "Thời điểm", CellKind::text, 17},
           {"co_quan", "Cơ quan", CellKind::text, 28},
           {"chuyen_muc", "Chuyên mục", CellKind::text, 20},
           {"bai_viet", "Mã bài", CellKind::integer, 9},
           {"tieu_de", "Tiêu đề", CellKind::text, 40},
           {"ly_do", "Lý do trả lại", CellKind::text, 50}},
          {}};
  for (const auto& n : d.report.returns)
    s.rows.push_back({model::format_datetime_vn(n.at), d.names.agency(n.agency_id), d.names.category(n.category_id),
                      num(double(n.article_id)), n.title, n.reason});
  return s;
}

std::vector<SheetCell> question_row(std::string agency, const questions::AgencyMonth& q) {
  return {std::move(agency),
          num(q.received),
          num(q.answered),
          num(q.on_time),
          num(q.late),
          num(q.overdue),
          q.answered ? SheetCell(double(std::lround(q.average_days * 10)) / 10) : SheetCell(),
          q.answered ? num(q.p90_days) : SheetCell()};
}

Sheet questions_sheet(const Data& d) {
  Sheet s{"Hỏi đáp",
          {{"co_quan", "Cơ quan", CellKind::text, 32},
           {"tiep_nhan", "Tiếp nhận", CellKind::integer, 11},
           {"da_tra_loi", "Đã trả lời", CellKind::integer, 11},
           {"dung_han", "Đúng hạn", CellKind::integer, 11},
           {"tre_han", "Trễ hạn", CellKind::integer, 11},
           {"qua_han", "Quá hạn chưa trả lời", CellKind::integer, 14},
           {"tb_ngay_lam_viec", "Trung bình (ngày làm việc)", CellKind::decimal, 16},
           {"p90_ngay", "90% trả lời trong (ngày làm việc)", CellKind::integer, 16}},
          {}};
  for (const auto& q : d.report.questions.rows) s.rows.push_back(question_row(d.names.question_agency(q.agency_id), q));
  s.rows.push_back(question_row("Tổng cộng", d.report.questions.total));
  return s;
}

}  // namespace

Response agencies_report(const ReportRequest& r) {
  const Data d = read(r);
  if (r.format == ReportFormat::html) return page(r, d);
  return send_sheets(r, kTitle, {articles_sheet(d), returns_sheet(d), questions_sheet(d)});
}

}  // namespace portald::web::admin::report_pages
