// TOTP: enrolment (shows the secret and the otpauth:// URI for an authenticator app) and the check after
// the password, required for operators and the editor-in-chief.
#include "daemon/accounts/sessions.hpp"
#include "daemon/auth/session.hpp"
#include "daemon/auth/totp.hpp"
#include "daemon/log/log.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/user_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/qr_svg.hpp"
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

// The key TOTP secrets are sealed with; without it no second factor can be set or checked.
const secrets::PersonalDataKey& sealing_key(const Context& ctx) {
  if (!ctx.personal_data_key)
    throw HttpError(503,
                    "Máy chủ chưa có khóa mã hóa dữ liệu cá nhân nên chưa thể xác thực hai lớp. Vui lòng báo quản "
                    "trị hệ thống.");
  return *ctx.personal_data_key;
}

// The secret an enrolment offers (the session's, or a new one), in clear for the page.
std::string offered_secret(const Context& ctx, Pending& p) {
  store::WriteTxn txn = ctx.store.write();
  std::string secret = accounts::offer_totp_secret(txn, ctx.store.tables(), sealing_key(ctx), p.key, p.session);
  txn.commit();
  return secret;
}

// `secret`: the enrolment's secret in clear; nullptr on the code-only page.
Response render(const Context& ctx, const Pending& p, const std::string* secret, std::string_view error, int status,
                const Carried* carried = nullptr) {
  const bool enrol = secret != nullptr;
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
    e->SetValue("SECRET", *secret);
    const std::string uri = auth::otpauth_uri(issuer, p.user.username, *secret);
    e->SetValue("URI", uri);
    if (const auto qr = qr_svg(uri)) e->AddSectionDictionary("QR")->SetValue("SVG", *qr);
  }
  if (carried) {
    header->AddSectionDictionary("FLASH")->SetValue(
        "TEXT", "Nội dung bạn vừa gửi vẫn được giữ; nó sẽ hiện lại sau bước xác thực này.");
    add_carried(dict, *carried);
  }
  return render_admin(ctx, "admin_totp", dict, status);
}

// Past the second factor with a carried post: the page it came from, under this session.
Response resume(const Context& ctx, Request& req, const Pending& p, const Carried& carried) {
  req.session_user = p.user.username;
  req.session_key = p.key;
  req.session_csrf = p.session.csrf;
  return resume_carried(ctx, req, p.user, carried);
}

bool csrf_ok(const Request& req, const model::Session& s) { return auth::same_token(form_of(req).get("csrf"), s.csrf); }

Response verify_page(const Context& ctx, Request& req) {
  auto p = pending(ctx, req);
  if (!p) return Response::redirect("/quan-tri/dang-nhap");
  if (p->user.totp_secret.empty()) return Response::redirect("/quan-tri/xac-thuc/dang-ky");
  return render(ctx, *p, nullptr, "", 200);
}

Response verify_post(const Context& ctx, Request& req) {
  auto p = pending(ctx, req);
  if (!p) return Response::redirect("/quan-tri/dang-nhap");
  const auto carried = carried_in(form_of(req));
  const Carried* carry = carried ? &*carried : nullptr;
  if (!csrf_ok(req, p->session)) return render(ctx, *p, nullptr, "Biểu mẫu đã hết hạn. Vui lòng thử lại.", 403, carry);
  const std::string address = client_address(req);
  const std::string account = "totp:" + p->user.username;
  const auto now = model::now();
  if (ctx.login_limiter.blocked(account, address, now))
    return render(ctx, *p, nullptr, auth::rate_limit_message(ctx.login_limiter.limits()), 429, carry);
  auto r = accounts::SecondFactor::refused;
  {
    store::WriteTxn txn = ctx.store.write();
    r = accounts::verify_totp(txn, ctx.store.tables(), sealing_key(ctx), p->key, p->session, form_of(req).get("code"),
                              address, now);
    if (r == accounts::SecondFactor::passed || r == accounts::SecondFactor::refused)
      txn.commit();  // a refusal is audited too
  }
  if (r == accounts::SecondFactor::no_account) throw HttpError(403, "Tài khoản không còn tồn tại.");
  if (r == accounts::SecondFactor::unreadable) {
    log::error("totp.unreadable", {{"user", p->user.username}});
    throw HttpError(503,
                    "Không đọc được khóa xác thực hai lớp của tài khoản này (khóa mã hóa trên máy chủ đã đổi). Vui "
                    "lòng báo quản trị hệ thống đặt lại xác thực hai lớp cho tài khoản.");
  }
  if (r == accounts::SecondFactor::refused) {
    ctx.login_limiter.record_failure(account, address, now);
    return render(ctx, *p, nullptr, "Mã xác thực không đúng hoặc đã hết hạn.", 401, carry);
  }
  ctx.login_limiter.record_success(account);
  if (carried) return resume(ctx, req, *p, *carried);
  return Response::redirect("/quan-tri");
}

Response enrol_page(const Context& ctx, Request& req) {
  auto p = pending(ctx, req);
  if (!p) return Response::redirect("/quan-tri/dang-nhap");
  if (!p->user.totp_secret.empty()) return Response::redirect("/quan-tri/xac-thuc");
  const std::string secret = offered_secret(ctx, *p);  // a reload shows the same secret
  return render(ctx, *p, &secret, "", 200);
}

Response enrol_post(const Context& ctx, Request& req) {
  auto p = pending(ctx, req);
  if (!p) return Response::redirect("/quan-tri/dang-nhap");
  if (!p->user.totp_secret.empty()) return Response::redirect("/quan-tri/xac-thuc");
  const auto carried = carried_in(form_of(req));
  const Carried* carry = carried ? &*carried : nullptr;
  if (!csrf_ok(req, p->session)) {
    const std::string secret = offered_secret(ctx, *p);
    return render(ctx, *p, &secret, "Biểu mẫu đã hết hạn. Vui lòng thử lại.", 403, carry);
  }
  auto r = accounts::SecondFactor::refused;
  {
    store::WriteTxn txn = ctx.store.write();
    r = accounts::confirm_totp_enrolment(txn, ctx.store.tables(), sealing_key(ctx), p->key, p->session,
                                         form_of(req).get("code"), client_address(req), model::now());
    if (r == accounts::SecondFactor::passed) txn.commit();
  }
  if (r == accounts::SecondFactor::no_account) throw HttpError(403, "Tài khoản không còn tồn tại.");
  if (r != accounts::SecondFactor::passed) {
    const std::string secret = offered_secret(ctx, *p);
    return render(ctx, *p, &secret, "Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã mới.", 401, carry);
  }
  if (carried) return resume(ctx, req, *p, *carried);
  return Response::redirect("/quan-tri");
}

}  // namespace second_factor_pages

Response second_factor_step(const Context& ctx, const std::string& token, const Carried& carried) {
  using second_factor_pages::Pending;
  const std::string key = auth::token_hash(token);
  std::optional<Pending> p;
  {
    const store::ReadTxn txn = ctx.store.read();
    auto s = store::get_session(txn, ctx.store.tables(), key);
    auto u = s ? store::get_user(txn, ctx.store.tables(), s->username) : std::nullopt;
    if (s && u) p = Pending{key, std::move(*s), std::move(*u)};
  }
  if (!p) return Response::redirect("/quan-tri/dang-nhap");
  if (!p->user.totp_secret.empty()) return second_factor_pages::render(ctx, *p, nullptr, "", 200, &carried);
  const std::string secret = second_factor_pages::offered_secret(ctx, *p);
  return second_factor_pages::render(ctx, *p, &secret, "", 200, &carried);
}

}  // namespace portald::web::admin
