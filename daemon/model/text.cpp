#include "daemon/model/text.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace portald::model {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

// Runs utf8proc_map with the given options; nullopt on invalid UTF-8.
std::optional<std::string> map(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  const auto* in = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const utf8proc_ssize_t n =
      utf8proc_map(in, static_cast<utf8proc_ssize_t>(text.size()), &out, static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
  if (n < 0) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0 || cp == 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

std::optional<std::string> to_nfc(std::string_view text) {
  if (!is_valid_utf8(text)) return std::nullopt;
  return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold(std::string_view text) {
  auto folded = map(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  if (!folded) return {};
  // đ (U+0111, after case folding also from Đ) has no decomposition, so map it by hand.
  std::string out;
  out.reserve(folded->size());
  for (std::size_t i = 0; i < folded->size(); ++i) {
    if ((*folded)[i] == '\xC4' && i + 1 < folded->size() && (*folded)[i + 1] == '\x91') {
      out += 'd';
      ++i;
    } else {
      out += (*folded)[i];
    }
  }
  return out;
}

std::string slugify(std::string_view text, std::size_t max_len) {
  const std::string folded = fold(text);
  std::string slug;
  for (char c : folded) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (slug.size() >= max_len) break;
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string decimal_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string s(text);
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

}  // namespace portald::model
