#include "daemon/log/log.hpp"

#include <unistd.h>

#include <atomic>

namespace portald::log {
namespace {

std::atomic<int> g_threshold{static_cast<int>(Level::info)};

bool needs_quotes(std::string_view v) {
  if (v.empty()) return true;
  for (char c : v)
    if (c == ' ' || c == '"' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return true;
  return false;
}

void append_value(std::string& out, std::string_view v) {
  if (!needs_quotes(v)) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';  // a log line must stay one line
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace

void set_threshold(Level level) { g_threshold.store(static_cast<int>(level)); }

bool parse_level(std::string_view text, Level& out) {
  static constexpr std::pair<std::string_view, Level> names[] = {{"error", Level::error},
                                                                 {"warning", Level::warning},
                                                                 {"notice", Level::notice},
                                                                 {"info", Level::info},
                                                                 {"debug", Level::debug}};
  for (const auto& [name, level] : names)
    if (name == text) {
      out = level;
      return true;
    }
  return false;
}

std::string format(Level level, std::string_view event, std::initializer_list<Field> fields) {
  std::string line = "<" + std::to_string(static_cast<int>(level)) + ">";
  line += event;
  for (const auto& f : fields) {
    line += ' ';
    line += f.key;
    line += '=';
    append_value(line, f.value);
  }
  line += '\n';
  return line;
}

void write(Level level, std::string_view event, std::initializer_list<Field> fields) {
  if (static_cast<int>(level) > g_threshold.load(std::memory_order_relaxed)) return;
  const std::string line = format(level, event, fields);
  // One write(2) per line keeps lines whole when threads log at once.
  [[maybe_unused]] auto n = ::write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace portald::log
