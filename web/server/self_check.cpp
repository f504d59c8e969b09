#include "web/server/self_check.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "web/server/unique_fd.hpp"

namespace portald::web::detail {
namespace {

using Clock = std::chrono::steady_clock;

// Host is required by MHD_OPTION_STRICT_FOR_CLIENT; Connection: close lets MHD free the connection
// as soon as it has answered.
constexpr std::string_view kRequest = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
constexpr std::string_view kOkPrefix = "HTTP/1.1 200";
constexpr std::size_t kMaxStatusLine = 256;

bool fail(std::string* why, std::string reason) {
  if (why) *why = std::move(reason);
  return false;
}

std::optional<std::string> no_line(std::string* why, std::string reason) {
  fail(why, std::move(reason));
  return std::nullopt;
}

std::string errno_text() { return std::system_category().message(errno); }

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 60'000));
}

// Reads until the first CRLF; returns the status line, or std::nullopt with *why set.
std::optional<std::string> read_status_line(int fd, Clock::time_point deadline, long long timeout_ms,
                                            std::string* why) {
  std::string got;
  for (;;) {
    if (const auto eol = got.find("\r\n"); eol != std::string::npos) return got.substr(0, eol);
    if (got.size() > kMaxStatusLine) return no_line(why, "status line too long");
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, remaining_ms(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return no_line(why, "poll: " + errno_text());
    if (ready == 0) return no_line(why, "no response to GET /healthz within " + std::to_string(timeout_ms) + " ms");
    char buffer[256];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) return no_line(why, "recv: " + errno_text());
    if (n == 0) return no_line(why, "connection closed before a status line");
    got.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

bool probe_healthz(MHD_Daemon* daemon, std::chrono::milliseconds timeout, std::string* why) {
  const auto deadline = Clock::now() + timeout;
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) return fail(why, "socketpair: " + errno_text());
  const UniqueFd ours(pair[0]);
  // MHD's per-IP limit lets unknown address families through, so the probe is never refused as
  // "too many connections from this address".
  sockaddr_un peer{};
  peer.sun_family = AF_UNIX;
  // MHD owns (and closes) pair[1] from here on, even when it fails.
  if (MHD_add_connection(daemon, pair[1], reinterpret_cast<const sockaddr*>(&peer), sizeof peer) != MHD_YES)
    return fail(why, "MHD_add_connection: " + errno_text());
  // The request is far smaller than a socketpair buffer, so one send either takes it all or fails.
  const ssize_t sent = ::send(ours.get(), kRequest.data(), kRequest.size(), MSG_NOSIGNAL);
  if (sent != static_cast<ssize_t>(kRequest.size())) return fail(why, "send: " + errno_text());
  const auto line = read_status_line(ours.get(), deadline, timeout.count(), why);
  if (!line) return false;
  if (line->compare(0, kOkPrefix.size(), kOkPrefix) == 0) return true;
  return fail(why, "unexpected status line: " + *line);
}

}  // namespace portald::web::detail
