// Site settings (name, logo, footer, public-service links, EMC code) and maintenance mode, saved to
// LMDB and in effect on the next request: no restart. Categories and agencies.
#include <algorithm>

#include "daemon/model/footer_facts.hpp"
#include "daemon/model/text.hpp"
#include "daemon/site/maintenance.hpp"
#include "daemon/site/settings.hpp"
#include "daemon/site/taxonomy.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace site_pages {

// The Vietnamese message for one problem with a posted setting.
std::string message(const site::SettingError& e) {
  const std::string label(e.field->label);
  switch (e.problem) {
    case site::SettingProblem::not_utf8:
    case site::SettingProblem::too_long: return label + ": giá trị không hợp lệ.";
    case site::SettingProblem::not_a_url: return label + ": phải là địa chỉ http(s):// hoặc đường dẫn bắt đầu bằng /.";
    case site::SettingProblem::not_a_script_url: return label + ": phải là địa chỉ https:// hợp lệ.";
    case site::SettingProblem::empty_required: return label + " không được để trống.";
    case site::SettingProblem::not_a_flag: return label + ": chỉ có thể bật hoặc tắt.";
    case site::SettingProblem::not_a_person_name:
      return label +
             ": ghi họ và tên của một người (2 đến 7 chữ, không có chữ số), ví dụ “Nguyễn Văn An”. "
             "Chức vụ ghi ở ô “Chức vụ của người chịu trách nhiệm chính”.";
    case site::SettingProblem::not_a_licence_number:
      return label + ": chỉ ghi số giấy phép, ví dụ “12/GP-TTĐT”; cơ quan cấp và ngày cấp có ô riêng.";
    case site::SettingProblem::not_a_past_date:
      return label + ": ghi một ngày không muộn hơn hôm nay, dạng dd/mm/yyyy, ví dụ 05/03/2024.";
    case site::SettingProblem::not_an_origin:
      return label + ": “" + e.value +
             "” không phải một nguồn hợp lệ. Mỗi mục phải có dạng https://tên-máy-chủ hoặc https://tên-máy-chủ:cổng, "
             "không có đường dẫn và không dùng ký tự đại diện (*); các mục cách nhau bởi dấu cách.";
  }
  return label;
}

Response settings_page(const Context& ctx, const Request& req, const model::User& me, const model::SiteSettings& shown,
                       const std::vector<std::string>& errors, int status) {
  ctemplate::TemplateDictionary dict("admin_settings");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Cài đặt");
  for (const auto& e : errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  if (req.query_value("da-luu")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu cài đặt.");
  for (const auto& f : site::setting_fields()) {
    auto* d = dict.AddSectionDictionary("FIELD");
    d->SetValue("KEY", std::string(f.key));
    d->SetValue("LABEL", std::string(f.label));
    // A date is kept as YYYY-MM-DD and shown the way people write it (the form takes both back).
    d->SetValue("VALUE", f.key == "licence_date" ? model::iso_date_to_vn(shown.*f.member) : shown.*f.member);
    if (!f.flag) {
      d->ShowSection("TEXT");
    } else {
      auto* box = d->AddSectionDictionary("FLAG");
      if (shown.*f.member == "1") box->ShowSection("CHECKED");
    }
  }
  const store::ReadTxn txn = ctx.store.read();
  const auto m = store::get_maintenance(txn, ctx.store.tables());
  dict.SetValue("MAINTENANCE_MESSAGE", m.message);
  dict.SetValue("RETRY_AFTER_MIN", std::to_string(m.retry_after_s / 60));
  dict.SetValue("MAINTENANCE_STATE",
                m.on ? "Đang bảo trì: bạn đọc thấy trang bảo trì." : "Cổng đang hoạt động bình thường.");
  dict.ShowSection(m.on ? "MAINTENANCE_ON" : "MAINTENANCE_OFF");
  return render_admin(ctx, "admin_settings", dict, status);
}

Response settings_get(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const store::ReadTxn txn = ctx.store.read();
  const auto s = store::get_site_settings(txn, ctx.store.tables());
  return settings_page(ctx, req, me, s, {}, 200);
}

Response settings_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  std::vector<std::pair<std::string, std::string>> values;
  for (const auto& f : site::setting_fields()) values.emplace_back(f.key, model::trim(form.get(f.key)));
  const auto r = site::change_settings(ctx.store, values, actor_of(me, req), model::now());
  if (r.refusal == site::Refusal::not_allowed) throw HttpError(403, "Bạn không được đổi cài đặt.");
  if (r.refusal != site::Refusal::none) {
    std::vector<std::string> errors;
    for (const auto& e : r.errors) errors.push_back(message(e));
    return settings_page(ctx, req, me, r.settings, errors, 422);
  }
  return Response::redirect("/quan-tri/cai-dat?da-luu=1");
}

Response maintenance_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  const site::MaintenanceChange change{.on = form.get("on") == "1",
                                       .message = std::string(model::trim(form.get("message"))),
                                       .retry_after_min = trailing_id(form.get("retry_after_min"))};
  if (site::set_maintenance(ctx.store, change, actor_of(me, req), model::now()) != site::Refusal::none)
    throw HttpError(403, "Bạn không được bật hay tắt chế độ bảo trì.");
  return Response::redirect("/quan-tri/cai-dat?da-luu=1");
}

