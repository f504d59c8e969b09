#include "daemon/config/listen_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

namespace portald::config {

namespace {

std::optional<ListenAddress> fail(std::string* error, std::string reason) {
  if (error) *error = std::move(reason);
  return std::nullopt;
}

bool is_ipv4(const std::string& host) {
  in_addr a{};
  return inet_pton(AF_INET, host.c_str(), &a) == 1;
}

bool is_ipv6(const std::string& host) {
  in6_addr a{};
  return inet_pton(AF_INET6, host.c_str(), &a) == 1;
}

// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens.
bool is_host_name(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t label = 0;
  char previous = '.';
  for (char c : host) {
    if (c == '.') {
      if (label == 0 || previous == '-') return false;
      label = 0;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c == '-' && label > 0)) {
      if (++label > 63) return false;
    } else {
      return false;
    }
    previous = c;
  }
  return previous != '-' && previous != '.';
}

// A host made only of digits and dots is meant as IPv4; "300.1.1.1" must not pass as a name.
bool looks_numeric(std::string_view host) {
  return std::all_of(host.begin(), host.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
}

std::optional<std::uint16_t> parse_port(std::string_view text) {
  unsigned value = 0;
  if (text.empty() || text.size() > 5) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::string ListenAddress::to_string() const {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::optional<ListenAddress> parse_listen_address(std::string_view text, std::string* error) {
  if (text.empty()) return fail(error, "empty address; expected HOST:PORT, e.g. 127.0.0.1:8080");
  std::string host;
  std::string_view rest;
  if (text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return fail(error, "missing ']' after IPv6 address");
    host = std::string(text.substr(1, close - 1));
    if (!is_ipv6(host)) return fail(error, "'" + host + "' is not an IPv6 address");
    rest = text.substr(close + 1);
    if (rest.empty() || rest.front() != ':') return fail(error, "missing ':PORT' after ']'");
    rest.remove_prefix(1);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return fail(error, "missing ':PORT', e.g. 127.0.0.1:8080");
    host = std::string(text.substr(0, colon));
    rest = text.substr(colon + 1);
    if (host.find(':') != std::string::npos) return fail(error, "IPv6 addresses must be in brackets, e.g. [::1]:8080");
    if (host.empty()) return fail(error, "missing host before ':', e.g. 0.0.0.0:8080 for all interfaces");
    if (looks_numeric(host) ? !is_ipv4(host) : !is_host_name(host))
      return fail(error, "'" + host + "' is not an IPv4 address or host name");
  }
  const auto port = parse_port(rest);
  if (!port) return fail(error, "port '" + std::string(rest) + "' is not a number between 0 and 65535");
  return ListenAddress{std::move(host), *port};
}

}  // namespace portald::config
