#include "daemon/model/user_agent.hpp"

#include <array>
#include <utility>

namespace portald::model {
namespace {

constexpr std::size_t kRead = 512;

// First match wins: each browser's token comes before those of the browsers it also claims to be
// (Edge and Opera send "Chrome/", Chrome sends "Safari/").
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kBrowsers{{
    {"coc_coc_browser/", "Cốc Cốc"},
    {"Edg", "Edge"},
    {"OPR/", "Opera"},
    {"SamsungBrowser/", "Samsung Internet"},
    {"Zalo", "Zalo"},
    {"Firefox/", "Firefox"},
    {"FxiOS/", "Firefox"},
    {"CriOS/", "Chrome"},
    {"Chrome/", "Chrome"},
    {"Safari/", "Safari"},
    {"curl/", "curl"},
}};

// Android before Linux (Android says "Linux"), iPhone and iPad before "Mac OS X" (iOS says "like Mac OS X").
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kSystems{{
    {"Android", "Android"},
    {"iPhone", "iPhone"},
    {"iPad", "iPad"},
    {"Windows", "Windows"},
    {"CrOS", "ChromeOS"},
    {"Mac OS X", "macOS"},
    {"Macintosh", "macOS"},
    {"Linux", "Linux"},
}};

template <std::size_t N>
std::string_view first_match(std::string_view text,
                             const std::array<std::pair<std::string_view, std::string_view>, N>& table,
                             std::string_view otherwise) {
  for (const auto& [token, name] : table)
    if (text.find(token) != std::string_view::npos) return name;
  return otherwise;
}

}  // namespace

std::string describe_device(std::string_view user_agent) {
  const std::string_view text = user_agent.substr(0, kRead);
  if (text.find_first_not_of(" \t") == std::string_view::npos) return "Không rõ thiết bị";
  // Every piece comes from the tables above: the header's own bytes never reach the page or the store.
  std::string out(first_match(text, kBrowsers, "Trình duyệt khác"));
  out += " trên ";
  out += first_match(text, kSystems, "hệ điều hành khác");
  return out;
}

}  // namespace portald::model
