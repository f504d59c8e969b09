// /quan-tri/nhuan-but (issue 13, Quy chế Điều 5.12, 6.2c): the articles published in a month with their
// royalty grades, the grading form (the editor-in-chief or a deputy) and the rates (the province's
// decision: the value of a point and the work types). The monthly sheet is royalty_sheet.cpp.
#include <algorithm>

#include "daemon/model/text.hpp"
#include "daemon/royalty/royalty_service.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/royalty_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/admin/royalty_common.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin::royalty_pages {
namespace {

// Author rows the grading form offers (an item rarely has more).
constexpr int kAuthorRows = 4;

// A whole number typed in a form (digits only, at most 6); -1 otherwise, which every rule refuses.
int number_of(std::string_view text) {
  text = model::trim(text);
  if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string_view::npos) return -1;
  return std::stoi(std::string(text));
}

std::string agency_name(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  if (id == 0) return {};
  const auto a = store::get_agency(txn, t, id);
  return a ? a->name : std::string();
}

// The articles published in the month (still published or since withdrawn) and every graded one of it.
std::vector<model::Article> month_articles(const store::Txn& txn, const store::Tables& t, model::RoyaltyMonth m) {
  const auto range = month_range_of(m);
  std::vector<model::Article> out;
  store::Cursor cursor(txn, t.articles_published);
  const std::string end = store::be64(store::time_key(range.to()));
  for (bool ok = cursor.seek(store::be64(store::time_key(range.from()))); ok && cursor.key() < end; ok = cursor.next())
    if (auto a = store::get_article(txn, t, store::read_be64(cursor.key().substr(8)))) out.push_back(std::move(*a));
  for (const auto& g : store::list_royalty_grades(txn, t)) {
    if (std::any_of(out.begin(), out.end(), [&](const auto& a) { return a.id == g.article_id; })) continue;
    auto a = store::get_article(txn, t, g.article_id);
    if (a && a->published_at && model::royalty_month_of(a->published_at) == m) out.push_back(std::move(*a));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.published_at < b.published_at; });
  return out;
}

std::uint64_t article_id_of(const Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  if (!id) throw HttpError(404, "Không có bài viết này.");
  return *id;
}

// The grade shown in the form: the stored one, or a first guess from the article's by-line and agency.
model::RoyaltyGrade starting_grade(const store::Txn& txn, const store::Tables& t, const model::Article& a) {
  if (auto g = store::get_royalty_grade(txn, t, a.id)) return *g;
  model::RoyaltyGrade g{.article_id = a.id};
  if (!a.author.empty()) g.authors.push_back({a.author, agency_name(txn, t, a.agency_id), false, 100});
  return g;
}

