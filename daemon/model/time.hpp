#pragma once
// Time values are Unix seconds (UTC). Display uses the portal's fixed offset (Vietnam: UTC+7, no DST).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace portald::model {

using UnixTime = std::int64_t;
inline constexpr int kVietnamOffsetSeconds = 7 * 3600;

// Parses RFC 3339 with a mandatory offset ("2024-11-13T08:30:00+07:00", "...Z", fractional seconds
// allowed and dropped); std::nullopt when malformed or out of range.
std::optional<UnixTime> parse_rfc3339(std::string_view text);
// Parses "YYYY-MM-DD" to days since 1970-01-01; std::nullopt when malformed or not a real date.
std::optional<std::int32_t> parse_iso_date(std::string_view text);
// "YYYY-MM-DD" for days since the epoch.
std::string format_iso_date(std::int32_t days);
// "dd/mm/yyyy" at the given offset.
std::string format_date_vn(UnixTime t, int offset_seconds = kVietnamOffsetSeconds);
// "dd/mm/yyyy HH:MM" at the given offset.
std::string format_datetime_vn(UnixTime t, int offset_seconds = kVietnamOffsetSeconds);
// RFC 3339 at the given offset, e.g. "2024-11-13T08:30:00+07:00".
std::string format_rfc3339(UnixTime t, int offset_seconds = kVietnamOffsetSeconds);
UnixTime now();

}  // namespace portald::model
