#include "daemon/config/option_table.hpp"

#include <array>
#include <charconv>
#include <limits>

namespace portald::config {

namespace {

constexpr std::uint64_t K = 1024, M = K * K, G = M * K, T = G * K;

constexpr std::array<std::string_view, 5> log_levels{"error", "warning", "notice", "info", "debug"};

constexpr Option path_option(std::string_view name, std::filesystem::path Config::*member,
                             std::string_view help) {
  Option o{name, Kind::path, "DIR", help};
  o.path_member = member;
  return o;
}
constexpr Option listen_option(std::string_view name, ListenAddress Config::*member, std::string_view help) {
  Option o{name, Kind::listen, "ADDR", help};
  o.listen_member = member;
  return o;
}
constexpr Option count_option(std::string_view name, unsigned Config::*member, std::uint64_t min,
                              std::uint64_t max, std::string_view help) {
  Option o{name, Kind::count, "N", help, min, max};
  o.count_member = member;
  return o;
}
constexpr Option size_option(std::string_view name, std::size_t Config::*member, std::uint64_t min,
                             std::uint64_t max, std::string_view help) {
  Option o{name, Kind::size, "SIZE", help, min, max};
  o.size_member = member;
  return o;
}
constexpr Option text_option(std::string_view name, std::string Config::*member, std::string_view help) {
  Option o{name, Kind::text, "TEXT", help};
  o.text_member = member;
  return o;
}
constexpr Option choice_option(std::string_view name, std::string Config::*member,
                               std::span<const std::string_view> choices, std::string_view value_name,
                               std::string_view help) {
  Option o{name, Kind::choice, value_name, help, 0, 0, choices};
  o.text_member = member;
  return o;
}

// Help strings say what the option is for and when to change it; defaults and ranges are added
// from Config{} and min/max, so they cannot drift from the code.
constexpr std::array options{
    path_option("data-dir", &Config::data_dir,
                "Directory of the LMDB store, the search index and the daemon's other state. "
                "portald and portaldctl must use the same one."),
    listen_option("listen", &Config::listen,
                  "Address and port of the HTTP listener: HOST:PORT or [IPV6]:PORT; 0.0.0.0 or [::] "
                  "listens on every interface, port 0 picks a free port."),
    path_option("share-dir", &Config::share_dir,
                "Directory holding templates/ and static/ (the portal's pages, styles and scripts)."),
    count_option("http-threads", &Config::http_threads, 1, 64,
                 "Worker threads answering HTTP requests; about the number of CPU cores."),
    count_option("max-connections", &Config::max_connections, 1, 65536,
                 "Open connections accepted at once; more wait in the kernel's listen queue."),
    count_option("max-connections-per-ip", &Config::max_connections_per_ip, 0, 65536,
                 "Open connections accepted from one client address; 0 = unlimited, which is right "
                 "behind a reverse proxy where every request comes from the proxy's address."),
    count_option("connection-timeout", &Config::connection_timeout, 1, 3600,
                 "Seconds an idle connection is kept open before it is closed."),
    size_option("connection-memory", &Config::connection_memory, 8 * K, M,
                "Memory for one connection's request headers and buffers; a request whose headers "
                "do not fit is refused."),
    size_option("max-body", &Config::max_body, K, 256 * M,
                "Largest request body accepted (form posts, uploaded media); larger ones are refused."),
    size_option("map-size", &Config::map_size, 64 * M, 4 * T,
                "Maximum size of the LMDB store. Address space is reserved up front, disk is used "
                "only as data grows; raise it before the store fills up."),
    choice_option("log-level", &Config::log_level, log_levels, "LEVEL",
                  "Lowest priority written to the log: debug writes everything, error only errors."),
    text_option("site-name", &Config::site_name,
                "Portal name shown on every page, overriding the one stored in the site settings; "
                "empty = use the stored one."),
};

std::optional<std::uint64_t> parse_number(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool fail(std::string* error, std::string reason) {
  if (error) *error = std::move(reason);
  return false;
}

bool apply_count(const Option& o, Config& config, std::string_view text, std::string* error) {
  const auto n = parse_number(text);
  const std::string range = "between " + std::to_string(o.min) + " and " + std::to_string(o.max);
  if (!n) return fail(error, "expected a whole number " + range + " (got " + quoted(text) + ")");
  if (*n < o.min || *n > o.max) return fail(error, "must be " + range + " (got " + std::string(text) + ")");
  config.*o.count_member = static_cast<unsigned>(*n);
  return true;
}

bool apply_size(const Option& o, Config& config, std::string_view text, std::string* error) {
  const auto n = parse_size(text);
  const std::string range = "between " + format_size(o.min) + " and " + format_size(o.max);
  if (!n) return fail(error, "expected a size such as 512K, 64M or 2G (got " + quoted(text) + ")");
  if (*n < o.min || *n > o.max) return fail(error, "must be " + range + " (got " + std::string(text) + ")");
  if (*n > std::numeric_limits<std::size_t>::max())
    return fail(error, "too large for this machine (got " + std::string(text) + ")");
  config.*o.size_member = static_cast<std::size_t>(*n);
  return true;
}

bool apply_choice(const Option& o, Config& config, std::string_view text, std::string* error) {
  for (std::string_view choice : o.choices) {
    if (text == choice) {
      config.*o.text_member = std::string(text);
      return true;
    }
  }
  std::string list;
  for (std::string_view choice : o.choices) list += (list.empty() ? "" : ", ") + std::string(choice);
  return fail(error, "must be one of " + list + " (got " + quoted(text) + ")");
}

bool apply_text(const Option& o, Config& config, std::string_view text, std::string* error) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return fail(error, "must not contain control characters");
  }
  config.*o.text_member = std::string(text);
  return true;
}

}  // namespace

