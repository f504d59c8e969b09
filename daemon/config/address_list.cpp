#include "daemon/config/address_list.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace portald::config {
namespace {

std::optional<Network> parse_address(std::string_view text) {
  const std::string s(text);
  Network n;
  if (::inet_pton(AF_INET, s.c_str(), n.bytes.data()) == 1) {
    n.prefix = 32;
    return n;
  }
  if (::inet_pton(AF_INET6, s.c_str(), n.bytes.data()) == 1) {
    n.v6 = true;
    n.prefix = 128;
    return n;
  }
  return std::nullopt;
}

bool prefix_matches(const Network& net, const Network& addr) {
  if (net.v6 != addr.v6) return false;
  const unsigned full = net.prefix / 8, rest = net.prefix % 8;
  if (std::memcmp(net.bytes.data(), addr.bytes.data(), full) != 0) return false;
  if (rest == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (net.bytes[full] & mask) == (addr.bytes[full] & mask);
}

// Clears the bits past the prefix, so "10.1.2.3/24" is kept and shown as "10.1.2.0/24".
void mask_host_bits(Network& n) {
  for (unsigned bit = n.prefix; bit < (n.v6 ? 128u : 32u); ++bit)
    n.bytes[bit / 8] &= static_cast<std::uint8_t>(~(0x80 >> (bit % 8)));
}

}  // namespace

bool AddressList::contains(std::string_view address) const {
  auto addr = parse_address(address);
  if (!addr) return false;
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (addr->v6 && std::memcmp(addr->bytes.data(), kMapped, 12) == 0) {
    std::memmove(addr->bytes.data(), addr->bytes.data() + 12, 4);
    std::memset(addr->bytes.data() + 4, 0, 12);
    addr->v6 = false;
  }
  for (const auto& n : networks)
    if (prefix_matches(n, *addr)) return true;
  return false;
}

std::string AddressList::to_string() const {
  std::string out;
  for (const auto& n : networks) {
    char text[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(n.v6 ? AF_INET6 : AF_INET, n.bytes.data(), text, sizeof text);
    out += (out.empty() ? "" : " ") + std::string(text) + "/" + std::to_string(n.prefix);
  }
  return out.empty() ? "none" : out;
}

AddressList loopback_addresses() { return *parse_address_list("127.0.0.0/8 ::1", nullptr); }

std::optional<AddressList> parse_address_list(std::string_view text, std::string* error) {
  AddressList list;
  if (text == "none") return list;
  const auto fail = [&](std::string reason) -> std::optional<AddressList> {
    if (error) *error = std::move(reason);
    return std::nullopt;
  };
  while (!text.empty()) {
    const auto start = text.find_first_not_of(" ,");
    if (start == std::string_view::npos) break;
    text.remove_prefix(start);
    const auto end = text.find_first_of(" ,");
    const std::string_view item = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end);
    const auto slash = item.find('/');
    auto n = parse_address(item.substr(0, slash));
    if (!n) return fail("expected IP addresses or ADDRESS/PREFIX networks (got \"" + std::string(item) + "\")");
    if (slash != std::string_view::npos) {
      const std::string_view bits = item.substr(slash + 1);
      unsigned prefix = 0;
      const auto [p, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
      if (bits.empty() || ec != std::errc() || p != bits.data() + bits.size() || prefix > n->prefix)
        return fail("bad network prefix in \"" + std::string(item) + "\"");
      n->prefix = prefix;
    }
    mask_host_bits(*n);
    list.networks.push_back(*n);
  }
  if (list.networks.empty()) return fail("expected addresses or networks, or none");
  return list;
}

}  // namespace portald::config
