#pragma once
// One route table: method, pattern, handler and the role required to call it. Patterns are literal
// segments and {name} captures ("/tin-tuc/{slug}"); a capture matches one non-empty segment.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/user.hpp"
#include "web/server/http_server.hpp"

namespace portald::web {

struct Route {
  std::string method;                 // GET also answers HEAD
  std::string pattern;
  Handler handler;
  std::optional<model::Role> role;    // std::nullopt = public
};

class Router {
 public:
  explicit Router(std::vector<Route> routes);
  // Fills req.params and calls the matching handler. Throws HttpError 404 (no pattern matches) or
  // 405 (the path exists for other methods).
  Response dispatch(Request& req) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Splits "/a/b/" into {"a", "b"}; empty segments are dropped.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace portald::web
