#pragma once
// What a handler sees of one HTTP request: everything is copied out of libmicrohttpd before the handler
// runs, so handlers never touch MHD and can be tested with a hand-built Request.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portald::web {

struct Request {
  std::string method;  // "GET", "HEAD", "POST", ...
  std::string path;    // percent-decoded URL path, without the query string
  std::string target;  // the request target as sent (path and query, still percent-encoded); "" when not from MHD
  std::vector<std::pair<std::string, std::string>> query;    // decoded query arguments, in order
  std::vector<std::pair<std::string, std::string>> headers;  // request headers, in order
  std::string body;                                          // complete body, at most ServerLimits::max_body
  // The client: the TCP peer, or the client a trusted proxy names (web/server/forwarded.hpp). The one
  // address for audit, rate limits and statistics. "127.0.0.1", "::1", or "local" for the self-check.
  std::string remote_address;
  std::string peer_address;  // the TCP peer itself (a trusted proxy's address when behind one)
  bool https = false;        // came over TLS, as a trusted proxy says (X-Forwarded-Proto, Forwarded)
  std::map<std::string, std::string, std::less<>> params;  // filled by the router
  // Filled by the router's access guard on routes that need a login (web/admin_guard.cpp).
  std::string session_user;
  std::string session_key;   // the session's table key (hash of the cookie token)
  std::string session_csrf;  // the token every form of this session must send back

  // Names asked of query_value(), present or not: what the page depends on, for the page cache's key.
  mutable std::vector<std::string> query_names_read{};

  // First query argument with this exact name; std::nullopt if absent. Notes the name as read.
  std::optional<std::string_view> query_value(std::string_view name) const;
  // First header with this name, compared case-insensitively (RFC 9110); std::nullopt if absent.
  std::optional<std::string_view> header(std::string_view name) const;
};

// ASCII case-insensitive equality, the comparison HTTP uses for field names.
bool iequals_ascii(std::string_view a, std::string_view b) noexcept;

}  // namespace portald::web
