// /quan-tri/bao-cao/nhip-dang-tin (issue 13, Điều 10.1): every working day of the period, its morning and
// afternoon windows met or missed, by the cadence health check's own rule and windows; days off skipped.
#include <map>

#include "daemon/health/working_days.hpp"
#include "daemon/reports/cadence_report.hpp"
#include "daemon/reports/report_inputs.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/report_pages.hpp"
#include "web/svg_chart.hpp"

namespace portald::web::admin::report_pages {
namespace {

const std::string kTitle = "Báo cáo nhịp cập nhật tin";
constexpr const char* kWeekdays[] = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"};

struct Data {
  health::CadencePolicy policy;
  reports::CadenceReport report;
};

// The policy lives in `d` (the report's windows point into it), so it is filled in place.
void read(const ReportRequest& r, Data& d) {
  d.policy.windows = r.ctx.cadence_windows;
  d.policy.calendar = health::read_calendar(r.ctx.working_days, r.ctx.holidays_file);
  std::vector<model::UnixTime> times;
  {
    const store::ReadTxn txn = r.ctx.store.read();
    times = reports::read_publication_times(txn, r.ctx.store.tables(), r.range.from(), r.range.to());
  }
  d.report = reports::cadence_report(
      d.policy, r.range.first_day, r.range.last_day, model::now(),
      [&times](model::UnixTime a, model::UnixTime b) { return reports::count_between(times, a, b); });
}

std::string window_label(const health::Window& w) {
  const std::string name = w.name == "morning" ? "Buổi sáng" : w.name == "afternoon" ? "Buổi chiều" : w.name;
  return name + " (" + health::format_clock(w.start_minute) + "–" + health::format_clock(w.end_minute) + ")";
}

std::string state_label(health::WindowState s) {
  switch (s) {
    case health::WindowState::met: return "Đạt";
    case health::WindowState::missed: return "Bị lỡ";
    case health::WindowState::open: return "Đang mở";
    case health::WindowState::upcoming: return "Chưa đến giờ";
    case health::WindowState::not_required: return "Không yêu cầu";
  }
  return "";
}

std::string day_text(std::int32_t day) {
  const std::string iso = model::format_iso_date(day);
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// Per day up to a month of working days (23), else per month: a year of days would be 250 bars.
BarChart chart_of(const Data& d) {
  BarChart chart{"bieu-do-nhip", "Số khung giờ đạt và bị lỡ", {"Đạt", "Bị lỡ"}, {}};
  const bool by_day = d.report.days.size() <= 23;
  std::map<std::string, std::pair<double, double>> months;  // "YYYY-MM" -> (met, missed), in order
  for (const auto& day : d.report.days) {
    double met = 0, missed = 0;
    for (const auto& w : day.windows) {
      if (w.state == health::WindowState::met) ++met;
      if (w.state == health::WindowState::missed) ++missed;
    }
    if (by_day) {
      chart.bars.push_back({day_text(day.day), {met, missed}});
    } else {
      auto& m = months[model::format_iso_date(day.day).substr(0, 7)];
      m.first += met;
      m.second += missed;
    }
  }
  for (const auto& [key, v] : months)
    chart.bars.push_back({"Tháng " + key.substr(5, 2) + "/" + key.substr(0, 4), {v.first, v.second}});
  return chart;
}

Response page(const ReportRequest& r, const Data& d) {
  ctemplate::TemplateDictionary dict("admin_report_cadence");
  fill_report_frame(dict, r, kTitle);
  const auto& rep = d.report;
  if (rep.no_windows) dict.ShowSection("OFF");
  dict.SetIntValue("WORKING_DAYS", long(rep.days.size()));
  dict.SetIntValue("DAYS_ALL_MET", rep.days_all_met);
  dict.SetIntValue("MET", rep.windows_met);
  dict.SetIntValue("MISSED", rep.windows_missed);
  dict.SetIntValue("PENDING", rep.windows_pending);
  dict.SetIntValue("DAYS_OFF", rep.days_off);
  dict.SetIntValue("TO_COME", rep.days_to_come);
  const int judged = rep.windows_met + rep.windows_missed;
  dict.SetValue("RATE", judged ? decimal_text(100.0 * rep.windows_met / judged) + "%" : "—");
  for (const auto day : rep.holidays) dict.AddSectionDictionary("HOLIDAY")->SetValue("DATE", day_text(day));
  if (rep.holidays.empty()) dict.ShowSection("NO_HOLIDAYS");
  for (const auto& w : d.policy.windows) dict.AddSectionDictionary("WINDOW_HEAD")->SetValue("LABEL", window_label(w));
  const BarChart chart = chart_of(d);
  dict.SetValue("CHART", svg_bar_chart(chart));
  for (const auto& bar : chart.bars) {
    auto* row = dict.AddSectionDictionary("CHART_ROW");
    row->SetValue("LABEL", bar.label);
    row->SetIntValue("MET", long(bar.values[0]));
    row->SetIntValue("MISSED", long(bar.values[1]));
  }
  for (const auto& day : rep.days) {
    auto* row = dict.AddSectionDictionary("DAY");
    row->SetValue("DATE", day_text(day.day));
    row->SetValue("WEEKDAY", kWeekdays[health::weekday(day.day)]);
    if (day.any_missed()) row->ShowSection("MISSED_DAY");
    for (const auto& w : day.windows) {
      auto* cell = row->AddSectionDictionary("WINDOW");
      cell->SetValue("STATE", state_label(w.state));
      cell->SetValue("CLASS", std::string(health::to_string(w.state)));
      cell->SetIntValue("COUNT", long(w.publications));
    }
  }
  if (rep.days.empty()) dict.ShowSection("NO_DAYS");
  return render_admin(r.ctx, "admin_report_cadence", dict);
}

Sheet days_sheet(const Data& d) {
  Sheet s{"Theo ngày", {{"ngay", "Ngày", CellKind::text, 12}, {"thu", "Thứ", CellKind::text, 10}}, {}};
  for (const auto& w : d.policy.windows) {
    s.columns.push_back({w.name + "_trang_thai", window_label(w), CellKind::text, 24});
    s.columns.push_back(
        {w.name + "_so_bai", "Số bài " + window_label(w).substr(0, window_label(w).find(" (")), CellKind::integer, 12});
  }
  for (const auto& day : d.report.days) {
    std::vector<SheetCell> row{day_text(day.day), std::string(kWeekdays[health::weekday(day.day)])};
    for (const auto& w : day.windows) {
      row.emplace_back(state_label(w.state));
      row.emplace_back(double(w.publications));
    }
    s.rows.push_back(std::move(row));
  }
  return s;
}

Sheet summary_sheet(const Data& d) {
  const auto& rep = d.report;
  Sheet s{
      "Tổng hợp", {{"chi_tieu", "Chỉ tiêu", CellKind::text, 44}, {"so_lieu", "Số liệu", CellKind::integer, 12}}, {}};
  const std::pair<const char*, int> rows[] = {
      {"Ngày làm việc đã qua", int(rep.days.size())},
      {"Ngày đạt cả hai khung giờ", rep.days_all_met},
      {"Khung giờ đạt", rep.windows_met},
      {"Khung giờ bị lỡ", rep.windows_missed},
      {"Khung giờ chưa kết thúc", rep.windows_pending},
      {"Ngày nghỉ, ngày lễ được bỏ qua", rep.days_off},
      {"Ngày chưa đến", rep.days_to_come},
  };
  for (const auto& [label, value] : rows) s.rows.push_back({std::string(label), double(value)});
  return s;
}

}  // namespace

Response cadence_report(const ReportRequest& r) {
  Data d;
  read(r, d);
  if (r.format == ReportFormat::html) return page(r, d);
  return send_sheets(r, kTitle, {days_sheet(d), summary_sheet(d)});
}

}  // namespace portald::web::admin::report_pages
