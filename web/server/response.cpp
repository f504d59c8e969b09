#include "web/server/response.hpp"

namespace portald::web {
namespace {

Response make(int status, std::string content_type, std::string body) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

}  // namespace

Response Response::html(std::string body, int status) {
  return make(status, "text/html; charset=utf-8", std::move(body));
}

Response Response::text(std::string body, int status) {
  return make(status, "text/plain; charset=utf-8", std::move(body));
}

Response Response::json(std::string body, int status) { return make(status, "application/json", std::move(body)); }

Response Response::redirect(std::string location, int status) {
  Response r = make(status, "text/plain; charset=utf-8", {});
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

bool is_header_name(std::string_view name) noexcept {
  // tchar (RFC 9110 5.6.2): visible ASCII except the separators.
  constexpr std::string_view separators = "\"(),/:;<=>?@[\\]{}";
  if (name.empty()) return false;
  for (const char c : name)
    if (c <= ' ' || c >= 0x7f || separators.find(c) != std::string_view::npos) return false;
  return true;
}

bool is_header_safe_value(std::string_view value) noexcept {
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return false;
  }
  return true;
}

std::string header_safe_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t')
      out += ' ';
    else if (u >= 0x20 && u != 0x7f)
      out += c;
  }
  return out;
}

}  // namespace portald::web
