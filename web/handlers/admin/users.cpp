// Accounts (Điều 5.7, 5.8): list, create, change role, suspend. Operators only: the list is confidential.
#include <map>

#include "daemon/accounts/accounts.hpp"
#include "daemon/accounts/board.hpp"
#include "daemon/auth/password.hpp"
#include "daemon/mail/address.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/board_change_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/hashing.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace user_pages {

constexpr std::string_view kNoAccount = "Không có tài khoản này.";
constexpr std::string_view kNameTaken = "Tên đăng nhập này đã có.";
constexpr std::string_view kBadEmail =
    "Địa chỉ thư điện tử không hợp lệ (dạng ten@coquan.gov.vn, không dấu, không khoảng trắng).";
constexpr std::string_view kAgencyForNew = "Cộng tác viên và cán bộ trả lời phải thuộc một cơ quan.";

// What the page says when the accounts service refuses `what` ("create", "role", "suspend", ...).
std::string refusal_text(accounts::Refusal r, std::string_view what) {
  using R = accounts::Refusal;
  switch (r) {
    case R::exists: return std::string(kNameTaken);
    case R::agency_required:
      return std::string(what == "create" ? kAgencyForNew : "Vai trò này cần tài khoản thuộc một cơ quan.");
    case R::self:
      if (what == "role") return "Không tự đổi vai trò của chính mình.";
      if (what == "reset-password") return "Không tự đặt lại mật khẩu của chính mình: hãy dùng trang Đổi mật khẩu.";
      if (what == "end-sessions") return "Phiên của chính bạn được đăng xuất ở trang Phiên đăng nhập.";
      return "Không tự đình chỉ tài khoản của chính mình.";
    case R::reason_required: return "Vui lòng ghi lý do đình chỉ.";
    case R::invalid_email: return std::string(kBadEmail);
    case R::pending: return "Tài khoản này đã có một thay đổi đang chờ Ban biên tập duyệt.";
    case R::not_found: throw HttpError(404, std::string(kNoAccount));
    case R::nothing_to_do:
      if (what == "role") return "Tài khoản đã có vai trò này.";
      break;
    case R::invalid_username:
    case R::none: break;
  }
  return "Thao tác không hợp lệ.";
}

