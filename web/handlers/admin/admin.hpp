#pragma once
// The admin pages under /quan-tri: helpers shared by the page groups (the handlers: pages.hpp).
#include <ctemplate/template.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/auth/login_limiter.hpp"
#include "daemon/editorial/editorial.hpp"
#include "daemon/model/audit_entry.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/model/session.hpp"
#include "daemon/model/user.hpp"
#include "web/context.hpp"
#include "web/form.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web::admin {

// --- session cookies (session_cookie.cpp) -------------------------------------------------------
// True when the request came over TLS (the reverse proxy says so with X-Forwarded-Proto: https).
bool is_secure(const Request& req);
// "__Host-portald_session" under TLS; "portald_session" over plain HTTP (browsers refuse __Host-
// cookies without Secure, and a plain-HTTP 127.0.0.1 demo must still log in).
std::string session_cookie_name(bool secure);
std::string login_csrf_cookie_name(bool secure);
std::optional<std::string> cookie(const Request& req, std::string_view name);
// A Set-Cookie value: Path=/, HttpOnly, SameSite=Strict, Secure when secure; max_age < 0 = session
// cookie, 0 = delete.
std::string cookie_header(std::string_view name, std::string_view value, bool secure, long max_age = -1);

// --- access (guard.cpp) -------------------------------------------------------------------------
// The router's guard: login (redirect), second factor (redirect), role (403), CSRF on POST (403).
std::optional<Response> guard(const Context& ctx, model::Action action, Request& req);
// The logged-in user (the guard has run); throws HttpError 403 when the account vanished meanwhile.
model::User current_user(const Context& ctx, const Request& req);
editorial::Actor actor_of(const model::User& u, const Request& req);
// The client address for the audit log (X-Forwarded-For is not trusted).
std::string client_address(const Request& req);
Form form_of(const Request& req);

// The process-wide failed-login counters (login.cpp).
auth::LoginLimiter& login_limiter();
// The session behind the request's cookie without the guard's other checks (for the second-factor
// pages, which run before the second factor is done): {table key, session}.
std::optional<std::pair<std::string, model::Session>> cookie_session(const Context& ctx, const Request& req);

// --- layout (layout.cpp) ------------------------------------------------------------------------
// Fills the admin frame (menu by permissions, CSRF for the log-out form); returns the header's dictionary.
ctemplate::TemplateDictionary* fill_admin_layout(ctemplate::TemplateDictionary& dict, const Context& ctx,
                                                 const model::User* user, const std::string& csrf,
                                                 std::string_view title);
// Renders and marks the answer private: no caching anywhere.
Response render_admin(const Context& ctx, std::string_view name, const ctemplate::TemplateDictionary& dict,
                      int status = 200);
// `s` escaped for element content or a double-quoted attribute value with its line breaks kept (the
// templates' auto-escaping turns them into spaces, which would change what an editor typed): the
// template shows it as {{NAME:none}}. A leading line break is written as a reference, which a
// <textarea> would otherwise drop.
std::string escape_keeping_lines(std::string_view s);
// "3 giờ", "2 ngày": how long something has waited.
std::string age_text(model::UnixTime seconds);

// Maintenance mode (maintenance.cpp): the 503 readers get while it is on, std::nullopt otherwise or for
// the paths that keep working (/quan-tri, /healthz, /metrics, /static, /tep).
std::optional<Response> maintenance_response(const Context& ctx, const Request& req,
                                             const std::function<Response(int, std::string_view)>& error_page);

}  // namespace portald::web::admin
