// Errors inside the admin (issue 15): a 403 or 404 under /quan-tri is shown in the admin's own frame,
// with its menu and a way back, to someone signed in; everyone else gets the public error page.
#include "daemon/store/user_table.hpp"
#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {

std::optional<Response> admin_error_page(const Context& ctx, const Request& req, int status, std::string_view heading,
                                         std::string_view text) {
  if (req.path != "/quan-tri" && !req.path.starts_with("/quan-tri/")) return std::nullopt;
  const auto session = cookie_session(ctx, req);
  if (!session) return std::nullopt;
  std::optional<model::User> user;
  {
    const store::ReadTxn txn = ctx.store.read();
    user = store::get_user(txn, ctx.store.tables(), session->second.username);
  }
  if (!user || user->suspended || (model::needs_second_factor(user->role) && !session->second.second_factor_ok))
    return std::nullopt;
  ctemplate::TemplateDictionary dict("admin_error");
  fill_admin_layout(dict, ctx, &*user, session->second.csrf, heading);
  dict.SetValue("HEADING", std::string(heading));
  dict.SetValue("TEXT", std::string(text));
  return render_admin(ctx, "admin_error", dict, status);
}

}  // namespace portald::web::admin
