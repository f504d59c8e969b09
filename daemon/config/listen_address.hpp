#pragma once
// The address the HTTP listener binds: "127.0.0.1:8080", "[::1]:8080", "localhost:8080".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace portald::config {

struct ListenAddress {
  std::string host;  // IPv4 dotted quad, IPv6 without brackets, or a host name
  std::uint16_t port = 8080;

  // "127.0.0.1:8080", "[::1]:8080": IPv6 hosts are bracketed so the text parses back.
  std::string to_string() const;
  friend bool operator==(const ListenAddress&, const ListenAddress&) = default;
};

// Parses "HOST:PORT" or "[IPV6]:PORT", port 0..65535 (0 = any free port, for tests). Does not resolve
// names. Returns std::nullopt and sets *error (when not null) to a short English reason on failure.
std::optional<ListenAddress> parse_listen_address(std::string_view text, std::string* error);

}  // namespace portald::config
