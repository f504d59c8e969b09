#include "web/report_sheet.hpp"

#include <cmath>
#include <cstdio>

#include "web/csv.hpp"

namespace portald::web {
namespace {

std::string number_text(double v, CellKind kind) {
  char text[48];
  if (kind == CellKind::decimal) {
    std::snprintf(text, sizeof text, "%.1f", v);
    std::string s(text);
    for (char& c : s)
      if (c == '.') c = ',';
    return csv_cell(s);
  }
  std::snprintf(text, sizeof text, "%.0f", std::round(v));
  return text;
}

std::string cell_text(const SheetCell& cell, CellKind kind) {
  if (const auto* s = std::get_if<std::string>(&cell)) return csv_cell(*s);
  if (const auto* d = std::get_if<double>(&cell)) return number_text(*d, kind);
  return "";
}

}  // namespace

std::string sheet_csv(const Sheet& sheet) {
  std::string out;
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) out += (c ? "," : "") + sheet.columns[c].key;
  out += "\r\n";
  for (const auto& row : sheet.rows) {
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
      if (c) out += ',';
      if (c < row.size()) out += cell_text(row[c], sheet.columns[c].kind);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace portald::web
