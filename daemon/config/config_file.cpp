#include "daemon/config/config_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <utility>

#include "daemon/config/option_table.hpp"

// Boost.Program_options has a config-file parser, but it reports no line numbers and accepts
// [sections] we do not want; this one is small, strict and points at FILE:LINE.
namespace portald::config {

namespace {

constexpr std::string_view blank = " \t\r\f\v";

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(blank);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(blank) - first + 1);
}

// `"..."` with \" and \\ escapes; anything else is taken as it is. Returns nullopt and sets *error
// on an unterminated or ill-formed quoted value.
std::optional<std::string> unquote(std::string_view value, std::string* error) {
  if (value.empty() || value.front() != '"') return std::string(value);
  std::string out;
  for (std::size_t i = 1; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\' && i + 1 < value.size() && (value[i + 1] == '"' || value[i + 1] == '\\')) {
      out += value[++i];
    } else if (c == '"') {
      if (i + 1 != value.size()) {
        *error = "unexpected text after the closing quote";
        return std::nullopt;
      }
      return out;
    } else {
      out += c;
    }
  }
  *error = "missing closing quote";
  return std::nullopt;
}

bool command_line_only(std::string_view key) { return key == "config" || key == "help" || key == "version"; }

class Reader {
 public:
  Reader(std::string file, Config& config) : file_(std::move(file)), config_(config) {}

  void line(std::size_t number, std::string_view text) {
    if (number == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // editors' UTF-8 BOM
    text = trim(text);
    if (text.empty() || text.front() == '#') return;
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) return error(number, "expected \"key = value\"");
    const std::string key(trim(text.substr(0, equals)));
    if (key.empty()) return error(number, "missing key before '='");
    const Option* option = find_option(key);
    if (!option) {
      if (command_line_only(key)) return error(number, key + ": only valid on the command line");
      return error(number, key + ": unknown option");
    }
    if (auto [it, inserted] = seen_.emplace(key, number); !inserted)
      return error(number, key + ": set twice (first on line " + std::to_string(it->second) + ")");
    std::string reason;
    const auto value = unquote(trim(text.substr(equals + 1)), &reason);
    if (!value || !option->apply(config_, *value, &reason)) error(number, key + ": " + reason);
  }

  void error(std::size_t number, const std::string& message) {
    errors_.push_back(file_ + ":" + std::to_string(number) + ": " + message);
  }
  void error(const std::string& message) { errors_.push_back(file_ + ": " + message); }

  std::vector<std::string> take_errors() { return std::move(errors_); }

 private:
  std::string file_;
  Config& config_;
  std::map<std::string, std::size_t, std::less<>> seen_;
  std::vector<std::string> errors_;
};

}  // namespace

std::vector<std::string> apply_config_text(std::string_view text, const std::string& file_name, Config& config) {
  Reader reader(file_name, config);
  // Lines as std::getline splits a file: at '\n', with no empty line after a final '\n'.
  for (std::size_t number = 1, start = 0; start < text.size(); ++number) {
    const auto end = std::min(text.find('\n', start), text.size());
    reader.line(number, text.substr(start, end - start));
    start = end + 1;
  }
  return reader.take_errors();
}

std::vector<std::string> load_config_file(const std::filesystem::path& file, Config& config) {
  Reader reader(file.string(), config);
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    reader.error("cannot read config file: is a directory");
    return reader.take_errors();
  }
  errno = 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    reader.error(std::string("cannot read config file: ") + (errno ? std::strerror(errno) : "open failed"));
    return reader.take_errors();
  }
  std::string text;
  for (std::size_t number = 1; std::getline(in, text); ++number) reader.line(number, text);
  if (in.bad()) reader.error("read error");
  return reader.take_errors();
}

std::string file_value(const std::string& value) {
  const bool bare = !value.empty() && trim(value) == value && value.front() != '"';
  if (bare) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::vector<std::string> check_config_file(const std::filesystem::path& file) {
  Config scratch;
  return load_config_file(file, scratch);
}

}  // namespace portald::config
