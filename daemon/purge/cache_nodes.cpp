#include "daemon/purge/cache_nodes.hpp"

namespace portald::purge {

std::optional<std::vector<config::ListenAddress>> parse_cache_nodes(std::string_view text, std::string* error) {
  std::vector<config::ListenAddress> nodes;
  if (text == "none") return nodes;
  while (!text.empty()) {
    const auto start = text.find_first_not_of(" ,");
    if (start == std::string_view::npos) break;
    text.remove_prefix(start);
    const auto end = text.find_first_of(" ,");
    const std::string_view item = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end);
    std::string why;
    auto node = config::parse_listen_address(item, &why);
    if (!node || node->port == 0) {
      if (error)
        *error = "expected HOST:PORT cache nodes (got \"" + std::string(item) + "\")" + (why.empty() ? "" : ": " + why);
      return std::nullopt;
    }
    nodes.push_back(std::move(*node));
  }
  return nodes;
}

}  // namespace portald::purge
