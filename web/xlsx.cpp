#include "web/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace portald::web {
namespace {

// A file name made by mkstemp, removed when the scope ends (whatever happened in between).
class TempFile {
 public:
  TempFile() {
    const auto dir = std::filesystem::temp_directory_path();
    std::string pattern = (dir / "portald-report-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file in " + dir.string());
    ::close(fd);
    path_ = pattern;
    dir_ = dir.string();
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string path_, dir_;
};

struct Formats {
  lxw_format* header;
  lxw_format* integer;
  lxw_format* decimal;
  lxw_format* text;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_num_format(f.integer, "#,##0");
  format_set_num_format(f.decimal, "#,##0.0");
  format_set_text_wrap(f.text);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

void write_sheet(lxw_workbook* wb, const Formats& f, const Sheet& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  if (!ws) throw std::runtime_error("xlsx: bad worksheet name");
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, sheet.columns[c].width, nullptr);
    worksheet_write_string(ws, 0, col, sheet.columns[c].header.c_str(), f.header);
  }
  worksheet_freeze_panes(ws, 1, 0);  // the header row stays in view
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < sheet.columns.size() && c < sheet.rows[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const SheetCell& cell = sheet.rows[r][c];
      if (const auto* s = std::get_if<std::string>(&cell))
        worksheet_write_string(ws, row, col, s->c_str(), f.text);
      else if (const auto* d = std::get_if<double>(&cell))
        worksheet_write_number(ws, row, col, *d, sheet.columns[c].kind == CellKind::decimal ? f.decimal : f.integer);
    }
  }
}

}  // namespace

std::string xlsx_workbook(const std::vector<Sheet>& sheets, std::string_view title) {
  const TempFile file;
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  std::string tmpdir = file.dir();
  options.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(file.path().c_str(), &options);
  if (!wb) throw std::runtime_error("xlsx: cannot start a workbook");
  std::string title_text(title);
  lxw_doc_properties properties{};
  properties.title = title_text.data();  // copied by libxlsxwriter
  workbook_set_properties(wb, &properties);
  const Formats f = make_formats(wb);
  try {
    for (const auto& sheet : sheets) write_sheet(wb, f, sheet);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  if (const lxw_error e = workbook_close(wb); e != LXW_NO_ERROR)
    throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(e));
  std::ifstream in(file.path(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw std::runtime_error("xlsx: cannot read the workbook back");
  return bytes;
}

Response xlsx_download(std::string bytes, std::string_view file_name) {
  Response r;
  r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + std::string(file_name) + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace portald::web
