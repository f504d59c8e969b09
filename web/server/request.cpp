#include "web/server/request.hpp"

#include <algorithm>

namespace portald::web {
namespace {

char lower_ascii(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower_ascii(x) == lower_ascii(y); });
}

std::optional<std::string_view> Request::query_value(std::string_view name) const {
  if (std::find(query_names_read.begin(), query_names_read.end(), name) == query_names_read.end())
    query_names_read.emplace_back(name);
  for (const auto& [key, value] : query)
    if (key == name) return std::string_view(value);
  return std::nullopt;
}

std::optional<std::string_view> Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (iequals_ascii(key, name)) return std::string_view(value);
  return std::nullopt;
}

}  // namespace portald::web
