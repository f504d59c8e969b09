#pragma once
// Header values in a composed message: what may go in one, and RFC 2047 encoded-words for text that is
// not plain ASCII (a Vietnamese subject or display name). Nothing here lets a CR, LF or other control
// character through, so a value can never end its header line and start another one.
#include <string>
#include <string_view>

namespace portald::mail {

// True for valid UTF-8 without control characters (C0, DEL) and at most `max_code_points` long.
bool is_safe_header_text(std::string_view text, std::size_t max_code_points);

// Unstructured text (Subject): kept as it is when it is short printable ASCII without "=?", otherwise
// one or more "=?UTF-8?B?...?=" words (split between characters) folded onto continuation lines.
// `text` must pass is_safe_header_text.
std::string encode_unstructured(std::string_view text);

// A display name (phrase) for From/To: a quoted string when it is printable ASCII, else encoded-words.
// `name` must pass is_safe_header_text.
std::string encode_phrase(std::string_view name);

// Standard base64 of `bytes`, in lines of at most 76 characters each ending in "\n" (a MIME body).
std::string base64_lines(std::string_view bytes);

}  // namespace portald::mail
