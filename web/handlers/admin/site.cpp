// Site settings (name, logo, footer, public-service links, EMC code) and maintenance mode, saved to
// LMDB and in effect on the next request: no restart. Categories and agencies.
#include <algorithm>

#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace {

struct Field {
  const char* key;
  const char* label;
  std::string model::SiteSettings::*member;
  bool url;
};

const Field kFields[] = {
    {.key = "portal_name", .label = "Tên cổng thông tin", .member = &model::SiteSettings::portal_name, .url = false},
    {.key = "english_name", .label = "Tên tiếng Anh", .member = &model::SiteSettings::english_name, .url = false},
    {.key = "governing_agency",
     .label = "Cơ quan chủ quản",
     .member = &model::SiteSettings::governing_agency,
     .url = false},
    {.key = "responsible_person",
     .label = "Người chịu trách nhiệm chính",
     .member = &model::SiteSettings::responsible_person,
     .url = false},
    {.key = "licence", .label = "Giấy phép", .member = &model::SiteSettings::licence, .url = false},
    {.key = "address", .label = "Địa chỉ", .member = &model::SiteSettings::address, .url = false},
    {.key = "phone", .label = "Điện thoại", .member = &model::SiteSettings::phone, .url = false},
    {.key = "email", .label = "Thư điện tử", .member = &model::SiteSettings::email, .url = false},
    {.key = "source_notice", .label = "Ghi chú nguồn tin", .member = &model::SiteSettings::source_notice, .url = false},
    {.key = "logo_url", .label = "Địa chỉ biểu trưng (logo)", .member = &model::SiteSettings::logo_url, .url = true},
    {.key = "public_url",
     .label = "Địa chỉ công khai của cổng",
     .member = &model::SiteSettings::public_url,
     .url = true},
    {.key = "national_service_url",
     .label = "Cổng Dịch vụ công quốc gia",
     .member = &model::SiteSettings::national_service_url,
     .url = true},
    {.key = "provincial_service_url",
     .label = "Cổng dịch vụ công của tỉnh",
     .member = &model::SiteSettings::provincial_service_url,
     .url = true},
    {.key = "national_legal_db_url",
     .label = "CSDL quốc gia về văn bản pháp luật",
     .member = &model::SiteSettings::national_legal_db_url,
     .url = true},
    {.key = "data_portal_url",
     .label = "Cổng dữ liệu mở",
     .member = &model::SiteSettings::data_portal_url,
     .url = true},
    {.key = "emc_script_url",
     .label = "Mã theo dõi EMC (địa chỉ https)",
     .member = &model::SiteSettings::emc_script_url,
     .url = true},
};

