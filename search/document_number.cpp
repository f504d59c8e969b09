#include "search/document_number.hpp"

#include "search/vietnamese.hpp"

namespace portald::search {
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// U+2010..U+2015 (hyphens and dashes) and U+2212 (minus), as UTF-8.
std::size_t dash_length(std::string_view s, std::size_t i) {
  if (s.size() - i < 3) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]),
             b2 = static_cast<unsigned char>(s[i + 2]);
  if (b0 == 0xE2 && b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) return 3;
  if (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) return 3;
  return 0;
}

}  // namespace

std::string normalize_number(std::string_view number) {
  const std::string folded = fold(normalize(number));
  std::string out;
  for (std::size_t i = 0; i < folded.size();) {
    if (const std::size_t n = dash_length(folded, i)) {
      out += '-';
      i += n;
      continue;
    }
    const char c = folded[i++];
    if (is_alnum(c) || c == '/' || c == '-' || c == '.') out += c;
  }
  return out;
}

std::vector<std::string> number_parts(std::string_view normalized) {
  std::vector<std::string> parts;
  std::string part;
  for (const char c : normalized) {
    if (is_alnum(c)) {
      part += c;
    } else if (!part.empty()) {
      parts.push_back(std::move(part));
      part.clear();
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  return parts;
}

bool looks_like_number(std::string_view word) {
  const std::string n = normalize_number(word);
  std::size_t i = 0;
  while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
  if (i == 0 || i >= n.size() || n[i] != '/') return false;
  return i + 1 < n.size() && is_alnum(n.back());
}

}  // namespace portald::search
