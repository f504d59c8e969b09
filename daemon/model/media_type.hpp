#pragma once
// What an uploaded file really is, judged from its first bytes, never from its name or the browser's
// claim. Only types a portal publishes are recognised; SVG and HTML are refused (they can carry script).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace portald::model {

inline constexpr std::size_t kMaxMediaBytes = 10 << 20;  // also bounded by the daemon's max-body

// The content type of `bytes` ("image/png", "application/pdf", ...), std::nullopt when not allowed.
// ZIP-based office files are told apart by the file name's extension once the bytes say "ZIP".
std::optional<std::string> sniff_media_type(std::string_view bytes, std::string_view file_name);
// True for image/* types (shown inline; others are downloads).
bool is_image_type(std::string_view content_type);

}  // namespace portald::model
