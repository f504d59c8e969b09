#pragma once
// One purge: "PURGE / HTTP/1.1" with an xkey header to one cache node, over a fresh connection.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/listen_address.hpp"

namespace portald::purge {

// Varnish refuses a request whose header is longer than http_req_hdr_len (8 KB by default; a purge of
// 1,000 articles names about 14 KB of keys): each PURGE carries at most this many bytes of keys.
inline constexpr std::size_t kMaxXkeyBytes = 4000;

// `keys` (space separated) cut at spaces into parts of at most `max_bytes` each, in order; a single key
// longer than that is a part of its own.
std::vector<std::string> split_keys(std::string_view keys, std::size_t max_bytes = kMaxXkeyBytes);

// True when the node answered 200 within `timeout` (connect, send and read each); false with the reason
// in *why (refused, timed out, another status) otherwise.
bool send_purge(const config::ListenAddress& node, std::string_view keys, std::chrono::milliseconds timeout,
                std::string* why);

}  // namespace portald::purge
