#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {

std::vector<Route> user_routes(const Context& ctx);  // users.cpp
std::vector<Route> site_routes(const Context& ctx);  // site.cpp

std::vector<Route> routes(const Context& ctx) {
  std::vector<Route> all;
  for (auto group : {login_routes(ctx), article_routes(ctx), user_routes(ctx), site_routes(ctx), audit_routes(ctx),
                     media_routes(ctx), topic_routes(ctx), article_list_routes(ctx), status_routes(ctx)})
    for (auto& r : group) all.push_back(std::move(r));
  return all;
}

std::vector<Route> with_admin_routes(const Context& ctx, std::vector<Route> public_routes) {
  for (auto& r : routes(ctx)) public_routes.push_back(std::move(r));
  return public_routes;
}

}  // namespace portald::web::admin
