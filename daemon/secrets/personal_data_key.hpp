#pragma once
// The key that seals personal data at rest (TOTP secrets today; citizens' contacts next): 32 bytes for
// XChaCha20-Poly1305 (libsodium's IETF AEAD), in a file outside the data dir (personal-data-key,
// default /etc/portald/keys/personal-data.key, root's, handed to the daemon by systemd's LoadCredential).
// A sealed value is text: "pd1." KEY-ID "." base64(nonce ‖ ciphertext ‖ tag). The purpose (e.g.
// "totp:USERNAME") is the associated data, so a value copied to another record or field does not open.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "backup/sodium.hpp"

namespace portald::secrets {

// Missing, unreadable, readable by others, or malformed key file; one line naming the file.
class KeyError : public std::runtime_error {
  using runtime_error::runtime_error;
};

class PersonalDataKey {
 public:
  static PersonalDataKey generate();
  // Reads the key file; throws KeyError (the message says how to make one when it is missing).
  static PersonalDataKey load(const std::filesystem::path& file);
  // Writes a new key to `file` (mode 0600; its directory made 0700 when missing) unless one is there.
  // True when it made one. Throws KeyError.
  static bool create_if_missing(const std::filesystem::path& file);

  std::string seal(std::string_view plain, std::string_view purpose) const;
  // The plain text; std::nullopt when `sealed` is not a sealed value, was sealed under another key or
  // purpose, or was altered.
  std::optional<std::string> open(std::string_view sealed, std::string_view purpose) const;
  // 16 hex digits naming the key (a keyed hash of it), so a value sealed under another key is told apart.
  std::string key_id() const;
  // The key file's text.
  backup::SecretBuffer format() const;

 private:
  PersonalDataKey();
  backup::SecretBuffer key_;
};

// True for text that seal() made (under any key): "pd1." prefix.
bool is_sealed(std::string_view value);
// The key id inside a sealed value ("" when not sealed).
std::string_view sealed_key_id(std::string_view value);

}  // namespace portald::secrets
