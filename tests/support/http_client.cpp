#include "tests/support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace portald::test {
namespace {

using Clock = std::chrono::steady_clock;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "HTTP/1.1 200 OK" -> status and reason.
void parse_status_line(std::string_view line, HttpResponse& out) {
  if (line.size() < 12 || line.substr(0, 7) != "HTTP/1." || line[8] != ' ')
    throw std::runtime_error("not an HTTP/1.x status line: " + std::string(line));
  const std::string_view code = line.substr(9, 3);
  if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw std::runtime_error("bad status code in: " + std::string(line));
  out.status = std::stoi(std::string(code));
  out.reason = std::string(line.size() > 13 ? line.substr(13) : std::string_view());
}

void parse_header_lines(std::string_view block, HttpResponse& out) {
  while (!block.empty()) {
    const auto eol = block.find("\r\n");
    const std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) throw std::runtime_error("bad header line: " + std::string(line));
    out.headers.emplace_back(std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
  }
}

// Decodes a chunked body starting at raw[pos]; returns the end offset, or npos if incomplete.
std::size_t decode_chunked(std::string_view raw, std::size_t pos, std::string& body) {
  for (;;) {
    const auto eol = raw.find("\r\n", pos);
    if (eol == std::string_view::npos) return std::string_view::npos;
    const std::string_view line = raw.substr(pos, eol - pos);
    const std::string size_text(trim(line.substr(0, line.find(';'))));  // drop chunk extensions
    std::size_t used = 0;
    const unsigned long size = std::stoul(size_text, &used, 16);
    if (used != size_text.size()) throw std::runtime_error("bad chunk size: " + size_text);
    pos = eol + 2;
    if (size == 0) {  // trailers, then an empty line
      for (;;) {
        const auto end = raw.find("\r\n", pos);
        if (end == std::string_view::npos) return std::string_view::npos;
        if (end == pos) return end + 2;
        pos = end + 2;
      }
    }
    if (raw.size() < pos + size + 2) return std::string_view::npos;
    body.append(raw.substr(pos, size));
    pos += size + 2;
  }
}

sockaddr_storage make_address(const std::string& host_in, std::uint16_t port, socklen_t& length) {
  const std::string host = host_in == "localhost" ? "127.0.0.1" : host_in;
  sockaddr_storage storage{};
  sockaddr_in v4{};
  sockaddr_in6 v6{};
  if (::inet_pton(AF_INET, host.c_str(), &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    v4.sin_port = htons(port);
    std::memcpy(&storage, &v4, sizeof v4);
    length = sizeof v4;
  } else if (::inet_pton(AF_INET6, host.c_str(), &v6.sin6_addr) == 1) {
    v6.sin6_family = AF_INET6;
    v6.sin6_port = htons(port);
    std::memcpy(&storage, &v6, sizeof v6);
    length = sizeof v6;
  } else {
    throw std::runtime_error("not an IP literal: " + host);
  }
  return storage;
}

}  // namespace

std::optional<std::string_view> HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (iequals(key, name)) return std::string_view(value);
  return std::nullopt;
}

std::optional<std::pair<HttpResponse, std::size_t>> parse_response(std::string_view raw, bool eof, bool no_body) {
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string_view::npos) return std::nullopt;
  HttpResponse out;
  const auto first_eol = raw.find("\r\n");
  parse_status_line(raw.substr(0, first_eol), out);
  if (first_eol < head_end) parse_header_lines(raw.substr(first_eol + 2, head_end - first_eol - 2), out);
  const std::size_t body_start = head_end + 4;

  if (no_body || out.status < 200 || out.status == 204 || out.status == 304) return std::pair{out, body_start};
  if (const auto te = out.header("Transfer-Encoding"); te && iequals(*te, "chunked")) {
    const std::size_t end = decode_chunked(raw, body_start, out.body);
    if (end == std::string_view::npos) return std::nullopt;
    return std::pair{out, end};
  }
  if (const auto cl = out.header("Content-Length")) {
    const std::size_t length = std::stoul(std::string(*cl));
    if (raw.size() < body_start + length) return std::nullopt;
    out.body = std::string(raw.substr(body_start, length));
    return std::pair{out, body_start + length};
  }
  if (!eof) return std::nullopt;  // delimited by the end of the connection
  out.body = std::string(raw.substr(body_start));
  return std::pair{out, raw.size()};
}

RawConnection::RawConnection(const std::string& host, std::uint16_t port) {
  socklen_t length = 0;
  const sockaddr_storage addr = make_address(host, port, length);
  fd_ = ::socket(addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "socket");
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), length) != 0) {
    const int err = errno;
    ::close(fd_);
    throw std::system_error(err, std::generic_category(), "connect to " + host + ":" + std::to_string(port));
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void RawConnection::shutdown_write() { ::shutdown(fd_, SHUT_WR); }

long RawConnection::read_some(Clock::time_point deadline) {
  if (eof_) return 0;
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::clamp<long long>(left, 0, 60'000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw std::system_error(errno, std::generic_category(), "poll");
    if (ready == 0) {
      if (left <= 0) return -1;
      continue;
    }
    char chunk[16384];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) {  // EOF, or a reset: both end the connection
      eof_ = true;
      return 0;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return n;
  }
}

std::optional<HttpResponse> RawConnection::read_response(std::chrono::milliseconds timeout, bool no_body) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (auto parsed = parse_response(buffer_, eof_, no_body)) {
      buffer_.erase(0, parsed->second);
      return std::move(parsed->first);
    }
    if (eof_) return std::nullopt;
    if (read_some(deadline) < 0) return std::nullopt;
  }
}

std::optional<std::string> RawConnection::read_until_closed(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    const long n = read_some(deadline);
    if (n < 0) return std::nullopt;
    if (n == 0) return std::exchange(buffer_, std::string());
  }
}

bool RawConnection::wait_closed(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    const long n = read_some(deadline);
    if (n == 0) return true;
    if (n < 0) return false;
    buffer_.clear();
  }
}

HttpResponse http_request(const std::string& host, std::uint16_t port, std::string_view method, std::string_view target,
                          const std::vector<std::pair<std::string, std::string>>& headers, std::string_view body,
                          std::chrono::milliseconds timeout) {
  const std::string authority =
      (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(port);
  std::string raw =
      std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) raw += name + ": " + value + "\r\n";
  if (!body.empty()) raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  raw += "\r\n";
  raw += body;
  RawConnection c(host, port);
  if (!c.send(raw)) throw std::runtime_error("connection closed while sending the request");
  auto response = c.read_response(timeout, method == "HEAD");
  if (!response) throw std::runtime_error("no complete response within " + std::to_string(timeout.count()) + " ms");
  return std::move(*response);
}

}  // namespace portald::test
