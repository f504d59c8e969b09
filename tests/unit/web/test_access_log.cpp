// The HTTP access log's line format and its day files (issue 16, Nghị định 53/2022).
#include "web/server/access_log.hpp"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/fixtures.hpp"

using namespace portald;
using web::AccessRecord;

namespace {

// Lines are written in the machine's zone: the tests pin it to UTC+7 and put it back after.
struct VietnamZone {
  std::string old;
  bool had = false;
  VietnamZone() {
    if (const char* tz = std::getenv("TZ")) {
      old = tz;
      had = true;
    }
    ::setenv("TZ", "ICT-7", 1);  // POSIX form: needs no tzdata
    ::tzset();
  }
  ~VietnamZone() {
    if (had)
      ::setenv("TZ", old.c_str(), 1);
    else
      ::unsetenv("TZ");
    ::tzset();
  }
};

std::chrono::system_clock::time_point at(std::time_t unix_seconds) {
  return std::chrono::system_clock::from_time_t(unix_seconds);
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(access_log)

BOOST_AUTO_TEST_CASE(a_line_is_nginx_combined_with_the_seconds_taken) {
  VietnamZone zone;
  // 2026-12-04 02:15:02 UTC = 09:15:02 in Hà Nội.
  const AccessRecord r{.at = at(1796350502),
                       .remote_address = "203.113.1.9",
                       .method = "GET",
                       .target = "/tin-tuc?trang=2",
                       .status = 200,
                       .bytes = 5120,
                       .referer = "",
                       .user_agent = "curl/7.88.1",
                       .seconds = 0.0034};
  BOOST_TEST(web::combined_line(r) ==
             "203.113.1.9 - - [04/Dec/2026:09:15:02 +0700] \"GET /tin-tuc?trang=2 HTTP/1.1\" 200 5120 \"-\" "
             "\"curl/7.88.1\" 0.003\n");
}

BOOST_AUTO_TEST_CASE(a_client_can_neither_break_a_line_nor_forge_a_field) {
  VietnamZone zone;
  const AccessRecord r{.at = at(1796350502),
                       .remote_address = "10.0.0.1",
                       .method = "GET",
                       .target = "/a\" 200 1 \"x",
                       .status = 404,
                       .bytes = 0,
                       .referer = "http://x/\n10.9.9.9 - - fake",
                       .user_agent = "Trình duyệt\\",
                       .seconds = 0};
  const auto line = web::combined_line(r);
  BOOST_TEST(line ==
             "10.0.0.1 - - [04/Dec/2026:09:15:02 +0700] \"GET /a\\x22 200 1 \\x22x HTTP/1.1\" 404 0 "
             "\"http://x/\\x0A10.9.9.9 - - fake\" \"Tr\\xC3\\xACnh duy\\xE1\\xBB\\x87t\\x5C\" 0.000\n");
  BOOST_TEST(line.find('\n') == line.size() - 1);
}

BOOST_AUTO_TEST_CASE(day_files_are_named_by_the_local_day_and_old_ones_removed) {
  VietnamZone zone;
  test::TempDir dir;
  const auto logs = dir.path / "access-log";
  std::filesystem::create_directories(logs);
  // Files of other days already there: 2026-11-01 is beyond 30 days before 2026-12-04, 2026-11-05 is not.
  test::write_file(logs, "access-2026-11-01.log", "old\n");
  test::write_file(logs, "access-2026-11-05.log", "kept\n");
  test::write_file(logs, "notes.txt", "not ours\n");
  {
    web::AccessLogFiles files(logs, 30);
    // 2026-12-03 17:30 UTC is already 2026-12-04 00:30 in Hà Nội.
    files.write(at(1796319000), "first\n");
    files.write(at(1796350502), "second\n");
  }
  BOOST_TEST(slurp(logs / "access-2026-12-04.log") == "first\nsecond\n");
  BOOST_TEST(!std::filesystem::exists(logs / "access-2026-12-03.log"));
  BOOST_TEST(!std::filesystem::exists(logs / "access-2026-11-01.log"));
  BOOST_TEST(std::filesystem::exists(logs / "access-2026-11-05.log"));
  BOOST_TEST(std::filesystem::exists(logs / "notes.txt"));
  BOOST_TEST(web::access_file_day("access-2026-12-04.log") == "2026-12-04");
  BOOST_TEST(web::access_file_day("access-2026-13-04.log") == "");
  BOOST_TEST(web::access_file_day("access-2026-12-04.log.gz") == "");
}

// The write(2) runs outside the lock: lines from many threads stay whole and none is lost, even while
// one thread's line opens the next day's file and the others still hold the previous one.
BOOST_AUTO_TEST_CASE(threads_writing_at_once_across_midnight_lose_no_line) {
  VietnamZone zone;
  test::TempDir dir;
  const auto logs = dir.path / "access-log";
  constexpr int kThreads = 4, kLines = 2000;
  {
    web::AccessLogFiles files(logs, 30);
    std::vector<std::thread> writers;
    for (int t = 0; t < kThreads; ++t)
      writers.emplace_back([&files, t] {
        for (int i = 0; i < kLines; ++i) {
          // The second half of each thread's lines is past midnight in Hà Nội (2026-12-05).
          const std::time_t when = i < kLines / 2 ? 1796350502 : 1796350502 + 86400;
          files.write(at(when), "thread " + std::to_string(t) + " line " + std::to_string(i) + " " +
                                    std::string(200, 'x') + "\n");
        }
      });
    for (auto& w : writers) w.join();
  }
  std::size_t whole = 0;
  for (const char* name : {"access-2026-12-04.log", "access-2026-12-05.log"}) {
    std::istringstream in(slurp(logs / name));
    for (std::string line; std::getline(in, line);) {
      BOOST_TEST(line.starts_with("thread "));
      BOOST_TEST(line.ends_with(" " + std::string(200, 'x')));
      ++whole;
    }
  }
  BOOST_TEST(whole == std::size_t{kThreads * kLines});
  BOOST_TEST(std::filesystem::exists(logs / "access-2026-12-05.log"));
}

BOOST_AUTO_TEST_CASE(the_sink_follows_the_mode) {
  test::TempDir dir;
  BOOST_TEST(!web::make_access_sink("off", dir.path, 10));
  BOOST_TEST(static_cast<bool>(web::make_access_sink("journal", dir.path, 10)));
  const auto files = web::make_access_sink("files", dir.path / "logs", 10);
  BOOST_TEST_REQUIRE(static_cast<bool>(files));
  files({.at = std::chrono::system_clock::now(),
         .remote_address = "127.0.0.1",
         .method = "GET",
         .target = "/",
         .status = 200,
         .bytes = 1,
         .referer = "",
         .user_agent = "",
         .seconds = 0});
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path / "logs")) {
    BOOST_TEST(!web::access_file_day(e.path().filename().string()).empty());
    ++n;
  }
  BOOST_TEST(n == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
