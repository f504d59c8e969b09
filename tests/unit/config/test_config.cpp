// The option table as the command line, the config file, the checker and the help text see it.
#include <boost/test/unit_test.hpp>

#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "build_info.hpp"
#include "daemon/config/config.hpp"
#include "daemon/config/config_file.hpp"
#include "daemon/config/option_table.hpp"
#include "daemon/log/log.hpp"

namespace fs = std::filesystem;
using namespace portald::config;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "portald-config-XXXXXX").string();
    BOOST_REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path file = path / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
};

Invocation run(Program program, std::vector<std::string> args, const fs::path& default_config) {
  std::vector<const char*> argv{program == Program::ctl ? "portaldctl" : "portald"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  return parse_invocation(program, static_cast<int>(argv.size()), argv.data(), default_config);
}

// Runs with a default config path that does not exist, so a real /etc/portald cannot leak in.
Invocation run(Program program, std::vector<std::string> args) {
  return run(program, std::move(args), "/nonexistent/portald-test/portald.conf");
}

// Every option's value, "name=value" per line: comparing dumps shows which option differs.
std::string dump(const Config& c) {
  std::string out;
  for (const Option& o : option_table()) out += std::string(o.name) + "=" + o.value_text(c) + "\n";
  return out;
}

// A non-default value for every option; the test fails when a new option is added without one.
const std::map<std::string, std::string>& sample_values() {
  static const std::map<std::string, std::string> values{
      {"data-dir", "/srv/portal data"},
      {"listen", "[::]:9090"},
      {"share-dir", "/opt/portald/share"},
      {"http-threads", "8"},
      {"max-connections", "1000"},
      {"max-connections-per-ip", "0"},
      {"connection-timeout", "60"},
      {"header-timeout", "3"},
      {"password-hash-threads", "2"},
      {"password-hash-queue", "0"},
      {"search-concurrency", "3"},
      {"search-queue-wait", "50"},
      {"search-shards", "4"},
      {"search-phrase-pairs", "off"},
      {"ops-allow", "10.0.0.0/8 192.0.2.7 ::1"},
      {"trusted-proxies", "192.0.2.0/28 2001:db8::1"},
      {"cache-max-age", "5"},
      {"cache-s-maxage", "600"},
      {"cache-stale-while-revalidate", "60"},
      {"cache-stale-if-error", "3600"},
      {"cache-nodes", "10.20.0.2:80 [2001:db8::2]:6081"},
      {"connection-memory", "128K"},
      {"max-body", "16M"},
      {"max-upload-body", "64M"},
      {"map-size", "2G"},
      {"log-level", "debug"},
      {"site-name", "Cổng thông tin điện tử tỉnh"},
      {"working-days", "mon-sat"},
      {"cadence-morning", "07:00-09:00"},
      {"cadence-afternoon", "13:00-15:00"},
      {"holidays-file", "/srv/ngay-le"},
      {"min-free-space", "10G"},
      {"personal-data-key", "/root/keys/personal.key"},
      {"question-min-fill-time", "3"},
      {"question-limit-per-address", "20"},
      {"question-limit-global", "300"},
      {"visit-stats", "off"},
      {"access-log", "journal"},
      {"access-log-dir", "/var/log/portald"},
      {"access-log-keep-days", "400"},
      {"audit-keep-months", "36"},
      {"sendmail", "/usr/bin/msmtp"},
      {"mail-from", "no-reply@portal.example.vn"},
      {"backup-dir", "/mnt/usb/portald"},
      {"backup-key", "/root/keys/sign.key"},
      {"backup-public-key", "/root/keys/sign.pub"},
      {"backup-encryption-key", "/root/keys/enc.key"},
      {"backup-encrypt", "yes"},
      {"backup-keep-weekly", "4"},
      {"backup-keep-monthly", "24"},
  };
  return values;
}

void check_sample(const Config& c) {
  BOOST_TEST(c.data_dir == fs::path("/srv/portal data"));
  BOOST_TEST(c.listen.host == "::");
  BOOST_TEST(c.listen.port == 9090);
  BOOST_TEST(c.share_dir == fs::path("/opt/portald/share"));
  BOOST_TEST(c.http_threads == 8u);
  BOOST_TEST(c.password_hash_threads == 2u);
  BOOST_TEST(c.password_hash_queue == 0u);
  BOOST_TEST(c.search_concurrency == 3u);
  BOOST_TEST(c.search_queue_wait == 50u);
  BOOST_TEST(c.search_phrase_pairs == "off");
  BOOST_TEST(c.max_connections == 1000u);
  BOOST_TEST(c.max_connections_per_ip == 0u);
  BOOST_TEST(c.trusted_proxies.to_string() == "192.0.2.0/28 2001:db8::1/128");
  BOOST_TEST(c.cache_max_age == 5u);
  BOOST_TEST(c.cache_s_maxage == 600u);
  BOOST_TEST(c.cache_stale_while_revalidate == 60u);
  BOOST_TEST(c.cache_stale_if_error == 3600u);
  BOOST_TEST(c.cache_nodes == "10.20.0.2:80 [2001:db8::2]:6081");
  BOOST_TEST(c.connection_timeout == 60u);
  BOOST_TEST(c.connection_memory == 128u * 1024);
  BOOST_TEST(c.max_body == std::size_t(16) << 20);
  BOOST_TEST(c.max_upload_body == std::size_t(64) << 20);
  BOOST_TEST(c.map_size == std::size_t(2) << 30);
  BOOST_TEST(c.log_level == "debug");
  BOOST_TEST(c.site_name == "Cổng thông tin điện tử tỉnh");
  BOOST_TEST(c.working_days.mask == 0x3fu);
  BOOST_TEST(c.cadence_morning.start_minute == 7u * 60);
  BOOST_TEST(c.cadence_afternoon.end_minute == 15u * 60);
  BOOST_TEST(c.holidays_file == fs::path("/srv/ngay-le"));
  BOOST_TEST(c.min_free_space == std::size_t(10) << 30);
  BOOST_TEST(c.personal_data_key == fs::path("/root/keys/personal.key"));
  BOOST_TEST(c.visit_stats == "off");
  BOOST_TEST(c.sendmail == fs::path("/usr/bin/msmtp"));
  BOOST_TEST(c.mail_from == "no-reply@portal.example.vn");
  BOOST_TEST(c.backup_dir == fs::path("/mnt/usb/portald"));
  BOOST_TEST(c.backup_key == fs::path("/root/keys/sign.key"));
  BOOST_TEST(c.backup_public_key == fs::path("/root/keys/sign.pub"));
  BOOST_TEST(c.backup_encryption_key == fs::path("/root/keys/enc.key"));
  BOOST_TEST(c.backup_encrypt == "yes");
  BOOST_TEST(c.backup_keep_weekly == 4u);
  BOOST_TEST(c.backup_keep_monthly == 24u);
}

std::string error_of(Program program, std::vector<std::string> args) {
  try {
    run(program, std::move(args));
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string listen_error(std::string_view text) {
  std::string error;
  const auto address = parse_listen_address(text, &error);
  return address ? "(parsed as " + address->to_string() + ")" : error;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(defaults_without_arguments_or_file) {
  const Invocation inv = run(Program::daemon, {});
  const Config& c = inv.config;
  BOOST_TEST(!inv.show_help);
  BOOST_TEST(!inv.show_version);
  BOOST_TEST(inv.positional.empty());
  BOOST_TEST(c.config_file.empty());
  BOOST_TEST(c.data_dir == fs::path("/var/lib/portald"));
  BOOST_TEST(c.listen.to_string() == "127.0.0.1:8080");
  BOOST_TEST(c.share_dir == fs::path(portald::build::share_dir));
  BOOST_TEST(c.http_threads == 4u);
  BOOST_TEST(c.password_hash_threads == 1u);
  BOOST_TEST(c.password_hash_queue == 16u);
  BOOST_TEST(c.search_concurrency == 0u);
  BOOST_TEST(c.search_queue_wait == 200u);
  BOOST_TEST(c.search_phrase_pairs == "on");
  // Issue 16 finding 2: room for thousands of slow clients, a header timeout shorter than the idle one.
  BOOST_TEST(c.max_connections == 8192u);
  BOOST_TEST(c.max_connections_per_ip == 32u);
  BOOST_TEST(c.connection_timeout == 10u);
  BOOST_TEST(c.header_timeout == 5u);
  BOOST_TEST(c.header_timeout < c.connection_timeout);
  BOOST_TEST(c.ops_allow.to_string() == "127.0.0.0/8 ::1/128");
  BOOST_TEST(c.trusted_proxies.to_string() == "none");
  BOOST_TEST(c.cache_max_age == 0u);
  BOOST_TEST(c.cache_s_maxage == 10u);
  BOOST_TEST(c.cache_stale_while_revalidate == 30u);
  BOOST_TEST(c.cache_stale_if_error == 86400u);
  BOOST_TEST(c.connection_memory == 32768u);
  BOOST_TEST(c.max_body == 1048576u);
  BOOST_TEST(c.map_size == std::size_t(sizeof(std::size_t) >= 8 ? 32 : 1) << 30);
  BOOST_TEST(c.log_level == "info");
  BOOST_TEST(c.site_name == "");
}

BOOST_AUTO_TEST_CASE(sample_values_cover_every_option) {
  for (const Option& o : option_table()) {
    BOOST_TEST_CONTEXT(o.name) {
      const auto it = sample_values().find(std::string(o.name));
      BOOST_REQUIRE(it != sample_values().end());
      Config c;
      std::string error;
      BOOST_TEST(o.apply(c, it->second, &error), error);
      BOOST_TEST(o.value_text(c) != o.value_text(Config{}));  // really not the default
    }
  }
  BOOST_TEST(sample_values().size() == option_table().size());
}

BOOST_AUTO_TEST_CASE(every_option_from_the_command_line_with_space_and_equals) {
  std::vector<std::string> spaced, joined;
  for (const auto& [name, value] : sample_values()) {
    spaced.insert(spaced.end(), {"--" + name, value});
    joined.push_back("--" + name + "=" + value);
  }
  const Config a = run(Program::daemon, spaced).config;
  const Config b = run(Program::ctl, joined).config;
  check_sample(a);
  BOOST_TEST(dump(a) == dump(b));
  BOOST_TEST(a.config_file.empty());
}

BOOST_AUTO_TEST_CASE(every_option_from_a_file) {
  TempDir dir;
  std::string text = "# portald test config\n\n";
  for (const auto& [name, value] : sample_values()) text += "  " + name + "\t=  " + value + "   \n";
  const fs::path file = dir.write("portald.conf", text);
  BOOST_TEST(check_config_file(file).empty());
  const Invocation inv = run(Program::daemon, {"--config", file.string()});
  check_sample(inv.config);
  BOOST_TEST(inv.config.config_file == file);
}

BOOST_AUTO_TEST_CASE(default_file_is_read_only_when_it_exists) {
  TempDir dir;
  const fs::path file = dir.write("portald.conf", "http-threads = 7\n");
  const Invocation with = run(Program::daemon, {}, file);
  BOOST_TEST(with.config.http_threads == 7u);
  BOOST_TEST(with.config.config_file == file);
  const Invocation without = run(Program::daemon, {}, dir.path / "absent.conf");
  BOOST_TEST(without.config.http_threads == 4u);
  BOOST_TEST(without.config.config_file.empty());
}

BOOST_AUTO_TEST_CASE(command_line_overrides_file) {
  TempDir dir;
  const fs::path file = dir.write("portald.conf", "data-dir = /from/file\nlisten = 0.0.0.0:80\nmax-body = 2M\n");
  const Config c = run(Program::daemon, {"--listen=[::1]:8443", "-c", file.string(), "--max-body", "4M"}).config;
  BOOST_TEST(c.data_dir == fs::path("/from/file"));  // only in the file
  BOOST_TEST(c.listen.to_string() == "[::1]:8443");
  BOOST_TEST(c.max_body == std::size_t(4) << 20);
}

BOOST_AUTO_TEST_CASE(explicit_config_file_must_exist) {
  TempDir dir;
  const fs::path missing = dir.path / "missing.conf";
  const std::string error = error_of(Program::daemon, {"--config", missing.string()});
  BOOST_TEST(error.find(missing.string()) != std::string::npos, error);
  BOOST_TEST(error.find("No such file") != std::string::npos, error);
  BOOST_TEST(error_of(Program::daemon, {"--config", ""}) == "--config: must not be empty");
}

BOOST_AUTO_TEST_CASE(unknown_key_names_file_and_line) {
  TempDir dir;
  const fs::path file = dir.write("portald.conf", "# comment\n\nmax-bodies = 1M\n");
  const std::string expected = file.string() + ":3: max-bodies: unknown option";
  BOOST_TEST(error_of(Program::daemon, {"--config", file.string()}) == expected);
  BOOST_TEST(check_config_file(file) == std::vector<std::string>{expected}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(check_reports_every_error_with_its_line) {
  TempDir dir;
  const fs::path file = dir.write("portald.conf",
                                  "data-dir = /var/lib/portald\n"  // 1 fine
                                  "nonsense\n"                     // 2
                                  "http-threads = 0\n"             // 3
                                  "max-body = 1.5M\n"              // 4
                                  "# data-dir = /x\n"              // 5 comment
                                  "data-dir = /elsewhere\n"        // 6
                                  "listen = ::1:8080\n"            // 7
                                  "log-level = verbose\n"          // 8
                                  "= 3\n"                          // 9
                                  "version = 1\n"                  // 10
                                  "site-name = \"unterminated\n"   // 11
                                  "map-size = 8T\n"                // 12
                                  "connection-timeout = -5\n");    // 13
  const std::string f = file.string();
  const std::vector<std::string> expected{
      f + ":2: expected \"key = value\"",
      f + ":3: http-threads: must be between 1 and 64 (got 0)",
      f + ":4: max-body: expected a size such as 512K, 64M or 2G (got \"1.5M\")",
      f + ":6: data-dir: set twice (first on line 1)",
      f + ":7: listen: IPv6 addresses must be in brackets, e.g. [::1]:8080",
      f + ":8: log-level: must be one of error, warning, notice, info, debug (got \"verbose\")",
      f + ":9: missing key before '='",
      f + ":10: version: only valid on the command line",
      f + ":11: site-name: missing closing quote",
      f + ":12: map-size: must be between 64M and 4T (got 8T)",
      f + ":13: connection-timeout: expected a whole number between 1 and 3600 (got \"-5\")",
  };
  BOOST_TEST(check_config_file(file) == expected, boost::test_tools::per_element());
  // parse_invocation stops the daemon on the first and says how many more there are.
  BOOST_TEST(error_of(Program::daemon, {"-c", f}) == expected.front() + " (and 10 more)");
}

BOOST_AUTO_TEST_CASE(check_names_an_unreadable_file) {
  TempDir dir;
  const auto missing = check_config_file(dir.path / "nope.conf");
  BOOST_REQUIRE(missing.size() == 1u);
  BOOST_TEST(missing[0].starts_with((dir.path / "nope.conf").string() + ": cannot read config file: "));
  const auto directory = check_config_file(dir.path);
  BOOST_REQUIRE(directory.size() == 1u);
  BOOST_TEST(directory[0] == dir.path.string() + ": cannot read config file: is a directory");
}

BOOST_AUTO_TEST_CASE(file_syntax_quotes_crlf_and_bom) {
  TempDir dir;
  const fs::path file = dir.write("portald.conf",
                                  "\xEF\xBB\xBFsite-name = \"  Cổng \\\"A\\\" \\\\ # not a comment \"\r\n"
                                  "data-dir=\"/srv/p\"\r\n"
                                  "   # indented comment\r\n"
                                  "log-level=warning\r\n");
  BOOST_TEST(check_config_file(file).empty());
  const Config c = run(Program::daemon, {"--config", file.string()}).config;
  BOOST_TEST(c.site_name == "  Cổng \"A\" \\ # not a comment ");
  BOOST_TEST(c.data_dir == fs::path("/srv/p"));
  BOOST_TEST(c.log_level == "warning");

  const fs::path empty = dir.write("empty.conf", "site-name = \"\"\nshare-dir =\n");
  BOOST_TEST(check_config_file(empty) == std::vector<std::string>{empty.string() + ":2: share-dir: must not be empty"},
             boost::test_tools::per_element());
  const fs::path trailing = dir.write("trailing.conf", "site-name = \"a\" b\n");
  BOOST_TEST(check_config_file(trailing) ==
                 std::vector<std::string>{trailing.string() + ":1: site-name: unexpected text after the closing quote"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(text_reader_agrees_with_the_file_reader) {
  TempDir dir;
  // A BOM, CRLF, an empty line, errors, and no newline at the end.
  const std::string text = "\xEF\xBB\xBFsite-name = x\r\n\nbogus\nmax-body = 2K\nmax-body = 3K\nlog-level = loud";
  const fs::path file = dir.write("same.conf", text);
  Config from_text;
  const auto errors = apply_config_text(text, file.string(), from_text);
  BOOST_TEST(errors == check_config_file(file), boost::test_tools::per_element());
  BOOST_TEST(errors.size() == 3u);
  BOOST_TEST(from_text.site_name == "x");
  BOOST_TEST(from_text.max_body == 2048u);
  BOOST_TEST(apply_config_text("", "x", from_text).empty());
  BOOST_TEST(apply_config_text("\n\n", "x", from_text).empty());
}

BOOST_AUTO_TEST_CASE(sizes_with_suffixes_and_ranges) {
  BOOST_TEST(*parse_size("0") == 0u);
  BOOST_TEST(*parse_size("65536") == 65536u);
  BOOST_TEST(*parse_size("64K") == 65536u);
  BOOST_TEST(*parse_size("64k") == 65536u);
  BOOST_TEST(*parse_size("3M") == 3u << 20);
  BOOST_TEST(*parse_size("2G") == std::uint64_t(2) << 30);
  BOOST_TEST(*parse_size("4T") == std::uint64_t(4) << 40);
  for (const char* bad : {"", "K", "1.5M", "-1K", "+1K", " 1K", "1 K", "1KB", "1KiB", "0x10", "17179869184T"})
    BOOST_TEST(!parse_size(bad).has_value(), "accepted " << bad);

  BOOST_TEST(format_size(65536) == "64K");
  BOOST_TEST(format_size(1000) == "1000");
  BOOST_TEST(format_size(1536) == "1536");
  BOOST_TEST(format_size(std::uint64_t(3) << 40) == "3T");
  BOOST_TEST(format_size(0) == "0");

  BOOST_TEST(run(Program::daemon, {"--connection-memory=8K"}).config.connection_memory == 8192u);
  BOOST_TEST(run(Program::daemon, {"--connection-memory=1M"}).config.connection_memory == 1048576u);
  BOOST_TEST(run(Program::daemon, {"--max-body=1024"}).config.max_body == 1024u);
  BOOST_TEST(error_of(Program::daemon, {"--max-body=300M"}) == "--max-body: must be between 1K and 256M (got 300M)");
  BOOST_TEST(error_of(Program::daemon, {"--connection-memory", "8191"}) ==
             "--connection-memory: must be between 8K and 1M (got 8191)");
  BOOST_TEST(error_of(Program::daemon, {"--map-size=63M"}) == "--map-size: must be between 64M and 4T (got 63M)");
  BOOST_TEST(error_of(Program::daemon, {"--map-size=lots"}) ==
             "--map-size: expected a size such as 512K, 64M or 2G (got \"lots\")");
}

BOOST_AUTO_TEST_CASE(whole_number_ranges) {
  BOOST_TEST(run(Program::daemon, {"--http-threads=64"}).config.http_threads == 64u);
  BOOST_TEST(run(Program::daemon, {"--max-connections=65536"}).config.max_connections == 65536u);
  BOOST_TEST(run(Program::daemon, {"--connection-timeout=3600"}).config.connection_timeout == 3600u);
  BOOST_TEST(error_of(Program::daemon, {"--http-threads=65"}) == "--http-threads: must be between 1 and 64 (got 65)");
  BOOST_TEST(error_of(Program::daemon, {"--max-connections=0"}) ==
             "--max-connections: must be between 1 and 65536 (got 0)");
  BOOST_TEST(error_of(Program::daemon, {"--max-connections-per-ip=99999999999999999999999"}) ==
             "--max-connections-per-ip: expected a whole number between 0 and 65536 (got \"99999999999999999999999\")");
  BOOST_TEST(error_of(Program::daemon, {"--connection-timeout=4K"}) ==
             "--connection-timeout: expected a whole number between 1 and 3600 (got \"4K\")");
}

BOOST_AUTO_TEST_CASE(listen_addresses) {
  struct Good {
    const char* text;
    const char* host;
    std::uint16_t port;
  };
  for (const Good& g :
       {Good{"127.0.0.1:8080", "127.0.0.1", 8080}, Good{"0.0.0.0:80", "0.0.0.0", 80}, Good{"[::1]:8080", "::1", 8080},
        Good{"[::]:8080", "::", 8080}, Good{"localhost:8080", "localhost", 8080},
        Good{"portal.example.vn:443", "portal.example.vn", 443}, Good{"127.0.0.1:0", "127.0.0.1", 0},
        Good{"[2001:db8::7]:65535", "2001:db8::7", 65535}}) {
    std::string error;
    const auto a = parse_listen_address(g.text, &error);
    BOOST_TEST_REQUIRE(a.has_value(), g.text << ": " << error);
    BOOST_TEST(a->host == g.host);
    BOOST_TEST(a->port == g.port);
    BOOST_TEST(a->to_string() == g.text);  // round trip
  }
  BOOST_TEST(listen_error("::1:8080") == "IPv6 addresses must be in brackets, e.g. [::1]:8080");
  BOOST_TEST(listen_error("127.0.0.1") == "missing ':PORT', e.g. 127.0.0.1:8080");
  BOOST_TEST(listen_error("127.0.0.1:65536") == "port '65536' is not a number between 0 and 65535");
  BOOST_TEST(listen_error("127.0.0.1:") == "port '' is not a number between 0 and 65535");
  BOOST_TEST(listen_error("127.0.0.1:http") == "port 'http' is not a number between 0 and 65535");
  BOOST_TEST(listen_error("127.0.0.1:-1") == "port '-1' is not a number between 0 and 65535");
  BOOST_TEST(listen_error("256.1.1.1:80") == "'256.1.1.1' is not an IPv4 address or host name");
  BOOST_TEST(listen_error("1.2.3:80") == "'1.2.3' is not an IPv4 address or host name");
  BOOST_TEST(listen_error("bad_host:80") == "'bad_host' is not an IPv4 address or host name");
  BOOST_TEST(listen_error("-bad:80") == "'-bad' is not an IPv4 address or host name");
  BOOST_TEST(listen_error(":8080") == "missing host before ':', e.g. 0.0.0.0:8080 for all interfaces");
  BOOST_TEST(listen_error("[::1]8080") == "missing ':PORT' after ']'");
  BOOST_TEST(listen_error("[::1:8080") == "missing ']' after IPv6 address");
  BOOST_TEST(listen_error("[1.2.3.4]:80") == "'1.2.3.4' is not an IPv6 address");
  BOOST_TEST(listen_error("") == "empty address; expected HOST:PORT, e.g. 127.0.0.1:8080");
  BOOST_TEST(!parse_listen_address("nope", nullptr).has_value());  // the error pointer is optional

  BOOST_TEST(error_of(Program::daemon, {"--listen", "[::1]"}) == "--listen: missing ':PORT' after ']'");
}

BOOST_AUTO_TEST_CASE(ctl_passes_command_words_through_untouched) {
  const Invocation import = run(Program::ctl, {"--data-dir", "D", "import", "articles", "F.jsonl", "--skip-bad"});
  BOOST_TEST(import.config.data_dir == fs::path("D"));
  BOOST_TEST(import.positional == (std::vector<std::string>{"import", "articles", "F.jsonl", "--skip-bad"}),
             boost::test_tools::per_element());

  const Invocation init = run(Program::ctl, {"init", "--demo"});
  BOOST_TEST(init.positional == (std::vector<std::string>{"init", "--demo"}), boost::test_tools::per_element());

  // Words after the command stay the command's, even ones spelled like our options.
  const Invocation user =
      run(Program::ctl, {"--data-dir=D", "user", "add", "--role", "editor", "--data-dir", "E", "-h", "NAME"});
  BOOST_TEST(user.config.data_dir == fs::path("D"));
  BOOST_TEST(!user.show_help);
  BOOST_TEST(
      user.positional == (std::vector<std::string>{"user", "add", "--role", "editor", "--data-dir", "E", "-h", "NAME"}),
      boost::test_tools::per_element());

  const Invocation dashes = run(Program::ctl, {"-c", "/nonexistent/x.conf", "--help", "--", "--odd"});
  BOOST_TEST(dashes.show_help);
  BOOST_TEST(dashes.positional == std::vector<std::string>{"--odd"}, boost::test_tools::per_element());

  BOOST_TEST(run(Program::ctl, {"--log-level", "debug"}).positional.empty());
  BOOST_TEST(run(Program::ctl, {"-"}).positional == std::vector<std::string>{"-"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_command_lines) {
  BOOST_TEST(error_of(Program::daemon, {"serve"}) == "unexpected argument 'serve' (portald takes only options)");
  BOOST_TEST(error_of(Program::daemon, {"--", "x"}) == "unexpected argument 'x' (portald takes only options)");
  BOOST_TEST(error_of(Program::daemon, {"--bogus"}).find("--bogus") != std::string::npos);
  BOOST_TEST(error_of(Program::ctl, {"--bogus", "init"}).find("--bogus") != std::string::npos);
  // No abbreviations: --data would silently become --data-dir otherwise.
  BOOST_TEST(error_of(Program::daemon, {"--data", "D"}).find("--data") != std::string::npos);
  BOOST_TEST(error_of(Program::daemon, {"--data-dir"}).find("data-dir") != std::string::npos);
  BOOST_TEST(error_of(Program::daemon, {"--data-dir", "A", "--data-dir", "B"}).find("data-dir") != std::string::npos);
  BOOST_TEST(error_of(Program::daemon, {"--log-level=loud"}) ==
             "--log-level: must be one of error, warning, notice, info, debug (got \"loud\")");
  BOOST_TEST(error_of(Program::daemon, {"--site-name=a\tb"}) == "--site-name: must not contain control characters");
  BOOST_TEST(error_of(Program::daemon, {"--data-dir", ""}) == "--data-dir: must not be empty");
  // sendmail runs without a shell and without a PATH search: only an absolute path, or empty (mail off).
  BOOST_TEST(error_of(Program::daemon, {"--sendmail", "sendmail"}) ==
             "--sendmail: must be an absolute path, or empty for none");
  BOOST_TEST(run(Program::daemon, {"--sendmail", ""}).config.sendmail.empty());
}

BOOST_AUTO_TEST_CASE(help_and_version_skip_the_config_file) {
  TempDir dir;
  const fs::path broken = dir.write("portald.conf", "this is not a config file\n");
  const Invocation help = run(Program::daemon, {"--help"}, broken);
  BOOST_TEST(help.show_help);
  BOOST_TEST(run(Program::daemon, {"-V", "--config", broken.string()}).show_version);
  BOOST_TEST(run(Program::daemon, {"--version"}).show_version);
  BOOST_TEST(run(Program::daemon, {"-h"}).show_help);
  BOOST_TEST(error_of(Program::daemon, {"-c", broken.string()}) == broken.string() + ":1: expected \"key = value\"");
}

BOOST_AUTO_TEST_CASE(help_text_lists_every_option) {
  for (Program program : {Program::daemon, Program::ctl}) {
    const std::string help = help_text(program, "Usage: portald [OPTION]...");
    BOOST_TEST(help.starts_with("Usage: portald [OPTION]...\n"));
    for (const Option& o : option_table()) {
      BOOST_TEST(help.find("--" + std::string(o.name) + "=" + std::string(o.value_name)) != std::string::npos, o.name);
      BOOST_TEST(help.find(o.value_text(Config{})) != std::string::npos, o.name);
    }
    for (const char* flag : {"-c, --config=FILE", "-h, --help", "-V, --version", "1K..256M", "0 = unlimited"})
      BOOST_TEST(help.find(flag) != std::string::npos, flag);
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) BOOST_TEST(line.size() <= 79u, line);
  }
  BOOST_TEST(help_text(Program::ctl, "Usage: portaldctl [OPTION]... COMMAND [ARG]...").find("before COMMAND") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(log_level_choices_are_the_logger_levels) {
  const Option* level = find_option("log-level");
  BOOST_REQUIRE(level != nullptr);
  for (std::string_view choice : level->choices) {
    portald::log::Level parsed{};
    BOOST_TEST(portald::log::parse_level(choice, parsed), choice);
  }
  BOOST_TEST(find_option("config") == nullptr);  // command-line only
  BOOST_TEST(find_option("--data-dir") == nullptr);
}

BOOST_AUTO_TEST_CASE(sample_config_uncommented_is_valid_and_all_defaults) {
  TempDir dir;
  std::string text = sample_config_file(packaged_defaults());
  std::string uncommented;
  std::istringstream lines(text);
  std::size_t settings = 0;
  for (std::string line; std::getline(lines, line);) {
    const bool setting = line.size() > 1 && line[0] == '#' && line[1] != ' ' && line.find(" = ") != std::string::npos;
    settings += setting;
    uncommented += (setting ? line.substr(1) : line) + "\n";
  }
  BOOST_TEST(settings == option_table().size());
  const fs::path file = dir.write("portald.conf", uncommented);
  BOOST_TEST(check_config_file(file).empty());
  BOOST_TEST(dump(run(Program::daemon, {"-c", file.string()}).config) == dump(packaged_defaults()));
}

// docs/config.md and the shipped portald.conf are generated from the table; this pins them to it.
// Regenerate with: portald_config_docs markdown > docs/config.md; portald_config_docs conf > packaging/portald.conf
BOOST_AUTO_TEST_CASE(docs_are_generated) {
  if constexpr (sizeof(std::size_t) < 8) return;  // the files show 64-bit defaults (map-size 32G)
  const fs::path source = portald::build::source_dir;
  BOOST_TEST(read_file(source / "docs/config.md") == reference_markdown(packaged_defaults()));
  BOOST_TEST(read_file(source / "packaging/portald.conf") == sample_config_file(packaged_defaults()));
}

BOOST_AUTO_TEST_SUITE_END()
