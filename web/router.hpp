#pragma once
// One route table: method, pattern, handler and the role required to call it. Patterns are literal
// segments and {name} captures ("/tin-tuc/{slug}"); a capture matches one non-empty segment.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/permissions.hpp"
#include "web/server/http_server.hpp"

namespace portald::web {

struct Route {
  std::string method;                 // GET also answers HEAD
  std::string pattern;
  Handler handler;
  std::optional<model::Action> access;  // what the caller's role must allow; std::nullopt = public
};

// Decides about a route that needs a login: returns a response to send instead (a redirect to the
// login page) or std::nullopt to go on; throws HttpError 403 for a role without the action.
using AccessGuard = std::function<std::optional<Response>(model::Action, Request&)>;

class Router {
 public:
  // Without a guard every route that names an action answers 403.
  explicit Router(std::vector<Route> routes, AccessGuard guard = {});
  // Fills req.params and calls the matching handler. Throws HttpError 404 (no pattern matches) or
  // 405 (the path exists for other methods).
  Response dispatch(Request& req) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  AccessGuard guard_;
};

// Splits "/a/b/" into {"a", "b"}; empty segments are dropped.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace portald::web
