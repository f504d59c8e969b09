#include "web/server/dispatch.hpp"

#include <exception>
#include <string>

#include "daemon/log/log.hpp"

namespace portald::web {
namespace {

std::string_view reason_phrase(int status) noexcept {
  switch (status) {
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 410: return "Gone";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Server Error" : "Error";
  }
}

}  // namespace

bool is_sendable_status(int status) noexcept { return status >= 200 && status <= 599; }

Response minimal_error(int status) {
  if (!is_sendable_status(status)) status = 500;
  return Response::text(std::to_string(status) + " " + std::string(reason_phrase(status)) + "\n", status);
}

Response render_error(const ErrorRenderer& on_error, int status, std::string_view message, const Request& req) {
  if (!on_error) return minimal_error(status);
  try {
    Response r = on_error(status, message, req);
    if (is_sendable_status(r.status)) return r;
    log::error("http.error_renderer_bad_status", {{"path", req.path}, {"status", r.status}});
  } catch (const std::exception& e) {
    log::error("http.error_renderer_exception", {{"path", req.path}, {"status", status}, {"what", e.what()}});
  } catch (...) {
    log::error("http.error_renderer_exception", {{"path", req.path}, {"status", status}, {"what", "unknown"}});
  }
  return minimal_error(500);
}

Response call_handler(const Handler& handler, const ErrorRenderer& on_error, Request& req) {
  try {
    Response r = handler(req);
    if (is_sendable_status(r.status)) return r;
    // A status MHD would refuse to queue is a bug in the handler: treat it like an exception.
    log::error("http.handler_bad_status", {{"path", req.path}, {"status", r.status}});
  } catch (const HttpError& e) {
    Response r = render_error(on_error, e.status(), e.what(), req);
    // The error's own headers belong to its status (Allow to a 405), not to a 500 the renderer fell back to.
    if (r.status == e.status()) r.headers.insert(r.headers.end(), e.headers().begin(), e.headers().end());
    return r;
  } catch (const std::exception& e) {
    log::error("http.handler_exception", {{"path", req.path}, {"what", e.what()}});
  } catch (...) {
    log::error("http.handler_exception", {{"path", req.path}, {"what", "unknown exception type"}});
  }
  return render_error(on_error, 500, "", req);
}

}  // namespace portald::web
