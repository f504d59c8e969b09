#include "daemon/stats/bot_agents.hpp"

#include <algorithm>
#include <array>
#include <string>

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

}  // namespace

bool is_bot_agent(std::string_view user_agent) {
  if (user_agent.empty()) return true;
  // Lower-cased once, then each fragment is a plain find: this runs on every page view,
  // and a case-folding search per fragment cost microseconds (bench/visit_stats.sh).
  std::array<char, 512> buffer;
  std::string lowered;
  char* out = buffer.data();
  if (user_agent.size() > buffer.size()) {
    lowered.resize(user_agent.size());
    out = lowered.data();
  }
  std::transform(user_agent.begin(), user_agent.end(), out,
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  const std::string_view hay(out, user_agent.size());
  return std::any_of(kFragments.begin(), kFragments.end(),
                     [&](std::string_view f) { return hay.find(f) != std::string_view::npos; });
}

}  // namespace portald::stats