bool Option::apply(Config& config, std::string_view text, std::string* error) const {
  switch (kind) {
    case Kind::path:
      if (text.empty()) return fail(error, "must not be empty");
      config.*path_member = std::filesystem::path(text);
      return true;
    case Kind::listen: {
      auto address = parse_listen_address(text, error);
      if (!address) return false;
      config.*listen_member = std::move(*address);
      return true;
    }
    case Kind::count: return apply_count(*this, config, text, error);
    case Kind::size: return apply_size(*this, config, text, error);
    case Kind::text: return apply_text(*this, config, text, error);
    case Kind::choice: return apply_choice(*this, config, text, error);
  }
  return fail(error, "unknown option kind");
}

std::string Option::value_text(const Config& config) const {
  switch (kind) {
    case Kind::path: return (config.*path_member).string();
    case Kind::listen: return (config.*listen_member).to_string();
    case Kind::count: return std::to_string(config.*count_member);
    case Kind::size: return format_size(config.*size_member);
    case Kind::text:
    case Kind::choice: return config.*text_member;
  }
  return {};
}

std::string Option::range_text() const {
  switch (kind) {
    case Kind::count: return std::to_string(min) + ".." + std::to_string(max);
    case Kind::size: return format_size(min) + ".." + format_size(max);
    case Kind::choice: {
      std::string list;
      for (std::string_view choice : choices) list += (list.empty() ? "" : "|") + std::string(choice);
      return list;
    }
    case Kind::path:
    case Kind::listen:
    case Kind::text: break;
  }
  return {};
}

std::span<const Option> option_table() { return options; }

const Option* find_option(std::string_view name) {
  for (const Option& o : options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

std::optional<std::uint64_t> parse_size(std::string_view text) {
  std::uint64_t unit = 1;
  if (!text.empty()) {
    switch (text.back()) {
      case 'K': case 'k': unit = K; break;
      case 'M': case 'm': unit = M; break;
      case 'G': case 'g': unit = G; break;
      case 'T': case 't': unit = T; break;
      default: break;
    }
    if (unit != 1) text.remove_suffix(1);
  }
  const auto n = parse_number(text);
  if (!n || *n > std::numeric_limits<std::uint64_t>::max() / unit) return std::nullopt;
  return *n * unit;
}

std::string format_size(std::uint64_t bytes) {
  constexpr std::array<std::pair<std::uint64_t, char>, 4> units{{{T, 'T'}, {G, 'G'}, {M, 'M'}, {K, 'K'}}};
  for (auto [unit, suffix] : units) {
    if (bytes != 0 && bytes % unit == 0) return std::to_string(bytes / unit) + suffix;
  }
  return std::to_string(bytes);
}

}  // namespace portald::config
