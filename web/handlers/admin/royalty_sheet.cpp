// /quan-tri/nhuan-but/bang/{YYYY-MM} (issue 13): the monthly royalty sheet as the finance office takes it:
// a line per author and item, totals per author and per agency, the rate it was made with, and the
// signature block (Người lập biểu, Kế toán, Trưởng ban biên tập, with dates); printable on A4, as CSV and
// XLSX (reports' helpers: web/report_sheet.hpp, web/xlsx.hpp). The steps draft -> approved -> locked are
// POSTs to .../{step}; the service (daemon/royalty) checks who may take each.
#include "daemon/model/text.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/royalty/royalty_service.hpp"
#include "daemon/store/royalty_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "web/csv.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/admin/royalty_common.hpp"
#include "web/report_sheet.hpp"
#include "web/server/http_error.hpp"
#include "web/xlsx.hpp"

namespace portald::web::admin::royalty_pages {
namespace {

using model::RoyaltySheetState;

struct Shown {
  model::RoyaltySheet sheet;
  bool stored = false;   // false: computed now, not made yet
  std::string agency{};  // "": the whole sheet; else only this agency's lines (its own sheet to sign)
};

// One agency's part of the sheet: its authors' lines, the same state, rate and signatures.
Shown for_agency(Shown s, const std::string& agency) {
  std::erase_if(s.sheet.lines, [&](const auto& l) { return l.agency != agency; });
  s.agency = agency;
  return s;
}

Shown read_sheet(const Context& ctx, model::RoyaltyMonth m) {
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  if (auto s = store::get_royalty_sheet(txn, t, m)) return {std::move(*s), true};
  return {royalty::preview_sheet(txn, t, m), false};
}

std::string title_of(model::RoyaltyMonth m) { return "Bảng thanh toán nhuận bút " + model::royalty_month_label(m); }
std::string title_of(const Shown& s) {
  return title_of(s.sheet.month) + (s.agency.empty() ? std::string() : " – " + s.agency);
}
std::string agency_query(const std::string& agency) {
  return agency.empty() ? std::string() : "?co-quan=" + model::url_encode_component(agency);
}

std::string date_line(model::UnixTime t) {
  if (t == 0) return "Ngày ..... tháng ..... năm ..........";
  const std::string d = model::format_date_vn(t);  // dd/mm/yyyy
  return "Ngày " + d.substr(0, 2) + " tháng " + d.substr(3, 2) + " năm " + d.substr(6);
}

std::string share_text(const model::RoyaltyLine& l) { return l.share ? std::to_string(l.share) + "%" : ""; }

std::string state_text(const Shown& s) {
  return s.stored ? std::string(model::royalty_sheet_state_label(s.sheet.state)) : "Chưa lập (số liệu tạm tính)";
}

Response page(const Context& ctx, const Request& req, const model::User& me, const Shown& s,
              const std::string& error = {}, int status = 200) {
  const auto& sheet = s.sheet;
  const std::string key = model::royalty_month_key(sheet.month);
  ctemplate::TemplateDictionary dict("admin_royalty_sheet");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, title_of(s));
  if (!error.empty()) header->SetValueAndShowSection("TEXT", error, "ERROR");
  {
    const store::ReadTxn txn = ctx.store.read();
    const auto site = store::get_site_settings(txn, ctx.store.tables());
    dict.SetValue("GOVERNING", site.governing_agency);
    dict.SetValue("PORTAL", site.portal_name);
  }
  dict.SetValue("TITLE", title_of(s));
  if (!s.agency.empty()) dict.SetValueAndShowSection("WHOLE", "/quan-tri/nhuan-but/bang/" + key, "PART");
  dict.SetValue("MONTH", key);
  dict.SetValue("STATE", state_text(s));
  dict.SetValue("STATE_KEY", s.stored ? std::string(model::to_string(sheet.state)) : "none");
  dict.SetValue("POINT_VALUE", model::format_vnd(sheet.point_value));
  dict.SetValue("BASIS",
                sheet.decision.empty() ? std::string("chưa ghi quyết định áp dụng") : "theo " + sheet.decision);
  dict.SetValue("CSV", "/quan-tri/nhuan-but/bang/" + key + ".csv" + agency_query(s.agency));
  dict.SetValue("XLSX", "/quan-tri/nhuan-but/bang/" + key + ".xlsx" + agency_query(s.agency));
  dict.SetValue("ITEMS", "/quan-tri/nhuan-but?thang=" + key);
  int n = 0;
  for (const auto& l : sheet.lines) {
    auto* row = dict.AddSectionDictionary("LINE");
    row->SetIntValue("N", ++n);
    row->SetValue("DATE", model::format_date_vn(l.published_at));
    row->SetValue("TITLE", l.title);
    row->SetValue("TYPE", l.work_type);
    row->SetIntValue("POINTS", l.points);
    row->SetValue("AUTHOR", l.author + (l.external ? " (ngoài cơ quan)" : ""));
    row->SetValue("AGENCY", l.agency);
    row->SetValue("SHARE", share_text(l));
    row->SetValue("AMOUNT", model::format_vnd(l.amount));
    row->SetValue("NOTE", l.note);
    if (l.for_month) row->ShowSection("CORRECTION");
  }
  if (sheet.lines.empty()) dict.ShowSection("EMPTY");
  for (const auto& tot : model::totals_by_author(sheet)) {
    auto* row = dict.AddSectionDictionary("BY_AUTHOR");
    row->SetValue("NAME", tot.name);
    row->SetValue("AGENCY", tot.agency);
    row->SetIntValue("LINES", tot.lines);
    row->SetValue("AMOUNT", model::format_vnd(tot.amount));
  }
  for (const auto& tot : model::totals_by_agency(sheet)) {
    auto* row = dict.AddSectionDictionary("BY_AGENCY");
    row->SetValue("NAME", tot.name.empty() ? "(không ghi cơ quan)" : tot.name);
    if (s.agency.empty() && !tot.name.empty())
      row->SetValueAndShowSection("PART_HREF", "/quan-tri/nhuan-but/bang/" + key + agency_query(tot.name), "PART_LINK");
    row->SetIntValue("LINES", tot.lines);
    row->SetValue("AMOUNT", model::format_vnd(tot.amount));
  }
  dict.SetValue("TOTAL", model::format_vnd(model::sheet_total(sheet)));
  dict.SetValue("TOTAL_WORDS", model::vnd_in_words(model::sheet_total(sheet)));
  dict.SetValue("MADE_BY", sheet.made_by.empty() ? "" : person_name(ctx, sheet.made_by));
  dict.SetValue("MADE_AT", date_line(sheet.made_at));
  dict.SetValue("APPROVED_BY", sheet.approved_by.empty() ? "" : person_name(ctx, sheet.approved_by));
  dict.SetValue("APPROVED_AT", date_line(sheet.approved_at));
  if (sheet.state == RoyaltySheetState::locked)
    dict.SetValueAndShowSection(
        "LOCKED_AT", model::format_datetime_vn(sheet.locked_at) + " (" + person_name(ctx, sheet.locked_by) + ")",
        "LOCKED");
  // The buttons of the steps the state allows and the user may take (on the whole sheet only).
  const bool may_make = s.agency.empty() && model::allowed(me.role, model::Action::grade_royalty);
  const bool may_approve = s.agency.empty() && model::allowed(me.role, model::Action::approve_royalty);
  const std::string base = "/quan-tri/nhuan-but/bang/" + key + "/";
  const auto button = [&](const char* step, const std::string& label, const std::string& confirm) {
    auto* b = dict.AddSectionDictionary("STEP");
    b->SetValue("ACTION", base + step);
    b->SetValue("LABEL", label);
    if (!confirm.empty()) b->SetValueAndShowSection("TEXT", confirm, "CONFIRM");
  };
  if (may_make && (!s.stored || sheet.state == RoyaltySheetState::draft))
    button("lap", s.stored ? "Lập lại bảng theo điểm hiện tại" : "Lập bảng", "");
  if (may_approve && s.stored && sheet.state == RoyaltySheetState::draft) button("duyet", "Duyệt bảng", "");
  if (may_approve && s.stored && sheet.state == RoyaltySheetState::approved) {
    button("tra-ve", "Trả về dự thảo", "");
    button("khoa", "Khóa bảng",
           "Khóa bảng nhuận bút " + model::royalty_month_label(sheet.month) +
               "? Bảng đã khóa không thể sửa; mọi điều chỉnh sẽ vào bảng của tháng sau.");
  }
  return render_admin(ctx, "admin_royalty_sheet", dict, status);
}

std::vector<SheetCell> line_cells(int n, const model::RoyaltyLine& l) {
  return {double(n),
          model::format_date_vn(l.published_at),
          l.title,
          l.work_type,
          double(l.points),
          l.author,
          l.agency,
          l.external ? "Ngoài cơ quan" : "Trong cơ quan",
          l.share ? SheetCell(double(l.share)) : SheetCell(),
          double(l.amount),
          l.note};
}

Sheet details(const model::RoyaltySheet& s) {
  Sheet out{"Chi tiết",
            {{"stt", "STT", CellKind::integer, 6},
             {"ngay_xuat_ban", "Ngày xuất bản", CellKind::text, 13},
             {"tin_bai", "Tin, bài", CellKind::text, 40},
             {"the_loai", "Thể loại", CellKind::text, 12},
             {"diem", "Điểm", CellKind::integer, 8},
             {"tac_gia", "Tác giả", CellKind::text, 24},
             {"co_quan", "Cơ quan, đơn vị", CellKind::text, 26},
             {"trong_ngoai", "Trong / ngoài cơ quan", CellKind::text, 14},
             {"ty_le", "Tỷ lệ hưởng (%)", CellKind::integer, 10},
             {"thanh_tien", "Thành tiền (đồng)", CellKind::integer, 16},
             {"ghi_chu", "Ghi chú", CellKind::text, 40}},
            {}};
  int n = 0;
  for (const auto& l : s.lines) out.rows.push_back(line_cells(++n, l));
  out.rows.push_back({{}, {}, "Tổng cộng", {}, {}, {}, {}, {}, {}, double(model::sheet_total(s)), {}});
  return out;
}

Sheet totals(const std::string& name, const std::vector<model::RoyaltyTotal>& list, bool authors) {
  Sheet out{name, {}, {}};
  out.columns.push_back({authors ? "tac_gia" : "co_quan", authors ? "Tác giả" : "Cơ quan, đơn vị", CellKind::text, 30});
  if (authors) out.columns.push_back({"co_quan", "Cơ quan, đơn vị", CellKind::text, 30});
  out.columns.push_back({"so_dong", "Số tin, bài", CellKind::integer, 12});
  out.columns.push_back({"thanh_tien", "Thành tiền (đồng)", CellKind::integer, 16});
  if (authors) out.columns.push_back({"ky_nhan", "Ký nhận", CellKind::text, 16});
  for (const auto& t : list) {
    std::vector<SheetCell> row{t.name};
    if (authors) row.push_back(t.agency);
    row.push_back(double(t.lines));
    row.push_back(double(t.amount));
    if (authors) row.push_back(std::string());
    out.rows.push_back(std::move(row));
  }
  return out;
}

// The signature block under the details, as the finance office signs the printed workbook.
void add_signatures(Sheet& s, const Context& ctx, const model::RoyaltySheet& sheet) {
  const auto row = [&](std::string a, std::string b, std::string c) {
    std::vector<SheetCell> r(s.columns.size());
    r[2] = std::move(a);
    r[5] = std::move(b);
    r[9] = std::move(c);
    s.rows.push_back(std::move(r));
  };
  std::vector<SheetCell> words(s.columns.size());
  words[2] = "Số tiền bằng chữ: " + model::vnd_in_words(model::sheet_total(sheet)) + ".";
  s.rows.push_back(std::move(words));
  s.rows.emplace_back(s.columns.size());
  row("Người lập biểu", "Kế toán", "Trưởng ban biên tập");
  row("(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)");
  row(date_line(sheet.made_at), date_line(0), date_line(sheet.approved_at));
  row(sheet.made_by.empty() ? "" : person_name(ctx, sheet.made_by), "",
      sheet.approved_by.empty() ? "" : person_name(ctx, sheet.approved_by));
}

Response download(const Context& ctx, const Shown& s, bool csv) {
  const std::string name = "bang-nhuan-but-" + model::royalty_month_key(s.sheet.month) +
                           (s.agency.empty() ? std::string() : "-" + model::slugify(s.agency, 60));
  Sheet first = details(s.sheet);
  if (csv) return csv_download(sheet_csv(first), name + ".csv");
  add_signatures(first, ctx, s.sheet);
  std::vector<Sheet> sheets{std::move(first), totals("Theo tác giả", model::totals_by_author(s.sheet), true),
                            totals("Theo cơ quan", model::totals_by_agency(s.sheet), false)};
  return xlsx_download(xlsx_workbook(sheets, title_of(s) + " (" + state_text(s) + ")"), name + ".xlsx");
}

std::string refusal_text(royalty::Refusal r) {
  switch (r) {
    case royalty::Refusal::not_allowed: return "Bạn không được thực hiện bước này.";
    case royalty::Refusal::not_found: return "Bảng nhuận bút tháng này chưa được lập.";
    case royalty::Refusal::wrong_state: return "Bảng không ở trạng thái cho phép bước này.";
    case royalty::Refusal::locked: return "Bảng đã khóa: không thể thay đổi. Điều chỉnh sẽ vào bảng của tháng sau.";
    case royalty::Refusal::stale:
      return "Khoản điều chỉnh trong bảng đã thay đổi (một bảng khác vừa được khóa hoặc điểm vừa được sửa): hãy lập "
             "lại bảng.";
    default: return "Không thực hiện được.";
  }
}

}  // namespace

