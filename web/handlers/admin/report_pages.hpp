#pragma once
// What the report pages share (issue 13): the request a report answers (period and format), the page
// frame (title, period, download links, print) and the CSV/XLSX delivery. Each report has its own file:
// report_agencies.cpp, report_cadence.cpp, report_operations.cpp; reports.cpp lists them.
#include <ctemplate/template.h>

#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/text.hpp"
#include "daemon/model/user.hpp"
#include "daemon/reports/report_range.hpp"
#include "web/context.hpp"
#include "web/report_sheet.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web::admin::report_pages {

enum class ReportFormat { html, csv, xlsx };

struct ReportRequest {
  const Context& ctx;
  const Request& req;
  const model::User& me;
  const reports::ReportRange& range;
  ReportFormat format;
  std::string_view slug;  // "co-quan", ...: the URL and the file names
};

// The report pages (one per file).
Response agencies_report(const ReportRequest& r);
Response cadence_report(const ReportRequest& r);
Response operations_report(const ReportRequest& r);

// The admin frame and the report's head (title with the period, links to the CSV and XLSX forms and
// back to the list) in `dict`; the template includes REPORT_HEAD.
void fill_report_frame(ctemplate::TemplateDictionary& dict, const ReportRequest& r, const std::string& title);
// The CSV (the first sheet) or the XLSX (every sheet) download of a report; `title` names the workbook.
Response send_sheets(const ReportRequest& r, const std::string& title, const std::vector<Sheet>& sheets);
using model::decimal_text;

}  // namespace portald::web::admin::report_pages
