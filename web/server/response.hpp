#pragma once
// What a handler returns. The server hands its body to MHD (web/server/mhd_response.cpp): it owns its
// bytes, so they may come from anywhere, including an LMDB read transaction that ends right after the
// handler.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portald::web {

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";     // empty = no Content-Type header (e.g. 304)
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, sent in order
  std::string body;

  static Response html(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);  // text/plain; charset=utf-8
  static Response json(std::string body, int status = 200);  // application/json
  // Empty body with a Location header; 303 so a POST is followed by a GET.
  static Response redirect(std::string location, int status = 303);
};

// What the server does with a handler's headers before they reach the wire (web/server/mhd_response.cpp):
// a header whose name is not an RFC 9110 token is dropped, and a value loses its control characters
// (CR or LF would end the header and start another: header injection; MHD refuses TAB, which becomes a
// space). So a bad value never turns an answer whose side effects already happened into a 500.
bool is_header_name(std::string_view name) noexcept;
// `value` without C0 controls and DEL, TAB as a space; the same string when it had none.
std::string header_safe_value(std::string_view value);
// True when header_safe_value would change nothing: no C0 control (TAB included) and no DEL.
bool is_header_safe_value(std::string_view value) noexcept;

}  // namespace portald::web
