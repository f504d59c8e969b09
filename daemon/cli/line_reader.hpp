#pragma once
// Reads a file line by line through a fixed buffer, so memory stays flat whatever the file size and a
// single enormous line cannot exhaust memory: a line over max_line is reported, not stored.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace portald::cli {

class LineReader {
 public:
  // Throws std::runtime_error naming the file when it cannot be opened.
  LineReader(const std::filesystem::path& file, std::size_t max_line);
  // Reads the next line (without its '\n' or '\r\n'); false at end of file. `too_long` is set when
  // the line exceeded max_line (its bytes are then discarded).
  bool next(std::string& line, bool& too_long);
  std::size_t line_number() const { return line_no_; }
  std::uint64_t bytes_read() const { return offset_; }
  std::uint64_t file_size() const { return size_; }

 private:
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file_;
  std::size_t max_line_;
  std::size_t line_no_ = 0;
  std::uint64_t offset_ = 0;
  std::uint64_t size_ = 0;
};

}  // namespace portald::cli
