#pragma once
// Rendered public pages keyed by path and query, valid while the store's change log has not moved:
// every content write appends to the log, so a newer seq drops the whole cache at once.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "web/server/response.hpp"

namespace portald::web {

struct CachedPage {
  Response response;
  std::string etag;
  std::string gzip_body;    // the body pre-compressed once at put(); empty when not worth it
  std::string gzip_etag;    // a representation of its own, so its own strong validator
  std::string brotli_body;  // likewise with brotli (smaller; browsers ask for it over HTTPS)
  std::string brotli_etag;
  std::int64_t last_modified = 0;    // Unix time of the render (the cache is dropped on every change)
  std::string last_modified_header;  // http_date(last_modified), formatted once, not on every hit
};

// IMF-fixdate (RFC 9110 5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(std::int64_t unix_time);
// Parses an IMF-fixdate; std::nullopt for anything else (obsolete formats are ignored, as allowed).
std::optional<std::int64_t> parse_http_date(std::string_view text);
// gzip (RFC 1952) of bytes at the best compression level; throws std::runtime_error if zlib fails.
std::string gzip_compress(std::string_view bytes);
// brotli (RFC 7932) of bytes at quality 7; "" if the encoder fails.
std::string brotli_compress(std::string_view bytes);

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
