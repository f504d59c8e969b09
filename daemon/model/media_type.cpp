#include "daemon/model/media_type.hpp"

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

bool starts(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

std::string extension(std::string_view name) {
  const auto dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string() : fold(name.substr(dot + 1));
}

}  // namespace

std::optional<std::string> sniff_media_type(std::string_view bytes, std::string_view file_name) {
  using namespace std::string_view_literals;
  if (bytes.empty() || bytes.size() > kMaxMediaBytes) return std::nullopt;
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
  return std::nullopt;
}

bool is_image_type(std::string_view content_type) { return content_type.starts_with("image/"); }

}  // namespace portald::model
