#include "tests/support/mail_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace portald::test {
namespace {

using Clock = std::chrono::steady_clock;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Debian's Python, where python3-aiosmtpd is installed (not whatever python3 comes first in PATH).
constexpr const char* kPython = "/usr/bin/python3";

ReceivedMail from_json(const nlohmann::json& j) {
  return {.mail_from = j.value("mail_from", ""),
          .rcpt_tos = j.value("rcpt_tos", std::vector<std::string>{}),
          .from = j.value("from", ""),
          .to = j.value("to", ""),
          .subject = j.value("subject", ""),
          .date = j.value("date", ""),
          .message_id = j.value("message_id", ""),
          .content_type = j.value("content_type", ""),
          .transfer_encoding = j.value("transfer_encoding", ""),
          .auto_submitted = j.value("auto_submitted", ""),
          .body = j.value("body", ""),
          .raw = j.value("raw", "")};
}

}  // namespace

SmtpServer::SmtpServer(std::uint16_t port) : mailbox_(dir_.path / "mailbox"), port_(port) {
  std::filesystem::create_directories(mailbox_);
  start();
}

SmtpServer::~SmtpServer() { stop(); }

void SmtpServer::start() {
  if (pid_ > 0) return;
  const auto port_file = dir_.path / "port";
  std::filesystem::remove(port_file);
  const std::string script = (source_dir() / "tests/support/smtp_server.py").string();
  const std::string port_text = std::to_string(port_);
  const std::string mailbox = mailbox_.string();
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, port_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, (dir_.path / "server.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t empty;
  sigemptyset(&empty);
  posix_spawnattr_setsigmask(&attr, &empty);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> argv{const_cast<char*>(kPython), const_cast<char*>(script.c_str()),
                          const_cast<char*>(mailbox.c_str()), const_cast<char*>(port_text.c_str()), nullptr};
  const int rc = posix_spawn(&pid_, kPython, &fa, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw std::runtime_error("cannot start the SMTP server: " + std::string(std::strerror(rc)));
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (Clock::now() < deadline) {
    const std::string text = slurp(port_file);
    if (!text.empty() && text.back() == '\n') {
      port_ = static_cast<std::uint16_t>(std::stoi(text));
      return;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop();
  throw std::runtime_error("the SMTP server did not start: " + slurp(dir_.path / "server.log"));
}

void SmtpServer::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pid_ = -1;
}

std::vector<ReceivedMail> SmtpServer::messages() const {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(mailbox_))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<ReceivedMail> out;
  for (const auto& f : files) out.push_back(from_json(nlohmann::json::parse(slurp(f))));
  return out;
}

std::vector<ReceivedMail> SmtpServer::wait_for_messages(std::size_t count, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    auto got = messages();
    if (got.size() >= count) return got;
    if (Clock::now() >= deadline)
      throw std::runtime_error("expected " + std::to_string(count) + " message(s) at the SMTP server, got " +
                               std::to_string(got.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::filesystem::path write_msmtp_sendmail(const std::filesystem::path& dir, std::uint16_t port) {
  const auto conf = dir / "msmtprc";
  // msmtp refuses a config file that others may read.
  write_file(dir, "msmtprc",
             "defaults\nauth off\ntls off\nsyslog off\n\naccount default\nhost 127.0.0.1\nport " +
                 std::to_string(port) + "\n");
  std::filesystem::permissions(conf, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const auto wrapper = write_file(dir, "sendmail", "#!/bin/sh\nexec /usr/bin/msmtp -C " + conf.string() + " \"$@\"\n");
  std::filesystem::permissions(wrapper, std::filesystem::perms::owner_all);
  return wrapper;
}

}  // namespace portald::test
