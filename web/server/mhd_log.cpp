#include <cstdio>
#include <exception>

#include "daemon/log/log.hpp"
#include "web/server/server_context.hpp"

namespace portald::web::detail {

// On AF_UNIX sockets (the self-check) the TCP_NODELAY/TCP_CORK calls MHD makes around every send
// fail; 0.9.75 reports that as "Failed to push the data from buffers ...", other versions name the
// option. On TCP the calls succeed, so filtering these hides nothing about real clients.
bool is_harmless_mhd_message(const std::string& message) {
  return message.find("TCP_NODELAY") != std::string::npos || message.find("TCP_CORK") != std::string::npos ||
         message.starts_with("Failed to push the data from buffers to the network");
}

// MHD hands us printf-style arguments; the format string comes from MHD itself, not from clients.
__attribute__((format(printf, 2, 0))) void on_mhd_log(void* cls, const char* format, va_list args) {
  try {
    char buffer[512];
    const int n = std::vsnprintf(buffer, sizeof buffer, format, args);
    if (n < 0) return;
    std::string message(buffer);
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
    if (message.empty() || is_harmless_mhd_message(message)) return;
    log::warning("http.mhd", {{"message", message}});
    auto* ctx = static_cast<ServerContext*>(cls);
    const std::lock_guard lock(ctx->log_mu);
    ctx->last_mhd_message = std::move(message);
  } catch (...) {
    // Logging must never unwind into MHD's C frames; losing one message is the lesser harm.
  }
}

}  // namespace portald::web::detail
