#include "daemon/mail/header_text.hpp"

#include <sodium.h>

#include "daemon/model/text.hpp"

namespace portald::mail {
namespace {

// Raw bytes per encoded-word: 39 bytes are 52 base64 characters, so "=?UTF-8?B?" + 52 + "?=" is 64
// characters and "Subject: " plus one word stays within the 78 that RFC 5322 recommends per line.
constexpr std::size_t kWordBytes = 39;
// Plain ASCII subjects up to this length are written as they are (one line with "Subject: ").
constexpr std::size_t kPlainMax = 68;

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL sodium writes
  return out;
}

bool is_printable_ascii(std::string_view text) {
  for (const char c : text)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

// Length of the longest prefix of `text` no longer than `limit` bytes that ends between characters.
std::size_t utf8_prefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text.size();
  std::size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // back off a continuation byte
  return n;
}

// Encoded-words separated by a fold (a newline and a space): decoders drop the white space between them.
std::string encoded_words(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t n = utf8_prefix(text, kWordBytes);
    if (!out.empty()) out += "\n ";
    out += "=?UTF-8?B?" + base64(text.substr(0, n)) + "?=";
    text.remove_prefix(n);
  }
  return out;
}

}  // namespace

bool is_safe_header_text(std::string_view text, std::size_t max_code_points) {
  if (!model::is_valid_utf8(text)) return false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return false;
  }
  return model::count_code_points(text) <= max_code_points;
}

std::string encode_unstructured(std::string_view text) {
  if (text.size() <= kPlainMax && is_printable_ascii(text) && text.find("=?") == std::string_view::npos)
    return std::string(text);
  return encoded_words(text);
}

std::string encode_phrase(std::string_view name) {
  if (is_printable_ascii(name) && name.find("=?") == std::string_view::npos && name.size() <= kPlainMax) {
    std::string out = "\"";
    for (const char c : name) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  }
  return encoded_words(name);
}

std::string base64_lines(std::string_view bytes) {
  const std::string all = base64(bytes);
  std::string out;
  out.reserve(all.size() + all.size() / 76 + 1);
  for (std::size_t at = 0; at < all.size(); at += 76) out.append(all, at, 76).push_back('\n');
  return out;
}

}  // namespace portald::mail