Response taxonomy_get(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  ctemplate::TemplateDictionary dict("admin_taxonomy");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Danh mục");
  if (req.query_value("da-luu")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu.");
  if (req.query_value("loi"))
    header->AddSectionDictionary("ERROR")->SetValue("TEXT",
                                                    "Vui lòng nhập tên (tối đa 200 ký tự) chưa trùng với mục khác.");
  const store::ReadTxn txn = ctx.store.read();
  for (const auto& c : store::list_categories(txn, ctx.store.tables())) {
    auto* d = dict.AddSectionDictionary("CATEGORY");
    d->SetValue("ID", std::to_string(c.id));
    d->SetValue("NAME", c.name);
    d->SetValue("SLUG", c.slug);
    d->SetValue("POSITION", std::to_string(c.position));
  }
  const auto categories = store::list_categories(txn, ctx.store.tables());
  for (const auto& a : store::list_agencies(txn, ctx.store.tables())) {
    auto* d = dict.AddSectionDictionary("AGENCY");
    d->SetValue("ID", std::to_string(a.id));
    d->SetValue("NAME", a.name);
    d->SetValue("LIMIT",
                a.category_ids.empty() ? "mọi chuyên mục" : std::to_string(a.category_ids.size()) + " chuyên mục");
    // Which categories its contributors may write in (issue 16): none ticked = every category.
    for (const auto& c : categories) {
      auto* o = d->AddSectionDictionary("ALLOWED");
      o->SetValue("ID", std::to_string(c.id));
      o->SetValue("NAME", c.name);
      if (std::find(a.category_ids.begin(), a.category_ids.end(), c.id) != a.category_ids.end())
        o->ShowSection("CHECKED");
    }
  }
  return render_admin(ctx, "admin_taxonomy", dict);
}

// One taxonomy form, told apart by its "kind" field; any refusal shows the one error message.
Response taxonomy_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  const std::string name(model::trim(form.get("name")));
  const std::string kind = form.get("kind");
  const auto actor = actor_of(me, req);
  const auto now = model::now();
  const auto target = trailing_id(form.get("id")).value_or(0);
  site::TaxonomyResult r{site::Refusal::invalid};
  if (kind == "category") {
    r = site::add_category(ctx.store, name, actor, now);
  } else if (kind == "agency") {
    r = site::add_agency(ctx.store, name, actor, now);
  } else if (kind == "update-category") {
    const auto position = trailing_id(form.get("position"));
    r = site::update_category(ctx.store, target, name,
                              position ? std::optional(static_cast<std::uint32_t>(*position)) : std::nullopt, actor,
                              now);
  } else if (kind == "rename-agency") {
    r = site::rename_agency(ctx.store, target, name, actor, now);
  } else if (kind == "agency-categories") {
    std::vector<std::uint64_t> ids;
    const auto [from, to] = form.fields.equal_range("category");
    for (auto it = from; it != to; ++it) ids.push_back(trailing_id(it->second).value_or(0));
    r = site::set_agency_categories(ctx.store, target, ids, actor, now);
  }
  if (r.refusal == site::Refusal::not_allowed) throw HttpError(403, "Bạn không được sửa danh mục.");
  return Response::redirect(r.refusal == site::Refusal::none ? "/quan-tri/danh-muc?da-luu=1"
                                                             : "/quan-tri/danh-muc?loi=1");
}

}  // namespace site_pages

}  // namespace portald::web::admin
