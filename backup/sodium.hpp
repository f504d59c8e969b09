#pragma once
// libsodium helpers for the backup code: initialisation, secret buffers, BLAKE2b-512, hex and base64.
#include <sodium.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace portald::backup {

// Calls sodium_init() once per process; throws std::runtime_error when libsodium cannot start.
void init_sodium();

// Bytes that must not leak (secret keys, their file text): guarded, mlock'ed memory from sodium_malloc,
// wiped by sodium_free. Move-only, never copied.
class SecretBuffer {
 public:
  explicit SecretBuffer(std::size_t size);  // zero-filled; throws std::bad_alloc
  SecretBuffer(SecretBuffer&& other) noexcept;
  SecretBuffer& operator=(SecretBuffer&& other) noexcept;
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;
  ~SecretBuffer();

  unsigned char* data() noexcept { return data_; }
  const unsigned char* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  std::string_view view() const noexcept { return {reinterpret_cast<const char*>(data_), size_}; }
  // Keeps the first `size` bytes (size <= size()); the rest is wiped, not freed.
  void shrink(std::size_t size) noexcept;

 private:
  unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
};

// BLAKE2b-512: libsodium's unkeyed crypto_generichash with a 64-byte output, the hash minisign's
// prehashed ("ED") signatures sign.
using Digest = std::array<unsigned char, crypto_generichash_BYTES_MAX>;

class Blake2b {
 public:
  Blake2b();
  void update(const void* data, std::size_t size);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  Digest final();

 private:
  crypto_generichash_state state_;
};

Digest blake2b(std::string_view bytes);

std::string to_hex(const unsigned char* data, std::size_t size);
template <std::size_t N>
std::string to_hex(const std::array<unsigned char, N>& bytes) {
  return to_hex(bytes.data(), N);
}
// Decodes exactly `size` bytes of hex (either case); false on any other length or character.
bool from_hex(std::string_view hex, unsigned char* out, std::size_t size);

// Standard base64 with padding (what minisign writes).
std::string to_base64(const unsigned char* data, std::size_t size);
// Writes base64 into `out` (room for base64_length(size) bytes, NUL included); returns its length.
std::size_t to_base64(const unsigned char* data, std::size_t size, char* out);
std::size_t base64_length(std::size_t size);  // with the terminating NUL
// Decodes standard base64 that must yield exactly `size` bytes; false on anything else.
bool from_base64(std::string_view text, unsigned char* out, std::size_t size);

}  // namespace portald::backup
