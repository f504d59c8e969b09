#include "daemon/purge/purge_request.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

namespace portald::purge {
namespace {

struct AddrInfoDeleter {
  void operator()(addrinfo* a) const noexcept { ::freeaddrinfo(a); }
};

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

void set_timeouts(int fd, std::chrono::milliseconds timeout) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);  // also bounds connect() on Linux
}

bool fail(std::string* why, std::string reason) {
  if (why) *why = std::move(reason);
  return false;
}

}  // namespace

std::vector<std::string> split_keys(std::string_view keys, std::size_t max_bytes) {
  std::vector<std::string> parts;
  std::string part;
  while (!keys.empty()) {
    const auto space = keys.find(' ');
    const std::string_view key = keys.substr(0, space);
    keys = space == std::string_view::npos ? std::string_view() : keys.substr(space + 1);
    if (key.empty()) continue;
    if (!part.empty() && part.size() + 1 + key.size() > max_bytes) parts.push_back(std::exchange(part, {}));
    if (!part.empty()) part += ' ';
    part += key;
  }
  if (!part.empty()) parts.push_back(std::move(part));
  return parts;
}

bool send_purge(const config::ListenAddress& node, std::string_view keys, std::chrono::milliseconds timeout,
                std::string* why) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(node.port);
  if (const int rc = ::getaddrinfo(node.host.c_str(), port.c_str(), &hints, &found); rc != 0)
    return fail(why, std::string("cannot resolve: ") + ::gai_strerror(rc));
  const std::unique_ptr<addrinfo, AddrInfoDeleter> list(found);
  Socket s(::socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (s.get() < 0) return fail(why, std::string("socket: ") + std::strerror(errno));
  set_timeouts(s.get(), timeout);
  if (::connect(s.get(), found->ai_addr, found->ai_addrlen) != 0)
    return fail(why, std::string("connect: ") + std::strerror(errno));
  // The keys come from portald's own vocabulary (no CR/LF); Host is the node's.
  const std::string request = "PURGE / HTTP/1.1\r\nHost: " + node.to_string() + "\r\nxkey: " + std::string(keys) +
                              "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(s.get(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return fail(why, std::string("send: ") + std::strerror(errno));
    sent += static_cast<std::size_t>(n);
  }
  std::string reply;
  char buf[512];
  while (reply.find("\r\n") == std::string::npos && reply.size() < 4096) {
    const ssize_t n = ::recv(s.get(), buf, sizeof buf, 0);
    if (n <= 0) return fail(why, n == 0 ? "closed without an answer" : std::string("recv: ") + std::strerror(errno));
    reply.append(buf, static_cast<std::size_t>(n));
  }
  const std::string status_line = reply.substr(0, reply.find("\r\n"));
  if (status_line.starts_with("HTTP/1.1 200") || status_line.starts_with("HTTP/1.0 200")) return true;
  return fail(why, "answered \"" + status_line.substr(0, 80) + "\"");
}

}  // namespace portald::purge
