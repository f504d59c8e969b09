#pragma once
// The listening socket is bound here rather than by MHD so that bind errors carry the address and
// errno text, and so the socket outlives MHD's copy of it (see HttpServer::quiesce).
#include <cstdint>
#include <string>

#include "web/server/unique_fd.hpp"

namespace portald::web {

// "127.0.0.1:8080", "[::1]:8080": the form used in error messages and logs.
std::string format_endpoint(const std::string& host, std::uint16_t port);

// Binds and listens on host:port with SO_REUSEADDR and close-on-exec. `host` is an IPv4 literal, an
// IPv6 literal without brackets, or "localhost" (taken as 127.0.0.1, so the result does not depend on
// /etc/hosts). Throws ServerStartError ("cannot listen on HOST:PORT: reason") on failure.
UniqueFd open_listen_socket(const std::string& host, std::uint16_t port);

// The port the socket is bound to (the ephemeral one when 0 was asked); throws ServerStartError.
std::uint16_t bound_port(int fd);

}  // namespace portald::web
