#pragma once
// A list of client addresses and networks ("127.0.0.0/8 ::1 10.1.2.0/24"), for options that say who
// may do something (ops-allow: who reads /healthz's details and /metrics). IPv4 clients seen as
// IPv4-mapped IPv6 are matched as IPv4, the form the HTTP server reports them in.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portald::config {

struct Network {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
  unsigned prefix = 0;                   // bits that must match
};

struct AddressList {
  std::vector<Network> networks;
  // True when `address` (as the HTTP server reports it: "10.0.0.1", "::1") is in one of the networks.
  bool contains(std::string_view address) const;
  // The list in the form parse_address_list reads back ("127.0.0.0/8 ::1/128"); "none" when empty.
  std::string to_string() const;
};

// 127.0.0.0/8 and ::1: this machine only.
AddressList loopback_addresses();
// Addresses or ADDRESS/PREFIX networks separated by spaces or commas; "none" is the empty list.
// std::nullopt with *error set on anything else (a host name, a prefix too long, a bare "/").
std::optional<AddressList> parse_address_list(std::string_view text, std::string* error);

}  // namespace portald::config
