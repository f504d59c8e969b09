#include "web/server/http_server.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <system_error>

#include "daemon/log/log.hpp"
#include "web/server/listen_socket.hpp"
#include "web/server/self_check.hpp"
#include "web/server/server_context.hpp"

namespace portald::web {
namespace {

struct DaemonDeleter {
  void operator()(MHD_Daemon* d) const noexcept { MHD_stop_daemon(d); }
};
using DaemonPtr = std::unique_ptr<MHD_Daemon, DaemonDeleter>;

// True if both descriptors are open and name the same socket.
bool same_socket(int a, int b) {
  struct stat sa {
  }, sb{};
  return ::fstat(a, &sa) == 0 && ::fstat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

// Every connection is a descriptor: raise the soft limit (up to the hard one) so max_connections fit
// beside the store, the index and the log. Logs a warning when the hard limit is too low.
void raise_descriptor_limit(const ServerLimits& limits) {
  constexpr rlim_t kOtherDescriptors = 256;
  rlimit rl{};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  const rlim_t wanted = static_cast<rlim_t>(limits.max_connections) + kOtherDescriptors;
  if (rl.rlim_cur >= wanted) return;
  const rlim_t before = rl.rlim_cur;
  rl.rlim_cur = std::min(wanted, rl.rlim_max);  // RLIM_INFINITY is the largest value
  if (::setrlimit(RLIMIT_NOFILE, &rl) != 0) rl.rlim_cur = before;
  if (rl.rlim_cur < wanted)
    log::warning("http.descriptor_limit_low", {{"limit", static_cast<unsigned long long>(rl.rlim_cur)},
                                               {"max_connections", limits.max_connections},
                                               {"hint", "raise LimitNOFILE or lower max-connections"}});
}

void check_limits(const ServerLimits& limits, const std::string& where) {
  if (limits.threads == 0) throw ServerStartError("cannot start HTTP server on " + where + ": threads must be >= 1");
  if (limits.max_connections == 0)
    throw ServerStartError("cannot start HTTP server on " + where + ": max_connections must be >= 1");
}

}  // namespace

struct HttpServer::Impl {
  detail::ServerContext ctx;  // the callbacks' closure: must outlive the daemon
  std::string where;          // "127.0.0.1:8080", for messages
  UniqueFd listen_fd;         // ours; MHD works on a duplicate of it (see start)
  std::uint16_t port = 0;
  std::mutex quiesce_mu;
  bool quiesced = false;
  UniqueFd quiesced_fd;  // MHD's duplicate, handed back by MHD_quiesce_daemon; closed after the stop
  DaemonPtr daemon;      // declared last so it is stopped first

