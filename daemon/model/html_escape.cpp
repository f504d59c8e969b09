#include "daemon/model/html_escape.hpp"

#include <algorithm>

namespace portald::model::html {
namespace {

// gumbo turns these code points into U+FFFD when they arrive raw but keeps them when they come
// from a character reference (&#1;); writing U+FFFD keeps the output stable under re-parsing.
bool unstable_code_point(char32_t c) {
  return (c >= 0x1 && c <= 0x8) || c == 0xB || (c >= 0xE && c <= 0x1F) || (c >= 0x7F && c <= 0x9F) ||
         (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

}  // namespace

// Escapes gumbo's text (valid UTF-8); CR, which a parser turns into LF, is written as LF.
void escape_into(std::string& out, std::string_view s, bool attribute) {
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t len = std::min<std::size_t>(lead < 0x80   ? 1
                                                  : lead < 0xE0 ? 2
                                                  : lead < 0xF0 ? 3
                                                                : 4,
                                                  s.size() - i);
    char32_t c = len == 1 ? lead : lead & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\r': out += '\n'; break;
      default: out += unstable_code_point(c) ? "\xEF\xBF\xBD" : s.substr(i, len);
    }
    i += len;
  }
}

}  // namespace portald::model::html
