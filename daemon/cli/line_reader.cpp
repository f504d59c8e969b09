#include "daemon/cli/line_reader.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace portald::cli {

LineReader::LineReader(const std::filesystem::path& file, std::size_t max_line)
    : file_(std::fopen(file.c_str(), "rb")), max_line_(max_line) {
  if (!file_) throw std::runtime_error("cannot open " + file.string() + ": " + std::strerror(errno));
  std::error_code ec;
  size_ = std::filesystem::file_size(file, ec);
}

bool LineReader::next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  for (int c; (c = getc_unlocked(file_.get())) != EOF;) {
    any = true;
    ++offset_;
    if (c == '\n') break;
    if (line.size() < max_line_)
      line += static_cast<char>(c);
    else
      too_long = true;
  }
  if (!any) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  ++line_no_;
  return true;
}

}  // namespace portald::cli