  void start();
};

// MHD gets a duplicate of the listening socket rather than ours. MHD closes the socket it was given
// on stop, and on some failure paths of MHD_start_daemon but not others; with a duplicate we can
// tell which happened (same_socket) and never close a descriptor twice. Keeping our own copy also
// lets quiesce() shut the socket down while MHD's descriptor stays valid for its threads.
void HttpServer::Impl::start() {
  UniqueFd for_mhd(::fcntl(listen_fd.get(), F_DUPFD_CLOEXEC, 0));
  if (!for_mhd)
    throw ServerStartError("cannot start HTTP server on " + where + ": dup: " + std::system_category().message(errno));
  const ServerLimits& l = ctx.limits;
  // EPOLL_INTERNAL_THREAD with a pool: handlers must be quick (stack.md §1.1). ITC is what lets
  // quiesce and MHD_add_connection (the self-check) wake the workers. ERROR_LOG turns the logger on.
  // ALLOW_SUSPEND_RESUME: a handler run off the workers (ServerLimits::offload) holds its connection suspended.
  const unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
  // clang-format off
  MHD_Daemon* d = MHD_start_daemon(
      flags, 0, &detail::on_accept, &ctx, &detail::on_access, &ctx,
      MHD_OPTION_EXTERNAL_LOGGER, &detail::on_mhd_log, &ctx,  // first, so option errors are logged too
      MHD_OPTION_LISTEN_SOCKET, for_mhd.get(),
      MHD_OPTION_THREAD_POOL_SIZE, l.threads,
      MHD_OPTION_CONNECTION_LIMIT, l.max_connections,
      // With trusted proxies the cap is ours (connection_cap.cpp), so that it can spare the proxies.
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, detail::counts_connections_per_ip(l) ? 0u : l.max_connections_per_ip,
      MHD_OPTION_NOTIFY_CONNECTION, &detail::on_connection, &ctx,
      // Until its first request is complete a connection has the shorter header timeout; on_access
      // gives it connection_timeout_s then (0.9.75 has no separate header timeout; its default is "never").
      MHD_OPTION_CONNECTION_TIMEOUT, std::min(l.header_timeout_s, l.connection_timeout_s),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, l.connection_memory,
      MHD_OPTION_STRICT_FOR_CLIENT, 1,  // e.g. HTTP/1.1 without Host gets 400
      MHD_OPTION_URI_LOG_CALLBACK, &detail::on_request_target, &ctx,  // bounds the query before MHD parses it
      MHD_OPTION_NOTIFY_COMPLETED, &detail::on_completed, &ctx,
      MHD_OPTION_END);
  // clang-format on
  if (!d) {
    if (!same_socket(for_mhd.get(), listen_fd.get())) for_mhd.release();  // MHD already closed it
    std::string reason;
    {
      const std::lock_guard lock(ctx.log_mu);
      reason = ctx.last_mhd_message.empty() ? "MHD_start_daemon failed" : ctx.last_mhd_message;
    }
    throw ServerStartError("cannot start HTTP server on " + where + ": " + reason);
  }
  for_mhd.release();  // MHD's now
  daemon.reset(d);
}

HttpServer::HttpServer(const std::string& host, std::uint16_t port, const ServerLimits& limits, Handler handler,
                       ErrorRenderer on_error)
    : impl_(std::make_unique<Impl>()) {
  impl_->where = format_endpoint(host, port);
  check_limits(limits, impl_->where);
  if (!handler) throw ServerStartError("cannot start HTTP server on " + impl_->where + ": no handler");
  impl_->ctx.limits = limits;
  impl_->ctx.handler = std::move(handler);
  impl_->ctx.on_error = std::move(on_error);
  raise_descriptor_limit(limits);
  impl_->listen_fd = open_listen_socket(host, port);
  impl_->port = bound_port(impl_->listen_fd.get());
  impl_->where = format_endpoint(host, impl_->port);
  impl_->start();
  log::debug("http.started", {{"listen", impl_->where},
                              {"threads", limits.threads},
                              {"max_connections", limits.max_connections},
                              {"max_connections_per_ip", limits.max_connections_per_ip},
                              {"timeout_s", limits.connection_timeout_s},
                              {"header_timeout_s", limits.header_timeout_s},
                              {"max_body", limits.max_body}});
}

HttpServer::~HttpServer() {
  // A suspended connection belongs to its offloaded job until the job resumes it; MHD must not close it
  // under the job (the app's pool outlives the server and finishes what it took).
  std::unique_lock lock(impl_->ctx.offload_mu);
  if (!impl_->ctx.offload_done.wait_for(lock, std::chrono::seconds(60), [this] { return impl_->ctx.offloaded == 0; }))
    log::error("http.offloaded_requests_left", {{"count", impl_->ctx.offloaded}});
}

std::uint16_t HttpServer::port() const { return impl_->port; }

bool HttpServer::self_check(std::chrono::milliseconds timeout, std::string* why) {
  return detail::probe_healthz(impl_->daemon.get(), timeout, why);
}

void HttpServer::quiesce() {
  const std::lock_guard lock(impl_->quiesce_mu);
  if (impl_->quiesced) return;
  impl_->quiesced = true;
  const MHD_socket returned = MHD_quiesce_daemon(impl_->daemon.get());
  // Per microhttpd.h the returned descriptor must stay open until after MHD_stop_daemon, since a
  // worker may still be using it.
  if (returned != MHD_INVALID_SOCKET) impl_->quiesced_fd.reset(returned);
  // MHD merely stops watching the socket: the kernel would still complete handshakes into the
  // backlog, and those clients would hang until the stop. shutdown() on our copy makes the kernel
  // refuse them at once (a reverse proxy then fails over instead of waiting). It does not close the
  // descriptor, so MHD's copy stays valid as required above. (With a socket inherited from systemd
  // this would also stop systemd's copy; we bind our own.)
  ::shutdown(impl_->listen_fd.get(), SHUT_RDWR);
  log::info("http.quiesced", {{"listen", impl_->where}, {"active_requests", active_requests()}});
}

unsigned HttpServer::active_requests() const { return impl_->ctx.active.load(std::memory_order_relaxed); }

}  // namespace portald::web
