#pragma once
// The watchdog's end-to-end probe: one request through MHD's own parsing, thread pool and handler,
// without touching the network (see stack.md §5.1).
#include <microhttpd.h>

#include <chrono>
#include <string>

namespace portald::web::detail {

// Sends "GET /healthz" over a socketpair given to MHD_add_connection and waits for the status line.
// Returns true on "HTTP/1.1 200"; false with the reason in *why (if not null) otherwise.
bool probe_healthz(MHD_Daemon* daemon, std::chrono::milliseconds timeout, std::string* why);

}  // namespace portald::web::detail
