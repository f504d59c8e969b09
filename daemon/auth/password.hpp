#pragma once
// Argon2id password hashing (libsodium crypto_pwhash_str, interactive limits). Each hash takes ~64 MiB
// and ~55 ms of one core: in the daemon they run on the HashPool (hash_pool.hpp), which bounds how many
// run at once, never directly on an HTTP worker.
#include <optional>
#include <string>
#include <string_view>

namespace portald::auth {

// The encoded hash ("$argon2id$v=19$m=65536,t=2,p=1$..."); throws std::runtime_error when out of memory.
std::string hash_password(std::string_view password);
// True when the password matches the stored hash.
bool verify_password(std::string_view stored_hash, std::string_view password);
// True when the hash was made with other parameters than today's and should be redone at next login.
bool needs_rehash(std::string_view stored_hash);
// A random password of `length` characters from an unambiguous alphabet (no 0/O, 1/l/I).
std::string generate_password(std::size_t length = 16);
// Vietnamese reason when a chosen password is too weak, std::nullopt when acceptable.
std::optional<std::string> password_weakness(std::string_view password);

}  // namespace portald::auth