Response sheet(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  std::string_view file = req.params.at("file");
  int format = 0;  // 0 page, 1 csv, 2 xlsx
  if (file.ends_with(".csv")) {
    format = 1;
    file.remove_suffix(4);
  } else if (file.ends_with(".xlsx")) {
    format = 2;
    file.remove_suffix(5);
  }
  const auto month = parse_month(file);
  if (!month) throw HttpError(404, "Không có bảng nhuận bút này.");
  Shown s = read_sheet(ctx, *month);
  if (const auto agency = req.query_value("co-quan"); agency && !agency->empty())
    s = for_agency(std::move(s), std::string(*agency));
  if (format == 0) return page(ctx, req, me, s);
  return download(ctx, s, format == 1);
}

Response sheet_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto month = parse_month(req.params.at("month"));
  if (!month) throw HttpError(404, "Không có bảng nhuận bút này.");
  const std::string& step = req.params.at("step");
  const auto actor = actor_of(me, req);
  const auto now = model::now();
  royalty::Result r;
  if (step == "lap")
    r = royalty::make_sheet(ctx.store, *month, actor, now);
  else if (step == "duyet")
    r = royalty::approve_sheet(ctx.store, *month, actor, now);
  else if (step == "tra-ve")
    r = royalty::reopen_sheet(ctx.store, *month, actor, now);
  else if (step == "khoa")
    r = royalty::lock_sheet(ctx.store, *month, actor, now);
  else
    throw HttpError(404, "Không có bước này.");
  const std::string back = "/quan-tri/nhuan-but/bang/" + model::royalty_month_key(*month);
  if (r.refusal == royalty::Refusal::not_allowed) throw HttpError(403, refusal_text(r.refusal));
  if (r.refusal != royalty::Refusal::none)
    return page(ctx, req, me, read_sheet(ctx, *month), refusal_text(r.refusal), 409);
  return Response::redirect(back);
}

}  // namespace portald::web::admin::royalty_pages
