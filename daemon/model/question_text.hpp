#pragma once
// What readers may see of a citizen's question (issue 12, Nghị định 13/2023): masked names, contacts
// masked inside the text, and the tracking code's spelling. Pure functions, no I/O.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace portald::model {

// "Nguyễn Văn An" -> "Nguyễn V. A.": the family name, then the initial of every other word. "" for a
// name with no letters.
std::string mask_name(std::string_view name);
// E-mail addresses -> "[email đã ẩn]" and phone numbers (9 to 12 digits, optionally +84, with spaces,
// dots or dashes between groups) -> "[số điện thoại đã ẩn]".
std::string mask_contacts(std::string_view text);

// Tracking codes: 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L), written in groups
// of four, "K7MQ-4TXA-9RPW": about 59 bits, read aloud over the phone without spelling doubts.
inline constexpr std::string_view kTrackingAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr std::size_t kTrackingLength = 12;
// The code with its dashes from 12 alphabet indices (each < kTrackingAlphabet.size()).
std::string format_tracking_code(const unsigned (&digits)[kTrackingLength]);
// What a person typed ("k7mq 4txa-9rpw") as the stored spelling; std::nullopt when it cannot be a code.
std::optional<std::string> normalise_tracking_code(std::string_view typed);

}  // namespace portald::model
