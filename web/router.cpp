#include "web/router.hpp"

namespace portald::web {
namespace {

bool match(std::string_view pattern, const std::vector<std::string_view>& segments,
           std::map<std::string, std::string, std::less<>>& params) {
  const auto parts = split_path(pattern);
  if (parts.size() != segments.size()) return false;
  std::map<std::string, std::string, std::less<>> found;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string_view p = parts[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}')
      found.emplace(std::string(p.substr(1, p.size() - 2)), std::string(segments[i]));
    else if (p != segments[i])
      return false;
  }
  params = std::move(found);
  return true;
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const std::string_view seg = path.substr(0, slash);
    if (!seg.empty()) out.push_back(seg);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

Router::Router(std::vector<Route> routes, AccessGuard guard) : routes_(std::move(routes)), guard_(std::move(guard)) {}

Response Router::dispatch(Request& req) const {
  const auto segments = split_path(req.path);
  const std::string_view method = req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
  bool path_known = false;
  for (const auto& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    if (!match(route.pattern, segments, params)) continue;
    path_known = true;
    if (route.method != method) continue;
    req.params = std::move(params);
    // Every non-public route passes the guard first (session, second factor, role, CSRF).
    if (route.access) {
      if (!guard_) throw HttpError(403, "Bạn không có quyền truy cập trang này.");
      if (auto instead = guard_(*route.access, req)) return std::move(*instead);
    }
    return route.handler(req);
  }
  if (path_known) throw HttpError(405, "Phương thức không được hỗ trợ cho địa chỉ này.");
  throw HttpError(404, "Không tìm thấy trang bạn yêu cầu.");
}

}  // namespace portald::web
