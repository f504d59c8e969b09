#pragma once
// Page numbers in query strings (?trang=N on the public pages, ?page=N&per_page=N in the API): one
// parser, so every list refuses the same garbage the same way, and one page count.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "web/server/request.hpp"

namespace portald::web {

// The largest page number the public lists accept: further is a typo or a scan, never a reader.
inline constexpr std::size_t kMaxPageNumber = 100000;
// The 400 message of the Vietnamese pages for a page number that is not one.
inline constexpr const char* kInvalidPageNumber = "Số trang không hợp lệ.";

// The number `text` spells in plain decimal digits, when it is from 1 to max; std::nullopt for anything
// else (empty, a sign, spaces, other characters, 0, above max, too big for std::size_t).
std::optional<std::size_t> parse_page_number(std::string_view text, std::size_t max) noexcept;

// A numeric query argument: a page number, or a page size.
struct NumberArg {
  std::string_view name;     // the query argument
  std::size_t fallback = 1;  // its value when absent
  std::size_t max = kMaxPageNumber;
  bool empty_is_absent = true;  // "?name=" takes the fallback; false: it is refused like garbage
};
// The argument's value; throws HttpError(400, error) when it is present but not a number from 1 to max.
std::size_t number_arg(const Request& req, const NumberArg& arg, const std::string& error);

// How many pages `total` items fill at `per_page` a page (per_page > 0); an empty list still has page 1.
constexpr std::size_t page_count(std::size_t total, std::size_t per_page) {
  return total == 0 ? 1 : (total - 1) / per_page + 1;
}

}  // namespace portald::web
