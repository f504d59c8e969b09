#pragma once
// Optional snapshot encryption with libsodium's secretstream (XChaCha20-Poly1305), stack notes §4.2:
// file = header[24] ‖ chunks, each chunk = 64 KiB of plaintext + 17 bytes, the last one shorter and
// tagged FINAL (an empty FINAL chunk when the plaintext is a multiple of 64 KiB). The associated data
// binds the format version. Snapshots are encrypted, then signed, so anyone with the public key can
// check a copy without being able to read it.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backup/sodium.hpp"

namespace portald::backup {

inline constexpr std::size_t kChunkBytes = 64 * 1024;
inline constexpr std::size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
inline constexpr std::size_t kChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
inline constexpr std::string_view kStreamAlgorithm = "xchacha20poly1305-secretstream";

// Ciphertext size for `plain` bytes of plaintext.
std::uint64_t encrypted_size(std::uint64_t plain);

// A 32-byte secretstream key in secret memory. The key id (16 hex digits, a keyed hash of the key)
// names it in manifests without revealing it, so a wrong key is reported as such.
class EncryptionKey {
 public:
  static EncryptionKey generate();
  // Parses the key file ("untrusted comment: …" line, base64 line); std::nullopt + *error on bad input.
  static std::optional<EncryptionKey> parse(std::string_view text, std::string* error);
  SecretBuffer format() const;  // the key file's text
  std::string key_id() const;
  const unsigned char* bytes() const { return key_.data(); }

 private:
  EncryptionKey() : key_(crypto_secretstream_xchacha20poly1305_KEYBYTES) {}
  SecretBuffer key_;
};

using ByteSink = std::function<void(const unsigned char* data, std::size_t size)>;

// Encrypts a stream fed in pieces of any size; hands complete ciphertext pieces to the sink.
class Encryptor {
 public:
  Encryptor(const EncryptionKey& key, ByteSink sink);  // writes the header to the sink at once
  void push(const unsigned char* data, std::size_t size);
  void finish();  // the FINAL chunk; call once

 private:
  void seal(const unsigned char* data, std::size_t size, unsigned char tag);
  SecretBuffer state_;
  ByteSink sink_;
  std::vector<unsigned char> pending_, out_;
};

// Decrypts what Encryptor wrote. Every method returns std::nullopt on success, else a one-line reason
// (corrupt chunk, data after FINAL, truncated stream, ...); after a failure the object is unusable.
class Decryptor {
 public:
  Decryptor(const EncryptionKey& key, ByteSink sink);
  std::optional<std::string> push(const unsigned char* data, std::size_t size);
  std::optional<std::string> finish();

 private:
  std::optional<std::string> open_chunk(const unsigned char* data, std::size_t size, bool last);
  SecretBuffer state_;
  ByteSink sink_;
  std::vector<unsigned char> pending_, out_;
  bool started_ = false, done_ = false;
  std::uint64_t chunks_ = 0;
};

}  // namespace portald::backup
