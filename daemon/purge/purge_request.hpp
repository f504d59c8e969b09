#pragma once
// One purge: "PURGE / HTTP/1.1" with an xkey header to one cache node, over a fresh connection.
#include <chrono>
#include <string>
#include <string_view>

#include "daemon/config/listen_address.hpp"

namespace portald::purge {

// True when the node answered 200 within `timeout` (connect, send and read each); false with the reason
// in *why (refused, timed out, another status) otherwise.
bool send_purge(const config::ListenAddress& node, std::string_view keys, std::chrono::milliseconds timeout,
                std::string* why);

}  // namespace portald::purge
