#pragma once
// What an uploaded file really is, judged from its first bytes, never from its name or the browser's
// claim. Only types a portal publishes are recognised; SVG and HTML are refused (they can carry script).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace portald::model {

inline constexpr std::size_t kMaxMediaBytes = 10 << 20;  // also bounded by the daemon's max-body
// Video and audio (issue 14) may be larger: a few minutes of a meeting at a web bitrate. Still
// bounded by the daemon's max-body, which operators raise to upload them (docs/media.md).
inline constexpr std::size_t kMaxStreamMediaBytes = 200 << 20;

// The content type of `bytes` ("image/png", "application/pdf", ...), std::nullopt when not allowed.
// ZIP-based office files are told apart by the file name's extension once the bytes say "ZIP".
// Video and audio: MP4 ("ftyp" box; M4A brand as audio/mp4), WebM (EBML with the "webm" doc type),
// MP3 (ID3 tag or MPEG audio frame sync), Ogg (Opus or Vorbis: audio/ogg). WebVTT captions must be
// named *.vtt and start with "WEBVTT" (after an optional BOM) followed by a space, tab or line end.
// Inputs over kMaxStreamMediaBytes are refused; check max_media_bytes(type) for the type's limit.
std::optional<std::string> sniff_media_type(std::string_view bytes, std::string_view file_name);
// True for image/* types (shown inline; others are downloads).
bool is_image_type(std::string_view content_type);
// True for the video/* and audio/* types (played by <video>/<audio>) and text/vtt (their captions):
// served inline, with byte ranges.
bool is_stream_type(std::string_view content_type);
// The largest file of this (sniffed) type the library takes: kMaxStreamMediaBytes for video and
// audio, kMaxMediaBytes for everything else.
std::size_t max_media_bytes(std::string_view content_type);

}  // namespace portald::model
