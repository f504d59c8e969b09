#pragma once
// Real processes for integration tests: the portald binary as a running daemon, portaldctl runs,
// and a unix datagram socket standing in for systemd's NOTIFY_SOCKET.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tests/support/fixtures.hpp"
#include "tests/support/http_client.hpp"

namespace portald::test {

struct CommandResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string out;
  std::string err;
};
// Runs a program to completion (at most `timeout`, then SIGKILL) with optional stdin text.
CommandResult run_command(const std::vector<std::string>& argv, const std::string& input = {},
                          std::chrono::seconds timeout = std::chrono::seconds(120));
// portaldctl --data-dir DIR ARGS...
CommandResult portaldctl(const std::filesystem::path& data_dir, const std::vector<std::string>& args,
                         const std::string& input = {});

// A data dir made by `portaldctl init` in a fresh TempDir (throws when init fails).
struct InitialisedDataDir {
  InitialisedDataDir();
  TempDir dir;
  std::filesystem::path data;
};

// A bound AF_UNIX datagram socket; what the daemon sends with sd_notify arrives here.
class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path);
  ~NotifySocket();
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Waits until a received message contains `text` (earlier messages count too).
  bool wait_for(const std::string& text, std::chrono::milliseconds timeout);
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<std::string> messages_;
};

// The real portald binary on 127.0.0.1 with port 0; stops it (SIGTERM, then SIGKILL) on destruction.
class RunningDaemon {
 public:
  RunningDaemon(const std::filesystem::path& data_dir, std::vector<std::string> extra_args = {},
                std::map<std::string, std::string> env = {});
  ~RunningDaemon();
  RunningDaemon(const RunningDaemon&) = delete;
  RunningDaemon& operator=(const RunningDaemon&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  HttpResponse get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers = {});
  // Sends SIGTERM and waits (at most 15 s); returns the exit status.
  int stop();
  std::string log() const;

 private:
  std::filesystem::path log_file_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// Starts portald and waits for it to exit; for start-up failures. Returns the result.
CommandResult run_daemon_expecting_exit(const std::vector<std::string>& args);

}  // namespace portald::test
