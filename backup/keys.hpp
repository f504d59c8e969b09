#pragma once
// The snapshot keys on disk: the minisign signing key pair and the optional encryption key.
// Secret key files are 0600 in a 0700 directory; the public key is 0644 and is also copied beside
// every snapshot. Keys are created only where none exist, never overwritten.
#include <filesystem>
#include <string>
#include <vector>

#include "backup/encryption.hpp"
#include "backup/minisign.hpp"

namespace portald::backup {

struct KeyFiles {
  std::filesystem::path signing_key;     // secret, minisign format without password
  std::filesystem::path public_key;      // minisign .pub
  std::filesystem::path encryption_key;  // secretstream key
};

// Creates what is missing: the signing key pair (when the secret key file is absent; its public key is
// written too, unless a public key file already exists, which must then match), and the encryption key
// when `encryption` is set. Returns one line per file created, for the operator. Throws BackupError.
std::vector<std::string> create_missing_keys(const KeyFiles& files, bool encryption);

// Each throws BackupError with a one-line reason (missing, unreadable, malformed).
minisign::SecretKey load_signing_key(const std::filesystem::path& file);
minisign::PublicKey load_public_key(const std::filesystem::path& file);
EncryptionKey load_encryption_key(const std::filesystem::path& file);

}  // namespace portald::backup
