#pragma once
// CSV downloads (the audit log, the questions report): cells quoted and defused for spreadsheets, and a
// response that spreadsheet programs open as UTF-8.
#include <string>
#include <string_view>

#include "web/server/response.hpp"

namespace portald::web {

// One CSV cell: quoted, quotes doubled; a leading = + - @ is defused so spreadsheets do not run it.
std::string csv_cell(std::string_view v);
// `rows` (CRLF-separated, header first) as a download named `file_name`, with a BOM and no-store.
Response csv_download(std::string rows, std::string_view file_name);

}  // namespace portald::web
