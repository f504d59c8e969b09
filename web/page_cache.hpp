#pragma once
// Rendered public pages keyed by path and query, valid while the store's change log has not moved:
// every content write appends to the log, so a newer seq drops the whole cache at once.
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "web/server/response.hpp"

namespace portald::web {

struct CachedPage {
  Response response;
  std::string etag;
};

class PageCache {
 public:
  explicit PageCache(std::size_t max_bytes = 64 << 20) : max_bytes_(max_bytes) {}
  // The page stored for key at this change seq, or nullptr.
  std::shared_ptr<const CachedPage> get(const std::string& key, std::uint64_t seq) const;
  // Stores a page rendered at seq; returns it with its ETag.
  std::shared_ptr<const CachedPage> put(const std::string& key, std::uint64_t seq, Response response);
  std::size_t size() const;

 private:
  mutable std::shared_mutex mu_;
  std::uint64_t seq_ = 0;
  std::size_t bytes_ = 0;
  std::size_t max_bytes_;
  std::unordered_map<std::string, std::shared_ptr<const CachedPage>> pages_;
};

}  // namespace portald::web
