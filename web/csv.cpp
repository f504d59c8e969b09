#include "web/csv.hpp"

namespace portald::web {

std::string csv_cell(std::string_view v) {
  std::string out = "\"";
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) out += '\'';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Response csv_download(std::string rows, std::string_view file_name) {
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = "\xEF\xBB\xBF" + std::move(rows);  // BOM: spreadsheet programs then read the UTF-8 correctly
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + std::string(file_name) + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace portald::web
