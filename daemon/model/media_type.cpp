#include "daemon/model/media_type.hpp"

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

bool starts(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

std::string extension(std::string_view name) {
  const auto dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string() : fold(name.substr(dot + 1));
}

// MP4/ISO BMFF: a first box of type "ftyp" whose major brand says what it holds.
std::optional<std::string> mp4_type(std::string_view bytes) {
  if (bytes.size() < 12 || bytes.substr(4, 4) != "ftyp") return std::nullopt;
  const std::string_view brand = bytes.substr(8, 4);
  if (brand == "M4A " || brand == "M4B ") return "audio/mp4";
  for (std::string_view video : {"isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V "})
    if (brand == video) return "video/mp4";
  return std::nullopt;  // QuickTime, 3GP, HEIF images...: not what browsers play everywhere
}

// WebM is Matroska with doc type "webm", named in the EBML header within its first bytes.
bool is_webm(std::string_view bytes) {
  using namespace std::string_view_literals;
  return starts(bytes, "\x1a\x45\xdf\xa3"sv) && bytes.substr(0, 64).find("webm") != std::string_view::npos;
}

// An ID3v2 tag, or an MPEG-1/2 layer III frame header (sync bits, layer 01).
bool is_mp3(std::string_view bytes) {
  if (starts(bytes, "ID3") && bytes.size() >= 10) return true;
  if (bytes.size() < 4) return false;
  const auto b0 = static_cast<unsigned char>(bytes[0]);
  const auto b1 = static_cast<unsigned char>(bytes[1]);
  const auto b2 = static_cast<unsigned char>(bytes[2]);
  return b0 == 0xFF && (b1 & 0xE0) == 0xE0 && (b1 & 0x06) == 0x02 && (b1 & 0x18) != 0x08 && (b2 & 0xF0) != 0xF0;
}

// The first Ogg page carries the codec's identification header: Opus or Vorbis only.
bool is_ogg_audio(std::string_view bytes) {
  using namespace std::string_view_literals;
  return starts(bytes, "OggS") && bytes.size() >= 36 &&
         (bytes.substr(28, 8) == "OpusHead" || bytes.substr(28, 7) == "\x01vorbis"sv);
}

bool is_webvtt(std::string_view bytes) {
  if (starts(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!starts(bytes, "WEBVTT")) return false;
  return bytes.size() == 6 || bytes[6] == ' ' || bytes[6] == '\t' || bytes[6] == '\n' || bytes[6] == '\r';
}

}  // namespace

std::optional<std::string> sniff_media_type(std::string_view bytes, std::string_view file_name) {
  using namespace std::string_view_literals;
  if (bytes.empty() || bytes.size() > kMaxStreamMediaBytes) return std::nullopt;
  if (starts(bytes, "\x89PNG\r\n\x1a\n"sv)) return "image/png";
  if (starts(bytes, "\xff\xd8\xff"sv)) return "image/jpeg";
  if (starts(bytes, "GIF87a") || starts(bytes, "GIF89a")) return "image/gif";
  if (starts(bytes, "RIFF") && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP") return "image/webp";
  if (starts(bytes, "%PDF-")) return "application/pdf";
  if (starts(bytes, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv)) {
    const auto ext = extension(file_name);
    if (ext == "xls") return "application/vnd.ms-excel";
    return "application/msword";
  }
  if (starts(bytes, "PK\x03\x04"sv)) {
    const auto ext = extension(file_name);
    if (ext == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (ext == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ext == "odt") return "application/vnd.oasis.opendocument.text";
    if (ext == "zip") return "application/zip";
    return std::nullopt;
  }
  if (auto mp4 = mp4_type(bytes)) return mp4;
  if (is_webm(bytes)) return "video/webm";
  if (is_ogg_audio(bytes)) return "audio/ogg";
  if (is_mp3(bytes)) return "audio/mpeg";
  if (extension(file_name) == "vtt" && is_webvtt(bytes)) return "text/vtt";
  return std::nullopt;
}

bool is_image_type(std::string_view content_type) { return content_type.starts_with("image/"); }

bool is_stream_type(std::string_view content_type) {
  return content_type.starts_with("video/") || content_type.starts_with("audio/") || content_type == "text/vtt";
}

std::size_t max_media_bytes(std::string_view content_type) {
  return content_type.starts_with("video/") || content_type.starts_with("audio/") ? kMaxStreamMediaBytes
                                                                                  : kMaxMediaBytes;
}

}  // namespace portald::model
