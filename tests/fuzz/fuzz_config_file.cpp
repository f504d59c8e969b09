// Fuzz target for the config file parser (daemon/config/config_file.cpp), fed the input as a file's
// text. A violated property aborts. Properties: nothing crashes or throws; every error is one line that
// starts "FILE:LINE: " with a line of the input; and whatever the input set, written back out as
// "name = file_value(value_text)" for every option, reads back without errors to the same values (so
// what portaldctl prints or docs generate is always a valid config).
#include <cstdint>
#include <string>
#include <string_view>

#include "daemon/config/config_file.hpp"
#include "daemon/config/option_table.hpp"
#include "tests/fuzz/property.hpp"

namespace {

namespace cfg = portald::config;

using portald::fuzz::require;

// The line number an error names ("fuzz.conf:12: ..."), 0 when it names none.
std::size_t error_line(std::string_view error, std::string_view file) {
  if (!error.starts_with(file) || error.substr(file.size(), 1) != ":") return 0;
  std::size_t n = 0, i = file.size() + 1;
  for (; i < error.size() && error[i] >= '0' && error[i] <= '9' && n < 1'000'000; ++i) n = n * 10 + (error[i] - '0');
  return error.substr(i, 2) == ": " ? n : 0;
}

// Lines as the reader numbers them: one per '\n', plus a last one without it.
std::size_t line_count(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t start = 0; start < text.size(); ++n) {
    const auto eol = text.find('\n', start);
    start = eol == std::string_view::npos ? text.size() : eol + 1;
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t lines = line_count(text);
  cfg::Config config;
  for (const auto& e : cfg::apply_config_text(text, "fuzz.conf", config)) {
    const std::size_t line = error_line(e, "fuzz.conf");
    require(line >= 1 && line <= lines, "an error names a line of the input");
    require(e.find('\n') == std::string::npos, "an error is one line");
  }

  std::string written;
  for (const auto& o : cfg::option_table())
    written += std::string(o.name) + " = " + cfg::file_value(o.value_text(config)) + "\n";
  cfg::Config again;
  require(cfg::apply_config_text(written, "again.conf", again).empty(), "a written config reads back without errors");
  for (const auto& o : cfg::option_table())
    require(o.value_text(again) == o.value_text(config), "a written config reads back to the same values");
  return 0;
}
