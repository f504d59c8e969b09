#include "web/server/listen_socket.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "web/server/server_start_error.hpp"

namespace portald::web {
namespace {

// Large enough that bursts are queued rather than refused; the kernel caps it at somaxconn anyway.
constexpr int kListenBacklog = 511;

struct SocketAddress {
  sockaddr_storage storage{};
  socklen_t length = 0;
  const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
};

[[noreturn]] void fail(const std::string& host, std::uint16_t port, const std::string& reason) {
  throw ServerStartError("cannot listen on " + format_endpoint(host, port) + ": " + reason);
}

bool parse_address(std::string host, std::uint16_t port, SocketAddress& out) {
  if (host == "localhost") host = "127.0.0.1";
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  sockaddr_in v4{};
  if (::inet_pton(AF_INET, host.c_str(), &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    v4.sin_port = htons(port);
    std::memcpy(&out.storage, &v4, sizeof v4);
    out.length = sizeof v4;
    return true;
  }
  sockaddr_in6 v6{};
  if (::inet_pton(AF_INET6, host.c_str(), &v6.sin6_addr) == 1) {
    v6.sin6_family = AF_INET6;
    v6.sin6_port = htons(port);
    std::memcpy(&out.storage, &v6, sizeof v6);
    out.length = sizeof v6;
    return true;
  }
  return false;
}

// std::strerror may share a static buffer between threads; the error category does not.
std::string errno_text() { return std::system_category().message(errno); }

}  // namespace

std::string format_endpoint(const std::string& host, std::uint16_t port) {
  const bool v6 = host.find(':') != std::string::npos && host.front() != '[';  // find() implies non-empty
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

UniqueFd open_listen_socket(const std::string& host, std::uint16_t port) {
  SocketAddress addr;
  if (!parse_address(host, port, addr)) fail(host, port, "host must be an IP address literal or localhost");

  UniqueFd fd(::socket(addr.storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd) fail(host, port, errno_text());
  // Lets a restarted daemon bind while old connections sit in TIME_WAIT; it does not let two live
  // listeners share the port on Linux (that would take SO_REUSEPORT), so "in use" is still detected.
  const int on = 1;
  if (::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0) fail(host, port, errno_text());
  if (::bind(fd.get(), addr.get(), addr.length) != 0) fail(host, port, errno_text());
  if (::listen(fd.get(), kListenBacklog) != 0) fail(host, port, errno_text());
  return fd;
}

std::uint16_t bound_port(int fd) {
  sockaddr_storage storage{};
  socklen_t length = sizeof storage;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0)
    throw ServerStartError("cannot read the bound port: " + errno_text());
  if (storage.ss_family == AF_INET6) {
    sockaddr_in6 v6{};
    std::memcpy(&v6, &storage, sizeof v6);
    return ntohs(v6.sin6_port);
  }
  sockaddr_in v4{};
  std::memcpy(&v4, &storage, sizeof v4);
  return ntohs(v4.sin_port);
}

}  // namespace portald::web
