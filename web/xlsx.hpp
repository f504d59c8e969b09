#pragma once
// XLSX downloads (issue 13), written with libxlsxwriter: one worksheet per Sheet, Vietnamese headers in
// bold on a frozen first row, integers as "0" and decimals as "0.0" number formats, text always written
// as text (a cell starting with "=" is never a formula).
#include <string>
#include <string_view>
#include <vector>

#include "web/report_sheet.hpp"
#include "web/server/response.hpp"

namespace portald::web {

// The workbook's bytes. libxlsxwriter writes to a file: a private temporary one (under TMPDIR, the
// unit's PrivateTmp), removed before returning. Throws std::runtime_error when it cannot be written.
std::string xlsx_workbook(const std::vector<Sheet>& sheets, std::string_view title);
// The bytes as a download named `file_name`, with the XLSX media type and no-store.
Response xlsx_download(std::string bytes, std::string_view file_name);

}  // namespace portald::web
