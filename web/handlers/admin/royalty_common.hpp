#pragma once
// What the royalty pages share (royalty.cpp, royalty_sheet.cpp): the month a page is about, read with the
// reports' own period parsing (reports::parse_range), so "thang=2026-11" means the same days everywhere.
#include <optional>

#include "daemon/health/cadence.hpp"
#include "daemon/model/royalty.hpp"
#include "daemon/reports/report_range.hpp"
#include "web/server/request.hpp"

namespace portald::web::admin::royalty_pages {

// A "YYYY-MM" month as the reports parse it; std::nullopt when it is not one.
inline std::optional<model::RoyaltyMonth> parse_month(std::string_view text) {
  const auto parsed = reports::parse_range({.month = text}, health::local_day(model::now()));
  if (!parsed.range || parsed.range->kind != reports::RangeKind::month) return std::nullopt;
  return model::parse_royalty_month(parsed.range->slug);
}

// The month in the query ("thang"); the current one when none is given; std::nullopt when it is wrong.
inline std::optional<model::RoyaltyMonth> month_of(const Request& req) {
  const auto v = req.query_value("thang");
  if (!v || v->empty()) return model::royalty_month_of(model::now());
  return parse_month(*v);
}

// The days of a month, as a report range.
inline reports::ReportRange month_range_of(model::RoyaltyMonth m) { return reports::month_range(m / 100, m % 100); }

}  // namespace portald::web::admin::royalty_pages
