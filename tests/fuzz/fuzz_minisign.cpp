// Fuzz target for the parsers of untrusted snapshot metadata: minisign signatures, public and secret
// keys, the encryption key file, and the secretstream decryptor (fuzz_manifest has the manifest). A
// violated property aborts. Properties: nothing crashes or reads out of bounds; whatever parses formats
// back to text that parses to the same value (so a check never depends on how a file was spelled); a
// signature from random bytes never verifies against a fixed key; decryption of random bytes never
// succeeds.
#include <cstdint>
#include <string>
#include <string_view>

#include "backup/encryption.hpp"
#include "backup/minisign.hpp"
#include "tests/fuzz/property.hpp"

namespace {

namespace bk = portald::backup;
namespace ms = portald::backup::minisign;

using portald::fuzz::require;

// A fixed key pair and stream key, derived from constant seeds so every run sees the same ones.
struct Fixed {
  ms::PublicKey pub;
  bk::EncryptionKey enc =
      *bk::EncryptionKey::parse("untrusted comment: fuzz\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n", nullptr);
  Fixed() {
    unsigned char seed[crypto_sign_SEEDBYTES] = {42};
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    bk::init_sodium();
    crypto_sign_seed_keypair(pub.key.data(), sk, seed);
    pub.key_id = {1, 2, 3, 4, 5, 6, 7, 8};
  }
};

void signature(std::string_view text, const Fixed& fixed) {
  const auto sig = ms::parse_signature(text, nullptr);
  if (!sig) return;
  const auto again = ms::parse_signature(ms::format_signature(*sig), nullptr);
  require(again && *again == *sig, "signature: format(parse(x)) parses to the same signature");
  require(ms::verify(fixed.pub, *sig, bk::blake2b(text)).has_value(), "a signature from the input never verifies");
  (void)ms::comment_field(sig->trusted_comment, "snapshot");
  (void)ms::comment_field(sig->trusted_comment, "manifest_b2b");
}

void public_key(std::string_view text) {
  const auto pk = ms::parse_public_key(text, nullptr);
  if (!pk) return;
  const auto again = ms::parse_public_key(ms::format_public_key(*pk), nullptr);
  require(again && *again == *pk, "public key: format(parse(x)) parses to the same key");
}

void secret_key(std::string_view text) {
  const auto sk = ms::parse_secret_key(text, nullptr);
  if (!sk) return;
  const auto formatted = ms::format_secret_key(*sk);
  const auto again = ms::parse_secret_key(formatted.view(), nullptr);
  require(again && again->public_key() == sk->public_key(), "secret key: format(parse(x)) is the same key");
}

void stream(std::string_view text, const Fixed& fixed) {
  (void)bk::EncryptionKey::parse(text, nullptr);
  std::size_t plain = 0;
  bk::Decryptor dec(fixed.enc, [&](const unsigned char*, std::size_t n) { plain += n; });
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  bool failed = false;
  for (std::size_t i = 0; i < text.size() && !failed; i += 977)
    failed = dec.push(p + i, std::min<std::size_t>(977, text.size() - i)).has_value();
  if (!failed) failed = dec.finish().has_value();
  require(failed, "random bytes never decrypt as a complete stream");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Fixed fixed;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  signature(text, fixed);
  public_key(text);
  secret_key(text);
  stream(text, fixed);
  return 0;
}
