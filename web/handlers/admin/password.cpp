// The user's own password (issue 15): change it with the current one, and the forced change after a
// generated or reset password (the guard sends such accounts here first). Failed checks of the current
// password count like failed logins (the login limiter), so a session left open cannot be used to guess it.
#include "daemon/auth/password.hpp"
#include "daemon/accounts/accounts.hpp"
#include "daemon/auth/login_limiter.hpp"
#include "daemon/model/text.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/hashing.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace password_pages {
namespace {

Response render(const Context& ctx, const Request& req, const model::User& me, const std::vector<std::string>& errors,
                std::string_view flash, int status) {
  ctemplate::TemplateDictionary dict("admin_password");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Đổi mật khẩu");
  for (const auto& e : errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  if (!flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", std::string(flash));
  if (me.must_change_password) dict.ShowSection("MUST_CHANGE");
  return render_admin(ctx, "admin_password", dict, status);
}

}  // namespace

Response page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  return render(ctx, req, me, {}, req.query_value("da-doi") ? "Đã đổi mật khẩu." : "", 200);
}

Response post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form f = form_of(req);
  const std::string current = f.get("current");
  const std::string fresh = f.get("new");
  const std::string address = client_address(req);
  const std::string account = "password:" + me.username;
  const auto now = model::now();
  if (ctx.login_limiter.blocked(account, address, now))
    return render(ctx, req, me, {auth::rate_limit_message(ctx.login_limiter.limits())}, "", 429);
  if (!hashed(ctx, [&] { return auth::verify_password(me.password_hash, current); })) {
    ctx.login_limiter.record_failure(account, address, now);
    return render(ctx, req, me, {"Mật khẩu hiện tại không đúng."}, "", 422);
  }
  ctx.login_limiter.record_success(account);
  std::vector<std::string> errors;
  if (const auto weak = auth::password_weakness(fresh)) errors.push_back(*weak);
  if (fresh == current) errors.push_back("Mật khẩu mới phải khác mật khẩu hiện tại.");
  if (fresh != f.get("repeat")) errors.push_back("Hai lần nhập mật khẩu mới không giống nhau.");
  if (!errors.empty()) return render(ctx, req, me, errors, "", 422);
  const std::string hash = hashed(ctx, [&] { return auth::hash_password(fresh); });  // before the write txn
  accounts::Result r;
  {
    store::WriteTxn txn = ctx.store.write();
    r = accounts::change_password(txn, ctx.store.tables(), me.username, hash, req.session_key, actor_of(me, req), now);
    if (r) txn.commit();
  }
  if (!r) throw HttpError(403, "Tài khoản không còn tồn tại.");
  return Response::redirect(me.must_change_password ? "/quan-tri" : std::string(kPasswordPage) + "?da-doi=1");
}

}  // namespace password_pages
}  // namespace portald::web::admin
