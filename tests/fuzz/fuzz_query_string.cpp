// Fuzz target for query strings as the server reads them: libmicrohttpd splits and percent-decodes the
// request target, and web/server/request_reader.cpp copies the arguments into Request::query (keeping
// embedded NULs). The input becomes the target of a GET sent over loopback to a real HttpServer (bytes
// that cannot stand in a request line are sent percent-encoded, so decoded values can hold any byte).
// A violated property aborts. Properties: every request is answered, by the handler (200) or by MHD
// refusing the target (400, 414), never with a 500 or not at all; the handler runs once per answered
// request; decoding never adds bytes, and yields at most one argument per '&'-separated piece; and
// query_value() finds the first argument of each name.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <string>
#include <string_view>

#include "tests/fuzz/property.hpp"
#include "web/server/http_server.hpp"

namespace {

namespace web = portald::web;

using portald::fuzz::require;

// What the handler thread checks against: the query as sent, and how often the handler ran.
struct Exchange {
  std::mutex mutex;
  std::string raw_query;
  int handled = 0;
};

Exchange& exchange() {
  static Exchange e;
  return e;
}

std::size_t pieces(std::string_view query) {
  std::size_t n = 1;
  for (const char c : query) n += c == '&';
  return n;
}

web::Response handle(web::Request& req) {
  Exchange& ex = exchange();
  const std::lock_guard lock(ex.mutex);
  ++ex.handled;
  std::size_t decoded = 0;
  for (const auto& [key, value] : req.query) {
    decoded += key.size() + value.size();
    const auto first = req.query_value(key);
    require(first.has_value(), "query_value finds every argument's name");
    for (const auto& [k, v] : req.query)
      if (k == key) {
        require(*first == v, "query_value is the first argument of that name");
        break;
      }
  }
  require(decoded <= ex.raw_query.size(), "decoding never adds bytes");
  require(req.query.size() <= pieces(ex.raw_query), "at most one argument per '&'-separated piece");
  return web::Response::text("ok");
}

struct Server {
  web::HttpServer http{"127.0.0.1", 0, {.threads = 1, .connection_timeout_s = 5}, &handle, {}};
};

// The request target for the input: "/" then the input, with every byte that may not stand in a request
// line (controls, space, '#', non-ASCII) percent-encoded; '%', '&', '=', '+' and '?' are left to the fuzzer.
std::string target_of(std::string_view input) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out = "/";
  for (const unsigned char c : input) {
    if (c <= 0x20 || c >= 0x7f || c == '#') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Sends the request and returns the response's status code, or 0 when none came within 10 s.
int exchange_with(std::uint16_t port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  require(fd >= 0, "a socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  require(::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0, "connect to the server");
  for (std::size_t sent = 0; sent < request.size();) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse early and close; its answer is still read below
    sent += static_cast<std::size_t>(n);
  }
  std::string response;
  for (char buffer[4096];;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 10'000) <= 0) break;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    response.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (!response.starts_with("HTTP/1.1 ") || response.size() < 12) return 0;
  return std::atoi(response.substr(9, 3).c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Server server;
  const std::string target = target_of(std::string_view(reinterpret_cast<const char*>(data), size));
  const auto q = target.find('?');
  int handled_before = 0;
  {
    Exchange& ex = exchange();
    const std::lock_guard lock(ex.mutex);
    ex.raw_query = q == std::string::npos ? std::string() : target.substr(q + 1);
    handled_before = ex.handled;
  }
  const int status =
      exchange_with(server.http.port(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  require(status == 200 || status == 400 || status == 414, "answered 200, 400 or 414");
  const std::lock_guard lock(exchange().mutex);
  require(exchange().handled == handled_before + (status == 200 ? 1 : 0), "the handler runs once per 200");
  return 0;
}
