#include "backup/minisign.hpp"

#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace portald::backup::minisign {
namespace {

constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
constexpr std::string_view kAlgLegacy = "Ed";
constexpr std::string_view kAlgPrehashed = "ED";
constexpr std::string_view kChecksumAlg = "B2";

// Layout of the secret key blob (minisign.h SeckeyStruct).
constexpr std::size_t kSkAlg = 0, kSkKdf = 2, kSkChkAlg = 4, kSkSalt = 6, kSkOps = 38, kSkMem = 46, kSkKeyId = 54,
                      kSkSecret = 62, kSkChk = 126, kSkSize = 158;
constexpr std::size_t kSigBlobSize = 2 + 8 + crypto_sign_BYTES;          // 74
constexpr std::size_t kPkBlobSize = 2 + 8 + crypto_sign_PUBLICKEYBYTES;  // 42

template <class T>
std::optional<T> reject(std::string* error, const char* reason) {
  if (error) *error = reason;
  return std::nullopt;
}

// Splits into lines at '\n', dropping one '\r' before it (minisign's trim); a final newline does not
// start another line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// Lines after the required ones may only be empty.
bool only_blank_after(const std::vector<std::string_view>& lines, std::size_t n) {
  for (std::size_t i = n; i < lines.size(); ++i)
    if (!lines[i].empty()) return false;
  return true;
}

bool comment_line(std::string_view line, std::string_view prefix, std::size_t max, std::string& out) {
  if (!line.starts_with(prefix)) return false;
  line.remove_prefix(prefix.size());
  if (line.size() > max || !valid_comment(line)) return false;
  out = std::string(line);
  return true;
}

bool same_alg(const unsigned char* bytes, std::string_view alg) { return std::memcmp(bytes, alg.data(), 2) == 0; }

// BLAKE2b-256 over alg ‖ key id ‖ secret key: minisign's integrity check of a decoded secret key.
std::array<unsigned char, crypto_generichash_BYTES> secret_checksum(const unsigned char* blob) {
  std::array<unsigned char, crypto_generichash_BYTES> chk{};
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, chk.size());
  crypto_generichash_update(&st, blob + kSkAlg, 2);
  crypto_generichash_update(&st, blob + kSkKeyId, 8);
  crypto_generichash_update(&st, blob + kSkSecret, crypto_sign_SECRETKEYBYTES);
  crypto_generichash_final(&st, chk.data(), chk.size());
  return chk;
}

bool all_zero(const unsigned char* p, std::size_t n) {
  unsigned char acc = 0;
  for (std::size_t i = 0; i < n; ++i) acc |= p[i];
  return acc == 0;
}

// The public half stored in a libsodium secret key must be the one its seed derives.
bool consistent_secret_key(const unsigned char* sk) {
  SecretBuffer seed(crypto_sign_SEEDBYTES), derived_sk(crypto_sign_SECRETKEYBYTES);
  PublicKeyBytes pk{};
  crypto_sign_ed25519_sk_to_seed(seed.data(), sk);
  crypto_sign_seed_keypair(pk.data(), derived_sk.data(), seed.data());
  return sodium_memcmp(derived_sk.data(), sk, crypto_sign_SECRETKEYBYTES) == 0;
}

}  // namespace

bool valid_comment(std::string_view comment) {
  for (char c : comment) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return false;
  }
  return true;
}

std::string key_id_text(const KeyId& id) {
  unsigned long long v = 0;
  for (std::size_t i = id.size(); i-- > 0;) v = (v << 8) | id[i];
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llX", v);
  return buf;
}

SecretKey::SecretKey(const KeyId& key_id, SecretBuffer secret) : key_id_(key_id), secret_(std::move(secret)) {
  if (secret_.size() != crypto_sign_SECRETKEYBYTES) throw std::invalid_argument("secret key must be 64 bytes");
}

SecretKey SecretKey::generate() {
  init_sodium();
  SecretBuffer sk(crypto_sign_SECRETKEYBYTES);
  PublicKeyBytes pk{};
  crypto_sign_keypair(pk.data(), sk.data());
  KeyId id{};
  randombytes_buf(id.data(), id.size());
  return SecretKey(id, std::move(sk));
}

PublicKey SecretKey::public_key() const {
  PublicKey pk;
  pk.key_id = key_id_;
  crypto_sign_ed25519_sk_to_pk(pk.key.data(), secret_.data());
  return pk;
}

