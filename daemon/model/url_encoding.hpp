#pragma once
// Percent-encoding (RFC 3986) for URL components: web links and query strings, and the otpauth:// URI
// of TOTP enrolment (daemon/auth), which cannot depend on web/. Pure, header-only.
#include <string>
#include <string_view>

namespace portald::model {

// Every byte but the unreserved characters (A-Z a-z 0-9 - . _ ~) as %XX, upper-case hex. Never fails.
inline std::string url_encode_component(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace portald::model
