#include "daemon/auth/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "daemon/model/text.hpp"

namespace portald::auth {
namespace {

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
}

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  ensure_sodium();
  const std::string stored(stored_hash);  // needs a NUL-terminated string
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view stored_hash) {
  ensure_sodium();
  const std::string stored(stored_hash);
  return crypto_pwhash_str_needs_rehash(stored.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

std::string generate_password(std::size_t length) {
  ensure_sodium();
  static constexpr std::string_view alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))];
  return out;
}

std::optional<std::string> password_weakness(std::string_view password) {
  if (model::count_code_points(password) < 12) return "Mật khẩu phải có ít nhất 12 ký tự.";
  if (password.size() > 1024) return "Mật khẩu quá dài (tối đa 1024 byte).";
  return std::nullopt;
}

}  // namespace portald::auth
