#include "daemon/auth/totp.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

#include "daemon/model/url_encoding.hpp"

namespace portald::auth {
namespace {

std::uint32_t rotl(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

}  // namespace

std::array<std::uint8_t, 20> sha1(std::string_view data) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string msg(data);
  const std::uint64_t bit_len = std::uint64_t(data.size()) * 8;
  msg += static_cast<char>(0x80);
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 7; i >= 0; --i) msg += static_cast<char>((bit_len >> (i * 8)) & 0xff);
  for (std::size_t off = 0; off < msg.size(); off += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + off + std::size_t(i) * 4);
      w[i] = (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
    }
    for (int i = 16; i < 80; ++i) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f, k;
      if (i < 20)
        f = (b & c) | (~b & d), k = 0x5A827999;
      else if (i < 40)
        f = b ^ c ^ d, k = 0x6ED9EBA1;
      else if (i < 60)
        f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
      else
        f = b ^ c ^ d, k = 0xCA62C1D6;
      const std::uint32_t temp = rotl(a, 5) + f + e + k + w[i];
      e = d, d = c, c = rotl(b, 30), b = a, a = temp;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
  }
  std::array<std::uint8_t, 20> out{};
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 4; ++j) out[std::size_t(i * 4 + j)] = static_cast<std::uint8_t>(h[i] >> (24 - j * 8));
  return out;
}

std::array<std::uint8_t, 20> hmac_sha1(std::string_view key, std::string_view message) {
  std::string k(key);
  if (k.size() > 64) {
    const auto d = sha1(k);
    k.assign(reinterpret_cast<const char*>(d.data()), d.size());
  }
  k.resize(64, '\0');
  std::string inner(64, '\0'), outer(64, '\0');
  for (int i = 0; i < 64; ++i) {
    inner[std::size_t(i)] = static_cast<char>(k[std::size_t(i)] ^ 0x36);
    outer[std::size_t(i)] = static_cast<char>(k[std::size_t(i)] ^ 0x5c);
  }
  inner.append(message);
  const auto ih = sha1(inner);
  outer.append(reinterpret_cast<const char*>(ih.data()), ih.size());
  sodium_memzero(k.data(), k.size());
  sodium_memzero(inner.data(), 64);
  return sha1(outer);
}

std::string base32_encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == ' ' || c == '=' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    const auto pos = kBase32.find(c);
    if (pos == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(pos);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

std::uint32_t hotp(std::string_view key, std::uint64_t counter, int digits) {
  char msg[8];
  for (int i = 7; i >= 0; --i, counter >>= 8) msg[i] = static_cast<char>(counter & 0xff);
  const auto mac = hmac_sha1(key, std::string_view(msg, 8));
  const int offset = mac[19] & 0x0f;
  const std::uint32_t bin = (std::uint32_t(mac[std::size_t(offset)] & 0x7f) << 24) |
                            (std::uint32_t(mac[std::size_t(offset) + 1]) << 16) |
                            (std::uint32_t(mac[std::size_t(offset) + 2]) << 8) | mac[std::size_t(offset) + 3];
  std::uint32_t mod = 1;
  for (int i = 0; i < digits; ++i) mod *= 10;
  return bin % mod;
}

std::string totp_code(std::string_view key, std::int64_t t, int digits, int step) {
  std::string s = std::to_string(hotp(key, static_cast<std::uint64_t>(t / step), digits));
  while (static_cast<int>(s.size()) < digits) s.insert(s.begin(), '0');
  return s;
}

std::optional<std::int64_t> totp_match(std::string_view base32_secret, std::string_view code, std::int64_t t) {
  const auto key = base32_decode(base32_secret);
  if (!key || key->empty() || code.size() != 6) return std::nullopt;
  std::optional<std::int64_t> found;
  for (int drift = -1; drift <= 1; ++drift) {
    const std::string expected = totp_code(*key, t + drift * 30);
    // Constant time, and every step is checked whatever matched before.
    if (sodium_memcmp(expected.data(), code.data(), 6) == 0) found = t / 30 + drift;
  }
  return found;
}

bool totp_verify(std::string_view base32_secret, std::string_view code, std::int64_t t) {
  return totp_match(base32_secret, code, t).has_value();
}

std::string new_totp_secret() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
  unsigned char raw[20];
  randombytes_buf(raw, sizeof raw);
  std::string s = base32_encode(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
  sodium_memzero(raw, sizeof raw);
  return s;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret) {
  using model::url_encode_component;
  return "otpauth://totp/" + url_encode_component(issuer) + ":" + url_encode_component(account) +
         "?secret=" + std::string(base32_secret) + "&issuer=" + url_encode_component(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace portald::auth
