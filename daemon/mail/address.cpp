#include "daemon/mail/address.hpp"

namespace portald::mail {
namespace {

constexpr std::size_t kMaxAddress = 254, kMaxLocal = 64, kMaxLabel = 63;

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// RFC 5322 atext: letters, digits and !#$%&'*+-/=?^_`{|}~ (no dot: dots separate atoms).
bool is_atext(char c) {
  static constexpr std::string_view specials = "!#$%&'*+-/=?^_`{|}~";
  return is_alnum(c) || specials.find(c) != std::string_view::npos;
}

// Atoms of atext joined by single dots, none empty.
bool is_dot_atom(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  char previous = 0;
  for (const char c : s) {
    if (c == '.' ? previous == '.' : !is_atext(c)) return false;
    previous = c;
  }
  return true;
}

// A host name: labels of letters, digits and hyphens, 1..63 long, not starting or ending with a hyphen.
bool is_host_name(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    const auto dot = s.find('.', start);
    const std::string_view label = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    if (label.empty() || label.size() > kMaxLabel || label.front() == '-' || label.back() == '-') return false;
    for (const char c : label)
      if (!is_alnum(c) && c != '-') return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

}  // namespace

bool is_valid_address(std::string_view address) {
  if (address.size() > kMaxAddress) return false;
  const auto at = address.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = address.substr(0, at);
  return local.size() <= kMaxLocal && is_dot_atom(local) && is_host_name(address.substr(at + 1));
}

std::string_view address_domain(std::string_view address) {
  const auto at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view{} : address.substr(at + 1);
}

}  // namespace portald::mail
