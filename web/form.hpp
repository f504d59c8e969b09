#pragma once
// Request bodies of HTML forms: application/x-www-form-urlencoded and multipart/form-data (uploads).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portald::web {

struct UploadedFile {
  std::string field;
  std::string file_name;
  std::string content_type;  // as the browser claimed it (never trusted: media sniffs the bytes)
  std::string bytes;
};

struct Form {
  std::multimap<std::string, std::string, std::less<>> fields;
  std::vector<UploadedFile> files;
  // First value of a field, "" when absent.
  std::string get(std::string_view name) const;
  bool has(std::string_view name) const { return fields.find(name) != fields.end(); }
};

// Percent-decoding with '+' as space; invalid escapes are kept as they are. (The encoder is
// model::url_encode_component, daemon/model/url_encoding.hpp, which daemon/auth uses too.)
std::string url_decode(std::string_view s);
// Parses the body by its Content-Type; an unknown or malformed body gives an empty form.
Form parse_form(std::string_view content_type, std::string_view body);

}  // namespace portald::web