Response grade_form(const Context& ctx, const Request& req, const model::User& me, const model::Article& a,
                    const model::RoyaltyGrade& g, const std::vector<std::string>& errors, int status) {
  ctemplate::TemplateDictionary dict("admin_royalty_grade");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Chấm điểm nhuận bút");
  for (const auto& e : errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  if (req.query_value("da-luu")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu điểm nhuận bút.");
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto settings = store::get_royalty_settings(txn, t);
  dict.SetValue("ID", std::to_string(a.id));
  dict.SetValue("TITLE", a.title);
  dict.SetValue("PUBLISHED", model::format_datetime_vn(a.published_at));
  dict.SetValue("BYLINE", a.author);
  dict.SetValue("AGENCY", agency_name(txn, t, a.agency_id));
  dict.SetValue("MONTH", model::royalty_month_key(model::royalty_month_of(a.published_at)));
  dict.SetValue("POINTS", g.points > 0 ? std::to_string(g.points) : "");
  dict.SetValue("NOTE", g.note);
  dict.SetValue("POINT_VALUE", model::format_vnd(settings.point_value));
  for (const auto& w : settings.work_types) {
    auto* o = dict.AddSectionDictionary("TYPE");
    o->SetValue("KEY", w.key);
    o->SetValue("NAME", w.name);
    o->SetIntValue("MIN", w.min_points);
    o->SetIntValue("MAX", w.max_points);
    if (w.key == g.work_type) o->ShowSection("SELECTED");
  }
  for (int i = 0; i < kAuthorRows; ++i) {
    auto* row = dict.AddSectionDictionary("AUTHOR");
    row->SetIntValue("N", i + 1);
    if (i < int(g.authors.size())) {
      const auto& au = g.authors[std::size_t(i)];
      row->SetValue("NAME", au.name);
      row->SetValue("AUTHOR_AGENCY", au.agency);
      row->SetValue("SHARE", au.share > 0 ? std::to_string(au.share) : "");
      if (au.external) row->ShowSection("EXTERNAL");
    } else {
      row->SetValue("SHARE", "");
    }
  }
  for (const auto& ag : store::list_agencies(txn, t))
    dict.AddSectionDictionary("AGENCY_OPTION")->SetValue("NAME", ag.name);
  if (!g.graded_by.empty())
    dict.SetValueAndShowSection("GRADED", person_name(ctx, g.graded_by) + ", " + model::format_datetime_vn(g.graded_at),
                                "LAST_GRADE");
  return render_admin(ctx, "admin_royalty_grade", dict, status);
}

// The grade as posted: author rows with a name; a share left empty is 100 for a lone author, else 0
// (which the rule refuses with a message).
model::RoyaltyGrade posted_grade(const Form& form, std::uint64_t id) {
  model::RoyaltyGrade g{.article_id = id,
                        .work_type = std::string(model::trim(form.get("the_loai"))),
                        .points = number_of(form.get("diem")),
                        .note = std::string(model::trim(form.get("ghi_chu")))};
  int named = 0;
  for (int i = 1; i <= kAuthorRows; ++i)
    if (!model::trim(form.get("tac_gia_" + std::to_string(i))).empty()) ++named;
  for (int i = 1; i <= kAuthorRows; ++i) {
    const std::string n = std::to_string(i);
    const std::string name(model::trim(form.get("tac_gia_" + n)));
    if (name.empty()) continue;
    const std::string share_text(model::trim(form.get("ty_le_" + n)));
    const int share = share_text.empty() ? (named == 1 ? 100 : 0) : number_of(share_text);
    g.authors.push_back(
        {name, std::string(model::trim(form.get("co_quan_" + n))), form.get("ngoai_" + n) == "1", share});
  }
  return g;
}

Response settings_form(const Context& ctx, const Request& req, const model::User& me, const model::RoyaltySettings& s,
                       const std::string& types_text, const std::vector<std::string>& errors, int status) {
  ctemplate::TemplateDictionary dict("admin_royalty_settings");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Cài đặt nhuận bút");
  for (const auto& e : errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  if (req.query_value("da-luu")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu cài đặt nhuận bút.");
  dict.SetValue("POINT_VALUE", std::to_string(s.point_value));
  dict.SetValue("DECISION", s.decision);
  dict.SetValue("TYPES", escape_keeping_lines(types_text));
  return render_admin(ctx, "admin_royalty_settings", dict, status);
}

}  // namespace

Response month_page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto month = month_of(req);
  ctemplate::TemplateDictionary dict("admin_royalty");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Nhuận bút");
  if (!month) {
    header->SetValueAndShowSection("TEXT", "Tháng không hợp lệ: hãy chọn tháng dạng năm-tháng, ví dụ 2026-11.",
                                   "ERROR");
    dict.SetValue("MONTH", std::string(req.query_value("thang").value_or("")));
    return render_admin(ctx, "admin_royalty", dict, 400);
  }
  const bool may_grade = model::allowed(me.role, model::Action::grade_royalty);
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto settings = store::get_royalty_settings(txn, t);
  dict.SetValue("MONTH", model::royalty_month_key(*month));
  dict.SetValue("LABEL", model::royalty_month_label(*month));
  dict.SetValue("SHEET", "/quan-tri/nhuan-but/bang/" + model::royalty_month_key(*month));
  dict.SetValue("POINT_VALUE", model::format_vnd(settings.point_value));
  dict.SetValue("BASIS",
                settings.decision.empty() ? std::string("chưa ghi quyết định áp dụng") : "theo " + settings.decision);
  if (model::allowed(me.role, model::Action::manage_royalty_settings)) dict.ShowSection("SETTINGS_LINK");
  const auto stored = store::get_royalty_sheet(txn, t, *month);
  dict.SetValue("STATE", stored ? std::string(model::royalty_sheet_state_label(stored->state)) : "Chưa lập");
  int graded = 0;
  for (const auto& a : month_articles(txn, t, *month)) {
    auto* row = dict.AddSectionDictionary("ITEM");
    row->SetValue("TITLE", a.title);
    row->SetValue("HREF", "/quan-tri/bai-viet/" + std::to_string(a.id));
    row->SetValue("PUBLISHED", model::format_datetime_vn(a.published_at));
    row->SetValue("BYLINE", a.author);
    row->SetValue("AGENCY", agency_name(txn, t, a.agency_id));
    if (const auto g = store::get_royalty_grade(txn, t, a.id)) {
      ++graded;
      const auto* type = model::find_work_type(settings, g->work_type);
      row->SetValue("TYPE", type ? type->name : g->work_type);
      row->SetIntValue("POINTS", g->points);
      std::string authors;
      for (const auto& au : g->authors) authors += (authors.empty() ? "" : "; ") + au.name;
      row->SetValue("AUTHORS", authors);
    } else {
      row->SetValue("TYPE", "Chưa chấm");
    }
    if (may_grade)
      row->SetValueAndShowSection("GRADE_HREF", "/quan-tri/nhuan-but/bai/" + std::to_string(a.id), "GRADE");
  }
  dict.SetIntValue("GRADED", graded);
  for (const auto& s : store::list_royalty_sheets(txn, t)) {
    auto* row = dict.AddSectionDictionary("SHEET_ROW");
    row->SetValue("HREF", "/quan-tri/nhuan-but/bang/" + model::royalty_month_key(s.month));
    row->SetValue("LABEL", model::royalty_month_label(s.month));
    row->SetValue("STATE", std::string(model::royalty_sheet_state_label(s.state)));
    row->SetValue("TOTAL", model::format_vnd(model::sheet_total(s)));
  }
  return render_admin(ctx, "admin_royalty", dict);
}

Response grade_page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = article_id_of(req);
  const store::ReadTxn txn = ctx.store.read();
  const auto a = store::get_article(txn, ctx.store.tables(), id);
  if (!a || a->published_at == 0) throw HttpError(404, "Chỉ chấm nhuận bút cho bài viết đã xuất bản.");
  return grade_form(ctx, req, me, *a, starting_grade(txn, ctx.store.tables(), *a), {}, 200);
}

Response grade_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = article_id_of(req);
  const auto grade = posted_grade(form_of(req), id);
  const auto r = royalty::grade_article(ctx.store, grade, actor_of(me, req), model::now());
  switch (r.refusal) {
    case royalty::Refusal::none:
      return Response::redirect("/quan-tri/nhuan-but/bai/" + std::to_string(id) + "?da-luu=1");
    case royalty::Refusal::not_allowed: throw HttpError(403, "Bạn không được chấm nhuận bút.");
    case royalty::Refusal::invalid: {
      const store::ReadTxn txn = ctx.store.read();
      const auto a = store::get_article(txn, ctx.store.tables(), id);
      if (!a) throw HttpError(404, "Không có bài viết này.");
      return grade_form(ctx, req, me, *a, grade, r.errors, 422);
    }
    default: throw HttpError(404, "Chỉ chấm nhuận bút cho bài viết đã xuất bản.");
  }
}

