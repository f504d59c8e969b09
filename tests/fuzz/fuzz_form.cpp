// Fuzz target for the form body parsers (web/form.cpp). The whole input is parsed as an
// application/x-www-form-urlencoded body; then its first line is taken as a Content-Type and the rest
// as the body, so multipart boundaries can be found. A violated property aborts. Properties: nothing
// crashes or reads out of bounds; a urlencoded body has at most one field per '&'-separated piece, and
// its fields written back with url_encode_component parse to the same fields; url_decode undoes
// url_encode_component for any bytes; every multipart value and file is a piece of the body, with at
// most one part per delimiter.
#include <cstdint>
#include <string>
#include <string_view>

#include "daemon/model/url_encoding.hpp"
#include "tests/fuzz/property.hpp"
#include "web/form.hpp"

namespace {

using portald::model::url_encode_component;
namespace web = portald::web;

using portald::fuzz::require;

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto p = haystack.find(needle); p != std::string_view::npos; p = haystack.find(needle, p + needle.size())) ++n;
  return n;
}

bool is_piece_of(std::string_view part, std::string_view whole) {
  return part.empty() || whole.find(part) != std::string_view::npos;
}

void urlencoded(std::string_view body) {
  const auto form = web::parse_form("application/x-www-form-urlencoded", body);
  require(form.files.empty(), "urlencoded: no files");
  require(form.fields.size() <= count(body, "&") + 1, "urlencoded: at most one field per piece");
  std::string again;
  for (const auto& [key, value] : form.fields)
    again += (again.empty() ? "" : "&") + url_encode_component(key) + "=" + url_encode_component(value);
  require(web::parse_form("application/x-www-form-urlencoded", again).fields == form.fields,
          "urlencoded: fields written back parse to the same fields");
  require(web::url_decode(url_encode_component(body)) == body, "url_decode(url_encode_component(x)) == x");
}

void by_content_type(std::string_view input) {
  const auto eol = input.find('\n');
  if (eol == std::string_view::npos) return;
  const std::string_view content_type = input.substr(0, eol), body = input.substr(eol + 1);
  const auto form = web::parse_form(content_type, body);
  if (!content_type.starts_with("multipart/form-data")) return;
  const auto b = content_type.find("boundary=");
  const std::size_t parts = form.fields.size() + form.files.size();
  require(parts == 0 || b != std::string_view::npos, "multipart: no parts without a boundary");
  if (parts == 0) return;
  require(parts <= count(body, "--"), "multipart: at most one part per delimiter");
  for (const auto& [name, value] : form.fields) {
    require(is_piece_of(name, body), "multipart: field names are body bytes");
    require(is_piece_of(value, body), "multipart: values are body bytes");
  }
  for (const auto& f : form.files) {
    require(is_piece_of(f.bytes, body), "multipart: file bytes are body bytes");
    require(is_piece_of(f.file_name, body), "multipart: file names are body bytes");
    require(is_piece_of(f.content_type, body), "multipart: file types are body bytes");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  urlencoded(input);
  by_content_type(input);
  return 0;
}
