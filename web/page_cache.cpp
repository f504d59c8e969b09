#include "web/page_cache.hpp"

#include <sodium.h>

namespace portald::web {
namespace {

std::string etag_of(std::string_view body) {
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return "\"" + std::string(hex) + "\"";
}

}  // namespace

std::shared_ptr<const CachedPage> PageCache::get(const std::string& key, std::uint64_t seq) const {
  std::shared_lock lock(mu_);
  if (seq != seq_) return nullptr;
  const auto it = pages_.find(key);
  return it == pages_.end() ? nullptr : it->second;
}

std::shared_ptr<const CachedPage> PageCache::put(const std::string& key, std::uint64_t seq, Response response) {
  auto page = std::make_shared<CachedPage>();
  page->etag = etag_of(response.body);
  page->response = std::move(response);
  std::unique_lock lock(mu_);
  if (seq < seq_) return page;  // rendered from an older snapshot than what is cached now: serve, don't keep
  if (seq > seq_ || bytes_ + page->response.body.size() > max_bytes_) {
    pages_.clear();
    bytes_ = 0;
    seq_ = seq;
  }
  bytes_ += page->response.body.size();
  pages_[key] = page;
  return page;
}

std::size_t PageCache::size() const {
  std::shared_lock lock(mu_);
  return pages_.size();
}

}  // namespace portald::web
