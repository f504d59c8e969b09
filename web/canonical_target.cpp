#include "web/canonical_target.hpp"

#include <optional>

namespace portald::web {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 pchar without pct-encoded: unreserved, sub-delims, ':' and '@'.
bool literal_in_path(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-._~!$&'()*+,;=:@").find(static_cast<char>(c)) != std::string_view::npos;
}

// The decoded bytes of one segment, std::nullopt when it cannot be part of a page's address.
std::optional<std::string> decode_segment(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '%') {
      if (i + 2 >= raw.size()) return std::nullopt;  // a broken escape
      const int hi = hex_value(raw[i + 1]), lo = hex_value(raw[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<unsigned char>(hi * 16 + lo);
      i += 2;
    }
    // MHD cuts the decoded path at a NUL ("/metrics%00.css" would be served as /metrics); an encoded
    // "/" would add a segment after the proxy has looked.
    if (c < 0x20 || c == 0x7f || c == '/') return std::nullopt;
    out += static_cast<char>(c);
  }
  if (out == "." || out == "..") return std::nullopt;
  return out;
}

void encode_segment(std::string_view decoded, std::string& out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char ch : decoded) {
    const auto c = static_cast<unsigned char>(ch);
    if (literal_in_path(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

}  // namespace

CanonicalTarget canonical_target(std::string_view target) {
  if (!target.starts_with('/')) return {};
  const auto question = target.find('?');
  const std::string_view path = target.substr(0, question);
  const std::string_view query = question == std::string_view::npos ? std::string_view() : target.substr(question);
  std::string canonical;
  for (std::size_t start = 1; start <= path.size();) {
    const auto slash = path.find('/', start);
    const std::string_view raw = path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (!raw.empty()) {
      const auto decoded = decode_segment(raw);
      if (!decoded) return {CanonicalTarget::Verdict::refuse};
      canonical += '/';
      encode_segment(*decoded, canonical);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (canonical.empty()) canonical = "/";
  if (canonical == path) return {};
  return {CanonicalTarget::Verdict::redirect, canonical + std::string(query)};
}

}  // namespace portald::web
