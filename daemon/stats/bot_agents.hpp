#pragma once
// Which user agents are bots for the access statistics (issue 13): their views are counted apart.
#include <string_view>

namespace portald::stats {

// True for an empty user agent and for one that names a crawler, a monitor or an HTTP library
// ("Googlebot", "bingbot", "crawler", "spider", "curl/8", "python-requests", ...), case-insensitively.
bool is_bot_agent(std::string_view user_agent);

}  // namespace portald::stats