std::optional<PublicKey> parse_public_key(std::string_view text, std::string* error) {
  init_sodium();
  const auto lines = split_lines(text);
  std::string_view b64;
  if (!lines.empty() && lines[0].starts_with(kUntrustedPrefix)) {
    if (lines.size() < 2 || !only_blank_after(lines, 2))
      return reject<PublicKey>(error, "public key: expected 2 lines");
    if (lines[0].size() > kUntrustedPrefix.size() + kUntrustedCommentMax)
      return reject<PublicKey>(error, "public key: comment line too long");
    b64 = lines[1];
  } else if (!lines.empty() && only_blank_after(lines, 1)) {
    b64 = lines[0];
  } else {
    return reject<PublicKey>(error, "public key: expected an \"untrusted comment:\" line and a base64 line");
  }
  std::array<unsigned char, kPkBlobSize> blob{};
  if (!from_base64(b64, blob.data(), blob.size()))
    return reject<PublicKey>(error, "public key: not a base64 minisign public key");
  if (!same_alg(blob.data(), kAlgLegacy)) return reject<PublicKey>(error, "public key: unsupported algorithm");
  PublicKey pk;
  std::memcpy(pk.key_id.data(), blob.data() + 2, 8);
  std::memcpy(pk.key.data(), blob.data() + 10, pk.key.size());
  return pk;
}

std::optional<Signature> parse_signature(std::string_view text, std::string* error) {
  init_sodium();
  const auto lines = split_lines(text);
  if (lines.size() < 4 || !only_blank_after(lines, 4)) return reject<Signature>(error, "signature: expected 4 lines");
  Signature sig;
  if (!comment_line(lines[0], kUntrustedPrefix, kUntrustedCommentMax, sig.untrusted_comment))
    return reject<Signature>(error, "signature: line 1 is not a valid \"untrusted comment:\" line");
  std::array<unsigned char, kSigBlobSize> blob{};
  if (!from_base64(lines[1], blob.data(), blob.size()))
    return reject<Signature>(error, "signature: line 2 is not a base64 minisign signature");
  if (same_alg(blob.data(), kAlgPrehashed)) {
    sig.prehashed = true;
  } else if (same_alg(blob.data(), kAlgLegacy)) {
    sig.prehashed = false;
  } else {
    return reject<Signature>(error, "signature: unsupported algorithm");
  }
  std::memcpy(sig.key_id.data(), blob.data() + 2, 8);
  std::memcpy(sig.signature.data(), blob.data() + 10, sig.signature.size());
  if (!comment_line(lines[2], kTrustedPrefix, kTrustedCommentMax, sig.trusted_comment))
    return reject<Signature>(error, "signature: line 3 is not a valid \"trusted comment:\" line");
  if (!from_base64(lines[3], sig.global_signature.data(), sig.global_signature.size()))
    return reject<Signature>(error, "signature: line 4 is not a base64 comment signature");
  return sig;
}

std::optional<SecretKey> parse_secret_key(std::string_view text, std::string* error) {
  init_sodium();
  const auto lines = split_lines(text);
  if (lines.size() < 2 || !only_blank_after(lines, 2) || !lines[0].starts_with(kUntrustedPrefix))
    return reject<SecretKey>(error, "secret key: expected an \"untrusted comment:\" line and a base64 line");
  SecretBuffer blob(kSkSize);
  if (!from_base64(lines[1], blob.data(), blob.size()))
    return reject<SecretKey>(error, "secret key: not a base64 minisign secret key");
  const unsigned char* b = blob.data();
  if (!same_alg(b + kSkAlg, kAlgLegacy)) return reject<SecretKey>(error, "secret key: unsupported algorithm");
  if (!all_zero(b + kSkKdf, 2))
    return reject<SecretKey>(error,
                             "secret key: it is password-protected; portald needs a key without a password "
                             "(portaldctl backup keygen, or minisign -G -W)");
  if (!same_alg(b + kSkChkAlg, kChecksumAlg)) return reject<SecretKey>(error, "secret key: unsupported checksum");
  // minisign -W leaves the checksum zero; a key written by portald carries it.
  const auto chk = secret_checksum(b);
  if (!all_zero(b + kSkChk, chk.size()) && sodium_memcmp(chk.data(), b + kSkChk, chk.size()) != 0)
    return reject<SecretKey>(error, "secret key: checksum mismatch (corrupt key file)");
  if (!consistent_secret_key(b + kSkSecret))
    return reject<SecretKey>(error, "secret key: corrupt (public half does not match)");
  KeyId id{};
  std::memcpy(id.data(), b + kSkKeyId, id.size());
  SecretBuffer sk(crypto_sign_SECRETKEYBYTES);
  std::memcpy(sk.data(), b + kSkSecret, sk.size());
  return SecretKey(id, std::move(sk));
}

std::string format_public_key(const PublicKey& key) {
  std::array<unsigned char, kPkBlobSize> blob{};
  std::memcpy(blob.data(), kAlgLegacy.data(), 2);
  std::memcpy(blob.data() + 2, key.key_id.data(), 8);
  std::memcpy(blob.data() + 10, key.key.data(), key.key.size());
  return std::string(kUntrustedPrefix) + "minisign public key " + key_id_text(key.key_id) + "\n" +
         to_base64(blob.data(), blob.size()) + "\n";
}

