#pragma once
// TOTP second factor (RFC 6238 over RFC 4226 HOTP, HMAC-SHA-1, 30 s steps, 6 digits): what common
// authenticator apps implement. libsodium has no SHA-1, so SHA-1 and HMAC are here (RFC 3174, RFC 2104),
// tested against the RFCs' vectors.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace portald::auth {

std::array<std::uint8_t, 20> sha1(std::string_view data);
std::array<std::uint8_t, 20> hmac_sha1(std::string_view key, std::string_view message);

// RFC 4648 base32 without padding (the form authenticator apps take); decode accepts lower case,
// spaces and padding, std::nullopt on other characters.
std::string base32_encode(std::string_view bytes);
std::optional<std::string> base32_decode(std::string_view text);

// HOTP value for `counter`, `digits` long (RFC 4226 5.3).
std::uint32_t hotp(std::string_view key, std::uint64_t counter, int digits = 6);
// The TOTP code at unix time `t` as a zero-padded string.
std::string totp_code(std::string_view key, std::int64_t t, int digits = 6, int step = 30);
// True when `code` matches the step of `t` or one step either side (clock drift).
bool totp_verify(std::string_view base32_secret, std::string_view code, std::int64_t t);
// The time step (t / 30) whose code `code` is, among the step of `t` and one either side; std::nullopt
// when none matches. Callers refuse a step not newer than the last one used (no replay).
std::optional<std::int64_t> totp_match(std::string_view base32_secret, std::string_view code, std::int64_t t);
// A new random 160-bit secret, base32.
std::string new_totp_secret();
// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=... (Key URI Format), percent-encoded.
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret);

}  // namespace portald::auth
