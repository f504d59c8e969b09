// Log in, log out, log out everywhere.
#include "daemon/auth/login.hpp"
#include "daemon/accounts/sessions.hpp"
#include "daemon/auth/session.hpp"
#include "daemon/model/user_agent.hpp"
#include "daemon/store/session_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/hashing.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {

Response login_form(const Context& ctx, const Request& req, std::string_view username, std::string_view error,
                    int status, const Carried* carried) {
  const bool secure = is_secure(req);
  // Login CSRF: a random value in a cookie and in the form (double submit); SameSite=Strict keeps
  // other sites from reading or sending it.
  std::string token = cookie(req, login_csrf_cookie_name(secure)).value_or("");
  const bool fresh = token.size() != 64;
  if (fresh) token = auth::random_hex(32);
  ctemplate::TemplateDictionary dict("admin_login");
  auto* header = fill_admin_layout(dict, ctx, nullptr, "", "Đăng nhập");
  if (!error.empty()) header->AddSectionDictionary("ERROR")->SetValue("TEXT", std::string(error));
  dict.SetValue("LOGIN_CSRF", token);
  dict.SetValue("USERNAME", std::string(username));
  dict.SetValue("NEXT", safe_next(req.query_value("tiep").value_or("/quan-tri")));
  if (carried) {
    header->AddSectionDictionary("FLASH")->SetValue(
        "TEXT", "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại; nội dung bạn vừa gửi vẫn được giữ.");
    add_carried(dict, *carried);
  }
  Response r = render_admin(ctx, "admin_login", dict, status);
  if (fresh) r.headers.emplace_back("Set-Cookie", cookie_header(login_csrf_cookie_name(secure), token, secure));
  return r;
}

namespace login_pages {

Response login_page(const Context& ctx, Request& req) { return login_form(ctx, req, "", "", 200); }

Response login_post(const Context& ctx, Request& req) {
  const Form form = form_of(req);
  const bool secure = is_secure(req);
  const std::string username = form.get("username");
  // A post that outlived its session rides along, whatever happens to this attempt.
  const auto carried = carried_in(form);
  const Carried* carry = carried ? &*carried : nullptr;
  const auto expected = cookie(req, login_csrf_cookie_name(secure));
  if (!expected || !auth::same_token(form.get("csrf"), *expected))
    return login_form(ctx, req, username, "Biểu mẫu đã hết hạn. Vui lòng đăng nhập lại.", 403, carry);
  const std::string address = client_address(req);
  const model::UnixTime now = model::now();
  // Argon2id on the hash pool; when its queue is full the form comes back at once, name kept.
  const auto checked = auth::run_hashing(ctx.hash_pool, [&] {
    return auth::check_login(ctx.store, ctx.login_limiter, username, form.get("password"), address, now);
  });
  if (!checked) {
    Response busy = login_form(ctx, req, username, kHashBusy, 503, carry);
    busy.headers.emplace_back("Retry-After", kHashRetryAfter);
    return busy;
  }
  const auth::LoginOutcome& outcome = *checked;
  if (outcome.result != auth::LoginResult::ok) {
    const bool limited = outcome.result == auth::LoginResult::rate_limited;
    {
      store::WriteTxn txn = ctx.store.write();
      accounts::record_refused_login(txn, ctx.store.tables(), username, limited, address, now);
      txn.commit();
    }
    return login_form(
        ctx, req, username,
        limited ? auth::rate_limit_message(ctx.login_limiter.limits()) : std::string(auth::kBadCredentials),
        limited ? 429 : 401, carry);
  }
  const model::User& user = *outcome.user;
  const bool needs_second = model::needs_second_factor(user.role);
  // Where to go is settled before the session and its audit entry are written, so nothing after the
  // commit can fail on it (a newline in `next` once made the Location header, and the answer, a bare 500).
  const std::string next = needs_second
                               ? (user.totp_secret.empty() ? "/quan-tri/xac-thuc/dang-ky" : "/quan-tri/xac-thuc")
                               : safe_next(form.get("next"));
  std::string token;
  {
    store::WriteTxn txn = ctx.store.write();
    token = accounts::start_session(txn, ctx.store.tables(), user, address, now,
                                    model::describe_device(req.header("User-Agent").value_or("")));
    txn.commit();
  }
  Response r;
  if (carried && needs_second) {
    r = second_factor_step(ctx, token, *carried);  // the TOTP form carries the post on
  } else if (carried) {
    // Straight back to the page the post came from, under the new session.
    req.session_user = user.username;
    req.session_key = auth::token_hash(token);
    {
      const store::ReadTxn txn = ctx.store.read();
      req.session_csrf = store::get_session(txn, ctx.store.tables(), req.session_key).value_or(model::Session{}).csrf;
    }
    r = resume_carried(ctx, req, user, *carried);
  } else {
    r = Response::redirect(next);
    r.headers.emplace_back("Cache-Control", "no-store");  // pages from render_admin say so already
  }
  r.headers.emplace_back("Set-Cookie", cookie_header(session_cookie_name(secure), token, secure));
  r.headers.emplace_back("Set-Cookie", cookie_header(login_csrf_cookie_name(secure), "", secure, 0));
  return r;
}

// Back to the login page with the session cookie deleted.
Response logged_out(const Request& req) {
  Response r = Response::redirect("/quan-tri/dang-nhap");
  const bool secure = is_secure(req);
  r.headers.emplace_back("Set-Cookie", cookie_header(session_cookie_name(secure), "", secure, 0));
  return r;
}

Response logout_post(const Context& ctx, Request& req) {
  store::WriteTxn txn = ctx.store.write();
  accounts::end_session(txn, ctx.store.tables(), req.session_key, req.session_user, client_address(req), model::now());
  txn.commit();
  return logged_out(req);
}

Response logout_everywhere_post(const Context& ctx, Request& req) {
  store::WriteTxn txn = ctx.store.write();
  accounts::end_all_sessions(txn, ctx.store.tables(), req.session_user, client_address(req), model::now());
  txn.commit();
  return logged_out(req);
}

}  // namespace login_pages

std::string safe_next(std::string_view next) {
  constexpr std::string_view home = "/quan-tri";
  const bool under_admin = next == home || (next.starts_with(home) && next[home.size()] == '/');
  if (!under_admin || next.find("//") != std::string_view::npos || next.find('\\') != std::string_view::npos ||
      next.find("/.") != std::string_view::npos)
    return std::string(home);
  // Visible ASCII only: no control characters (header injection), no spaces, no raw non-ASCII bytes.
  for (const char c : next)
    if (c <= ' ' || c >= 0x7f) return std::string(home);
  return std::string(next);
}

std::optional<std::pair<std::string, model::Session>> cookie_session(const Context& ctx, const Request& req) {
  const auto token = cookie(req, session_cookie_name(is_secure(req)));
  if (!token) return std::nullopt;
  const store::ReadTxn txn = ctx.store.read();
  auto s = auth::live_session(txn, ctx.store.tables(), *token, model::now());
  if (!s) return std::nullopt;
  return std::pair{auth::token_hash(*token), std::move(*s)};
}

}  // namespace portald::web::admin
