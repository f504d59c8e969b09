// Running the sendmail program (daemon/mail/sendmail.hpp) with small shell scripts standing in for an
// MTA's sendmail: the message arrives on its standard input with the sendmail arguments, a non-zero exit
// and what it printed come back, a program that hangs is killed at the deadline, one that stops reading
// early is a failure (not a SIGPIPE), and it inherits none of our file descriptors.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "daemon/mail/sendmail.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using namespace std::chrono_literals;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path script(const test::TempDir& dir, const std::string& name, const std::string& body) {
  const auto p = test::write_file(dir.path, name, "#!/bin/sh\n" + body);
  std::filesystem::permissions(p, std::filesystem::perms::owner_all);
  return p;
}

mail::SendmailOptions options(const std::filesystem::path& program, std::chrono::milliseconds timeout = 10s) {
  return {.program = program, .envelope_from = "no-reply@portal.example.vn", .timeout = timeout};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sendmail)

BOOST_AUTO_TEST_CASE(the_message_goes_to_stdin_with_the_sendmail_arguments) {
  test::TempDir dir;
  const auto out = dir.path / "got";
  const auto prog = script(dir, "sm", "printf '%s|' \"$@\" > " + out.string() + ".args\ncat > " + out.string() + "\n");
  const std::string message = "Subject: x\n\nhello\n";
  const auto r = mail::run_sendmail(options(prog), "a@example.org", message);
  BOOST_TEST(r.ok);
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.error.empty());
  BOOST_TEST(slurp(out) == message);
  BOOST_TEST(slurp(out.string() + ".args") == "-i|-f|no-reply@portal.example.vn|--|a@example.org|");
}

BOOST_AUTO_TEST_CASE(a_failing_program_reports_its_status_and_output) {
  test::TempDir dir;
  const auto prog = script(dir, "sm", "cat > /dev/null\necho 'relay refused: no route' >&2\nexit 75\n");
  const auto r = mail::run_sendmail(options(prog), "a@example.org", "Subject: x\n\nhi\n");
  BOOST_TEST(!r.ok);
  BOOST_TEST(r.exit_code == 75);
  BOOST_TEST(r.error == prog.string() + " exited with status 75");
  BOOST_TEST(r.output == "relay refused: no route");
}

BOOST_AUTO_TEST_CASE(a_hanging_program_is_killed_at_the_deadline) {
  test::TempDir dir;
  const auto prog = script(dir, "sm", "exec sleep 30\n");
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = mail::run_sendmail(options(prog, 300ms), "a@example.org", "Subject: x\n\nhi\n");
  const auto took = std::chrono::steady_clock::now() - t0;
  BOOST_TEST(!r.ok);
  BOOST_TEST(r.error.find("did not finish") != std::string::npos);
  BOOST_TEST(took < 5s);
}

BOOST_AUTO_TEST_CASE(a_program_that_stops_reading_fails_without_a_sigpipe) {
  test::TempDir dir;
  const auto prog = script(dir, "sm", "exit 0\n");
  const std::string big(4 << 20, 'a');  // more than any socket buffer holds
  const auto r = mail::run_sendmail(options(prog), "a@example.org", big);
  BOOST_TEST(!r.ok);
  BOOST_TEST(r.error == prog.string() + " exited before reading the whole message");
}

BOOST_AUTO_TEST_CASE(missing_or_relative_programs_are_errors) {
  test::TempDir dir;
  auto r = mail::run_sendmail(options(dir.path / "absent"), "a@example.org", "x");
  BOOST_TEST(!r.ok);
  BOOST_TEST(r.error.find("cannot start") != std::string::npos);
  r = mail::run_sendmail(options("sendmail"), "a@example.org", "x");
  BOOST_TEST(r.error == "sendmail program sendmail is not an absolute path");
}

BOOST_AUTO_TEST_CASE(the_program_inherits_no_other_descriptor) {
  test::TempDir dir;
  // A descriptor without close-on-exec, as a careless library might leave one.
  const int opened = ::open((dir.path / "leaky").c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  const int leaky = ::fcntl(opened, F_DUPFD, 50);  // high, so ls's own descriptors cannot be it
  ::close(opened);
  BOOST_REQUIRE(leaky >= 50);
  const auto out = dir.path / "fds";
  const auto prog = script(dir, "sm", "cat > /dev/null\nls /proc/self/fd > " + out.string() + "\n");
  const auto r = mail::run_sendmail(options(prog), "a@example.org", "x");
  ::close(leaky);
  BOOST_TEST(r.ok);
  std::istringstream fds(slurp(out));
  std::vector<int> open;
  for (int fd; fds >> fd;) open.push_back(fd);
  // ls itself: 0, 1 (the file), 2, and the directory it lists.
  BOOST_TEST(std::count(open.begin(), open.end(), leaky) == 0);
  BOOST_TEST(open.size() <= 4u);
}

BOOST_AUTO_TEST_SUITE_END()
