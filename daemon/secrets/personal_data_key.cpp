#include "daemon/secrets/personal_data_key.hpp"

#include <sys/stat.h>

#include <array>
#include <cstring>

#include "backup/files.hpp"

namespace portald::secrets {
namespace {

constexpr std::string_view kPrefix = "pd1.";
constexpr std::size_t kIdHex = 16;
constexpr std::size_t kKeyFileMax = 4096;
constexpr std::string_view kComment =
    "untrusted comment: portald personal-data key (TOTP secrets, citizens' contacts); keep a copy off the "
    "server: without it they cannot be read";
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// Standard base64 of any length (from_base64 wants the decoded size): size from the text, then decode.
std::optional<std::string> from_base64_text(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::size_t size = text.size() / 4 * 3;
  if (text.ends_with("=="))
    size -= 2;
  else if (text.ends_with('='))
    size -= 1;
  std::string out(size, '\0');
  if (!backup::from_base64(text, reinterpret_cast<unsigned char*>(out.data()), size)) return std::nullopt;
  return out;
}

}  // namespace

PersonalDataKey::PersonalDataKey() : key_(crypto_aead_xchacha20poly1305_ietf_KEYBYTES) {}

PersonalDataKey PersonalDataKey::generate() {
  backup::init_sodium();
  PersonalDataKey k;
  crypto_aead_xchacha20poly1305_ietf_keygen(k.key_.data());
  return k;
}

PersonalDataKey PersonalDataKey::load(const std::filesystem::path& file) {
  backup::init_sodium();
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0)
    throw KeyError("personal-data key " + file.string() + ": " + std::strerror(errno) +
                   (errno == ENOENT ? " (create it with: portaldctl secrets keygen)" : ""));
  if ((st.st_mode & 0077) != 0)
    throw KeyError("personal-data key " + file.string() + " is readable by other users; fix it with: chmod 600 " +
                   file.string());
  try {
    const backup::SecretBuffer text = backup::read_secret_file(file, kKeyFileMax);
    const std::string_view v = text.view();
    const auto nl = v.find('\n');
    std::string_view b64 = nl == std::string_view::npos ? std::string_view{} : v.substr(nl + 1);
    while (!b64.empty() && (b64.back() == '\n' || b64.back() == '\r')) b64.remove_suffix(1);
    PersonalDataKey k;
    if (!v.starts_with("untrusted comment: ") || !backup::from_base64(b64, k.key_.data(), k.key_.size()))
      throw KeyError("personal-data key " + file.string() +
                     ": expected an \"untrusted comment:\" line and a base64 32-byte key");
    return k;
  } catch (const backup::BackupError& e) {
    throw KeyError(std::string("personal-data key: ") + e.what());
  }
}

bool PersonalDataKey::create_if_missing(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) return false;
  const auto dir = file.parent_path();
  if (!dir.empty() && !std::filesystem::is_directory(dir, ec)) {
    std::filesystem::create_directories(dir, ec);
    if (ec) throw KeyError("cannot create the key directory " + dir.string() + ": " + ec.message());
    ::chmod(dir.c_str(), 0700);
  }
  const auto key = generate();
  try {
    const backup::SecretBuffer text = key.format();
    return backup::install_file(file, text.view(), 0600);
  } catch (const backup::BackupError& e) {
    throw KeyError(std::string("personal-data key: ") + e.what());
  }
}

backup::SecretBuffer PersonalDataKey::format() const {
  backup::SecretBuffer text(kComment.size() + 1 + backup::base64_length(key_.size()) + 1);
  std::memcpy(text.data(), kComment.data(), kComment.size());
  text.data()[kComment.size()] = '\n';
  const std::size_t at = kComment.size() + 1;
  const std::size_t n = backup::to_base64(key_.data(), key_.size(), reinterpret_cast<char*>(text.data() + at));
  text.data()[at + n] = '\n';
  text.shrink(at + n + 1);
  return text;
}

std::string PersonalDataKey::key_id() const {
  constexpr std::string_view label = "portald personal-data key id";
  std::array<unsigned char, kIdHex / 2> id{};
  crypto_generichash(id.data(), id.size(), bytes_of(label), label.size(), key_.data(), key_.size());
  return backup::to_hex(id);
}

std::string PersonalDataKey::seal(std::string_view plain, std::string_view purpose) const {
  std::string box(kNonce + plain.size() + kTag, '\0');
  auto* out = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(out, kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out + kNonce, &written, bytes_of(plain), plain.size(), bytes_of(purpose),
                                             purpose.size(), nullptr, out, key_.data());
  std::string sealed(kPrefix);
  sealed += key_id();
  sealed += '.';
  sealed += backup::to_base64(out, kNonce + written);
  sodium_memzero(box.data(), box.size());
  return sealed;
}

std::optional<std::string> PersonalDataKey::open(std::string_view sealed, std::string_view purpose) const {
  if (!is_sealed(sealed) || sealed_key_id(sealed) != key_id()) return std::nullopt;
  const auto box = from_base64_text(sealed.substr(kPrefix.size() + kIdHex + 1));
  if (!box || box->size() < kNonce + kTag) return std::nullopt;
  const auto* in = bytes_of(*box);
  std::string plain(box->size() - kNonce - kTag, '\0');
  unsigned long long n = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &n, nullptr,
                                                 in + kNonce, box->size() - kNonce, bytes_of(purpose), purpose.size(),
                                                 in, key_.data()) != 0)
    return std::nullopt;
  plain.resize(n);
  return plain;
}

bool is_sealed(std::string_view value) {
  return value.size() > kPrefix.size() + kIdHex + 1 && value.starts_with(kPrefix) &&
         value[kPrefix.size() + kIdHex] == '.';
}

std::string_view sealed_key_id(std::string_view value) {
  return is_sealed(value) ? value.substr(kPrefix.size(), kIdHex) : std::string_view{};
}

}  // namespace portald::secrets
