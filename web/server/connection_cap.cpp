// The per-address connection cap when trusted proxies are configured. MHD's own cap
// (MHD_OPTION_PER_IP_CONNECTION_LIMIT) counts every address alike, so a site behind one proxy would get
// max_connections_per_ip connections in all; here the proxies are exempt and everyone else is capped.
// The check (on_accept) and the count (on_connection) are separate callbacks, so simultaneous accepts
// in different worker threads may overshoot the cap by at most the number of threads.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>
#include <memory>
#include <string>

#include "web/server/server_context.hpp"

namespace portald::web::detail {
namespace {

bool exempt(const ServerContext& ctx, const std::string& address) {
  return address == "local" || address == "unknown" || ctx.limits.trusted_proxy(address);
}

}  // namespace

std::string address_text(const sockaddr* sa) {
  if (!sa) return "unknown";
  char text[INET6_ADDRSTRLEN] = {};
  if (sa->sa_family == AF_INET) {
    sockaddr_in v4{};
    std::memcpy(&v4, sa, sizeof v4);
    if (::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text)) return text;
  } else if (sa->sa_family == AF_INET6) {
    sockaddr_in6 v6{};
    std::memcpy(&v6, sa, sizeof v6);
    if (IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr)) {
      if (::inet_ntop(AF_INET, &v6.sin6_addr.s6_addr[12], text, sizeof text)) return text;
    } else if (::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text)) {
      return text;
    }
  } else if (sa->sa_family == AF_UNIX) {
    return "local";
  }
  return "unknown";
}

bool counts_connections_per_ip(const ServerLimits& limits) {
  return limits.trusted_proxy && limits.max_connections_per_ip != 0;
}

MHD_Result on_accept(void* cls, const sockaddr* addr, socklen_t /*addrlen*/) {
  auto& ctx = *static_cast<ServerContext*>(cls);
  if (!counts_connections_per_ip(ctx.limits)) return MHD_YES;
  try {
    const std::string address = address_text(addr);
    if (exempt(ctx, address)) return MHD_YES;
    const std::lock_guard lock(ctx.per_ip_mu);
    const auto it = ctx.per_ip.find(address);
    if (it == ctx.per_ip.end() || it->second < ctx.limits.max_connections_per_ip) return MHD_YES;
  } catch (...) {
    // Out of memory: refuse, as MHD does when it cannot take a connection.
  }
  return MHD_NO;
}

void on_connection(void* cls, MHD_Connection* connection, void** socket_context, MHD_ConnectionNotificationCode code) {
  auto& ctx = *static_cast<ServerContext*>(cls);
  if (!counts_connections_per_ip(ctx.limits)) return;
  try {
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
      const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
      auto address = std::make_unique<std::string>(address_text(info ? info->client_addr : nullptr));
      if (exempt(ctx, *address)) return;
      const std::lock_guard lock(ctx.per_ip_mu);
      ++ctx.per_ip[*address];
      *socket_context = address.release();
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
      const std::unique_ptr<std::string> address(static_cast<std::string*>(*socket_context));
      *socket_context = nullptr;
      const std::lock_guard lock(ctx.per_ip_mu);
      const auto it = ctx.per_ip.find(*address);
      if (it != ctx.per_ip.end() && --it->second == 0) ctx.per_ip.erase(it);
    }
  } catch (...) {
    // Out of memory while counting: this connection goes uncounted; no exception may reach MHD.
  }
}

}  // namespace portald::web::detail
