// The access check every /quan-tri route passes through (Router's AccessGuard).
#include "daemon/accounts/sessions.hpp"
#include "daemon/auth/session.hpp"
#include "daemon/store/user_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace {

// Sessions touched less often than this keep their old last_seen: no write per click.
constexpr model::UnixTime kTouchEvery = 60;

}  // namespace

std::string client_address(const Request& req) { return req.remote_address; }

Form form_of(const Request& req) { return parse_form(req.header("Content-Type").value_or(""), req.body); }

std::optional<Response> guard(const Context& ctx, model::Action action, Request& req) {
  const auto& t = ctx.store.tables();
  const auto token = cookie(req, session_cookie_name(is_secure(req)));
  if (!token) return session_missing(ctx, req);
  const model::UnixTime now = model::now();
  std::optional<model::Session> session;
  std::optional<model::User> user;
  {
    const store::ReadTxn txn = ctx.store.read();
    session = auth::live_session(txn, t, *token, now);
    if (session) user = store::get_user(txn, t, session->username);
  }
  // A suspended account is locked out on its next request, even if a session survived somewhere.
  if (!session || !user || user->suspended) return session_missing(ctx, req);
  if (model::needs_second_factor(user->role) && !session->second_factor_ok)
    return Response::redirect(user->totp_secret.empty() ? "/quan-tri/xac-thuc/dang-ky" : "/quan-tri/xac-thuc");
  // A generated or reset password is replaced before anything else (log-out still works).
  if (user->must_change_password && req.path != kPasswordPage && req.path != "/quan-tri/dang-xuat")
    return Response::redirect(std::string(kPasswordPage));
  if (!model::allowed(user->role, action)) throw HttpError(403, "Vai trò của bạn không được truy cập trang này.");
  if (req.method != "GET" && req.method != "HEAD") {
    const Form form = form_of(req);
    const std::string sent = form.has("csrf") ? form.get("csrf") : std::string(req.header("X-CSRF-Token").value_or(""));
    if (!auth::same_token(sent, session->csrf))
      throw HttpError(403, "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.");
  }
  req.session_user = user->username;
  req.session_key = auth::token_hash(*token);
  req.session_csrf = session->csrf;
  if (now - session->last_seen >= kTouchEvery) {
    store::WriteTxn txn = ctx.store.write();
    if (accounts::touch_session(txn, t, req.session_key, now)) txn.commit();
  }
  return std::nullopt;
}

std::optional<model::User> signed_in_user(const Context& ctx, const Request& req) {
  const auto token = cookie(req, session_cookie_name(is_secure(req)));
  if (!token) return std::nullopt;
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto session = auth::live_session(txn, t, *token, model::now());
  if (!session) return std::nullopt;
  auto user = store::get_user(txn, t, session->username);
  if (!user || user->suspended || (model::needs_second_factor(user->role) && !session->second_factor_ok))
    return std::nullopt;
  return user;
}

model::User current_user(const Context& ctx, const Request& req) {
  const store::ReadTxn txn = ctx.store.read();
  auto u = store::get_user(txn, ctx.store.tables(), req.session_user);
  if (!u) throw HttpError(403, "Tài khoản không còn tồn tại.");
  return *u;
}

editorial::Actor actor_of(const model::User& u, const Request& req) {
  return {.username = u.username, .role = u.role, .address = client_address(req), .agency_id = u.agency_id};
}

}  // namespace portald::web::admin
