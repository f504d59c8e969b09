#include "tests/support/xlsx_reader.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

namespace portald::test {
namespace {

constexpr const char* kReader = R"(import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheets = []
for ws in book.worksheets:
    cells = [{'ref': c.coordinate, 'value': c.value, 'type': c.data_type, 'format': c.number_format}
             for row in ws.iter_rows() for c in row if c.value is not None]
    sheets.append({'title': ws.title, 'freeze': ws.freeze_panes, 'cells': cells})
print(json.dumps({'sheets': sheets}, default=str))
)";

bool same_value(const nlohmann::json& cell, const nlohmann::json& value) {
  const auto& v = cell.at("value");
  if (value.is_string()) return v.is_string() && v == value && cell.at("type") == "s";
  if (value.is_number()) return v.is_number() && v.get<double>() == value.get<double>() && cell.at("type") == "n";
  return v == value;
}

}  // namespace

nlohmann::json read_xlsx(const std::filesystem::path& dir, const std::string& bytes) {
  const auto file = write_file(dir, "read.xlsx", bytes);
  const auto r = run_command({"/usr/bin/python3", "-c", kReader, file.string()});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "python3-openpyxl could not read the workbook: " << r.err);
  return nlohmann::json::parse(r.out);
}

bool xlsx_has(const nlohmann::json& sheet, const nlohmann::json& value) {
  const auto& cells = sheet.at("cells");
  return std::any_of(cells.begin(), cells.end(), [&](const auto& c) { return same_value(c, value); });
}

bool xlsx_book_has(const nlohmann::json& book, const nlohmann::json& value) {
  const auto& sheets = book.at("sheets");
  return std::any_of(sheets.begin(), sheets.end(), [&](const auto& s) { return xlsx_has(s, value); });
}

bool xlsx_has_formula(const nlohmann::json& book) {
  for (const auto& s : book.at("sheets"))
    for (const auto& c : s.at("cells"))
      if (c.at("type") == "f") return true;
  return false;
}

bool xlsx_has_format(const nlohmann::json& book, const std::string& format) {
  for (const auto& s : book.at("sheets"))
    for (const auto& c : s.at("cells"))
      if (c.at("format") == format) return true;
  return false;
}

}  // namespace portald::test