Response settings_page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const store::ReadTxn txn = ctx.store.read();
  const auto s = store::get_royalty_settings(txn, ctx.store.tables());
  return settings_form(ctx, req, me, s, model::work_type_lines(s.work_types), {}, 200);
}

Response settings_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  std::vector<std::string> errors;
  model::RoyaltySettings s;
  std::string value_text(model::trim(form.get("gia_tri_diem")));
  std::erase_if(value_text, [](char c) { return c == '.' || c == ' '; });  // "100.000" as people write it
  if (value_text.empty() || value_text.size() > 12 || value_text.find_first_not_of("0123456789") != std::string::npos)
    errors.push_back("Giá trị một điểm phải là số đồng, ví dụ 100.000.");
  else
    s.point_value = std::stoll(value_text);
  s.decision = std::string(model::trim(form.get("quyet_dinh")));
  const std::string types_text = form.get("the_loai");
  std::vector<int> bad_lines;
  s.work_types = model::parse_work_type_lines(types_text, bad_lines);
  for (int line : bad_lines)
    errors.push_back("Dòng " + std::to_string(line) +
                     " của danh sách thể loại phải có dạng: mã | Tên | điểm tối thiểu | điểm tối đa.");
  if (errors.empty()) {
    const auto r = royalty::change_royalty_settings(ctx.store, s, actor_of(me, req), model::now());
    if (r.refusal == royalty::Refusal::not_allowed) throw HttpError(403, "Bạn không được đổi cài đặt nhuận bút.");
    if (r.refusal == royalty::Refusal::none) return Response::redirect("/quan-tri/nhuan-but/cai-dat?da-luu=1");
    errors = r.errors;
  }
  return settings_form(ctx, req, me, s, types_text, errors, 422);
}

}  // namespace portald::web::admin::royalty_pages
