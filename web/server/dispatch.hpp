#pragma once
// The one catch site: runs a handler and turns whatever it throws into a response. Free of MHD so it
// can be reasoned about (and tested) on its own.
#include <string_view>

#include "web/server/http_server.hpp"

namespace portald::web {

// Calls handler(req). HttpError -> on_error(status, message, req) plus the error's headers; any other exception is
// logged as http.handler_exception and answered with on_error(500, "", req), so details never reach the client. Throws
// only if not even minimal_error() can be built (out of memory).
Response call_handler(const Handler& handler, const ErrorRenderer& on_error, Request& req);

// on_error(status, message, req), falling back to minimal_error(500) if on_error is empty, throws, or
// returns a status MHD cannot send. Throws only when out of memory.
Response render_error(const ErrorRenderer& on_error, int status, std::string_view message, const Request& req);

// "<status> <reason>" as plain text, the answer when the app's error page itself failed.
Response minimal_error(int status);

// True for statuses a handler may answer with (200-599; 1xx are protocol-level, not responses).
bool is_sendable_status(int status) noexcept;

}  // namespace portald::web
