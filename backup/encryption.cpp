#include "backup/encryption.hpp"

#include <algorithm>
#include <cstring>

namespace portald::backup {
namespace {

constexpr std::string_view kAssociatedData = "portald-snapshot-v1";
constexpr std::string_view kKeyComment =
    "untrusted comment: portald snapshot encryption key (XChaCha20-Poly1305 secretstream)";
constexpr std::size_t kFullChunk = kChunkBytes + kChunkOverhead;

using State = crypto_secretstream_xchacha20poly1305_state;

State* state_of(SecretBuffer& b) { return reinterpret_cast<State*>(b.data()); }

const unsigned char* ad() { return reinterpret_cast<const unsigned char*>(kAssociatedData.data()); }

}  // namespace

std::uint64_t encrypted_size(std::uint64_t plain) {
  return kStreamHeaderBytes + (plain / kChunkBytes + 1) * kChunkOverhead + plain;
}

EncryptionKey EncryptionKey::generate() {
  init_sodium();
  EncryptionKey k;
  crypto_secretstream_xchacha20poly1305_keygen(k.key_.data());
  return k;
}

std::optional<EncryptionKey> EncryptionKey::parse(std::string_view text, std::string* error) {
  init_sodium();
  auto reject = [error](const char* why) -> std::optional<EncryptionKey> {
    if (error) *error = why;
    return std::nullopt;
  };
  const auto nl = text.find('\n');
  if (nl == std::string_view::npos || !text.starts_with("untrusted comment: "))
    return reject("encryption key: expected an \"untrusted comment:\" line and a base64 line");
  std::string_view b64 = text.substr(nl + 1);
  while (!b64.empty() && (b64.back() == '\n' || b64.back() == '\r')) b64.remove_suffix(1);
  EncryptionKey k;
  if (!from_base64(b64, k.key_.data(), k.key_.size())) return reject("encryption key: not a base64 32-byte key");
  return k;
}

SecretBuffer EncryptionKey::format() const {
  SecretBuffer text(kKeyComment.size() + 1 + base64_length(key_.size()) + 1);
  std::memcpy(text.data(), kKeyComment.data(), kKeyComment.size());
  text.data()[kKeyComment.size()] = '\n';
  const std::size_t at = kKeyComment.size() + 1;
  const std::size_t n = to_base64(key_.data(), key_.size(), reinterpret_cast<char*>(text.data() + at));
  text.data()[at + n] = '\n';
  text.shrink(at + n + 1);
  return text;
}

std::string EncryptionKey::key_id() const {
  constexpr std::string_view label = "portald snapshot encryption key id";
  std::array<unsigned char, 8> id{};
  crypto_generichash(id.data(), id.size(), reinterpret_cast<const unsigned char*>(label.data()), label.size(),
                     key_.data(), key_.size());
  return to_hex(id);
}

Encryptor::Encryptor(const EncryptionKey& key, ByteSink sink) : state_(sizeof(State)), sink_(std::move(sink)) {
  unsigned char header[kStreamHeaderBytes];
  crypto_secretstream_xchacha20poly1305_init_push(state_of(state_), header, key.bytes());
  sink_(header, sizeof header);
  pending_.reserve(kChunkBytes);
  out_.resize(kFullChunk);
}

void Encryptor::seal(const unsigned char* data, std::size_t size, unsigned char tag) {
  unsigned long long n = 0;
  crypto_secretstream_xchacha20poly1305_push(state_of(state_), out_.data(), &n, data, size, ad(),
                                             kAssociatedData.size(), tag);
  sink_(out_.data(), static_cast<std::size_t>(n));
}

void Encryptor::push(const unsigned char* data, std::size_t size) {
  while (size > 0) {
    if (pending_.empty() && size >= kChunkBytes) {  // whole chunks straight from the caller's buffer
      seal(data, kChunkBytes, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      data += kChunkBytes;
      size -= kChunkBytes;
      continue;
    }
    const std::size_t take = std::min(kChunkBytes - pending_.size(), size);
    pending_.insert(pending_.end(), data, data + take);
    data += take;
    size -= take;
    if (pending_.size() == kChunkBytes) {
      seal(pending_.data(), pending_.size(), crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      pending_.clear();
    }
  }
}

void Encryptor::finish() {
  seal(pending_.data(), pending_.size(), crypto_secretstream_xchacha20poly1305_TAG_FINAL);
  pending_.clear();
}

// The key is needed only at init_pull, which waits for the header: a copy sits after the state until then.
Decryptor::Decryptor(const EncryptionKey& key, ByteSink sink)
    : state_(sizeof(State) + crypto_secretstream_xchacha20poly1305_KEYBYTES), sink_(std::move(sink)) {
  std::memcpy(state_.data() + sizeof(State), key.bytes(), crypto_secretstream_xchacha20poly1305_KEYBYTES);
  pending_.reserve(kFullChunk);
  out_.resize(kChunkBytes);
}

std::optional<std::string> Decryptor::open_chunk(const unsigned char* data, std::size_t size, bool last) {
  ++chunks_;
  unsigned long long n = 0;
  unsigned char tag = 0;
  if (crypto_secretstream_xchacha20poly1305_pull(state_of(state_), out_.data(), &n, &tag, data, size, ad(),
                                                 kAssociatedData.size()) != 0) {
    done_ = true;
    if (last) return "the last chunk (" + std::to_string(chunks_) + ") failed authentication: truncated or corrupt";
    return "chunk " + std::to_string(chunks_) + " failed authentication (corrupt, or not this key)";
  }
  const bool final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  if (final != last) {
    done_ = true;
    return final ? "data after the final chunk" : "truncated stream (the last chunk is not marked final)";
  }
  sink_(out_.data(), static_cast<std::size_t>(n));
  return std::nullopt;
}

std::optional<std::string> Decryptor::push(const unsigned char* data, std::size_t size) {
  if (done_) return "decryption already failed or finished";
  while (size > 0) {
    if (!started_) {
      const std::size_t take = std::min(kStreamHeaderBytes - pending_.size(), size);
      pending_.insert(pending_.end(), data, data + take);
      data += take;
      size -= take;
      if (pending_.size() < kStreamHeaderBytes) break;
      if (crypto_secretstream_xchacha20poly1305_init_pull(state_of(state_), pending_.data(),
                                                          state_.data() + sizeof(State)) != 0) {
        done_ = true;
        return "invalid stream header";
      }
      sodium_memzero(state_.data() + sizeof(State), crypto_secretstream_xchacha20poly1305_KEYBYTES);
      started_ = true;
      pending_.clear();
      continue;
    }
    // A full-size chunk is never the final one (that one is always shorter), so it can be opened as
    // soon as it is complete.
    if (pending_.empty() && size >= kFullChunk) {
      if (auto e = open_chunk(data, kFullChunk, false)) return e;
      data += kFullChunk;
      size -= kFullChunk;
      continue;
    }
    const std::size_t take = std::min(kFullChunk - pending_.size(), size);
    pending_.insert(pending_.end(), data, data + take);
    data += take;
    size -= take;
    if (pending_.size() == kFullChunk) {
      if (auto e = open_chunk(pending_.data(), pending_.size(), false)) return e;
      pending_.clear();
    }
  }
  return std::nullopt;
}

std::optional<std::string> Decryptor::finish() {
  if (done_) return "decryption already failed or finished";
  done_ = true;
  if (!started_) return "truncated stream (no complete header)";
  if (pending_.size() < kChunkOverhead)
    return pending_.empty() ? "truncated stream (ends at a chunk boundary, no final chunk)"
                            : "truncated stream (incomplete last chunk)";
  done_ = false;
  auto e = open_chunk(pending_.data(), pending_.size(), true);
  done_ = true;
  return e;
}

}  // namespace portald::backup
