#include "web/server/forwarded.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include "web/server/request.hpp"

namespace portald::web {
namespace {

// One hop of a forwarding chain: the address a proxy received the request from, and (Forwarded only)
// the protocol it was received over.
struct Hop {
  std::string address;  // canonical, "" when not an IP address
  std::optional<bool> https;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view unquote(std::string_view s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
  return s;
}

// Every value of the headers named `name`, split at commas, in order (several header lines are one
// comma-separated list, RFC 9110 5.3). Forwarded's quoted strings never hold a comma we need.
std::vector<std::string_view> list_values(const std::vector<std::pair<std::string, std::string>>& headers,
                                          std::string_view name) {
  std::vector<std::string_view> out;
  for (const auto& [k, v] : headers) {
    if (!iequals_ascii(k, name)) continue;
    std::string_view rest = v;
    while (true) {
      const auto comma = rest.find(',');
      out.push_back(trim(rest.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return out;
}

bool has_header(const std::vector<std::pair<std::string, std::string>>& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(), [&](const auto& h) { return iequals_ascii(h.first, name); });
}

// One Forwarded element: "for=192.0.2.60;proto=http;by=203.0.113.43" (parameter names are
// case-insensitive, values may be quoted).
Hop forwarded_hop(std::string_view element) {
  Hop hop;
  while (!element.empty()) {
    const auto semi = element.find(';');
    const std::string_view pair = trim(element.substr(0, semi));
    element.remove_prefix(semi == std::string_view::npos ? element.size() : semi + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = trim(pair.substr(0, eq));
    const std::string_view value = unquote(trim(pair.substr(eq + 1)));
    if (iequals_ascii(key, "for")) hop.address = canonical_address(value);
    if (iequals_ascii(key, "proto")) hop.https = iequals_ascii(value, "https");
  }
  return hop;
}

std::vector<Hop> chain_of(const std::vector<std::pair<std::string, std::string>>& headers) {
  std::vector<Hop> chain;
  if (has_header(headers, "Forwarded")) {
    for (const auto element : list_values(headers, "Forwarded")) chain.push_back(forwarded_hop(element));
  } else {
    for (const auto value : list_values(headers, "X-Forwarded-For")) chain.push_back({canonical_address(value), {}});
  }
  return chain;
}

}  // namespace

std::string canonical_address(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '[') {  // "[v6]" or "[v6]:port"
    const auto close = text.find(']');
    if (close == std::string_view::npos) return "";
    text = text.substr(1, close - 1);
  } else if (std::count(text.begin(), text.end(), ':') == 1) {  // "v4:port"
    text = text.substr(0, text.find(':'));
  }
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return "";
  const std::string s(text);
  std::array<unsigned char, 16> bytes{};
  char out[INET6_ADDRSTRLEN] = {};
  if (::inet_pton(AF_INET, s.c_str(), bytes.data()) == 1)
    return ::inet_ntop(AF_INET, bytes.data(), out, sizeof out) ? out : "";
  if (::inet_pton(AF_INET6, s.c_str(), bytes.data()) != 1) return "";
  in6_addr a{};
  std::memcpy(&a, bytes.data(), sizeof a);
  if (IN6_IS_ADDR_V4MAPPED(&a)) return ::inet_ntop(AF_INET, bytes.data() + 12, out, sizeof out) ? out : "";
  return ::inet_ntop(AF_INET6, bytes.data(), out, sizeof out) ? out : "";
}

ClientOrigin resolve_client(std::string_view peer, const std::vector<std::pair<std::string, std::string>>& headers,
                            const TrustedProxy& trusted) {
  ClientOrigin origin{std::string(peer), false};
  if (!trusted || !trusted(peer)) return origin;
  const std::vector<Hop> chain = chain_of(headers);
  // X-Forwarded-Proto is set (not appended) by the proxy that terminated TLS: its right-most value is
  // the word of the proxy nearest us. Forwarded's own proto= wins below when the client's hop has one.
  const auto protos = list_values(headers, "X-Forwarded-Proto");
  if (!protos.empty()) origin.https = iequals_ascii(protos.back(), "https");
  for (auto hop = chain.rbegin(); hop != chain.rend(); ++hop) {
    if (hop->address.empty()) break;  // unknown or garbage: the trusted hop before it is all we know
    origin.address = hop->address;
    if (hop->https) origin.https = *hop->https;
    if (!trusted(hop->address)) break;
  }
  return origin;
}

}  // namespace portald::web
