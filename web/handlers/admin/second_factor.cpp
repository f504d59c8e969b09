// TOTP: enrolment (shows the secret and the otpauth:// URI for an authenticator app) and the check after
// the password, required for operators and the editor-in-chief.
#include "daemon/auth/session.hpp"
#include "daemon/auth/totp.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/user_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace second_factor_pages {

struct Pending {
  std::string key;
  model::Session session;
  model::User user;
};

// The session and user, or a redirect to the login page.
std::optional<Pending> pending(const Context& ctx, const Request& req) {
  auto s = cookie_session(ctx, req);
  if (!s) return std::nullopt;
  const store::ReadTxn txn = ctx.store.read();
  auto u = store::get_user(txn, ctx.store.tables(), s->second.username);
  if (!u || u->suspended) return std::nullopt;
  return Pending{std::move(s->first), std::move(s->second), std::move(*u)};
}

Response render(const Context& ctx, const Pending& p, bool enrol, std::string_view error, int status) {
  ctemplate::TemplateDictionary dict("admin_totp");
  auto* header = fill_admin_layout(dict, ctx, nullptr, p.session.csrf, "Xác thực hai lớp");
  if (!error.empty()) header->AddSectionDictionary("ERROR")->SetValue("TEXT", std::string(error));
  dict.SetValue("ACTION", enrol ? "/quan-tri/xac-thuc/dang-ky" : "/quan-tri/xac-thuc");
  if (enrol) {
    std::string issuer;
    {
      const store::ReadTxn txn = ctx.store.read();
      issuer = store::get_site_settings(txn, ctx.store.tables()).portal_name;
    }
    auto* e = dict.AddSectionDictionary("ENROL");
    e->SetValue("SECRET", p.session.pending_totp);
    e->SetValue("URI", auth::otpauth_uri(issuer, p.user.username, p.session.pending_totp));
  }
  return render_admin(ctx, "admin_totp", dict, status);
}

bool csrf_ok(const Request& req, const model::Session& s) { return auth::same_token(form_of(req).get("csrf"), s.csrf); }

Response verify_page(const Context& ctx, Request& req) {
  auto p = pending(ctx, req);
  if (!p) return Response::redirect("/quan-tri/dang-nhap");
  if (p->user.totp_secret.empty()) return Response::redirect("/quan-tri/xac-thuc/dang-ky");
  return render(ctx, *p, false, "", 200);
}

// Marks the session as past the second factor (and, when enrolling, stores the secret on the user).
// Returns false when the code's time step was already used (a replayed code), changing nothing.
bool accept(const Context& ctx, const Request& req, Pending& p, bool enrol, std::int64_t step) {
  store::WriteTxn txn = ctx.store.write();
  const auto& t = ctx.store.tables();
  auto u = store::get_user(txn, t, p.user.username);
  if (!u) throw HttpError(403, "Tài khoản không còn tồn tại.");
  if (!enrol && step <= u->totp_last_step) return false;
  if (enrol) u->totp_secret = p.session.pending_totp;
  u->totp_last_step = step;
  store::put_user(txn, t, *u);
  p.session.second_factor_ok = true;
  p.session.pending_totp.clear();
  store::put_session(txn, t, p.key, p.session);
  store::append_audit(txn, t, {.actor = p.user.username, .action = enrol ? "login.totp-enrolled" : "login.totp-ok",
                               .object = "user/" + p.user.username, .address = client_address(req)});
  txn.commit();
  return true;
}

Response verify_post(const Context& ctx, Request& req) {
  auto p = pending(ctx, req);
  if (!p) return Response::redirect("/quan-tri/dang-nhap");
  if (!csrf_ok(req, p->session)) return render(ctx, *p, false, "Biểu mẫu đã hết hạn. Vui lòng thử lại.", 403);
  const std::string address = client_address(req);
  const std::string account = "totp:" + p->user.username;
  const auto now = model::now();
  if (login_limiter().blocked(account, address, now))
    return render(ctx, *p, false, auth::rate_limit_message(login_limiter().limits()), 429);
  const auto step = auth::totp_match(p->user.totp_secret, form_of(req).get("code"), now);
  if (!step || !accept(ctx, req, *p, false, *step)) {
    login_limiter().record_failure(account, address, now);
    audit_alone(ctx, {.actor = p->user.username, .action = "login.totp-failed", .object = "user/" + p->user.username,
                      .address = address});
    return render(ctx, *p, false, "Mã xác thực không đúng hoặc đã hết hạn.", 401);
  }
  login_limiter().record_success(account);
  return Response::redirect("/quan-tri");
}

Response enrol_page(const Context& ctx, Request& req) {
  auto p = pending(ctx, req);
  if (!p) return Response::redirect("/quan-tri/dang-nhap");
  if (!p->user.totp_secret.empty()) return Response::redirect("/quan-tri/xac-thuc");
  if (p->session.pending_totp.empty()) {
    p->session.pending_totp = auth::new_totp_secret();
    store::WriteTxn txn = ctx.store.write();
    store::put_session(txn, ctx.store.tables(), p->key, p->session);
    txn.commit();
  }
  return render(ctx, *p, true, "", 200);
}

Response enrol_post(const Context& ctx, Request& req) {
  auto p = pending(ctx, req);
  if (!p) return Response::redirect("/quan-tri/dang-nhap");
  if (!p->user.totp_secret.empty()) return Response::redirect("/quan-tri/xac-thuc");
  if (!csrf_ok(req, p->session)) return render(ctx, *p, true, "Biểu mẫu đã hết hạn. Vui lòng thử lại.", 403);
  const auto step = p->session.pending_totp.empty()
                        ? std::nullopt
                        : auth::totp_match(p->session.pending_totp, form_of(req).get("code"), model::now());
  if (!step) return render(ctx, *p, true, "Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã mới.", 401);
  accept(ctx, req, *p, true, *step);
  return Response::redirect("/quan-tri");
}

}  // namespace second_factor_pages

}  // namespace portald::web::admin
