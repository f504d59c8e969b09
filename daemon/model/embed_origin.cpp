#include "daemon/model/embed_origin.hpp"

#include <algorithm>
#include <charconv>

namespace portald::model {
namespace {

constexpr std::string_view kScheme = "https://";

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A DNS name (letters, digits, hyphens inside labels, dots between labels) or a dotted IPv4 address.
bool is_host(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t start = 0;
  while (start <= host.size()) {
    const auto dot = std::min(host.find('.', start), host.size());
    const std::string_view label = host.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (label.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string_view::npos) return false;
    start = dot + 1;
  }
  return true;
}

// "host[:port]" (already lower case) as it appears in an origin, ":443" left out; nullopt when bad.
std::optional<std::string> authority(std::string_view a) {
  const auto colon = a.rfind(':');
  const std::string_view host = a.substr(0, colon);
  if (!is_host(host)) return std::nullopt;
  if (colon == std::string_view::npos) return std::string(host);
  const std::string_view port = a.substr(colon + 1);
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || port.size() > 5 || ec != std::errc() || end != port.data() + port.size() || value == 0 ||
      value > 65535)
    return std::nullopt;
  return value == 443 ? std::string(host) : std::string(host) + ":" + std::to_string(value);
}

// Lower-cased copy when every byte is visible ASCII other than a backslash; nullopt otherwise.
std::optional<std::string> plain_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || c == '\\') return std::nullopt;
    out += lower(c);
  }
  return out;
}

}  // namespace

std::optional<std::string> normalise_embed_origin(std::string_view entry) {
  auto s = plain_lower(entry);
  if (!s || !s->starts_with(kScheme)) return std::nullopt;
  if (s->size() > kScheme.size() + 1 && s->back() == '/') s->pop_back();
  const std::string_view a = std::string_view(*s).substr(kScheme.size());
  if (a.find_first_of("/?#@*%") != std::string_view::npos) return std::nullopt;
  const auto auth = authority(a);
  if (!auth) return std::nullopt;
  return std::string(kScheme) + *auth;
}

EmbedOriginList parse_embed_origins(std::string_view list) {
  EmbedOriginList r;
  std::size_t i = 0;
  while (i < list.size()) {
    const auto start = list.find_first_not_of(" \t\r\n,", i);
    if (start == std::string_view::npos) break;
    const auto end = std::min(list.find_first_of(" \t\r\n,", start), list.size());
    const std::string_view entry = list.substr(start, end - start);
    if (const auto o = normalise_embed_origin(entry)) {
      if (std::find(r.origins.begin(), r.origins.end(), *o) == r.origins.end()) r.origins.push_back(*o);
    } else {
      r.refused.emplace_back(entry);
    }
    i = end;
  }
  return r;
}

std::optional<std::string> https_origin_of(std::string_view url) {
  const auto s = plain_lower(url);
  if (!s || !s->starts_with(kScheme)) return std::nullopt;
  const std::string_view rest = std::string_view(*s).substr(kScheme.size());
  const std::string_view a = rest.substr(0, rest.find_first_of("/?#"));
  if (a.find_first_of("@%") != std::string_view::npos) return std::nullopt;
  const auto auth = authority(a);
  if (!auth) return std::nullopt;
  return std::string(kScheme) + *auth;
}

bool is_allowed_frame_url(std::string_view url, const EmbedPolicy& policy) {
  const auto origin = https_origin_of(url);
  return origin &&
         std::find(policy.frame_origins.begin(), policy.frame_origins.end(), *origin) != policy.frame_origins.end();
}

std::string frame_src_sources(const EmbedPolicy& policy) {
  std::string out;
  for (const auto& o : policy.frame_origins) {
    if (!normalise_embed_origin(o)) continue;  // a CSP source list must never carry anything else
    out += out.empty() ? "" : " ";
    out += o;
  }
  return out.empty() ? "'none'" : out;
}

}  // namespace portald::model
