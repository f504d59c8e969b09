#pragma once
// The libmicrohttpd wrapper: one listening socket, an epoll thread pool, explicit limits, and a single
// place where handler exceptions become error pages.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "web/server/access_log.hpp"
#include "web/server/forwarded.hpp"
#include "web/server/http_error.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"
#include "web/server/server_start_error.hpp"

namespace portald::web {

using Handler = std::function<Response(Request&)>;
// Builds the page a reader sees for an error status (the app passes a Vietnamese template page).
// `message` is the HttpError's text, or empty when the server chose the status itself (413 for an
// oversized body, 500 for an unexpected exception), so the renderer supplies its own wording.
using ErrorRenderer = std::function<Response(int status, std::string_view message, const Request&)>;

struct ServerLimits {
  unsigned threads = 4;  // epoll thread pool size
  unsigned max_connections = 8192;
  unsigned max_connections_per_ip = 32;  // 0 = unlimited; never applies to a trusted proxy
  unsigned connection_timeout_s = 10;    // idle between the requests of a kept-alive connection
  unsigned header_timeout_s = 5;         // idle before a connection's first complete request
  std::size_t connection_memory = 32 * 1024;
  std::size_t max_body = 1 << 20;  // larger bodies get 413
  // A larger limit for the requests the app names from their method, path and headers, before any body
  // byte is read (signed-in staff posting files; the citizens' question form with its attachments).
  // 0, a value below max_body, or a throwing check mean max_body.
  std::function<std::size_t(const Request&)> body_limit{};
  // The reverse proxies whose forwarding headers are believed (Request::remote_address, https); empty
  // = none, every client is its TCP peer.
  TrustedProxy trusted_proxy{};
  // Called once per answered request when its connection is done with it (issue 16's access log,
  // access_log.hpp); empty = no access log.
  AccessSink access_log{};
  // Requests whose handler must not hold an HTTP worker (password hashing, issue 16). For a request
  // offload_wanted accepts, the server hands the handler's run to offload(job): when that takes the
  // job (true) the connection is suspended and the worker serves others until the job is done, then
  // the answer goes out. false (the app's queue is full, or the app would rather it ran at once, as a
  // search with a free slot) runs the handler on the worker as usual. offload is given the request
  // too: the app hands each kind of work to its own queue (password hashes, searches).
  std::function<bool(const Request&)> offload_wanted{};
  std::function<bool(const Request&, std::function<void()>)> offload{};
};

class HttpServer {
 public:
  // Binds host:port (IPv4 literal, IPv6 literal without brackets, or "localhost"; port 0 = ephemeral)
  // and starts serving at once. Throws ServerStartError with one line, e.g.
  // "cannot listen on 127.0.0.1:8080: Address already in use".
  HttpServer(const std::string& host, std::uint16_t port, const ServerLimits& limits, Handler handler,
             ErrorRenderer on_error);
  // Stops MHD (joining its threads; handlers still running are waited for) and closes the socket.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  HttpServer(HttpServer&&) = delete;
  HttpServer& operator=(HttpServer&&) = delete;

  // The bound port (the ephemeral one when constructed with port 0).
  std::uint16_t port() const;

  // End-to-end probe through MHD without the network: sends "GET /healthz" over a socketpair handed to
  // MHD_add_connection. Returns false, with the reason in *why, on timeout or a status other than 200.
  bool self_check(std::chrono::milliseconds timeout, std::string* why = nullptr);

  // Stops accepting: new connection attempts are refused; requests in flight, and keep-alive
  // connections already open, are still served. Idempotent.
  void quiesce();

  // Requests currently being handled, from the end of their headers until the response is sent
  // (idle keep-alive connections do not count). For a graceful drain after quiesce().
  unsigned active_requests() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace portald::web
