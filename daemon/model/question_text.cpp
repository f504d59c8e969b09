#include "daemon/model/question_text.hpp"

#include <cctype>
#include <vector>

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

// Length of the UTF-8 sequence that starts with byte c (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

bool is_email_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A run of digit groups joined by dots that reads as an amount ("1.500.000.000 đồng"), not a phone: a
// first group of one to three digits not starting with 0, then groups of exactly three.
bool is_amount(std::string_view run) {
  if (run.empty() || run[0] == '0' || run[0] == '+') return false;
  std::size_t group = 0;
  bool first = true;
  for (const char c : run) {
    if (is_digit(c)) {
      ++group;
      continue;
    }
    if (c != '.' || (first ? group > 3 : group != 3)) return false;
    first = false;
    group = 0;
  }
  return !first && group == 3;
}

// Length of a phone number starting at `i` (0 when none): an optional "+", then digits with single
// spaces, dots or dashes between them, 9 to 12 digits in all, not glued to other digits or letters.
std::size_t phone_at(std::string_view s, std::size_t i) {
  if (i > 0 && (std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '/')) return 0;
  // Not from the middle of a number already refused ("12.345.678.900" read again from "345").
  if (i > 1 && (s[i - 1] == '.' || s[i - 1] == '-') && is_digit(s[i - 2])) return 0;
  std::size_t j = i;
  if (j < s.size() && s[j] == '+') ++j;
  std::size_t digits = 0, end = j;
  while (j < s.size()) {
    if (is_digit(s[j])) {
      ++digits;
      end = ++j;
    } else if ((s[j] == ' ' || s[j] == '.' || s[j] == '-') && j + 1 < s.size() && is_digit(s[j + 1]) && digits > 0) {
      ++j;
    } else {
      break;
    }
  }
  if (digits < 9 || digits > 12) return 0;
  if (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '/')) return 0;
  if (is_amount(s.substr(i, end - i))) return 0;
  return end - i;
}

}  // namespace

std::string mask_name(std::string_view name) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < name.size() && name[i] != ' ' && name[i] != '\t') ++i;
    if (i > start) words.push_back(name.substr(start, i - start));
  }
  if (words.empty()) return "";
  std::string out(words.front());
  if (words.size() == 1) {
    out = std::string(words.front().substr(0, sequence_length(static_cast<unsigned char>(words.front()[0])))) + ".";
    return out;
  }
  for (std::size_t w = 1; w < words.size(); ++w) {
    const auto n = sequence_length(static_cast<unsigned char>(words[w][0]));
    out += " ";
    out += words[w].substr(0, n);
    out += ".";
  }
  return out;
}

std::string mask_contacts(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '@') {
      // The local part is already in `out`: take it back, then skip the domain.
      std::size_t back = out.size();
      while (back > 0 && is_email_char(out[back - 1])) --back;
      std::size_t j = i + 1;
      while (j < s.size() && is_email_char(s[j])) ++j;
      const std::string_view domain = s.substr(i + 1, j - i - 1);
      if (back < out.size() && domain.find('.') != std::string_view::npos) {
        out.resize(back);
        out += "[email đã ẩn]";
        i = j;
        continue;
      }
    }
    if (s[i] == '+' || is_digit(s[i])) {
      if (const auto n = phone_at(s, i)) {
        out += "[số điện thoại đã ẩn]";
        i += n;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

std::string format_tracking_code(const unsigned (&digits)[kTrackingLength]) {
  std::string out;
  for (std::size_t i = 0; i < kTrackingLength; ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += kTrackingAlphabet[digits[i] % kTrackingAlphabet.size()];
  }
  return out;
}

std::optional<std::string> normalise_tracking_code(std::string_view typed) {
  unsigned digits[kTrackingLength]{};
  std::size_t n = 0;
  for (const char c : trim(typed)) {
    if (c == '-' || c == ' ') continue;
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto pos = kTrackingAlphabet.find(up);
    if (pos == std::string_view::npos || n == kTrackingLength) return std::nullopt;
    digits[n++] = static_cast<unsigned>(pos);
  }
  if (n != kTrackingLength) return std::nullopt;
  return format_tracking_code(digits);
}

}  // namespace portald::model
