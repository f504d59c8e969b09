#pragma once
// Single byte ranges (RFC 9110 14): video and audio players ask for parts of a file to start playing
// and to seek. Only one range is served; several, or an If-Range the file cannot be checked against,
// get the whole file, which RFC 9110 allows.
#include <cstddef>
#include <optional>
#include <string_view>

#include "web/server/response.hpp"

namespace portald::web {

struct ByteRange {
  std::size_t first = 0;
  std::size_t last = 0;  // inclusive
};

enum class RangeVerdict { whole, partial, unsatisfiable };

struct RangeAnswer {
  RangeVerdict verdict = RangeVerdict::whole;
  ByteRange range{};  // partial: within [0, size)
};

// What a Range header asks of a body of `size` bytes: whole for no header, another unit, several
// ranges or anything unreadable; unsatisfiable when the one range starts past the end.
RangeAnswer read_range(std::optional<std::string_view> header, std::size_t size);

// Turns a complete 200 response into what the request's Range header asks for: 206 with
// Content-Range and that part of the body, 416 with "Content-Range: bytes */size", or the whole body;
// always says "Accept-Ranges: bytes". `if_range` present means the whole body (we keep no validator).
void answer_range(Response& r, std::optional<std::string_view> range, std::optional<std::string_view> if_range);

}  // namespace portald::web
