// TOTP against the published vectors: SHA-1 (RFC 3174), HMAC-SHA-1 (RFC 2202), HOTP (RFC 4226
// appendix D) and TOTP (RFC 6238 appendix B, SHA-1 rows), plus base32 and the otpauth URI.
#include <boost/test/unit_test.hpp>

#include <sodium.h>

#include "daemon/auth/totp.hpp"

using namespace portald::auth;

namespace {

std::string hex(const std::array<std::uint8_t, 20>& d) {
  char out[41];
  sodium_bin2hex(out, sizeof out, d.data(), d.size());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(totp_rfc6238)

BOOST_AUTO_TEST_CASE(sha1_vectors) {
  BOOST_TEST(hex(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
  BOOST_TEST(hex(sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  BOOST_TEST(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
             "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  BOOST_TEST(hex(sha1(std::string(1000000, 'a'))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

BOOST_AUTO_TEST_CASE(hmac_sha1_vectors) {
  BOOST_TEST(hex(hmac_sha1(std::string(20, '\x0b'), "Hi There")) == "b617318655057264e28bc0b6fb378c8ef146be00");
  BOOST_TEST(hex(hmac_sha1("Jefe", "what do ya want for nothing?")) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
  BOOST_TEST(hex(hmac_sha1(std::string(80, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
             "aa4ae5e15272d00e95705637ce8a3b55ed402112");
}

BOOST_AUTO_TEST_CASE(hotp_rfc4226_appendix_d) {
  const std::uint32_t expected[] = {755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489};
  for (std::uint64_t c = 0; c < 10; ++c) BOOST_TEST(hotp("12345678901234567890", c) == expected[c]);
}

BOOST_AUTO_TEST_CASE(totp_rfc6238_sha1_rows) {
  const std::string key = "12345678901234567890";
  BOOST_TEST(totp_code(key, 59, 8) == "94287082");
  BOOST_TEST(totp_code(key, 1111111109, 8) == "07081804");
  BOOST_TEST(totp_code(key, 1111111111, 8) == "14050471");
  BOOST_TEST(totp_code(key, 1234567890, 8) == "89005924");
  BOOST_TEST(totp_code(key, 2000000000, 8) == "69279037");
  BOOST_TEST(totp_code(key, 20000000000, 8) == "65353130");
}

BOOST_AUTO_TEST_CASE(verify_accepts_one_step_of_drift_only) {
  const std::string secret = base32_encode("12345678901234567890");
  BOOST_TEST(secret == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  const std::string code = totp_code("12345678901234567890", 1'700'000'000);
  BOOST_TEST(totp_verify(secret, code, 1'700'000'000));
  BOOST_TEST(totp_verify(secret, code, 1'700'000'000 + 30));
  BOOST_TEST(totp_verify(secret, code, 1'700'000'000 - 30));
  BOOST_TEST(!totp_verify(secret, code, 1'700'000'000 + 90));
  BOOST_TEST(!totp_verify(secret, "12345", 1'700'000'000));
  BOOST_TEST(!totp_verify("not base32!", code, 1'700'000'000));
  BOOST_TEST(totp_match(secret, code, 1'700'000'000).value() == 1'700'000'000 / 30);
  BOOST_TEST(totp_match(secret, code, 1'700'000'000 + 30).value() == 1'700'000'000 / 30);
}

BOOST_AUTO_TEST_CASE(base32_round_trip_and_uri) {
  for (const std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar"})
    BOOST_TEST(base32_decode(base32_encode(s)).value() == s);
  BOOST_TEST(base32_encode("foobar") == "MZXW6YTBOI");
  BOOST_TEST(base32_decode("mzxw6ytboi======").value() == "foobar");
  const std::string secret = new_totp_secret();
  BOOST_TEST(secret.size() == 32u);
  BOOST_TEST(secret != new_totp_secret());
  BOOST_TEST(
      otpauth_uri("Cổng TTĐT", "lan", "ABC") ==
      "otpauth://totp/"
      "C%E1%BB%95ng%20TT%C4%90T:lan?secret=ABC&issuer=C%E1%BB%95ng%20TT%C4%90T&algorithm=SHA1&digits=6&period=30");
}

BOOST_AUTO_TEST_SUITE_END()
