#pragma once
// Dispatch over the route table (web/routes.cpp): patterns are literal segments and {name} captures
// ("/tin-tuc/{slug}"); a capture matches one non-empty segment. Patterns are split once, at start.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/permissions.hpp"
#include "web/server/http_server.hpp"

namespace portald::web {

// What the caller's role must allow to call a route; Public (std::nullopt) needs no login.
using Access = std::optional<model::Action>;
inline constexpr Access Public = std::nullopt;

struct Route {
  std::string method;  // GET also answers HEAD
  std::string pattern;
  Handler handler;
  Access access = Public;
  bool upload = false;            // takes files: its body may be as large as the upload limit (max-upload-body)
  bool citizen_files = false;     // the question form: as large as the attachments allowed (App::body_limit)
  bool hashes_passwords = false;  // runs Argon2id: handled on the hash pool, off the HTTP workers
  bool searches = false;          // queries the search index: waits for a slot off the workers when all are busy
};

// Decides about a route that needs a login: returns a response to send instead (a redirect to the
// login page) or std::nullopt to go on; throws HttpError 403 for a role without the action.
using AccessGuard = std::function<std::optional<Response>(model::Action, Request&)>;

class Router {
 public:
  // Without a guard every route that names an action answers 403. Throws std::invalid_argument for a
  // malformed pattern (not starting with '/', an empty capture name).
  explicit Router(std::vector<Route> routes, AccessGuard guard = {});
  // Fills req.params and calls the matching handler. Throws HttpError 404 (no pattern matches) or
  // 405 (the path exists for other methods), the latter with an Allow header naming them.
  Response dispatch(Request& req) const;
  std::size_t size() const { return routes_.size(); }
  // The route a request with this method and path would reach, or nullptr; for decisions made from the
  // headers alone, before the body arrives (the server's body limit).
  const Route* find(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    std::string text;  // the literal, or the capture's name
    bool capture = false;
  };
  struct Compiled {
    Route route;
    std::vector<Segment> segments;
  };
  static bool match(const Compiled& c, const std::vector<std::string_view>& segments,
                    std::map<std::string, std::string, std::less<>>* params);
  std::vector<Compiled> routes_;
  AccessGuard guard_;
};

// Splits "/a/b/" into {"a", "b"}; empty segments are dropped.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace portald::web
