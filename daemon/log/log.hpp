#pragma once
// Structured logging to stderr: "<P>event key=value ..." with sd-daemon priority prefixes and no
// timestamps (journald adds them). Thread-safe; each call writes one line with one write(2).
#include <initializer_list>
#include <string>
#include <string_view>

namespace portald::log {

enum class Level { error = 3, warning = 4, notice = 5, info = 6, debug = 7 };

struct Field {
  std::string_view key;
  std::string value;
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const char* v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(v) {}
  template <class N>
  requires std::is_arithmetic_v<N> Field(std::string_view k, N n) : key(k), value(std::to_string(n)) {}
};

// Lines below this level are dropped (default info).
void set_threshold(Level level);
// Parses "error|warning|notice|info|debug"; returns false on anything else.
bool parse_level(std::string_view text, Level& out);

// Formats one line (without writing it); values with spaces, quotes or '=' are quoted.
std::string format(Level level, std::string_view event, std::initializer_list<Field> fields);
void write(Level level, std::string_view event, std::initializer_list<Field> fields = {});

inline void error(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::error, e, f); }
inline void warning(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::warning, e, f); }
inline void notice(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::notice, e, f); }
inline void info(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::info, e, f); }
inline void debug(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::debug, e, f); }

}  // namespace portald::log
