// Accounts (Điều 5.7, 5.8): list, create, change role, suspend. Operators only: the list is confidential.
#include "daemon/auth/password.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace user_pages {

bool needs_agency(model::Role r) { return r == model::Role::contributor || r == model::Role::agency_answerer; }

Response users_page(const Context& ctx, const Request& req, const model::User& me, const std::vector<std::string>& errors,
                    const std::string& flash, const Form* kept, int status) {
  ctemplate::TemplateDictionary dict("admin_users");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Tài khoản");
  for (const auto& e : errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  if (!flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", flash);
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto agencies = store::list_agencies(txn, t);
  for (const auto& u : store::list_users(txn, t)) {
    auto* row = dict.AddSectionDictionary("USER");
    row->SetValue("USERNAME", u.username);
    row->SetValue("DISPLAY_NAME", u.display_name);
    row->SetValue("ROLE_LABEL", std::string(model::role_label(u.role)));
    if (const auto a = store::get_agency(txn, t, u.agency_id)) row->SetValue("AGENCY", a->name);
    row->SetValue("STATUS", u.suspended ? "Đình chỉ" : "Hoạt động");
    row->SetValue("TOTP", u.totp_secret.empty() ? "Chưa" : "Có");
    if (u.suspended) row->ShowSection("SUSPENDED");
    else row->ShowSection("ACTIVE");
    for (auto r : model::all_roles()) {
      auto* o = row->AddSectionDictionary("ROLE");
      o->SetValue("KEY", std::string(model::to_string(r)));
      o->SetValue("LABEL", std::string(model::role_label(r)));
      if (r == u.role) o->ShowSection("SELECTED");
    }
  }
  const std::string kept_role = kept ? kept->get("role") : "";
  for (auto r : model::all_roles()) {
    auto* o = dict.AddSectionDictionary("NEW_ROLE");
    o->SetValue("KEY", std::string(model::to_string(r)));
    o->SetValue("LABEL", std::string(model::role_label(r)));
    if (kept_role == model::to_string(r)) o->ShowSection("SELECTED");
  }
  for (const auto& a : agencies) {
    auto* o = dict.AddSectionDictionary("NEW_AGENCY");
    o->SetValue("ID", std::to_string(a.id));
    o->SetValue("NAME", a.name);
    if (kept && kept->get("agency") == std::to_string(a.id)) o->ShowSection("SELECTED");
  }
  if (kept) {
    dict.SetValue("NEW_USERNAME", kept->get("username"));
    dict.SetValue("NEW_DISPLAY_NAME", kept->get("display_name"));
  }
  return render_admin(ctx, "admin_users", dict, status);
}

Response list(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  std::string flash;
  if (req.query_value("da-luu")) flash = "Đã lưu thay đổi.";
  return users_page(ctx, req, me, {}, flash, nullptr, 200);
}

Response create(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form f = form_of(req);
  std::vector<std::string> errors;
  const std::string username = f.get("username");
  const std::string display = model::to_nfc(model::trim(f.get("display_name"))).value_or("");
  const auto role = model::parse_role(f.get("role"));
  const auto agency = trailing_id(f.get("agency"));
  std::string password = f.get("password");
  if (!model::is_valid_username(username))
    errors.push_back("Tên đăng nhập phải dài 3–32 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng chữ cái.");
  if (!role) errors.push_back("Vui lòng chọn vai trò.");
  if (role && needs_agency(*role) && !agency) errors.push_back("Cộng tác viên và cán bộ trả lời phải thuộc một cơ quan.");
  if (!password.empty())
    if (const auto weak = auth::password_weakness(password)) errors.push_back(*weak);
  if (errors.empty()) {
    const store::ReadTxn txn = ctx.store.read();
    if (store::get_user(txn, ctx.store.tables(), username)) errors.push_back("Tên đăng nhập này đã có.");
  }
  if (!errors.empty()) return users_page(ctx, req, me, errors, "", &f, 422);
  const bool generated = password.empty();
  if (generated) password = auth::generate_password();
  model::User u;
  u.username = username;
  u.display_name = display.empty() ? username : display;
  u.role = *role;
  u.agency_id = agency.value_or(0);
  u.password_hash = auth::hash_password(password);  // outside the write transaction: it is slow
  u.created_at = model::now();
  store::WriteTxn txn = ctx.store.write();
  if (store::get_user(txn, ctx.store.tables(), username))
    return users_page(ctx, req, me, {"Tên đăng nhập này đã có."}, "", &f, 422);
  store::put_user(txn, ctx.store.tables(), u);
  store::append_audit(txn, ctx.store.tables(), {.actor = me.username, .action = "user.create", .object = "user/" + username,
                                                .to = std::string(model::to_string(u.role)), .address = client_address(req)});
  txn.commit();
  return users_page(ctx, req, me, {},
                    generated ? "Đã tạo tài khoản " + username + ". Mật khẩu (chỉ hiện một lần): " + password
                              : "Đã tạo tài khoản " + username + ".",
                    nullptr, 200);
}

Response change(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form f = form_of(req);
  const std::string& name = req.params.at("name");
  if (!model::is_valid_username(name)) throw HttpError(404, "Không có tài khoản này.");
  store::WriteTxn txn = ctx.store.write();
  const auto& t = ctx.store.tables();
  auto u = store::get_user(txn, t, name);
  if (!u) throw HttpError(404, "Không có tài khoản này.");
  const std::string what = f.get("what");
  const std::string reason = model::to_nfc(model::trim(f.get("reason"))).value_or("");
  model::AuditEntry e{.actor = me.username, .object = "user/" + name, .reason = reason, .address = client_address(req)};
  if (what == "role") {
    const auto role = model::parse_role(f.get("role"));
    if (!role) throw HttpError(400, "Vai trò không hợp lệ.");
    if (name == me.username) return users_page(ctx, req, me, {"Không tự đổi vai trò của chính mình."}, "", nullptr, 422);
    if (needs_agency(*role) && !u->agency_id)
      return users_page(ctx, req, me, {"Vai trò này cần tài khoản thuộc một cơ quan."}, "", nullptr, 422);
    e.action = "user.role";
    e.from = model::to_string(u->role);
    e.to = model::to_string(*role);
    u->role = *role;
  } else if (what == "suspend" || what == "reinstate") {
    if (name == me.username) return users_page(ctx, req, me, {"Không tự đình chỉ tài khoản của chính mình."}, "", nullptr, 422);
    if (what == "suspend" && reason.empty())
      return users_page(ctx, req, me, {"Vui lòng ghi lý do đình chỉ."}, "", nullptr, 422);
    e.action = what == "suspend" ? "user.suspend" : "user.reinstate";
    e.from = u->suspended ? "suspended" : "active";
    e.to = what == "suspend" ? "suspended" : "active";
    u->suspended = what == "suspend";
    // Their sessions end now, in the same transaction as the suspension.
    if (u->suspended) store::delete_user_sessions(txn, t, name);
  } else if (what == "reset-totp") {
    e.action = "user.totp-reset";
    u->totp_secret.clear();
    store::delete_user_sessions(txn, t, name);
  } else {
    throw HttpError(400, "Thao tác không hợp lệ.");
  }
  store::put_user(txn, t, *u);
  store::append_audit(txn, t, e);
  txn.commit();
  return Response::redirect("/quan-tri/nguoi-dung?da-luu=1");
}

}  // namespace user_pages

}  // namespace portald::web::admin
