#include "web/paging.hpp"

#include <charconv>

#include "web/server/http_error.hpp"

namespace portald::web {

std::optional<std::size_t> parse_page_number(std::string_view text, std::size_t max) noexcept {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n == 0 || n > max) return std::nullopt;
  return n;
}

std::size_t number_arg(const Request& req, const NumberArg& arg, const std::string& error) {
  const auto v = req.query_value(arg.name);
  if (!v || (v->empty() && arg.empty_is_absent)) return arg.fallback;
  if (const auto n = parse_page_number(*v, arg.max)) return *n;
  throw HttpError(400, error);
}

}  // namespace portald::web
