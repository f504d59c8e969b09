#include "daemon/auth/session.hpp"

#include <sodium.h>

#include <stdexcept>

#include "daemon/model/user_agent.hpp"
#include "daemon/store/session_table.hpp"

namespace portald::auth {
namespace {

// At most `max` bytes of `text`, never ending inside a UTF-8 sequence.
std::string cut(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return std::string(text.substr(0, n));
}

}  // namespace

std::string random_hex(std::size_t bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  sodium_memzero(raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

std::string token_hash(std::string_view token) {
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

bool same_token(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string create_session(store::WriteTxn& txn, const store::Tables& t, std::string_view username, model::UnixTime now,
                           bool second_factor_ok, std::string_view device, std::string_view address) {
  const std::string token = random_hex(32);
  model::Session s;
  s.username = std::string(username);
  s.created_at = now;
  s.last_seen = now;
  s.csrf = random_hex(32);
  s.second_factor_ok = second_factor_ok;
  s.device = cut(device, model::kMaxDeviceText);
  s.address = cut(address, model::kMaxSessionAddress);
  store::put_session(txn, t, token_hash(token), s);
  return token;
}

std::optional<model::Session> live_session(const store::Txn& txn, const store::Tables& t, std::string_view token,
                                           model::UnixTime now) {
  if (token.size() != 64) return std::nullopt;
  auto s = store::get_session(txn, t, token_hash(token));
  if (!s) return std::nullopt;
  if (now - s->last_seen > kIdleTimeout || now - s->created_at > kAbsoluteTimeout) return std::nullopt;
  return s;
}

std::size_t count_live_sessions(const store::Txn& txn, const store::Tables& t, model::UnixTime now) {
  return store::count_sessions(txn, t, now - kIdleTimeout, now - kAbsoluteTimeout);
}

}  // namespace portald::auth
