#include "backup/sodium.hpp"

#include <new>
#include <stdexcept>
#include <utility>

namespace portald::backup {

void init_sodium() {
  static const int rc = sodium_init();  // 0 first time, 1 when already done, -1 on failure
  if (rc < 0) throw std::runtime_error("libsodium failed to initialise");
}

SecretBuffer::SecretBuffer(std::size_t size) : size_(size) {
  init_sodium();
  data_ = static_cast<unsigned char*>(sodium_malloc(size == 0 ? 1 : size));
  if (!data_) throw std::bad_alloc();
  sodium_memzero(data_, size == 0 ? 1 : size);
}

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
  if (this != &other) {
    if (data_) sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SecretBuffer::~SecretBuffer() {
  if (data_) sodium_free(data_);  // wipes before freeing
}

void SecretBuffer::shrink(std::size_t size) noexcept {
  if (size >= size_) return;
  sodium_memzero(data_ + size, size_ - size);
  size_ = size;
}

Blake2b::Blake2b() {
  init_sodium();
  crypto_generichash_init(&state_, nullptr, 0, crypto_generichash_BYTES_MAX);
}

void Blake2b::update(const void* data, std::size_t size) {
  crypto_generichash_update(&state_, static_cast<const unsigned char*>(data), size);
}

Digest Blake2b::final() {
  Digest d{};
  crypto_generichash_final(&state_, d.data(), d.size());
  return d;
}

Digest blake2b(std::string_view bytes) {
  Blake2b h;
  h.update(bytes);
  return h.final();
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

bool from_hex(std::string_view hex, unsigned char* out, std::size_t size) {
  if (hex.size() != size * 2) return false;
  std::size_t len = 0;
  const char* end = nullptr;
  return sodium_hex2bin(out, size, hex.data(), hex.size(), nullptr, &len, &end) == 0 && len == size &&
         end == hex.data() + hex.size();
}

std::size_t base64_length(std::size_t size) { return sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL); }

std::size_t to_base64(const unsigned char* data, std::size_t size, char* out) {
  init_sodium();
  const std::size_t room = base64_length(size);
  sodium_bin2base64(out, room, data, size, sodium_base64_VARIANT_ORIGINAL);
  return room - 1;
}

std::string to_base64(const unsigned char* data, std::size_t size) {
  std::string out(base64_length(size), '\0');
  out.resize(to_base64(data, size, out.data()));
  return out;
}

bool from_base64(std::string_view text, unsigned char* out, std::size_t size) {
  init_sodium();
  // The exact encoded length rules out trailing garbage and truncation before libsodium looks at it.
  if (text.size() + 1 != base64_length(size)) return false;
  std::size_t len = 0;
  const char* end = nullptr;
  return sodium_base642bin(out, size, text.data(), text.size(), nullptr, &len, &end, sodium_base64_VARIANT_ORIGINAL) ==
             0 &&
         len == size && end == text.data() + text.size();
}

}  // namespace portald::backup
