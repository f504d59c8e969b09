#pragma once
// The minisign file formats (jedisct1/minisign, stack notes §4.1), so Debian's stock
// `minisign -Vm FILE -p KEY.pub` verifies every snapshot file anywhere:
//   public key  "untrusted comment: …" / base64("Ed" ‖ key_id[8] ‖ ed25519_pk[32])
//   secret key  "untrusted comment: …" / base64("Ed" ‖ kdf[2] ‖ "B2" ‖ salt[32] ‖ ops[8] ‖ mem[8] ‖
//               key_id[8] ‖ ed25519_sk[64] ‖ chk[32]); portald reads and writes only kdf = "\0\0"
//               (no password: the key is protected by file mode and systemd credentials)
//   signature   "untrusted comment: …" / base64("ED" ‖ key_id[8] ‖ Ed25519(BLAKE2b-512(file))) /
//               "trusted comment: …" / base64(Ed25519(sig[64] ‖ trusted comment))
// Everything read from disk is untrusted: the parsers check every length and character.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "backup/sodium.hpp"

namespace portald::backup::minisign {

using KeyId = std::array<unsigned char, 8>;
using PublicKeyBytes = std::array<unsigned char, crypto_sign_PUBLICKEYBYTES>;
using SignatureBytes = std::array<unsigned char, crypto_sign_BYTES>;

inline constexpr std::size_t kTrustedCommentMax = 8192 - 20;  // minisign reads the line into 8 KiB
inline constexpr std::size_t kUntrustedCommentMax = 1024 - 21;

struct PublicKey {
  KeyId key_id{};
  PublicKeyBytes key{};
  bool operator==(const PublicKey&) const = default;
};

// An Ed25519 secret key and its key id, the 64 secret bytes in a SecretBuffer. Move-only.
class SecretKey {
 public:
  static SecretKey generate();
  SecretKey(const KeyId& key_id, SecretBuffer secret);  // secret: 64 bytes (libsodium layout)
  const KeyId& key_id() const { return key_id_; }
  PublicKey public_key() const;
  const unsigned char* secret_bytes() const { return secret_.data(); }

 private:
  KeyId key_id_;
  SecretBuffer secret_;
};

struct Signature {
  std::string untrusted_comment;  // without the "untrusted comment: " prefix
  bool prehashed = true;          // "ED"; false for the legacy "Ed" (whole-file) algorithm
  KeyId key_id{};
  SignatureBytes signature{};
  std::string trusted_comment;  // without the prefix; signed by global_signature
  SignatureBytes global_signature{};
  bool operator==(const Signature&) const = default;
};

// "B4F0AA096DB9F6C6": the key id as minisign prints it (%016llX of the little-endian bytes).
std::string key_id_text(const KeyId& id);

// Parsers of untrusted text. Each returns std::nullopt on bad input and sets *error (when given)
// to a one-line reason. parse_public_key accepts the two-line .pub file or the bare base64 line.
std::optional<PublicKey> parse_public_key(std::string_view text, std::string* error);
std::optional<Signature> parse_signature(std::string_view text, std::string* error);
std::optional<SecretKey> parse_secret_key(std::string_view text, std::string* error);

std::string format_public_key(const PublicKey& key);
std::string format_signature(const Signature& sig);
// The secret key file's text, in secret memory.
SecretBuffer format_secret_key(const SecretKey& key);

// True when `comment` can be a trusted/untrusted comment: one line, no NUL or control character but tab.
bool valid_comment(std::string_view comment);

// Signs a file's BLAKE2b-512 the way `minisign -S` does by default (prehashed, "ED"). Throws
// std::invalid_argument when a comment is not valid_comment() or too long.
Signature sign(const SecretKey& key, const Digest& file_digest, std::string trusted_comment,
               std::string untrusted_comment);

// Checks as `minisign -V` does: the key id, the signature over the digest, then the trusted comment's
// signature. Returns std::nullopt when valid, else a one-line reason (which names both key ids when
// the signature was made by another key).
std::optional<std::string> verify(const PublicKey& key, const Signature& sig, const Digest& file_digest);
// The key id and the trusted comment's signature only (they do not depend on the file), so a comment
// can be trusted before the file is read. std::nullopt when valid, else a one-line reason.
std::optional<std::string> verify_comment(const PublicKey& key, const Signature& sig);

// The value of "name:" in a trusted comment of tab- or space-separated name:value fields
// ("timestamp:1700000000\tfile:data.mdb"); std::nullopt when absent.
std::optional<std::string> comment_field(std::string_view comment, std::string_view name);

}  // namespace portald::backup::minisign
