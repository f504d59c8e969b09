#include "daemon/mail/sendmail.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

extern char** environ;

namespace portald::mail {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kMaxOutput = 4096;
constexpr int kPollSliceMs = 50;  // how often a running program is checked for having exited

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = other.fd_;
      other.fd_ = -1;
    }
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

std::string errno_text(const char* what, int err) { return std::string(what) + ": " + std::strerror(err); }

// The spawned program's plumbing: stdin is one end of a socketpair (so a program that stops reading
// gives us EPIPE through send(MSG_NOSIGNAL), never a SIGPIPE), stdout and stderr one pipe.
struct Plumbing {
  Fd to_child, child_stdin, from_child, child_output;
  std::string error;
};

Plumbing make_plumbing() {
  Plumbing p;
  int sv[2], pipefd[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    p.error = errno_text("socketpair", errno);
    return p;
  }
  p.to_child = Fd(sv[0]);
  p.child_stdin = Fd(sv[1]);
  if (::pipe2(pipefd, O_CLOEXEC) != 0) {
    p.error = errno_text("pipe", errno);
    return p;
  }
  p.from_child = Fd(pipefd[0]);
  p.child_output = Fd(pipefd[1]);
  ::fcntl(p.to_child.get(), F_SETFL, O_NONBLOCK);
  ::fcntl(p.from_child.get(), F_SETFL, O_NONBLOCK);
  return p;
}

// posix_spawn with stdin/stdout/stderr wired and nothing else inherited: no other descriptor (the store,
// sockets), no blocked signals (the daemon blocks SIGTERM in every thread), no ignored ones.
int spawn(pid_t& pid, const SendmailOptions& o, std::string_view recipient, Plumbing& p) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, p.child_stdin.get(), 0);
  posix_spawn_file_actions_adddup2(&fa, p.child_output.get(), 1);
  posix_spawn_file_actions_adddup2(&fa, p.child_output.get(), 2);
  posix_spawn_file_actions_addclosefrom_np(&fa, 3);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  const std::string program = o.program.string(), from(o.envelope_from), to(recipient);
  std::vector<char*> argv{const_cast<char*>(program.c_str()),
                          const_cast<char*>("-i"),
                          const_cast<char*>("-f"),
                          const_cast<char*>(from.c_str()),
                          const_cast<char*>("--"),
                          const_cast<char*>(to.c_str()),
                          nullptr};
  const int rc = posix_spawn(&pid, program.c_str(), &fa, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  return rc;
}

// Reads what is there (non-blocking); false at end of file or on an error.
bool drain(int fd, std::string& output) {
  char buf[1024];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      if (output.size() < kMaxOutput)
        output.append(buf, std::min(static_cast<std::size_t>(n), kMaxOutput - output.size()));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "ended abnormally";
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace

SendResult run_sendmail(const SendmailOptions& o, std::string_view recipient, std::string_view message) {
  SendResult r;
  if (!o.program.is_absolute()) {
    r.error = "sendmail program " + o.program.string() + " is not an absolute path";
    return r;
  }
  Plumbing p = make_plumbing();
  if (!p.error.empty()) {
    r.error = p.error;
    return r;
  }
  pid_t pid = -1;
  if (const int rc = spawn(pid, o, recipient, p); rc != 0) {
    r.error = errno_text(("cannot start " + o.program.string()).c_str(), rc);
    return r;
  }
  p.child_stdin.reset();
  p.child_output.reset();
  if (message.empty()) p.to_child.reset();  // nothing to write: end of input at once

  const auto deadline = Clock::now() + o.timeout;
  std::size_t written = 0;
  bool output_open = true;
  int status = 0;
  bool exited = false;
  while (!exited && Clock::now() < deadline) {
    pollfd fds[2] = {{p.to_child.get(), POLLOUT, 0}, {output_open ? p.from_child.get() : -1, POLLIN, 0}};
    ::poll(fds, 2, kPollSliceMs);
    if (p.to_child.get() >= 0 && (fds[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t n = ::send(p.to_child.get(), message.data() + written, message.size() - written, MSG_NOSIGNAL);
      if (n > 0) written += static_cast<std::size_t>(n);
      // All written: closing our end is the end of the message. EPIPE: the program stopped reading.
      if (written == message.size() || (n < 0 && errno != EAGAIN && errno != EINTR)) p.to_child.reset();
    }
    if (output_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
      output_open = drain(p.from_child.get(), r.output);
    const pid_t w = ::waitpid(pid, &status, WNOHANG);
    exited = w == pid;
  }
  if (!exited) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    r.error = o.program.string() + " did not finish within " +
              std::to_string(std::chrono::duration_cast<std::chrono::seconds>(o.timeout).count()) + " s and was killed";
  }
  // What it wrote before exiting (a daemonised MTA child may hold the pipe open: take only what is there).
  if (output_open) drain(p.from_child.get(), r.output);
  r.output = one_line(std::move(r.output));
  if (exited) {
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && written == message.size();
    if (!r.ok)
      r.error = written < message.size() && WIFEXITED(status) && WEXITSTATUS(status) == 0
                    ? o.program.string() + " exited before reading the whole message"
                    : o.program.string() + " " + describe_status(status);
  }
  return r;
}

}  // namespace portald::mail
