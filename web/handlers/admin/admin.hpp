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
// True when the request came over TLS: a trusted proxy says so (Request::https, trusted-proxies).
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
// The user behind the request's session cookie on a page the guard does not cover (a public one): a live
// session of an account that is not suspended and has passed its second factor when it needs one;
// std::nullopt otherwise. Writes nothing.
std::optional<model::User> signed_in_user(const Context& ctx, const Request& req);
// The logged-in user (the guard has run); throws HttpError 403 when the account vanished meanwhile.
model::User current_user(const Context& ctx, const Request& req);
editorial::Actor actor_of(const model::User& u, const Request& req);
// The client address for the audit log and login limits: Request::remote_address, which believes
// X-Forwarded-For / Forwarded only from a trusted proxy (web/server/forwarded.hpp).
std::string client_address(const Request& req);
Form form_of(const Request& req);

// `next` (where a login goes on to) when it is a plain path under /quan-tri: "/quan-tri" itself or
// below it, visible ASCII only, no "//", "\\" or "/." (so no other site, no header injection);
// otherwise "/quan-tri".
std::string safe_next(std::string_view next);

// --- a post that outlived its session (resume.cpp, issue 15) -------------------------------------
// The fields of a form POST that arrived without a valid session, and the admin path it was sent to.
struct Carried {
  std::string target;                                       // a path for which safe_admin_path holds
  std::vector<std::pair<std::string, std::string>> fields;  // as posted, without csrf and passwords
};
// True for a path under /quan-tri/ made of the characters admin routes use: no "//", no dot segment, no
// query, no control character, so it may be a form action or a redirect without leaving the admin.
bool safe_admin_path(std::string_view path);
// The guard's answer to a request without a valid session: a GET goes to the login page and comes back
// after it; a form POST from this site gets the login page in its place, carrying what was posted; a
// request for JSON gets 401; anything else goes to the login page.
Response session_missing(const Context& ctx, const Request& req);
// What a login or second-factor form carries back (fields "giu.NAME" and "tiep-tuc"); std::nullopt when it
// carries nothing or the target is not a safe admin path.
std::optional<Carried> carried_in(const Form& form);
// Adds the hidden inputs that carry `c` to a form's dictionary (section CARRY: TARGET and CARRIED sections
// with NAME, VALUE).
void add_carried(ctemplate::TemplateDictionary& dict, const Carried& c);
// After a login that carried a post: the page it came from filled with what was posted, under the new
// session's CSRF token, nothing written (the editor for articles, else a page to send it again). req's
// session fields must already name the new session.
Response resume_carried(const Context& ctx, Request& req, const model::User& user, const Carried& c);

// --- login (login.cpp, second_factor.cpp) ------------------------------------------------------------
// The login page; with `carried`, it says the session expired and carries the post through the login.
Response login_form(const Context& ctx, const Request& req, std::string_view username, std::string_view error,
                    int status, const Carried* carried = nullptr);
// The second-factor page right after the password of a login that carries a post (its cookie is only
// being set): the session is found by `token`; enrolment first when the account has no secret yet.
Response second_factor_step(const Context& ctx, const std::string& token, const Carried& carried);
// The session behind the request's cookie without the guard's other checks (for the second-factor
// pages, which run before the second factor is done): {table key, session}.
std::optional<std::pair<std::string, model::Session>> cookie_session(const Context& ctx, const Request& req);

// Where a user changes their password; the guard sends there everyone whose password must change.
inline constexpr std::string_view kPasswordPage = "/quan-tri/mat-khau";

// --- layout (layout.cpp) ------------------------------------------------------------------------
// Fills the admin frame (menu by permissions, CSRF for the log-out form); returns the header's dictionary.
ctemplate::TemplateDictionary* fill_admin_layout(ctemplate::TemplateDictionary& dict, const Context& ctx,
                                                 const model::User* user, const std::string& csrf,
                                                 std::string_view title);
// An error under /quan-tri for someone signed in (password and second factor passed): the admin's own
// frame, with `heading` and `text` and a way back; std::nullopt for anyone else (the public page).
std::optional<Response> admin_error_page(const Context& ctx, const Request& req, int status, std::string_view heading,
                                         std::string_view text);
// A work version rendered in the public template (preview.cpp): a "Bản xem trước" banner at the top of the
// main content with a way back to `back_url`, no caching, no indexing.
Response as_preview(Response r, std::string_view back_url);
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
// A person's display name with the account in brackets ("Nguyễn Văn A (nva)"); the account alone when the
// name is empty or the account is gone.
std::string person_name(const Context& ctx, const std::string& username);

// Maintenance mode (maintenance.cpp): the 503 readers get while it is on, std::nullopt otherwise or for
// the paths that keep working (/quan-tri, /healthz, /metrics, /static, /tep).
std::optional<Response> maintenance_response(const Context& ctx, const Request& req,
                                             const std::function<Response(int, std::string_view)>& error_page);

}  // namespace portald::web::admin
