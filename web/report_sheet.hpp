#pragma once
// A report's table as data (issue 13): the same rows become the CSV download (sheet_csv) and a worksheet
// of the XLSX download (xlsx.hpp), so the two never disagree.
#include <string>
#include <variant>
#include <vector>

namespace portald::web {

enum class CellKind { text, integer, decimal };

struct SheetColumn {
  std::string key;     // the CSV header ("co_quan"): ASCII, stable for scripts
  std::string header;  // the XLSX header ("Cơ quan"): Vietnamese
  CellKind kind = CellKind::text;
  double width = 12;  // XLSX column width, in characters
};

// Empty, text, or a number (integers and decimals alike; the column says how it reads).
using SheetCell = std::variant<std::monostate, std::string, double>;

struct Sheet {
  std::string name;  // the worksheet's name: at most 31 characters, none of []:*?/\ (Excel's rule)
  std::vector<SheetColumn> columns;
  std::vector<std::vector<SheetCell>> rows;  // each as long as columns
};

// The header line and one line per row, CRLF-separated: text cells quoted and defused (csv_cell),
// integers as digits, decimals with one decimal written with a comma ("2,5") as Vietnamese readers do.
std::string sheet_csv(const Sheet& sheet);

}  // namespace portald::web
