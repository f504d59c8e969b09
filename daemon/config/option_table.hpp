#pragma once
// The one table of options (Redis-style): name, kind, range, help and the Config member it sets.
// The command line, the config file, help text, docs/config.md and packaging/portald.conf all come
// from it, and both sources validate a value with the same Option::apply.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "daemon/config/config.hpp"

namespace portald::config {

enum class Kind {
  path,       // non-empty file system path
  program,    // absolute file system path, or empty for none
  listen,     // HOST:PORT or [IPV6]:PORT
  count,      // whole number in [min, max]
  size,       // bytes in [min, max], with an optional K/M/G/T suffix (1024-based)
  text,       // free text without control characters, may be empty
  choice,     // one of `choices`
  window,     // HH:MM-HH:MM, a DayWindow
  weekdays,   // "mon-fri", "mon,wed,sat", "none": a Weekdays set
  addresses,  // "127.0.0.0/8 ::1 10.1.2.0/24", "none": an AddressList
};

struct Option {
  std::string_view name;  // "--name" on the command line, "name = value" in the file
  Kind kind;
  std::string_view value_name;                  // placeholder in help: "--data-dir=DIR"
  std::string_view help;                        // what it does and why one would change it; no default or range
  std::uint64_t min = 0, max = 0;               // count, size: inclusive range
  std::span<const std::string_view> choices{};  // choice
  // The Config member set: only the one for `kind` is non-null. (Not a std::variant: where size_t is
  // unsigned, as on 32-bit targets, two of its alternatives would be the same type.)
  std::filesystem::path Config::*path_member = nullptr;
  ListenAddress Config::*listen_member = nullptr;
  unsigned Config::*count_member = nullptr;
  std::size_t Config::*size_member = nullptr;
  std::string Config::*text_member = nullptr;  // text and choice
  DayWindow Config::*window_member = nullptr;
  Weekdays Config::*weekdays_member = nullptr;
  AddressList Config::*addresses_member = nullptr;

  // Parses `text` (already trimmed and unquoted) into config. Returns false, leaving config
  // unchanged, and sets *error to the reason (e.g. "must be between 1K and 256M (got 300M)").
  bool apply(Config& config, std::string_view text, std::string* error) const;
  // The option's value in config as text that apply() accepts back ("64K", "[::]:8080").
  std::string value_text(const Config& config) const;
  // "1..64", "8K..1M", "error|warning|notice|info|debug"; empty for the other kinds.
  std::string range_text() const;
};

// Every option, in the order help and docs show them.
std::span<const Option> option_table();
// The entry named `name` (no leading dashes); nullptr when there is none.
const Option* find_option(std::string_view name);

// "65536", "64K", "64k", "2G" (1024-based; K, M, G, T). Returns std::nullopt on anything else or overflow.
std::optional<std::uint64_t> parse_size(std::string_view text);
// The shortest exact form: 65536 -> "64K", 1000 -> "1000".
std::string format_size(std::uint64_t bytes);

}  // namespace portald::config
