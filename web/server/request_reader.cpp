// Turns MHD's three-phase access callback (headers, body chunks, end) into one call of the handler
// with a complete Request, enforcing ServerLimits::max_body (or the app's larger body_limit) on the way, and bounds the
// request target before MHD splits its query (on_request_target).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/log/log.hpp"
#include "web/server/dispatch.hpp"
#include "web/server/forwarded.hpp"
#include "web/server/server_context.hpp"

namespace portald::web::detail {
namespace {

// A chunked body gives no size up front, so an overflow is only seen mid-stream, when MHD forbids
// answering; we keep reading and discarding to answer 413 at the end. Past this much extra we stop
// paying for a client that keeps sending, and drop the connection instead.
constexpr std::size_t kMinDiscardAllowance = 64 * 1024;
// Content-Length is only a claim: reserving all of it would let idle clients pin max_body of memory
// each, so the up-front reservation is capped and the string grows with the bytes that really arrive.
constexpr std::size_t kMaxReserve = 64 * 1024;

// MHD 0.9.75 keeps every query argument as a 64-byte record in the connection's memory pool, next to
// a read buffer of half the pool. When the records do not fit it queues a 431 while still parsing the
// request line, then overwrites the connection's state, so the 431 is never sent: the client waits
// for the connection timeout and gets an empty reply (issue 16 finding 4). A target within a quarter
// of the pool, with at most one argument per 256 bytes of it, always fits beside the headers; a longer
// one is answered 414 by us, with the app's page, before MHD parses a single argument.
constexpr std::size_t kPoolBytesPerQueryArgument = 256;
constexpr std::size_t kPoolShareOfTarget = 4;

struct PendingRequest {
  Request req;
  std::size_t received = 0;  // body bytes seen, including discarded ones
  bool started = false;      // begin() has run (and counted the request as active)
  bool too_large = false;
  bool target_too_long = false;  // set by on_request_target: answer 414
  std::string target;            // as sent, for the app's one canonical form of each path
  std::size_t body_limit = 0;    // max_body, or the app's larger limit for this request (set by begin)
  // For the access log (access_log.hpp): when the headers were in, and what was answered.
  std::chrono::system_clock::time_point at{};
  std::chrono::steady_clock::time_point started_at{};
  int status = 0;  // 0 = nothing queued (the connection was dropped)
  std::size_t bytes = 0;
  // The answer of a handler run off the workers (ServerLimits::offload), set before the resumption.
  std::optional<Response> offloaded_answer;
};

// Queues the answer, remembering its status and size for the access log.
MHD_Result answer(PendingRequest& p, MHD_Connection* connection, Response&& response) {
  p.status = response.status;
  p.bytes = response.body.size();
  return queue_response(connection, std::move(response));
}

// The body limit for this request: a larger one only when the app says so from the headers (an upload
// by someone allowed to make it). A failing check means the ordinary limit.
std::size_t body_limit_for(const ServerLimits& limits, const Request& req) {
  if (!limits.body_limit) return limits.max_body;
  try {
    return std::max(limits.body_limit(req), limits.max_body);
  } catch (...) {
    return limits.max_body;
  }
}

struct Collector {
  std::vector<std::pair<std::string, std::string>>* out;
  bool failed = false;
};

// MHD_KeyValueIteratorN: the _n variant keeps values with embedded NULs whole. A missing value
// ("?flag") arrives as NULL and becomes "".
MHD_Result collect(void* cls, MHD_ValueKind, const char* key, std::size_t key_size, const char* value,
                   std::size_t value_size) {
  auto* c = static_cast<Collector*>(cls);
  try {
    c->out->emplace_back(std::string(key, key_size), value ? std::string(value, value_size) : std::string());
    return MHD_YES;
  } catch (...) {
    c->failed = true;  // no exception may cross MHD's C frames; rethrown as bad_alloc below
    return MHD_NO;
  }
}

void collect_values(MHD_Connection* connection, MHD_ValueKind kind,
                    std::vector<std::pair<std::string, std::string>>& out) {
  Collector c{&out};
  MHD_get_connection_values_n(connection, kind, &collect, &c);
  if (c.failed) throw std::bad_alloc();
}

std::string peer_address(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  return info ? address_text(info->client_addr) : "unknown";
}

// The declared body size, if any. MHD has already rejected malformed values with 400; a value too big
// for size_t is still a valid number, and certainly over the limit.
std::optional<std::size_t> content_length(const Request& req) {
  const auto text = req.header(MHD_HTTP_HEADER_CONTENT_LENGTH);
  if (!text) return std::nullopt;
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec == std::errc::result_out_of_range) return std::numeric_limits<std::size_t>::max();
  if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return n;
}

std::size_t discard_limit(std::size_t max_body) {
  const std::size_t allowance = std::max(max_body, kMinDiscardAllowance);
  return max_body > std::numeric_limits<std::size_t>::max() - allowance ? std::numeric_limits<std::size_t>::max()
                                                                        : max_body + allowance;
}

// First call, after the headers: build the Request (on_request_target may have made the state already).
// A target on_request_target refused, or a declared Content-Length over the limit, is answered at
// once; MHD then discards the rest of the body and closes the connection.
MHD_Result begin(ServerContext& ctx, MHD_Connection* connection, const char* url, const char* method, void** con_cls) {
  auto* pending = static_cast<PendingRequest*>(*con_cls);
  if (!pending) {
    pending = new PendingRequest;
    *con_cls = pending;  // from here on_completed owns it, whatever happens below
  }
  pending->started = true;
  pending->at = std::chrono::system_clock::now();
  pending->started_at = std::chrono::steady_clock::now();
  ctx.active.fetch_add(1, std::memory_order_relaxed);
  // The headers are in: from now on (the body, then keep-alive) the connection may idle for the
  // longer connection timeout. Before this it had the header timeout (http_server.cpp).
  if (ctx.limits.header_timeout_s < ctx.limits.connection_timeout_s)
    MHD_set_connection_option(connection, MHD_CONNECTION_OPTION_TIMEOUT, ctx.limits.connection_timeout_s);

  Request& req = pending->req;
  req.method = method;
  req.path = url;
  req.target = std::move(pending->target);
  collect_values(connection, MHD_GET_ARGUMENT_KIND, req.query);
  collect_values(connection, MHD_HEADER_KIND, req.headers);
  req.peer_address = peer_address(connection);
  auto origin = resolve_client(req.peer_address, req.headers, ctx.limits.trusted_proxy);
  req.remote_address = std::move(origin.address);
  req.https = origin.https;

  if (pending->target_too_long) {
    log::warning("http.target_refused", {{"path", req.path}, {"remote", req.remote_address}});
    return answer(*pending, connection, render_error(ctx.on_error, MHD_HTTP_URI_TOO_LONG, "", req));
  }
  pending->body_limit = body_limit_for(ctx.limits, req);
  if (const auto declared = content_length(req)) {
    if (*declared > pending->body_limit) {
      pending->too_large = true;
      return answer(*pending, connection, render_error(ctx.on_error, MHD_HTTP_CONTENT_TOO_LARGE, "", req));
    }
    req.body.reserve(std::min(*declared, kMaxReserve));
  }
  return MHD_YES;
}

// A body chunk: no response may be queued here, so an overflow is only remembered.
MHD_Result take_chunk(PendingRequest& p, const char* data, std::size_t size) {
  p.received += size;
  if (!p.too_large && p.received <= p.body_limit) {
    p.req.body.append(data, size);
    return MHD_YES;
  }
  if (!p.too_large) {
    p.too_large = true;
    std::string().swap(p.req.body);  // give the memory back while we discard the rest
  }
  if (p.received > discard_limit(p.body_limit)) {
    log::warning("http.body_overflow_dropped", {{"path", p.req.path}, {"remote", p.req.remote_address}});
    return MHD_NO;
  }
  return MHD_YES;
}

// The handler's run handed to ServerLimits::offload: the connection is suspended until the job has the
// answer and resumes it; MHD then calls on_access again and finish() sends it. False when the app did
// not take the job (the handler then runs here).
bool offload(ServerContext& ctx, MHD_Connection* connection, PendingRequest& p) {
  // Held until the suspension below: the job may finish first, but it resumes only after it.
  const std::lock_guard lock(ctx.offload_mu);
  const bool taken = ctx.limits.offload(p.req, [&ctx, connection, &p] {
    Response r;
    try {
      r = call_handler(ctx.handler, ctx.on_error, p.req);
    } catch (...) {  // out of memory even for the error page
      r.status = 500;
      r.content_type = "text/plain; charset=utf-8";
    }
    const std::lock_guard done(ctx.offload_mu);
    p.offloaded_answer = std::move(r);
    MHD_resume_connection(connection);
    --ctx.offloaded;
    ctx.offload_done.notify_all();
  });
  if (!taken) return false;
  ++ctx.offloaded;
  MHD_suspend_connection(connection);
  return true;
}

MHD_Result finish(ServerContext& ctx, MHD_Connection* connection, PendingRequest& p) {
  {
    std::unique_lock lock(ctx.offload_mu);
    if (p.offloaded_answer) {
      Response r = std::move(*p.offloaded_answer);
      p.offloaded_answer.reset();
      lock.unlock();
      return answer(p, connection, std::move(r));
    }
  }
  if (!p.too_large && ctx.limits.offload && ctx.limits.offload_wanted && ctx.limits.offload_wanted(p.req) &&
      offload(ctx, connection, p))
    return MHD_YES;
  if (p.too_large) return answer(p, connection, render_error(ctx.on_error, MHD_HTTP_CONTENT_TOO_LARGE, "", p.req));
  return answer(p, connection, call_handler(ctx.handler, ctx.on_error, p.req));
}

// One access-log line; a failing sink never reaches MHD (no exception may cross its C frames).
void log_access(const AccessSink& sink, const PendingRequest& p) noexcept {
  try {
    const Request& req = p.req;
    sink({.at = p.at,
          .remote_address = req.remote_address,
          .method = req.method,
          .target = req.target.empty() ? std::string_view(req.path) : std::string_view(req.target),
          .status = p.status,
          .bytes = p.bytes,
          .referer = req.header("Referer").value_or(""),
          .user_agent = req.header("User-Agent").value_or(""),
          .seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - p.started_at).count()});
  } catch (...) {
  }
}

}  // namespace

