#pragma once
// The cache-nodes option: the Varnish nodes portald sends purges to, "HOST:PORT" or "[IPV6]:PORT",
// separated by spaces or commas; "" or "none" for none.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/listen_address.hpp"

namespace portald::purge {

// The nodes, in order; std::nullopt with *error set on an item that is not HOST:PORT (port 1..65535).
std::optional<std::vector<config::ListenAddress>> parse_cache_nodes(std::string_view text, std::string* error);

}  // namespace portald::purge