Response settings_page(const Context& ctx, const Request& req, const model::User& me, const model::SiteSettings& shown,
                       const std::vector<std::string>& errors, int status) {
  ctemplate::TemplateDictionary dict("admin_settings");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Cài đặt");
  for (const auto& e : errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  if (req.query_value("da-luu")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu cài đặt.");
  for (const auto& f : kFields) {
    auto* d = dict.AddSectionDictionary("FIELD");
    d->SetValue("KEY", f.key);
    d->SetValue("LABEL", f.label);
    d->SetValue("VALUE", shown.*f.member);
  }
  const store::ReadTxn txn = ctx.store.read();
  const auto m = store::get_maintenance(txn, ctx.store.tables());
  dict.SetValue("MAINTENANCE_MESSAGE", m.message);
  dict.SetValue("RETRY_AFTER_MIN", std::to_string(m.retry_after_s / 60));
  dict.SetValue("MAINTENANCE_STATE", m.on ? "Đang bảo trì: bạn đọc thấy trang bảo trì." : "Cổng đang hoạt động bình thường.");
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
  model::SiteSettings s;
  {
    const store::ReadTxn txn = ctx.store.read();
    s = store::get_site_settings(txn, ctx.store.tables());
  }
  const model::SiteSettings before = s;
  std::vector<std::string> errors;
  for (const auto& f : kFields) {
    const auto v = model::to_nfc(model::trim(form.get(f.key)));
    if (!v || v->size() > 2000) {
      errors.push_back(std::string(f.label) + ": giá trị không hợp lệ.");
      continue;
    }
    if (f.url && !v->empty() && !v->starts_with("https://") && !v->starts_with("http://") && !v->starts_with("/"))
      errors.push_back(std::string(f.label) + ": phải là địa chỉ http(s):// hoặc đường dẫn bắt đầu bằng /.");
    if (std::string_view(f.key) == "emc_script_url" && !v->empty() && !script_origin(*v))
      errors.push_back(std::string(f.label) + ": phải là địa chỉ https:// hợp lệ.");
    s.*f.member = *v;
  }
  if (s.portal_name.empty()) errors.push_back("Tên cổng thông tin không được để trống.");
  if (!errors.empty()) return settings_page(ctx, req, me, s, errors, 422);
  store::WriteTxn txn = ctx.store.write();
  const auto& t = ctx.store.tables();
  store::put_site_settings(txn, t, s);
  for (const auto& f : kFields)
    if (before.*f.member != s.*f.member)
      store::append_audit(txn, t, {.actor = me.username, .action = "settings.site", .object = std::string("settings/") + f.key,
                                   .from = before.*f.member, .to = s.*f.member, .address = client_address(req)});
  txn.commit();
  return Response::redirect("/quan-tri/cai-dat?da-luu=1");
}

Response maintenance_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  store::WriteTxn txn = ctx.store.write();
  const auto& t = ctx.store.tables();
  auto m = store::get_maintenance(txn, t);
  const bool was = m.on;
  m.on = form.get("on") == "1";
  if (const auto msg = model::to_nfc(model::trim(form.get("message"))); msg && !msg->empty() && msg->size() <= 2000)
    m.message = *msg;
  const auto minutes = trailing_id(form.get("retry_after_min"));
  m.retry_after_s = static_cast<int>(std::clamp<std::uint64_t>(minutes.value_or(30), 1, 24 * 60) * 60);
  store::put_maintenance(txn, t, m);
  store::append_audit(txn, t, {.actor = me.username, .action = "settings.maintenance", .object = "settings/maintenance",
                               .from = was ? "on" : "off", .to = m.on ? "on" : "off", .reason = m.message,
                               .address = client_address(req)});
  txn.commit();
  return Response::redirect("/quan-tri/cai-dat?da-luu=1");
}

Response taxonomy_get(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  ctemplate::TemplateDictionary dict("admin_taxonomy");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Danh mục");
  if (req.query_value("da-luu")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu.");
  if (req.query_value("loi"))
    header->AddSectionDictionary("ERROR")->SetValue("TEXT", "Vui lòng nhập tên (tối đa 200 ký tự) chưa trùng với mục khác.");
  const store::ReadTxn txn = ctx.store.read();
  for (const auto& c : store::list_categories(txn, ctx.store.tables())) {
    auto* d = dict.AddSectionDictionary("CATEGORY");
    d->SetValue("ID", std::to_string(c.id));
    d->SetValue("NAME", c.name);
    d->SetValue("SLUG", c.slug);
    d->SetValue("POSITION", std::to_string(c.position));
  }
  for (const auto& a : store::list_agencies(txn, ctx.store.tables())) {
    auto* d = dict.AddSectionDictionary("AGENCY");
    d->SetValue("ID", std::to_string(a.id));
    d->SetValue("NAME", a.name);
  }
  return render_admin(ctx, "admin_taxonomy", dict);
}

Response taxonomy_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  const auto name = model::to_nfc(model::trim(form.get("name")));
  const std::string kind = form.get("kind");
  if (!name || name->empty() || model::count_code_points(*name) > 200) return Response::redirect("/quan-tri/danh-muc?loi=1");
  store::WriteTxn txn = ctx.store.write();
  const auto& t = ctx.store.tables();
  const auto target = trailing_id(form.get("id")).value_or(0);
  std::uint64_t id = 0;
  std::string from;
  if (kind == "category" || kind == "agency") {
    id = kind == "category" ? store::ensure_category(txn, t, *name) : store::ensure_agency(txn, t, *name);
  } else if (kind == "update-category") {
    const auto old = store::get_category(txn, t, target);
    const auto position = trailing_id(form.get("position"));
    if (!old || !store::update_category(txn, t, target, *name, static_cast<std::uint32_t>(position.value_or(old->position))))
      return Response::redirect("/quan-tri/danh-muc?loi=1");
    id = target;
    from = old->name + " (vị trí " + std::to_string(old->position) + ")";
  } else if (kind == "rename-agency") {
    const auto old = store::get_agency(txn, t, target);
    if (!old || !store::rename_agency(txn, t, target, *name)) return Response::redirect("/quan-tri/danh-muc?loi=1");
    id = target;
    from = old->name;
  } else {
    return Response::redirect("/quan-tri/danh-muc?loi=1");
  }
  store::append_audit(txn, t, {.actor = me.username, .action = "taxonomy." + kind, .object = kind + "/" + std::to_string(id),
                               .from = from, .to = *name, .address = client_address(req)});
  txn.commit();
  return Response::redirect("/quan-tri/danh-muc?da-luu=1");
}

}  // namespace

std::vector<Route> site_routes(const Context& ctx) {
  const Context* c = &ctx;
  using A = model::Action;
  return {
      {"GET", "/quan-tri/cai-dat", [c](Request& q) { return settings_get(*c, q); }, A::manage_settings},
      {"POST", "/quan-tri/cai-dat", [c](Request& q) { return settings_post(*c, q); }, A::manage_settings},
      {"POST", "/quan-tri/bao-tri", [c](Request& q) { return maintenance_post(*c, q); }, A::set_maintenance},
      {"GET", "/quan-tri/danh-muc", [c](Request& q) { return taxonomy_get(*c, q); }, A::manage_taxonomy},
      {"POST", "/quan-tri/danh-muc", [c](Request& q) { return taxonomy_post(*c, q); }, A::manage_taxonomy},
  };
}

}  // namespace portald::web::admin
