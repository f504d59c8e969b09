#pragma once
// A deliberately raw HTTP/1.1 client for tests: sends exactly the bytes it is given (so tests can send
// malformed, slow or oversized requests) and parses what comes back. Blocking sockets, explicit timeouts.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portald::test {

struct HttpResponse {
  int status = 0;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // First header with this name, case-insensitively; std::nullopt if absent.
  std::optional<std::string_view> header(std::string_view name) const;
};

// Parses one complete response from the front of `raw`. Returns the response and the number of bytes
// it used, or std::nullopt if `raw` does not yet hold a whole response. A response delimited by the
// end of the connection (no Content-Length, not chunked) is complete only when `eof` is true.
// `no_body` is for answers to HEAD (and is implied by 1xx, 204 and 304). Throws std::runtime_error on
// bytes that cannot be an HTTP/1.x response.
std::optional<std::pair<HttpResponse, std::size_t>> parse_response(std::string_view raw, bool eof,
                                                                   bool no_body = false);

class RawConnection {
 public:
  // Connects over TCP to an IPv4 or IPv6 literal (or "localhost"). Throws std::system_error with the
  // connect errno (e.g. ECONNREFUSED) on failure.
  RawConnection(const std::string& host, std::uint16_t port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends all bytes; returns false if the peer has closed or reset the connection.
  bool send(std::string_view bytes);
  // Reads one full response within `timeout`; std::nullopt on timeout or if the connection ends first.
  // Bytes after the response are kept for the next call (pipelining, keep-alive).
  std::optional<HttpResponse> read_response(std::chrono::milliseconds timeout, bool no_body = false);
  // Everything not yet consumed, up to the peer closing; std::nullopt if still open after `timeout`.
  std::optional<std::string> read_until_closed(std::chrono::milliseconds timeout);
  // Waits for the peer to close (EOF or reset), discarding data; false if still open after `timeout`.
  bool wait_closed(std::chrono::milliseconds timeout);
  // Half-closes the sending side, as a client does after its last request.
  void shutdown_write();
  int fd() const { return fd_; }

 private:
  // Reads once, waiting at most until `deadline`; returns bytes read, 0 on EOF/reset, -1 on timeout.
  long read_some(std::chrono::steady_clock::time_point deadline);
  int fd_ = -1;
  bool eof_ = false;
  std::string buffer_;
};

// One request on a fresh connection ("Connection: close" and Host are added); throws std::runtime_error
// if no complete response arrives within `timeout`.
HttpResponse http_request(const std::string& host, std::uint16_t port, std::string_view method, std::string_view target,
                          const std::vector<std::pair<std::string, std::string>>& headers = {},
                          std::string_view body = {},
                          std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

}  // namespace portald::test
