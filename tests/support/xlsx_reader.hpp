#pragma once
// XLSX workbooks as an independent reader sees them: Debian's python3-openpyxl opens the file (the
// library spreadsheets written by other tools are read with), not our writer's own code.
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace portald::test {

// The workbook `bytes` (written to `dir` first) as openpyxl reads it:
//   {"sheets": [{"title": "...", "freeze": "A2" or null,
//                "cells": [{"ref": "B3", "value": ..., "type": "s"|"n"|"f"|..., "format": "#,##0"}]}]}
// with the empty cells left out. Fails the test when openpyxl cannot open it.
nlohmann::json read_xlsx(const std::filesystem::path& dir, const std::string& bytes);
// True when a cell of `sheet` holds `value` (a string is a text cell, a number a number cell).
bool xlsx_has(const nlohmann::json& sheet, const nlohmann::json& value);
// True when a cell of any sheet of `book` holds `value`.
bool xlsx_book_has(const nlohmann::json& book, const nlohmann::json& value);
// True when some cell of `book` is a formula (the writer must never make one from typed text).
bool xlsx_has_formula(const nlohmann::json& book);
// True when some cell of `book` carries the number format `format`.
bool xlsx_has_format(const nlohmann::json& book, const std::string& format);

}  // namespace portald::test