Response users_page(const Context& ctx, const Request& req, const model::User& me,
                    const std::vector<std::string>& errors, const std::string& flash, const Form* kept, int status) {
  ctemplate::TemplateDictionary dict("admin_users");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Tài khoản");
  for (const auto& e : errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  if (!flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", flash);
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto agencies = store::list_agencies(txn, t);
  std::map<std::string, model::BoardChange> pending;
  ctemplate::TemplateDictionary* pending_new = nullptr;
  for (auto& c : store::list_board_changes(txn, t)) {
    if (c.kind == model::BoardChangeKind::create) {  // no account yet: listed on its own
      if (!pending_new) pending_new = dict.AddSectionDictionary("PENDING_NEW");
      auto* row = pending_new->AddSectionDictionary("ITEM");
      row->SetValue("USERNAME", c.username);
      row->SetValue("DISPLAY_NAME", c.display_name);
      row->SetValue("ROLE_LABEL", std::string(model::role_label(c.to)));
    }
    pending.emplace(c.username, std::move(c));
  }
  for (const auto& u : store::list_users(txn, t)) {
    auto* row = dict.AddSectionDictionary("USER");
    if (const auto p = pending.find(u.username); p != pending.end())
      row->AddSectionDictionary("PENDING")->SetValue("PENDING_ROLE", std::string(model::role_label(p->second.to)));
    row->SetValue("USERNAME", u.username);
    row->SetValue("DISPLAY_NAME", u.display_name);
    row->SetValue("ROLE_LABEL", std::string(model::role_label(u.role)));
    if (const auto a = store::get_agency(txn, t, u.agency_id)) row->SetValue("AGENCY", a->name);
    row->SetValue("STATUS", u.suspended ? "Đình chỉ" : "Hoạt động");
    row->SetValue("TOTP", u.totp_secret.empty() ? "Chưa" : "Có");
    row->SetValue("EMAIL", u.email);
    // No control on the operator's own row could lock them out: the service refuses those anyway.
    auto* controls = row->AddSectionDictionary(u.username == me.username ? "SELF" : "OTHER");
    if (u.username != me.username) {
      if (u.suspended)
        controls->ShowSection("SUSPENDED");
      else
        controls->ShowSection("ACTIVE");
    }
    for (auto r : model::all_roles()) {
      auto* o = controls->AddSectionDictionary("ROLE");
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
    dict.SetValue("NEW_EMAIL", kept->get("email"));
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
  const std::string email(model::trim(f.get("email")));
  std::string password = f.get("password");
  if (!model::is_valid_username(username))
    errors.push_back(
        "Tên đăng nhập phải dài 3–32 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng chữ cái.");
  if (!role) errors.push_back("Vui lòng chọn vai trò.");
  if (role && model::needs_agency(*role) && !agency) errors.push_back(std::string(kAgencyForNew));
  if (!email.empty() && !mail::is_valid_address(email)) errors.push_back(std::string(kBadEmail));
  if (!password.empty())
    if (const auto weak = auth::password_weakness(password)) errors.push_back(*weak);
  if (errors.empty()) {
    const store::ReadTxn txn = ctx.store.read();
    if (store::get_user(txn, ctx.store.tables(), username)) errors.push_back(std::string(kNameTaken));
  }
  if (!errors.empty()) return users_page(ctx, req, me, errors, "", &f, 422);
  const bool generated = password.empty();
  if (generated) password = auth::generate_password();
  // Hashed before the write transaction: it is slow.
  const accounts::NewAccount account{
      username, display, *role, agency.value_or(0), hashed(ctx, [&] { return auth::hash_password(password); }),
      generated};
  // A board account waits for the board (Điều 6.1a): proposed now, made when approved.
  const bool proposed = accounts::needs_board_approval(std::nullopt, *role, actor_of(me, req));
  accounts::Result r;
  {
    store::WriteTxn txn = ctx.store.write();
    if (proposed) {
      r = accounts::propose_account(txn, ctx.store.tables(), account, email, actor_of(me, req), model::now());
    } else {
      r = accounts::create_account(txn, ctx.store.tables(), account, actor_of(me, req), model::now());
      if (r && !email.empty())
        r = accounts::set_email(txn, ctx.store.tables(), username, email, actor_of(me, req), model::now());
    }
    if (r) txn.commit();
  }
  if (!r) return users_page(ctx, req, me, {refusal_text(r.refusal, "create")}, "", &f, 422);
  const std::string done =
      proposed ? "Đã gửi đề nghị tạo tài khoản " + username + " (thành viên Ban biên tập): Chờ Ban biên tập duyệt."
               : "Đã tạo tài khoản " + username + ".";
  return users_page(ctx, req, me, {}, generated ? done + " Mật khẩu (chỉ hiện một lần): " + password : done, nullptr,
                    200);
}

// Applies the change the form asks for (`what`: role, suspend, reinstate, reset-totp, email) to `name`.
accounts::Result apply_change(store::WriteTxn& txn, const store::Tables& t, const std::string& name,
                              const std::string& what, const Form& f, const accounts::Actor& actor) {
  const std::string reason = model::to_nfc(model::trim(f.get("reason"))).value_or("");
  const auto now = model::now();
  if (what == "role") {
    const auto role = model::parse_role(f.get("role"));
    if (!role) throw HttpError(400, "Vai trò không hợp lệ.");
    // Into, within or out of the board: waits for the board's approval (Điều 6.1a).
    const auto u = store::get_user(txn, t, name);
    if (u && accounts::needs_board_approval(u->role, *role, actor))
      return accounts::propose_role(txn, t, name, *role, reason, actor, now);
    return accounts::change_role(txn, t, name, *role, reason, actor, now);
  }
  if (what == "suspend") return accounts::suspend(txn, t, name, reason, actor, now);
  if (what == "reinstate") return accounts::reinstate(txn, t, name, reason, actor, now);
  if (what == "reset-totp") return accounts::reset_second_factor(txn, t, name, reason, actor, now);
  if (what == "email") return accounts::set_email(txn, t, name, model::trim(f.get("email")), actor, now);
  throw HttpError(400, "Thao tác không hợp lệ.");
}

// An operator's password reset: a one-time password, shown once on the page that answers.
Response reset_password(const Context& ctx, const Request& req, const model::User& me, const std::string& name,
                        const Form& f) {
  const std::string password = auth::generate_password();
  const std::string hash = hashed(ctx, [&] { return auth::hash_password(password); });  // before the write txn
  const std::string reason = model::to_nfc(model::trim(f.get("reason"))).value_or("");
  accounts::Result r;
  {
    store::WriteTxn txn = ctx.store.write();
    r = accounts::reset_password(txn, ctx.store.tables(), name, hash, reason, actor_of(me, req), model::now());
    if (r) txn.commit();
  }
  if (!r) return users_page(ctx, req, me, {refusal_text(r.refusal, "reset-password")}, "", nullptr, 422);
  return users_page(ctx, req, me, {},
                    "Đã đặt lại mật khẩu của " + name +
                        ". Mật khẩu dùng một lần (chỉ hiện lần này, hãy trao tận tay): " + password +
                        " — người dùng phải đổi mật khẩu ngay khi đăng nhập.",
                    nullptr, 200);
}

// An operator ends every session of another account (issue 16): a lost phone, a shared computer.
Response end_sessions(const Context& ctx, const Request& req, const model::User& me, const std::string& name) {
  accounts::Result r;
  {
    store::WriteTxn txn = ctx.store.write();
    r = accounts::end_sessions(txn, ctx.store.tables(), name, actor_of(me, req), model::now());
    if (r) txn.commit();
  }
  if (r.refusal == accounts::Refusal::not_found) throw HttpError(404, std::string(kNoAccount));
  if (!r) return users_page(ctx, req, me, {refusal_text(r.refusal, "end-sessions")}, "", nullptr, 422);
  return users_page(ctx, req, me, {},
                    "Đã đăng xuất mọi phiên của " + name + " (" + std::to_string(r.sessions_ended) + " phiên).",
                    nullptr, 200);
}

Response change(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form f = form_of(req);
  const std::string& name = req.params.at("name");
  if (!model::is_valid_username(name)) throw HttpError(404, std::string(kNoAccount));
  const std::string what = f.get("what");
  if (what == "end-sessions") return end_sessions(ctx, req, me, name);
  if (what == "reset-password") {
    {
      const store::ReadTxn txn = ctx.store.read();
      if (!store::get_user(txn, ctx.store.tables(), name)) throw HttpError(404, std::string(kNoAccount));
    }
    return reset_password(ctx, req, me, name, f);
  }
  accounts::Result r;
  {
    store::WriteTxn txn = ctx.store.write();
    const auto& t = ctx.store.tables();
    // An unknown account is a 404 whatever the form says.
    if (!store::get_user(txn, t, name)) throw HttpError(404, std::string(kNoAccount));
    r = apply_change(txn, t, name, what, f, actor_of(me, req));
    if (r) txn.commit();
  }
  if (!r) return users_page(ctx, req, me, {refusal_text(r.refusal, what)}, "", nullptr, 422);
  return Response::redirect("/quan-tri/nguoi-dung?da-luu=1");
}

}  // namespace user_pages

}  // namespace portald::web::admin
