#include "web/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace portald::web {

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

namespace {

// "GET, HEAD, POST": the Allow header of a 405 (RFC 9110 10.2.1); GET rows answer HEAD too.
std::string allow_header(const std::vector<std::string_view>& methods) {
  std::vector<std::string_view> allowed;
  const auto add = [&](std::string_view m) {
    if (std::find(allowed.begin(), allowed.end(), m) == allowed.end()) allowed.push_back(m);
  };
  for (const auto m : methods) {
    add(m);
    if (m == "GET") add("HEAD");
  }
  std::string out;
  for (const auto m : allowed) out += (out.empty() ? "" : ", ") + std::string(m);
  return out;
}

}  // namespace

Router::Router(std::vector<Route> routes, AccessGuard guard) : guard_(std::move(guard)) {
  routes_.reserve(routes.size());
  for (Route& r : routes) {
    if (!r.pattern.starts_with('/')) throw std::invalid_argument("route pattern must start with '/': " + r.pattern);
    Compiled c{.route = std::move(r), .segments = {}};
    for (const std::string_view part : split_path(c.route.pattern)) {
      const bool capture = part.size() >= 2 && part.front() == '{' && part.back() == '}';
      if (capture && part.size() == 2) throw std::invalid_argument("empty capture name in " + c.route.pattern);
      c.segments.push_back({.text = std::string(capture ? part.substr(1, part.size() - 2) : part), .capture = capture});
    }
    routes_.push_back(std::move(c));
  }
}

bool Router::match(const Compiled& c, const std::vector<std::string_view>& segments,
                   std::map<std::string, std::string, std::less<>>* params) {
  if (c.segments.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (!c.segments[i].capture && c.segments[i].text != segments[i]) return false;
  if (params) {
    params->clear();
    for (std::size_t i = 0; i < segments.size(); ++i)
      if (c.segments[i].capture) params->emplace(c.segments[i].text, std::string(segments[i]));
  }
  return true;
}

const Route* Router::find(std::string_view method, std::string_view path) const {
  const auto segments = split_path(path);
  if (method == "HEAD") method = "GET";
  for (const auto& c : routes_)
    if (c.route.method == method && match(c, segments, nullptr)) return &c.route;
  return nullptr;
}

Response Router::dispatch(Request& req) const {
  const auto segments = split_path(req.path);
  const std::string_view method = req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
  std::vector<std::string_view> other_methods;  // the path's other methods, for a 405's Allow header
  for (const auto& c : routes_) {
    if (!match(c, segments, nullptr)) continue;
    if (c.route.method != method) {
      other_methods.push_back(c.route.method);
      continue;
    }
    match(c, segments, &req.params);
    // Every non-public route passes the guard first (session, second factor, role, CSRF).
    if (c.route.access) {
      if (!guard_) throw HttpError(403, "Bạn không có quyền truy cập trang này.");
      if (auto instead = guard_(*c.route.access, req)) return std::move(*instead);
    }
    return c.route.handler(req);
  }
  if (!other_methods.empty())
    throw HttpError(405, "Phương thức không được hỗ trợ cho địa chỉ này.", {{"Allow", allow_header(other_methods)}});
  throw HttpError(404, "Không tìm thấy trang bạn yêu cầu.");
}

}  // namespace portald::web
