#include "daemon/config/option_table.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

namespace portald::config {

namespace {

constexpr std::uint64_t K = 1024, M = K * K, G = M * K, T = G * K;

constexpr std::array<std::string_view, 5> log_levels{"error", "warning", "notice", "info", "debug"};
constexpr std::array<std::string_view, 7> weekday_names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 2> yes_no{"no", "yes"};
constexpr std::array<std::string_view, 2> on_off{"off", "on"};
constexpr std::array<std::string_view, 3> access_log_modes{"off", "journal", "files"};

constexpr Option path_option(std::string_view name, std::filesystem::path Config::*member, std::string_view help) {
  Option o{name, Kind::path, "DIR", help};
  o.path_member = member;
  return o;
}
constexpr Option file_option(std::string_view name, std::filesystem::path Config::*member, std::string_view help) {
  Option o{name, Kind::path, "FILE", help};
  o.path_member = member;
  return o;
}
constexpr Option program_option(std::string_view name, std::filesystem::path Config::*member, std::string_view help) {
  Option o{name, Kind::program, "FILE", help};
  o.path_member = member;
  return o;
}
// An absolute directory, or empty for the option's documented default place.
constexpr Option optional_dir_option(std::string_view name, std::filesystem::path Config::*member,
                                     std::string_view help) {
  Option o{name, Kind::program, "DIR", help};
  o.path_member = member;
  return o;
}
constexpr Option listen_option(std::string_view name, ListenAddress Config::*member, std::string_view help) {
  Option o{name, Kind::listen, "ADDR", help};
  o.listen_member = member;
  return o;
}
constexpr Option count_option(std::string_view name, unsigned Config::*member, std::uint64_t min, std::uint64_t max,
                              std::string_view help) {
  Option o{name, Kind::count, "N", help, min, max};
  o.count_member = member;
  return o;
}
constexpr Option size_option(std::string_view name, std::size_t Config::*member, std::uint64_t min, std::uint64_t max,
                             std::string_view help) {
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

constexpr Option window_option(std::string_view name, DayWindow Config::*member, std::string_view help) {
  Option o{name, Kind::window, "HH:MM-HH:MM", help};
  o.window_member = member;
  return o;
}
constexpr Option weekdays_option(std::string_view name, Weekdays Config::*member, std::string_view help) {
  Option o{name, Kind::weekdays, "DAYS", help};
  o.weekdays_member = member;
  return o;
}
constexpr Option addresses_option(std::string_view name, AddressList Config::*member, std::string_view help) {
  Option o{name, Kind::addresses, "NETWORKS", help};
  o.addresses_member = member;
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
                 "Open connections accepted at once; more wait in the kernel's listen queue. Slow or idle "
                 "clients hold one each until a timeout, so keep it well above what an attacker's "
                 "addresses can hold (max-connections-per-ip times their number); each takes a file "
                 "descriptor (LimitNOFILE in the unit) and up to connection-memory."),
    count_option("max-connections-per-ip", &Config::max_connections_per_ip, 0, 65536,
                 "Open connections accepted from one client address; 0 = unlimited. The addresses of "
                 "trusted-proxies are never limited, so a site behind proxies keeps this cap for everyone "
                 "else."),
    count_option("connection-timeout", &Config::connection_timeout, 1, 3600,
                 "Seconds a kept-alive connection may stay idle between requests (or in a request body) "
                 "before it is closed."),
    count_option("header-timeout", &Config::header_timeout, 1, 3600,
                 "Seconds a new connection may stay idle before its first request is complete: shorter "
                 "than connection-timeout, so clients that connect and say nothing (or trickle headers) "
                 "give their connection back sooner."),
    count_option("password-hash-threads", &Config::password_hash_threads, 1, 64,
                 "Threads that check and hash passwords (Argon2id: about 64 MiB and 55 ms of one core "
                 "each), so logins never run on the HTTP workers. One suits a 2-core machine: a burst of "
                 "logins then takes one core and the pages keep the other. Raise it on a larger machine "
                 "with many staff logging in at once."),
    count_option("password-hash-queue", &Config::password_hash_queue, 0, 1024,
                 "Logins and password changes that may wait while every password-hash-thread is busy; "
                 "more are answered at once with 503 and Retry-After (the login form keeps the name). "
                 "A waiting request holds no HTTP worker (its connection is suspended), so pages keep "
                 "every worker whatever this says."),
    count_option("search-concurrency", &Config::search_concurrency, 0, 256,
                 "Searches that may query the index at once; 0 = one per hardware thread. More would only "
                 "share the cores and make every answer late. Answers from the search cache never wait for "
                 "one."),
    count_option("search-queue-wait", &Config::search_queue_wait, 0, 10000,
                 "Milliseconds a search may wait for one of search-concurrency's slots, in line, first come "
                 "first served, without holding an HTTP worker; a search that would wait longer is answered "
                 "with 503 and Retry-After: 1 (a short Vietnamese page, or the API's JSON error) and counted "
                 "in portald_search_refused_total. 200 answers everyone a crowd sends; 30 keeps the answered "
                 "searches' p99 under 50 ms and refuses the rest (docs/search.md)."),
    count_option("search-shards", &Config::search_shards, 0, 64,
                 "Shards of the search index; 0 = one per hardware thread. A rebuild writes every shard "
                 "with its own thread, so it uses that many cores (bench/search.sh prints one and one per core); "
                 "searches read all shards as one index. An existing index keeps its shards: the new "
                 "number applies from the next rebuild (portaldctl reindex)."),
    choice_option("search-phrase-pairs", &Config::search_phrase_pairs, on_off, "on/off",
                  "Index every two adjacent words as a term of their own, so a quoted phrase (\"giấy phép xây "
                  "dựng\") only checks word positions in the items holding all its word pairs: common-word "
                  "phrases answer several times faster, for a larger index and a slower rebuild "
                  "(bench/search.sh prints both). Changing it rebuilds the index beside the live one, which "
                  "keeps answering."),
    size_option("connection-memory", &Config::connection_memory, 8 * K, M,
                "Memory for one connection's request headers and buffers; a request whose headers "
                "do not fit is refused. It also bounds the request target: at most a quarter of it long, "
                "with at most one query argument per 256 bytes of it (8K and 128 arguments at 32K, as long "
                "as nginx's default request line); a target beyond that gets 414. libmicrohttpd clears it "
                "between the requests of a connection: larger costs every request time."),
    size_option("max-body", &Config::max_body, K, 256 * M,
                "Largest request body accepted from anyone (form posts, citizens' questions); larger ones "
                "are refused. Staff uploads have their own limit, max-upload-body."),
    size_option("max-upload-body", &Config::max_upload_body, K, 1024 * M,
                "Largest request body of a signed-in user posting files where their role allows it (the "
                "media library, the editor's images, document attachments, article and page saves with "
                "pasted images). Decided from the session before the body is read; the file types keep "
                "their own limits (10M, video and audio 200M). Below max-body it has no effect."),
    addresses_option("ops-allow", &Config::ops_allow,
                     "Client addresses and networks (ADDRESS or ADDRESS/PREFIX, separated by spaces or commas; "
                     "none for nobody) that may read /metrics and the details of /healthz (store, disk, backup "
                     "and check details, version); everyone else gets /healthz's status only and 403 from "
                     "/metrics. Behind a reverse proxy on this machine every client looks local: there, fence "
                     "/healthz and /metrics in the proxy (their addresses are canonical, nothing else reaches "
                     "them)."),
    addresses_option("trusted-proxies", &Config::trusted_proxies,
                     "Reverse proxies and caches in front of portald (ADDRESS or ADDRESS/PREFIX, IPv4 or IPv6, "
                     "separated by spaces or commas; none by default). Only from these is X-Forwarded-For, "
                     "Forwarded and X-Forwarded-Proto believed: the client address in the audit log, login and "
                     "rate limits, statistics and ops-allow is then the right-most forwarded address that is not "
                     "itself a trusted proxy, and X-Forwarded-Proto: https makes session cookies __Host- and "
                     "Secure. From anyone else those headers are ignored. These addresses are exempt from "
                     "max-connections-per-ip."),
    count_option("cache-max-age", &Config::cache_max_age, 0, 31536000,
                 "Seconds a browser may keep a public page without asking again (Cache-Control max-age). 0: "
                 "browsers revalidate every time, a cheap 304, so readers see a change at once."),
    count_option("cache-s-maxage", &Config::cache_s_maxage, 0, 31536000,
                 "Seconds a shared cache (Varnish, nginx, a CDN) may serve a public page without asking "
                 "portald (Cache-Control s-maxage). Higher means fewer fetches and later changes; with purging "
                 "(Varnish xkey) changes show at once anyway. Keep nginx's proxy_cache_valid equal to it."),
    count_option("cache-stale-while-revalidate", &Config::cache_stale_while_revalidate, 0, 31536000,
                 "Seconds past s-maxage a shared cache may still answer with its copy while it fetches a "
                 "fresh one in the background (Cache-Control stale-while-revalidate). Keep the shipped VCL's "
                 "req.grace equal to it."),
    count_option("cache-stale-if-error", &Config::cache_stale_if_error, 0, 31536000,
                 "Seconds past s-maxage a shared cache may serve its copy while portald is down or failing "
                 "(Cache-Control stale-if-error; the shipped VCL keeps objects that long as grace)."),
    text_option("cache-nodes", &Config::cache_nodes,
                "Varnish cache nodes (with the xkey module, as in the shipped VCL) that portald tells which "
                "pages to drop when content changes: HOST:PORT items separated by spaces or commas; empty for "
                "none. A background thread follows the change log and sends each node PURGE with an xkey "
                "header within a fraction of a second, retrying a failed node (portald_cache_purge_failures_total "
                "counts the ones given up); an editor never waits for it."),
    size_option("map-size", &Config::map_size, 64 * M, 4 * T,
                "Maximum size of the LMDB store. Address space is reserved up front, disk is used "
                "only as data grows; raise it before the store fills up."),
    choice_option("log-level", &Config::log_level, log_levels, "LEVEL",
                  "Lowest priority written to the log: debug writes everything, error only errors."),
    text_option("site-name", &Config::site_name,
                "Portal name shown on every page, overriding the one stored in the site settings; "
                "empty = use the stored one."),
    weekdays_option("working-days", &Config::working_days,
                    "Working days on which the update cadence check (Điều 10.1: new information at the "
                    "start of the morning and of the afternoon working hours) expects publications: "
                    "names mon..sun, ranges and commas (mon-fri, mon-fri,sat); none turns the check off."),
    window_option("cadence-morning", &Config::cadence_morning,
                  "Morning window, portal local time (UTC+7): at least one article must be published in it "
                  "on a working day, or a warning is raised as soon as it closes."),
    window_option("cadence-afternoon", &Config::cadence_afternoon, "Afternoon window, as cadence-morning."),
    path_option("holidays-file", &Config::holidays_file,
                "Public holidays and make-up working days for the cadence check, one YYYY-MM-DD (or "
                "YYYY-MM-DD..YYYY-MM-DD) per line, \"+\" before a date that is worked; re-read when it "
                "changes. A missing file means no holidays."),
    size_option("min-free-space", &Config::min_free_space, 0, 4 * T,
                "The disk check warns when the file system of the data directory (or of a backup "
                "directory) has less free space than this."),
    file_option("personal-data-key", &Config::personal_data_key,
                "Key that seals personal data in the store (TOTP secrets, citizens' contacts), so neither "
                "data.mdb nor a snapshot holds them in clear; made by portaldctl secrets keygen (mode 0600, "
                "root's; systemd hands the daemon a copy). Keep a copy off the server with the snapshots: "
                "without it second factors must be enrolled again."),
    count_option("question-min-fill-time", &Config::question_min_fill_time, 0, 600,
                 "Seconds a person needs at least to fill the citizens' question form; a form sent back "
                 "sooner is taken for a script and shown again (0 = no check)."),
    count_option("question-limit-per-address", &Config::question_limit_per_address, 1, 10000,
                 "Questions one client address may send per hour; more get 429 with the form kept "
                 "(behind a reverse proxy every citizen shares the proxy's address: raise it)."),
    count_option("question-limit-global", &Config::question_limit_global, 1, 100000,
                 "Questions the whole portal accepts per minute; more get 429 with the form kept."),
    choice_option("visit-stats", &Config::visit_stats, on_off, "on/off",
                  "Count page views for the access statistics (/quan-tri/thong-ke, the footer's figures): "
                  "figures only, batched in memory and written every few seconds; no address, cookie or "
                  "user agent is stored. on (the default) costs no measurable page throughput in "
                  "bench/visit_stats.sh (issue 13's target: at most 5%); off = nothing is counted."),
    choice_option("access-log", &Config::access_log, access_log_modes, "off/journal/files",
                  "The HTTP access log that Nghị định 53/2022 asks to keep at least 12 months: one line per "
                  "request in nginx's combined format plus the seconds taken, with the client address "
                  "trusted-proxies resolve. files = one file per day in access-log-dir; journal = lines "
                  "in the daemon's log (event http.access), kept as long as journald keeps them; off = "
                  "none (when a proxy in front keeps the log)."),
    optional_dir_option("access-log-dir", &Config::access_log_dir,
                        "Directory of the access log's day files (access-YYYY-MM-DD.log) when access-log is "
                        "files; empty = DATA-DIR/access-log. The daemon must be able to write it."),
    count_option("access-log-keep-days", &Config::access_log_keep_days, 1, 3650,
                 "Days of access-log files kept; older day files are removed when a new day's file opens."),
    count_option("audit-keep-months", &Config::audit_keep_months, 12, 1200,
                 "Months the audit log is kept in the store (Nghị định 53/2022 asks for 12). portaldctl "
                 "backup moves older entries into a signed archive in BACKUP-DIR/audit before removing "
                 "them; portaldctl audit verify FILE checks one."),
    program_option("sendmail", &Config::sendmail,
                   "The sendmail program that takes the portal's e-mail (notices to staff and citizens), as "
                   "every Debian MTA and msmtp provide it: run as PROGRAM -i -f MAIL-FROM -- RECIPIENT with "
                   "the message on its input. An absolute path; empty = mail off (nothing is queued). Check "
                   "it with: portaldctl mail test ADDRESS."),
    text_option("mail-from", &Config::mail_from,
                "Address the portal's e-mail comes from (From and envelope sender), e.g. "
                "no-reply@portal.example.gov.vn; required when sendmail is set."),
    path_option("backup-dir", &Config::backup_dir,
                "Where portaldctl backup writes snapshots: a mounted external disk or network share "
                "(another device than data-dir, Điều 10.2.b). It is never created, so an unmounted disk "
                "fails the backup instead of filling the system disk."),
    file_option("backup-key", &Config::backup_key,
                "Secret key that signs snapshots (minisign format, no password, mode 0600); made by "
                "portaldctl backup keygen or by the first backup. Only the backup job needs it."),
    file_option("backup-public-key", &Config::backup_public_key,
                "Public key trusted by backup verify, backup drill and restore; check snapshots elsewhere "
                "with minisign -V and this key (a copy travels with every snapshot, but only for "
                "comparing key IDs: a forged snapshot would carry its forger's key)."),
    file_option("backup-encryption-key", &Config::backup_encryption_key,
                "Key that encrypts snapshots when backup-encrypt is yes, and decrypts them for verify, "
                "drill and restore. Keep a copy off the server: without it nothing can be restored."),
    choice_option("backup-encrypt", &Config::backup_encrypt, yes_no, "yes/no",
                  "Encrypt snapshots (XChaCha20-Poly1305) before signing them; turn it on when the "
                  "backup target leaves the building or is shared."),
    count_option("backup-keep-weekly", &Config::backup_keep_weekly, 1, 520,
                 "Retention: keep the newest snapshot of each of this many most recent weeks."),
    count_option("backup-keep-monthly", &Config::backup_keep_monthly, 0, 240,
                 "Retention: also keep the newest snapshot of each of this many most recent months."),
};

std::optional<std::uint64_t> parse_number(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// "07:30" -> 450; std::nullopt unless HH:MM with HH 00..24 and MM 00..59 (24:00 only as an end).
std::optional<unsigned> parse_clock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto h = parse_number(text.substr(0, 2)), m = parse_number(text.substr(3, 2));
  if (!h || !m || *h > 24 || *m > 59 || (*h == 24 && *m != 0)) return std::nullopt;
  return static_cast<unsigned>(*h * 60 + *m);
}

std::string format_clock(unsigned minutes) {
  const char digits[] = {char('0' + minutes / 600), char('0' + minutes / 60 % 10), ':', char('0' + minutes % 60 / 10),
                         char('0' + minutes % 10)};
  return std::string(digits, sizeof digits);
}

std::optional<unsigned> weekday_index(std::string_view name) {
  for (unsigned i = 0; i < weekday_names.size(); ++i) {
    if (name.size() == 3 &&
        std::equal(name.begin(), name.end(), weekday_names[i].begin(), [](char a, char b) { return (a | 0x20) == b; }))
      return i;
  }
  return std::nullopt;
}

std::optional<unsigned> parse_weekdays(std::string_view text) {
  if (text == "none") return 0u;
  unsigned mask = 0;
  while (true) {
    const auto comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    const auto dash = item.find('-');
    const auto first = weekday_index(item.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : weekday_index(item.substr(dash + 1));
    if (!first || !last || *last < *first) return std::nullopt;
    for (unsigned d = *first; d <= *last; ++d) mask |= 1u << d;
    if (comma == std::string_view::npos) return mask;
    text.remove_prefix(comma + 1);
  }
}

// The shortest form: runs of three or more days as ranges ("mon-fri,sun").
std::string format_weekdays(unsigned mask) {
  std::string out;
  for (unsigned d = 0; d < 7;) {
    if (!(mask & (1u << d))) {
      ++d;
      continue;
    }
    unsigned end = d;
    while (end + 1 < 7 && (mask & (1u << (end + 1)))) ++end;
    const auto add = [&](unsigned day) { out += (out.empty() ? "" : ",") + std::string(weekday_names[day]); };
    if (end - d >= 2) {
      add(d);
      out += "-" + std::string(weekday_names[end]);
    } else {
      for (unsigned x = d; x <= end; ++x) add(x);
    }
    d = end + 1;
  }
  return out.empty() ? "none" : out;
}

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

bool apply_window(const Option& o, Config& config, std::string_view text, std::string* error) {
  const auto dash = text.find('-');
  const auto start = parse_clock(text.substr(0, dash));
  const auto end = dash == std::string_view::npos ? std::nullopt : parse_clock(text.substr(dash + 1));
  if (!start || !end) return fail(error, "expected HH:MM-HH:MM, e.g. 07:30-10:00 (got " + quoted(text) + ")");
  if (*start >= *end) return fail(error, "the window must end after it starts (got " + std::string(text) + ")");
  config.*o.window_member = DayWindow{*start, *end};
  return true;
}

bool apply_weekdays(const Option& o, Config& config, std::string_view text, std::string* error) {
  const auto mask = parse_weekdays(text);
  if (!mask)
    return fail(error, "expected day names mon..sun with - and , (e.g. mon-fri), or none (got " + quoted(text) + ")");
  config.*o.weekdays_member = Weekdays{*mask};
  return true;
}

bool apply_addresses(const Option& o, Config& config, std::string_view text, std::string* error) {
  auto list = parse_address_list(text, error);
  if (!list) return false;
  config.*o.addresses_member = std::move(*list);
  return true;
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
    case Kind::program:
      if (!text.empty() && text.front() != '/') return fail(error, "must be an absolute path, or empty for none");
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
    case Kind::window: return apply_window(*this, config, text, error);
    case Kind::weekdays: return apply_weekdays(*this, config, text, error);
    case Kind::addresses: return apply_addresses(*this, config, text, error);
  }
  return fail(error, "unknown option kind");
}

std::string Option::value_text(const Config& config) const {
  switch (kind) {
    case Kind::path:
    case Kind::program: return (config.*path_member).string();
    case Kind::listen: return (config.*listen_member).to_string();
    case Kind::count: return std::to_string(config.*count_member);
    case Kind::size: return format_size(config.*size_member);
    case Kind::text:
    case Kind::choice: return config.*text_member;
    case Kind::window: {
      const DayWindow w = config.*window_member;
      return format_clock(w.start_minute) + "-" + format_clock(w.end_minute);
    }
    case Kind::weekdays: return format_weekdays((config.*weekdays_member).mask);
    case Kind::addresses: return (config.*addresses_member).to_string();
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
    case Kind::program:
    case Kind::listen:
    case Kind::text:
    case Kind::window:
    case Kind::weekdays:
    case Kind::addresses: break;
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
      case 'K':
      case 'k': unit = K; break;
      case 'M':
      case 'm': unit = M; break;
      case 'G':
      case 'g': unit = G; break;
      case 'T':
      case 't': unit = T; break;
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