void* on_request_target(void* cls, const char* uri, MHD_Connection* /*connection*/) {
  if (!uri) return nullptr;
  const std::size_t pool = static_cast<ServerContext*>(cls)->limits.connection_memory;
  const std::string_view target(uri);
  const auto question = target.find('?');
  const std::string_view query = question == std::string_view::npos ? std::string_view() : target.substr(question);
  // MHD records at most one argument per '&'-separated piece.
  const auto arguments = query.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(query.begin(), query.end(), '&'));
  auto* pending = new (std::nothrow) PendingRequest;
  if (!pending) return nullptr;
  if (target.size() <= pool / kPoolShareOfTarget && arguments <= pool / kPoolBytesPerQueryArgument) {
    try {
      pending->target = target;  // bounded by the checks above
    } catch (...) {
      // Without it the request is served under MHD's decoded path, as before issue 16.
    }
    return pending;
  }
  pending->target_too_long = true;
  // MHD hands us its own (writable) read buffer and splits the query after we return: ending the
  // string just after the '?' leaves it nothing to record. The path before it stays for the 414 page.
  if (question != std::string_view::npos) const_cast<char*>(uri)[question + 1] = '\0';
  return pending;
}

MHD_Result on_access(void* cls, MHD_Connection* connection, const char* url, const char* method,
                     const char* /*version*/, const char* upload_data, std::size_t* upload_data_size, void** con_cls) {
  auto& ctx = *static_cast<ServerContext*>(cls);
  auto* pending = static_cast<PendingRequest*>(*con_cls);
  const bool uploading = pending && pending->started && *upload_data_size != 0;
  try {
    if (!pending || !pending->started) return begin(ctx, connection, url, method, con_cls);
    if (uploading) {
      const MHD_Result result = take_chunk(*pending, upload_data, *upload_data_size);
      *upload_data_size = 0;
      return result;
    }
    return finish(ctx, connection, *pending);
  } catch (...) {
    // Only allocation failures get here (handler exceptions are caught in call_handler).
    return uploading ? MHD_NO : queue_last_resort(connection);
  }
}

void on_completed(void* cls, MHD_Connection* /*connection*/, void** con_cls, MHD_RequestTerminationCode /*code*/) {
  std::unique_ptr<PendingRequest> pending(static_cast<PendingRequest*>(*con_cls));
  *con_cls = nullptr;
  if (!pending || !pending->started) return;
  auto& ctx = *static_cast<ServerContext*>(cls);
  ctx.active.fetch_sub(1, std::memory_order_relaxed);
  if (ctx.limits.access_log && pending->status != 0) log_access(ctx.limits.access_log, *pending);
}

}  // namespace portald::web::detail
