#include "daemon/model/media_link.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

constexpr std::string_view kPrefix = "/tep/";

std::optional<std::uint64_t> number(std::string_view digits) {
  std::uint64_t id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || id == 0) return std::nullopt;
  return id;
}

// The media id an address segment (and what follows it) names: "<id>-<token>/..." or "<name>-<id>".
std::optional<std::uint64_t> id_of(std::string_view segment, bool followed_by_slash) {
  const auto dash = followed_by_slash ? segment.find('-') : segment.rfind('-');
  if (dash == std::string_view::npos) return std::nullopt;
  if (followed_by_slash) {
    if (!looks_like_media_token(segment.substr(dash + 1))) return std::nullopt;
    return number(segment.substr(0, dash));
  }
  return number(segment.substr(dash + 1));
}

}  // namespace

std::string media_slug_name(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  std::string stem = slugify(file_name.substr(0, dot), 60);
  const std::string ext = dot == std::string_view::npos ? "" : slugify(file_name.substr(dot + 1), 8);
  if (stem.empty()) stem = "tep";
  return ext.empty() ? stem : stem + "." + ext;
}

std::string media_path(std::uint64_t id, std::string_view token, std::string_view file_name) {
  return std::string(kPrefix) + std::to_string(id) + "-" + std::string(token) + "/" + media_slug_name(file_name);
}

std::string legacy_media_path(std::uint64_t id, std::string_view file_name) {
  return std::string(kPrefix) + media_slug_name(file_name) + "-" + std::to_string(id);
}

std::vector<std::uint64_t> media_ids_in(std::string_view html) {
  std::vector<std::uint64_t> ids;
  for (auto p = html.find(kPrefix); p != std::string_view::npos; p = html.find(kPrefix, p + 1)) {
    const auto start = p + kPrefix.size();
    const auto end = html.find_first_of("/\"'?#<> \t\r\n)&", start);
    const std::string_view segment = html.substr(start, end == std::string_view::npos ? end : end - start);
    const bool slash = end != std::string_view::npos && html[end] == '/';
    if (const auto id = id_of(segment, slash)) ids.push_back(*id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool looks_like_media_token(std::string_view token) {
  return token.size() == 2 * kMediaTokenBytes && token.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace portald::model
