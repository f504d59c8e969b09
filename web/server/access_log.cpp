#include "web/server/access_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <system_error>
#include <utility>

#include "daemon/log/log.hpp"

namespace portald::web {
namespace {

void append_escaped(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += '-';
    return;
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += ch;
    }
  }
}

// One second of local time as the log writes it. localtime_r takes glibc's process-wide time-zone
// lock, on which the HTTP threads queued under load (futex calls in strace), and strftime is slow:
// each thread converts and formats a second once.
struct LocalSecond {
  std::time_t t = -1;
  char stamp[40] = {};  // " - - [04/Dec/2026:09:15:02 +0700] \""
  char day[16] = {};    // "2026-12-04"
};

const LocalSecond& local_second(std::chrono::system_clock::time_point at) {
  thread_local LocalSecond s;
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  if (t != s.t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    std::strftime(s.stamp, sizeof s.stamp, " - - [%d/%b/%Y:%H:%M:%S %z] \"", &tm);
    std::strftime(s.day, sizeof s.day, "%Y-%m-%d", &tm);
    s.t = t;
  }
  return s;
}

std::string local_day(std::chrono::system_clock::time_point at) { return local_second(at).day; }

// Days since 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian); -1 when it is not one.
long day_number(std::string_view day) {
  int y = 0, m = 0, d = 0;
  if (day.size() != 10 || std::sscanf(std::string(day).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return -1;
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::string combined_line(const AccessRecord& r) {
  std::string out;
  out.reserve(160 + r.target.size() + r.user_agent.size() + r.referer.size());
  append_escaped(out, r.remote_address);
  out += local_second(r.at).stamp;
  append_escaped(out, r.method);
  out += ' ';
  append_escaped(out, r.target);
  out += " HTTP/1.1\" ";
  out += std::to_string(r.status);
  out += ' ';
  out += std::to_string(r.bytes);
  out += " \"";
  append_escaped(out, r.referer);
  out += "\" \"";
  append_escaped(out, r.user_agent);
  out += "\" ";
  char took[32];
  const auto [end, ec] = std::to_chars(took, took + sizeof took, r.seconds, std::chars_format::fixed, 3);
  out += ec == std::errc() ? std::string_view(took, end) : std::string_view("-");
  out += '\n';
  return out;
}

std::string access_file_day(std::string_view name) {
  constexpr std::string_view prefix = "access-", suffix = ".log";
  if (name.size() != prefix.size() + 10 + suffix.size() || !name.starts_with(prefix) || !name.ends_with(suffix))
    return "";
  const auto day = name.substr(prefix.size(), 10);
  return day_number(day) < 0 ? "" : std::string(day);
}

// One day's file: closed when the last writer holding it lets go, so a line written across midnight
// never lands in a closed (or reused) descriptor.
struct AccessLogFiles::DayFile {
  std::string day;  // "2026-12-04"
  int fd = -1;
  std::atomic<bool> complained{false};
  ~DayFile() {
    if (fd >= 0) ::close(fd);
  }
};

AccessLogFiles::AccessLogFiles(std::filesystem::path dir, unsigned keep_days)
    : dir_(std::move(dir)), keep_days_(keep_days) {}

AccessLogFiles::~AccessLogFiles() = default;

std::shared_ptr<AccessLogFiles::DayFile> AccessLogFiles::open_day(const std::string& day) {
  auto file = std::make_shared<DayFile>();
  file->day = day;
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (!ec) std::filesystem::permissions(dir_, std::filesystem::perms(0750), ec);
  const auto path = dir_ / ("access-" + day + ".log");
  file->fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (file->fd < 0) {
    file->complained = true;
    log::error("http.access_log_failed", {{"path", path.string()}, {"error", std::strerror(errno)}});
  }
  remove_old(day);
  return file;
}

void AccessLogFiles::remove_old(const std::string& today) {
  const long newest_kept = day_number(today), oldest_kept = newest_kept - static_cast<long>(keep_days_) + 1;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir_, ec)) {
    const auto day = access_file_day(e.path().filename().string());
    if (day.empty() || day_number(day) >= oldest_kept) continue;
    std::error_code rm;
    std::filesystem::remove(e.path(), rm);
    if (!rm) log::info("http.access_log_removed", {{"path", e.path().string()}});
  }
}

void AccessLogFiles::write(std::chrono::system_clock::time_point at, std::string_view line) {
  const std::string day = local_day(at);
  std::shared_ptr<DayFile> file;
  {
    // Held to pick the file only: the write(2) below runs unlocked (O_APPEND keeps each line whole),
    // so the HTTP threads do not queue behind one another's writes.
    const std::lock_guard lock(mu_);
    if (!file_ || day > file_->day) file_ = open_day(day);  // a request begun before midnight stays in its day
    file = file_;
  }
  if (file->fd < 0) return;
  if (::write(file->fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) &&
      !file->complained.exchange(true))
    log::error("http.access_log_failed", {{"day", file->day}, {"error", std::strerror(errno)}});
}

AccessSink make_access_sink(std::string_view mode, const std::filesystem::path& dir, unsigned keep_days) {
  if (mode == "journal")
    return [](const AccessRecord& r) {
      auto line = combined_line(r);
      line.pop_back();  // the newline: the journal keeps lines
      log::info("http.access", {{"line", line}});
    };
  if (mode == "files") {
    auto files = std::make_shared<AccessLogFiles>(dir, keep_days);
    return [files](const AccessRecord& r) { files->write(r.at, combined_line(r)); };
  }
  return {};
}

}  // namespace portald::web
