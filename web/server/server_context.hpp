#pragma once
// Internal to web/server: the state MHD's C callbacks reach through their closure pointer, and the
// callbacks themselves. Nothing here is part of the public API.
#include <microhttpd.h>

#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <cstdarg>
#include <mutex>
#include <string>
#include <unordered_map>

#include "web/server/http_server.hpp"

namespace portald::web::detail {

struct ServerContext {
  ServerLimits limits;
  Handler handler;
  ErrorRenderer on_error;
  std::atomic<unsigned> active{0};  // requests between their first callback and their completion

  // Requests whose handler runs off the workers (ServerLimits::offload) while their connection is
  // suspended: the server is stopped only once none is left (a job still holds its connection).
  std::mutex offload_mu;
  std::condition_variable offload_done;
  unsigned offloaded = 0;

  // Open connections per client address, counted by us instead of MHD when there are trusted proxies
  // (MHD's per-IP limit cannot exempt them: behind one proxy the whole site would get 32 connections).
  std::mutex per_ip_mu;
  std::unordered_map<std::string, unsigned> per_ip;

  // The last message MHD logged, so a failed MHD_start_daemon can say why in its exception.
  std::mutex log_mu;
  std::string last_mhd_message;
};

// "127.0.0.1", "::1"; an IPv4-mapped IPv6 address as plain IPv4; "local" for AF_UNIX (the self-check);
// "unknown" for anything else.
std::string address_text(const sockaddr* sa);

// True when ServerContext::per_ip counts connections (trusted proxies and a per-IP limit are set).
bool counts_connections_per_ip(const ServerLimits& limits);
// MHD_AcceptPolicyCallback: refuses a connection from an address that already holds
// max_connections_per_ip (trusted proxies and "local" never are refused).
MHD_Result on_accept(void* cls, const sockaddr* addr, socklen_t addrlen);
// MHD_NotifyConnectionCallback: counts open connections per address in ServerContext::per_ip.
void on_connection(void* cls, MHD_Connection* connection, void** socket_context, MHD_ConnectionNotificationCode code);

// MHD_AccessHandlerCallback; cls is the ServerContext. Never lets an exception escape into C.
MHD_Result on_access(void* cls, MHD_Connection* connection, const char* url, const char* method, const char* version,
                     const char* upload_data, std::size_t* upload_data_size, void** con_cls);

// MHD_OPTION_URI_LOG_CALLBACK: sees each raw request target before MHD parses its query, and refuses
// (414, answered by on_access) one too long or with too many arguments for the connection's memory.
// Returns the request's state for on_access, or nullptr when the target is fine.
void* on_request_target(void* cls, const char* uri, MHD_Connection* connection);

// MHD_RequestCompletedCallback: frees the per-request state and decrements ServerContext::active.
void on_completed(void* cls, MHD_Connection* connection, void** con_cls, MHD_RequestTerminationCode code);

// MHD_LogCallback routing MHD's messages to portald::log at warning level, minus the harmless ones.
void on_mhd_log(void* cls, const char* format, va_list args);

// True for messages MHD 0.9.75 emits on every AF_UNIX connection (the self-check), e.g.
// "Setting TCP_NODELAY option to ON state failed"; they say nothing about the server's health.
bool is_harmless_mhd_message(const std::string& message);

// Queues `response` on the connection; its body moves to MHD, which frees it with the response. Returns MHD's verdict;
// MHD_NO drops the connection.
MHD_Result queue_response(MHD_Connection* connection, Response&& response);

// A static plain-text 500 for when even building a response failed (out of memory).
MHD_Result queue_last_resort(MHD_Connection* connection) noexcept;

}  // namespace portald::web::detail
