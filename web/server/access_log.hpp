#pragma once
// The HTTP access log (issue 16, Nghị định 53/2022: access records kept at least 12 months): one line
// per answered request in nginx's "combined" format plus the seconds taken, written to the journal or
// to one file per day that is removed after keep_days. The client is Request::remote_address, the
// trusted-proxy function's answer (forwarded.hpp), so a site behind a cache logs its citizens.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace portald::web {

struct AccessRecord {
  std::chrono::system_clock::time_point at{};  // when the request arrived
  std::string_view remote_address;
  std::string_view method;
  std::string_view target;  // as sent (path and query)
  int status = 0;
  std::size_t bytes = 0;  // body bytes sent
  std::string_view referer;
  std::string_view user_agent;
  double seconds = 0;  // from the headers in to the answer's last byte handed to the connection
};

// `127.0.0.1 - - [04/Dec/2026:09:15:02 +0700] "GET /tin-tuc?page=2 HTTP/1.1" 200 5120 "-" "curl/7.88" 0.003`:
// the time in the machine's zone; quotes, backslashes, control and non-ASCII bytes as \xHH (nginx's
// escaping), so a client can neither break a line nor forge one; an empty field as "-".
std::string combined_line(const AccessRecord& r);

// One file per local day, access-YYYY-MM-DD.log in `dir` (created 0750), appended with one write(2)
// per line. The first line of a new day opens its file and removes the day files older than keep_days.
// Thread-safe; a failed write is reported once per day to the daemon's log, never to the client.
class AccessLogFiles {
 public:
  AccessLogFiles(std::filesystem::path dir, unsigned keep_days);
  ~AccessLogFiles();
  AccessLogFiles(const AccessLogFiles&) = delete;
  AccessLogFiles& operator=(const AccessLogFiles&) = delete;
  void write(std::chrono::system_clock::time_point at, std::string_view line);

 private:
  struct DayFile;
  std::shared_ptr<DayFile> open_day(const std::string& day);
  void remove_old(const std::string& today);
  std::filesystem::path dir_;
  unsigned keep_days_;
  std::mutex mu_;                  // guards file_
  std::shared_ptr<DayFile> file_;  // the newest day's file
};

// "access-2026-12-04.log" -> "2026-12-04"; "" for any other name.
std::string access_file_day(std::string_view file_name);

using AccessSink = std::function<void(const AccessRecord&)>;
// mode "off": an empty sink; "journal": each line to the daemon's log (stderr, the journal under
// systemd) as event http.access; "files": AccessLogFiles(dir, keep_days).
AccessSink make_access_sink(std::string_view mode, const std::filesystem::path& dir, unsigned keep_days);

}  // namespace portald::web
