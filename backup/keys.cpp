#include "backup/keys.hpp"

#include <sys/stat.h>

#include <cerrno>

#include "backup/files.hpp"

namespace portald::backup {
namespace {

constexpr std::size_t kKeyFileMax = 4096;

// The key directory is made 0700 when portaldctl creates it (an existing one is left as it is).
void ensure_dir(const std::filesystem::path& file) {
  const auto dir = file.parent_path();
  if (dir.empty()) return;
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw_errno("cannot create the key directory " + dir.string(), ec.value());  // ec.message() is strerror
  ::chmod(dir.c_str(), 0700);
}

std::string missing_or_unreadable(const std::filesystem::path& file, const char* what, const BackupError& e) {
  if (e.system_errno() == ENOENT)
    return std::string(what) + " " + file.string() + " does not exist (create the keys with: portaldctl backup keygen)";
  return e.what();
}

}  // namespace

std::vector<std::string> create_missing_keys(const KeyFiles& files, bool encryption) {
  std::vector<std::string> made;
  std::error_code ec;
  if (!std::filesystem::exists(files.signing_key, ec)) {
    const auto key = minisign::SecretKey::generate();
    const auto pub = key.public_key();
    if (std::filesystem::exists(files.public_key, ec))
      throw BackupError("public key " + files.public_key.string() +
                        " exists but its secret key does not; move it away before making a new key pair");
    ensure_dir(files.signing_key);
    ensure_dir(files.public_key);
    const SecretBuffer text = minisign::format_secret_key(key);
    if (install_file(files.signing_key, text.view(), 0600))
      made.push_back("signing key " + files.signing_key.string() + " (key ID " + minisign::key_id_text(pub.key_id) +
                     ", keep it secret, readable only by root and the backup job)");
    const std::string pub_text = minisign::format_public_key(pub);
    std::string pub_line = pub_text.substr(pub_text.find('\n') + 1);
    pub_line.pop_back();
    if (install_file(files.public_key, pub_text, 0644))
      made.push_back("public key " + files.public_key.string() + ": " + pub_line +
                     " (write it down; it checks every snapshot)");
  }
  if (encryption && !std::filesystem::exists(files.encryption_key, ec)) {
    const auto key = EncryptionKey::generate();
    ensure_dir(files.encryption_key);
    const SecretBuffer text = key.format();
    if (install_file(files.encryption_key, text.view(), 0600))
      made.push_back("encryption key " + files.encryption_key.string() + " (key id " + key.key_id() +
                     "; without it encrypted snapshots cannot be restored: keep a copy off the server)");
  }
  return made;
}

minisign::SecretKey load_signing_key(const std::filesystem::path& file) {
  try {
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && (st.st_mode & 0077) != 0)
      throw BackupError("signing key " + file.string() + " is readable by other users (mode " +
                        std::to_string((st.st_mode >> 6) & 7) + std::to_string((st.st_mode >> 3) & 7) +
                        std::to_string(st.st_mode & 7) + "); fix it with: chmod 600 " + file.string());
    const SecretBuffer text = read_secret_file(file, kKeyFileMax);
    std::string error;
    auto key = minisign::parse_secret_key(text.view(), &error);
    if (!key) throw BackupError(file.string() + ": " + error);
    return std::move(*key);
  } catch (const BackupError& e) {
    throw BackupError(missing_or_unreadable(file, "signing key", e), e.kind(), e.code());
  }
}

minisign::PublicKey load_public_key(const std::filesystem::path& file) {
  try {
    std::string error;
    const auto key = minisign::parse_public_key(read_small_file(file, kKeyFileMax), &error);
    if (!key) throw BackupError(file.string() + ": " + error);
    return *key;
  } catch (const BackupError& e) {
    throw BackupError(missing_or_unreadable(file, "public key", e), e.kind(), e.code());
  }
}

EncryptionKey load_encryption_key(const std::filesystem::path& file) {
  try {
    const SecretBuffer text = read_secret_file(file, kKeyFileMax);
    std::string error;
    auto key = EncryptionKey::parse(text.view(), &error);
    if (!key) throw BackupError(file.string() + ": " + error);
    return std::move(*key);
  } catch (const BackupError& e) {
    throw BackupError(missing_or_unreadable(file, "encryption key", e), e.kind(), e.code());
  }
}

}  // namespace portald::backup
