#pragma once
// Where a media file lives on the site, and which media a piece of HTML links to. A file's address is
// "/tep/<id>-<token>/<name>": the token is random per file, so addresses cannot be guessed by counting
// ids (issue 16, finding 1). Addresses of the old form "/tep/<name>-<id>" are still recognised, so
// bodies written before the token existed keep counting as uses.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace portald::model {

// The file name part of a media address: the stored name as an ASCII slug with its extension
// ("anh-hoi-nghi.png"), "tep" when nothing usable is left.
std::string media_slug_name(std::string_view file_name);
// "/tep/<id>-<token>/<slug name>"
std::string media_path(std::uint64_t id, std::string_view token, std::string_view file_name);
// "/tep/<slug name>-<id>": the address before tokens (still answered, by a redirect when allowed).
std::string legacy_media_path(std::uint64_t id, std::string_view file_name);
// The ids of the media that `html` (or any text holding URLs) links to through /tep/ addresses of
// either form, sorted, without repeats.
std::vector<std::uint64_t> media_ids_in(std::string_view html);
// True when `token` is what a media token looks like (lower-case hex of kMediaTokenBytes bytes).
bool looks_like_media_token(std::string_view token);
inline constexpr std::size_t kMediaTokenBytes = 16;

}  // namespace portald::model
