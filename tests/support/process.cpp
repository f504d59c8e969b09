#include "tests/support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "tests/support/fixtures.hpp"

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

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Waits for pid up to timeout; returns the decoded status or -2 on timeout.
int wait_for_exit(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return decode_status(status);
    if (r < 0) return -1;
    if (Clock::now() >= deadline) return -2;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// Spawns argv with stdin/stdout/stderr redirected to files and extra environment variables.
pid_t spawn(const std::vector<std::string>& argv, const std::filesystem::path& in, const std::filesystem::path& out,
            const std::filesystem::path& err, const std::map<std::string, std::string>& env) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> envs;
  for (char** e = environ; *e; ++e) {
    const std::string kv = *e;
    const auto key = kv.substr(0, kv.find('='));
    if (!env.count(key) && key != "NOTIFY_SOCKET" && key != "WATCHDOG_USEC" && key != "WATCHDOG_PID")
      envs.push_back(kv);
  }
  for (const auto& [k, v] : env) envs.push_back(k + "=" + v);
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (const auto& e : envs) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  // The test runner may have signals blocked; the child starts with a clean mask.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t empty;
  sigemptyset(&empty);
  posix_spawnattr_setsigmask(&attr, &empty);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, args[0], &fa, &attr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  return pid;
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, const std::string& input,
                          std::chrono::seconds timeout) {
  TempDir io;
  const auto in = write_file(io.path, "stdin", input);
  const pid_t pid = spawn(argv, in, io.path / "stdout", io.path / "stderr", {});
  int code = wait_for_exit(pid, timeout);
  if (code == -2) {
    ::kill(pid, SIGKILL);
    code = wait_for_exit(pid, std::chrono::seconds(5));
  }
  return {code, slurp(io.path / "stdout"), slurp(io.path / "stderr")};
}

CommandResult portaldctl(const std::filesystem::path& data_dir, const std::vector<std::string>& args,
                         const std::string& input) {
  std::vector<std::string> argv{portaldctl_binary().string(), "--data-dir", data_dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, input);
}

InitialisedDataDir::InitialisedDataDir() : data(dir.path / "data") {
  const auto r = portaldctl(data, {"init"});
  if (r.exit_code != 0) throw std::runtime_error("portaldctl init failed: " + r.err);
}

NotifySocket::NotifySocket(const std::filesystem::path& path) : path_(path) {
  fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.native().size() >= sizeof addr.sun_path) throw std::runtime_error("notify socket path too long");
  std::strcpy(addr.sun_path, path.c_str());
  if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    throw std::runtime_error("cannot bind notify socket " + path.string());
}

NotifySocket::~NotifySocket() {
  if (fd_ >= 0) ::close(fd_);
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

bool NotifySocket::wait_for(const std::string& text, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    for (const auto& m : messages_)
      if (m.find(text) != std::string::npos) return true;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) messages_.emplace_back(buf, static_cast<std::size_t>(n));
  }
}

RunningDaemon::RunningDaemon(const std::filesystem::path& data_dir, std::vector<std::string> extra_args,
                             std::map<std::string, std::string> env)
    : log_file_(data_dir.parent_path() / ("portald-" + std::to_string(::getpid()) + "-" +
                                          std::to_string(Clock::now().time_since_epoch().count()) + ".log")) {
  std::vector<std::string> argv{portald_binary().string(), "--data-dir", data_dir.string(), "--listen", "127.0.0.1:0"};
  // The personal-data key (it seals TOTP secrets) beside the data dir, unless the test names its own.
  if (std::find(extra_args.begin(), extra_args.end(), "--personal-data-key") == extra_args.end()) {
    const auto key = data_dir.parent_path() / "personal-data.key";
    const auto made = portaldctl(data_dir, {"--personal-data-key", key.string(), "secrets", "keygen"});
    if (made.exit_code != 0) throw std::runtime_error("portaldctl secrets keygen: " + made.err);
    argv.insert(argv.end(), {"--personal-data-key", key.string()});
  }
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  pid_ = spawn(argv, "/dev/null", "/dev/null", log_file_, env);
  // The ready line names the bound port: "daemon.ready listen=127.0.0.1:PORT ...".
  const std::regex ready(R"(daemon\.ready listen=127\.0\.0\.1:(\d+))");
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (Clock::now() < deadline) {
    std::smatch m;
    const std::string text = slurp(log_file_);
    if (std::regex_search(text, m, ready)) {
      port_ = static_cast<std::uint16_t>(std::stoi(m[1]));
      return;
    }
    if (wait_for_exit(pid_, std::chrono::milliseconds(0)) >= -1) {
      pid_ = -1;
      throw std::runtime_error("portald exited at start: " + text);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("portald did not become ready: " + slurp(log_file_));
}

RunningDaemon::~RunningDaemon() {
  if (pid_ > 0) stop();
  std::error_code ec;
  std::filesystem::remove(log_file_, ec);
}

HttpResponse RunningDaemon::get(const std::string& target,
                                const std::vector<std::pair<std::string, std::string>>& headers) {
  return http_request("127.0.0.1", port_, "GET", target, headers);
}

int RunningDaemon::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int code = wait_for_exit(pid_, std::chrono::seconds(15));
  if (code == -2) {
    ::kill(pid_, SIGKILL);
    code = wait_for_exit(pid_, std::chrono::seconds(5));
  }
  pid_ = -1;
  return code;
}

std::string RunningDaemon::log() const { return slurp(log_file_); }

CommandResult run_daemon_expecting_exit(const std::vector<std::string>& args) {
  std::vector<std::string> argv{portald_binary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, {}, std::chrono::seconds(20));
}

}  // namespace portald::test
