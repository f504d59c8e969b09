#pragma once
// portald's settings: one option table (option_table.hpp) drives the command line, the config file,
// their validation and the help text, for both portald and portaldctl.
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "build_info.hpp"
#include "daemon/config/address_list.hpp"
#include "daemon/config/listen_address.hpp"

namespace portald::config {

inline constexpr const char* default_config_file = "/etc/portald/portald.conf";

// A daily time window in the portal's local time (Vietnam, UTC+7): [start, end) in minutes after midnight.
struct DayWindow {
  unsigned start_minute = 0, end_minute = 0;
};
// Days of the week as bits: bit 0 = Monday ... bit 6 = Sunday; 0 = none.
struct Weekdays {
  unsigned mask = 0;
};

struct Config {
  std::filesystem::path config_file;  // the file that was read; empty when none
  std::filesystem::path data_dir = "/var/lib/portald";
  ListenAddress listen{"127.0.0.1", 8080};
  std::filesystem::path share_dir = build::share_dir;  // templates/ and static/ live below it
  unsigned http_threads = 4;                           // 1..64
  unsigned max_connections = 8192;                     // 1..65536 (issue 16: hold 5,000 slow clients)
  unsigned max_connections_per_ip = 32;                // 0..65536, 0 = unlimited; trusted proxies exempt
  unsigned connection_timeout = 10;                    // seconds, 1..3600: idle between kept-alive requests
  unsigned header_timeout = 5;                         // seconds, 1..3600: idle before the first request is in
  std::size_t connection_memory = 32 * 1024;           // bytes, 8K..1M
  // Argon2id off the HTTP workers (issue 16): threads of the hash pool, 1..64, and logins waiting for
  // one, 0..1024; more get 503. 1 thread: a hash takes a whole core, and a 2-core box keeps one for pages.
  unsigned password_hash_threads = 1;
  unsigned password_hash_queue = 16;
  // Search admission (issue 17): uncached Xapian queries at once, 0..256 (0 = one per hardware thread),
  // and the longest wait for a slot in milliseconds, 0..10000; a longer one gets 503 + Retry-After: 1.
  unsigned search_concurrency = 0;
  unsigned search_queue_wait = 200;
  unsigned search_shards = 0;              // 0..64, 0 = one per hardware thread: one Xapian writer thread each
  std::string search_phrase_pairs = "on";  // on|off: adjacent-word terms that speed up quoted phrases
  std::size_t max_body = 1 << 20;          // bytes, 1K..256M
  std::size_t max_upload_body = std::size_t(256) << 20;  // bytes, 1K..1G: signed-in staff's uploads
  // Who reads /metrics and the details of /healthz (paths, disk, backups, errors); others get the status.
  AddressList ops_allow = loopback_addresses();
  // Reverse proxies and caches whose X-Forwarded-For / -Proto and Forwarded are believed; none by default.
  AddressList trusted_proxies{};
  // Cache-Control of public pages (issue 17), seconds, 0..31536000: browsers, shared caches, serving an
  // expired copy while refreshing it, and while portald is down or failing.
  unsigned cache_max_age = 0;
  unsigned cache_s_maxage = 10;
  unsigned cache_stale_while_revalidate = 30;
  unsigned cache_stale_if_error = 86400;
  std::string cache_nodes;  // Varnish nodes told to purge on publish: "HOST:PORT ..."; "" = none
  // LMDB map size, 64M..4T: address space, not disk. 32-bit targets cannot map 32G, so they get 1G.
  std::size_t map_size = std::size_t(sizeof(std::size_t) >= 8 ? 32 : 1) << 30;
  std::string log_level = "info";  // error|warning|notice|info|debug
  std::string site_name;           // overrides the portal name; "" = from the store's settings
  // Update cadence (Điều 10.1): publications expected in both windows of every working day.
  Weekdays working_days{0x1f};                                    // Mon-Fri; none = no cadence check
  DayWindow cadence_morning{7 * 60 + 30, 10 * 60};                // 07:30-10:00
  DayWindow cadence_afternoon{13 * 60 + 30, 16 * 60};             // 13:30-16:00
  std::filesystem::path holidays_file = "/etc/portald/holidays";  // missing = no holidays
  std::size_t min_free_space = std::size_t(2) << 30;              // bytes; the disk check warns below this
  // Seals personal data at rest (TOTP secrets, citizens' contacts); outside the data dir, not in snapshots.
  std::filesystem::path personal_data_key = "/etc/portald/keys/personal-data.key";
  // Citizens' questions (issue 12): the public form's limits against floods and scripts.
  unsigned question_min_fill_time = 5;      // seconds, 0..600
  unsigned question_limit_per_address = 5;  // submissions per address per hour, 1..10000
  unsigned question_limit_global = 60;      // submissions per minute for the whole portal, 1..100000
  std::string visit_stats = "on";           // on|off: access statistics (issue 13)
  // The HTTP access log (issue 16, Nghị định 53/2022): off|journal|files; day files in access_log_dir
  // ("" = <data-dir>/access-log), removed after access_log_keep_days (1..3650).
  std::string access_log = "files";
  std::filesystem::path access_log_dir;
  unsigned access_log_keep_days = 366;
  // Audit entries older than this many months (12..1200) go to a signed archive at each backup.
  unsigned audit_keep_months = 24;
  // E-mail through the machine's sendmail interface (daemon/mail): empty = mail off.
  std::filesystem::path sendmail;  // absolute path of the program, e.g. /usr/sbin/sendmail
  std::string mail_from;           // the From and envelope sender; required when sendmail is set
  // Snapshots (backup/, Điều 10.2.b): a directory on another device, the keys, retention.
  std::filesystem::path backup_dir = "/srv/portald-snapshots";
  std::filesystem::path backup_key = "/etc/portald/keys/snapshot.key";         // minisign secret key
  std::filesystem::path backup_public_key = "/etc/portald/keys/snapshot.pub";  // trusted for verify/restore
  std::filesystem::path backup_encryption_key = "/etc/portald/keys/snapshot-encryption.key";
  std::string backup_encrypt = "no";  // no|yes
  unsigned backup_keep_weekly = 8;    // 1..520
  unsigned backup_keep_monthly = 12;  // 0..240
};

// What a program asked for on its command line.
struct Invocation {
  Config config;
  bool show_help = false, show_version = false;
  std::vector<std::string> positional;  // portaldctl's command and its arguments, untouched
};

// Any bad option, value or config file. The message is one line, e.g.
// "/etc/portald/portald.conf:12: max-body: must be between 1K and 256M (got 300M)".
class ConfigError : public std::runtime_error {
  using runtime_error::runtime_error;
};

enum class Program { daemon, ctl };

// 1. Parses the command line: every table option as --name VALUE or --name=VALUE, plus -c/--config FILE,
//    -h/--help, -V/--version. Long names must be spelled out (no abbreviations), so a new option can
//    never change the meaning of an old command line.
// 2. Reads --config FILE (missing: error), else default_config when it exists.
// 3. Applies the command line over the file.
// For Program::ctl, global options end at the first word that is not an option (or at "--"): that word
// and everything after it, flags included, go untouched to `positional` (git-style
// "portaldctl [OPTION]... COMMAND [ARG]..."). For Program::daemon any such word is an error.
// With --help or --version nothing else is validated and no file is read, so help works even when
// the config file is broken.
// Throws ConfigError on any bad option or value (the first problem; check_config_file lists them all).
Invocation parse_invocation(Program program, int argc, const char* const* argv,
                            const std::filesystem::path& default_config = default_config_file);

// Checks a config file without the command line. Returns every error, each "FILE:LINE: key: reason"
// (or "FILE: reason" when it cannot be read); empty when the file is valid.
std::vector<std::string> check_config_file(const std::filesystem::path& file);

// The --help text, generated from the table: `usage` is printed verbatim first
// (e.g. "Usage: portald [OPTION]..."), then every option with its value, range, default and help.
std::string help_text(Program program, std::string_view usage);

// docs/config.md and packaging/portald.conf, generated from the table showing `defaults`.
// A unit test keeps the checked-in files equal to these with packaged_defaults();
// `portald_config_docs markdown|conf` regenerates them.
std::string reference_markdown(const Config& defaults);
std::string sample_config_file(const Config& defaults);
// Config{} as the Debian package builds it (installed under /usr), whatever this build's prefix.
Config packaged_defaults();

}  // namespace portald::config