std::string format_signature(const Signature& sig) {
  std::array<unsigned char, kSigBlobSize> blob{};
  std::memcpy(blob.data(), (sig.prehashed ? kAlgPrehashed : kAlgLegacy).data(), 2);
  std::memcpy(blob.data() + 2, sig.key_id.data(), 8);
  std::memcpy(blob.data() + 10, sig.signature.data(), sig.signature.size());
  return std::string(kUntrustedPrefix) + sig.untrusted_comment + "\n" + to_base64(blob.data(), blob.size()) + "\n" +
         std::string(kTrustedPrefix) + sig.trusted_comment + "\n" +
         to_base64(sig.global_signature.data(), sig.global_signature.size()) + "\n";
}

SecretBuffer format_secret_key(const SecretKey& key) {
  SecretBuffer blob(kSkSize);  // zero salt and limits: no key derivation
  unsigned char* b = blob.data();
  std::memcpy(b + kSkAlg, kAlgLegacy.data(), 2);
  std::memcpy(b + kSkChkAlg, kChecksumAlg.data(), 2);
  std::memcpy(b + kSkKeyId, key.key_id().data(), 8);
  std::memcpy(b + kSkSecret, key.secret_bytes(), crypto_sign_SECRETKEYBYTES);
  const auto chk = secret_checksum(b);
  std::memcpy(b + kSkChk, chk.data(), chk.size());

  constexpr std::string_view comment =
      "untrusted comment: portald snapshot signing key (minisign format, no password)\n";
  SecretBuffer text(comment.size() + base64_length(kSkSize) + 1);
  std::memcpy(text.data(), comment.data(), comment.size());
  const std::size_t n = to_base64(b, kSkSize, reinterpret_cast<char*>(text.data() + comment.size()));
  text.data()[comment.size() + n] = '\n';
  text.shrink(comment.size() + n + 1);
  return text;
}

Signature sign(const SecretKey& key, const Digest& file_digest, std::string trusted_comment,
               std::string untrusted_comment) {
  if (!valid_comment(trusted_comment) || trusted_comment.size() > kTrustedCommentMax)
    throw std::invalid_argument("trusted comment must be one line of at most 8 KiB");
  if (!valid_comment(untrusted_comment) || untrusted_comment.size() > kUntrustedCommentMax)
    throw std::invalid_argument("untrusted comment must be one short line");
  Signature sig;
  sig.prehashed = true;
  sig.key_id = key.key_id();
  sig.trusted_comment = std::move(trusted_comment);
  sig.untrusted_comment = std::move(untrusted_comment);
  crypto_sign_detached(sig.signature.data(), nullptr, file_digest.data(), file_digest.size(), key.secret_bytes());
  std::string global(reinterpret_cast<const char*>(sig.signature.data()), sig.signature.size());
  global += sig.trusted_comment;
  crypto_sign_detached(sig.global_signature.data(), nullptr, reinterpret_cast<const unsigned char*>(global.data()),
                       global.size(), key.secret_bytes());
  return sig;
}

std::optional<std::string> verify_comment(const PublicKey& key, const Signature& sig) {
  init_sodium();
  if (!sig.prehashed) return "legacy (not prehashed) minisign signature: portald makes and accepts only prehashed ones";
  if (sig.key_id != key.key_id)
    return "signed with key ID " + key_id_text(sig.key_id) + ", but the trusted public key has key ID " +
           key_id_text(key.key_id);
  std::string global(reinterpret_cast<const char*>(sig.signature.data()), sig.signature.size());
  global += sig.trusted_comment;
  if (crypto_sign_verify_detached(sig.global_signature.data(), reinterpret_cast<const unsigned char*>(global.data()),
                                  global.size(), key.key.data()) != 0)
    return std::string("trusted comment signature verification failed");
  return std::nullopt;
}

std::optional<std::string> verify(const PublicKey& key, const Signature& sig, const Digest& file_digest) {
  if (auto e = verify_comment(key, sig)) return e;
  if (crypto_sign_verify_detached(sig.signature.data(), file_digest.data(), file_digest.size(), key.key.data()) != 0)
    return std::string("signature verification failed");
  return std::nullopt;
}

std::optional<std::string> comment_field(std::string_view comment, std::string_view name) {
  while (!comment.empty()) {
    const auto sep = comment.find_first_of("\t ");
    const std::string_view token = comment.substr(0, sep);
    if (token.size() > name.size() && token.starts_with(name) && token[name.size()] == ':')
      return std::string(token.substr(name.size() + 1));
    if (sep == std::string_view::npos) break;
    comment.remove_prefix(sep + 1);
  }
  return std::nullopt;
}

}  // namespace portald::backup::minisign
