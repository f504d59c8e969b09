#pragma once
// A short description of the device behind a session ("Chrome trên Android"), from its User-Agent header,
// for the user's list of open sessions (issue 16). A small, bounded guess: it reads at most the first
// 512 bytes and knows the common browsers and systems only; the full header is never stored.
#include <cstddef>
#include <string>
#include <string_view>

namespace portald::model {

inline constexpr std::size_t kMaxDeviceText = 80;      // bytes kept of a session's device description
inline constexpr std::size_t kMaxSessionAddress = 64;  // bytes kept of a session's client address

// "Chrome trên Android", "Safari trên iPhone", "Firefox trên Windows", "Cốc Cốc trên Windows", ...; a
// browser or system it does not know reads "trình duyệt khác" / "hệ điều hành khác"; an empty header
// "Không rõ thiết bị". Always valid UTF-8 of at most kMaxDeviceText bytes.
std::string describe_device(std::string_view user_agent);

}  // namespace portald::model
