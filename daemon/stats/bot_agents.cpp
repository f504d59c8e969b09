#include "daemon/stats/bot_agents.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace portald::stats {
namespace {

// Lower-case fragments found in the user agents of crawlers, link checkers, monitors and HTTP tools.
// Browsers never carry them ("Mozilla/5.0 (compatible; Googlebot/2.1; ...)" does, by "bot").
constexpr std::array<std::string_view, 22> kFragments{"bot",
                                                      "crawl",
                                                      "spider",
                                                      "slurp",
                                                      "fetch",
                                                      "scrape",
                                                      "curl/",
                                                      "wget",
                                                      "python-",
                                                      "go-http",
                                                      "java/",
                                                      "okhttp",
                                                      "libwww",
                                                      "httpclient",
                                                      "headless",
                                                      "lighthouse",
                                                      "monitor",
                                                      "uptime",
                                                      "facebookexternalhit",
                                                      "preview",
                                                      "feed",
                                                      "archiver"};

bool contains_nocase(std::string_view hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                     [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }) != hay.end();
}

}  // namespace

bool is_bot_agent(std::string_view user_agent) {
  if (user_agent.empty()) return true;
  return std::any_of(kFragments.begin(), kFragments.end(),
                     [&](std::string_view f) { return contains_nocase(user_agent, f); });
}

}  // namespace portald::stats
