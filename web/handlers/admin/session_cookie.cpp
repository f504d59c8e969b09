#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {

bool is_secure(const Request& req) { return req.https; }

std::string session_cookie_name(bool secure) { return secure ? "__Host-portald_session" : "portald_session"; }
std::string login_csrf_cookie_name(bool secure) { return secure ? "__Host-portald_login" : "portald_login"; }

std::optional<std::string> cookie(const Request& req, std::string_view name) {
  for (const auto& [k, v] : req.headers) {
    if (!iequals_ascii(k, "Cookie")) continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      std::string_view item = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      const auto eq = item.find('=');
      if (eq != std::string_view::npos && item.substr(0, eq) == name) return std::string(item.substr(eq + 1));
    }
  }
  return std::nullopt;
}

std::string cookie_header(std::string_view name, std::string_view value, bool secure, long max_age) {
  std::string h = std::string(name) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) h += "; Secure";
  if (max_age >= 0) h += "; Max-Age=" + std::to_string(max_age);
  return h;
}

}  // namespace portald::web::admin
