#pragma once
// Text a person typed into a form (citizens' questions, dialogues): cleaned once, measured once, so every
// form refuses the same bytes and words its length problems the same way.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portald::model {

// NFC, trimmed, carriage returns dropped, no control characters but line breaks and tabs (kept when
// multi-line, spaces otherwise); std::nullopt when the bytes are not text.
std::optional<std::string> clean_typed_text(std::string_view raw, bool multi_line);

// "Vui lòng nhập …" / "… quá ngắn …" / "… quá dài …" when `value` has fewer than `min` (0 = optional) or
// more than `max` code points; std::nullopt when it fits. `label` names the field.
std::optional<std::string> length_problem(std::string_view value, std::size_t min, std::size_t max,
                                          std::string_view label);

// Cleans `value` in place (clean_typed_text) and measures it (length_problem), appending what is wrong
// to `errors` ("… chứa ký tự không hợp lệ." when the bytes are not text; `value` is then kept as typed).
void check_typed_text(std::string& value, bool multi_line, std::size_t min, std::size_t max, std::string_view label,
                      std::vector<std::string>& errors);

// A contact e-mail address as people type it: one "@", a dotted domain, printable ASCII without the
// characters that would break a header or a list.
bool valid_email(std::string_view e);
// A Vietnamese phone number as people type it: 9 to 12 digits, spaces, dots or dashes between them, an
// optional leading "+".
bool valid_phone(std::string_view p);

// Typed text as HTML paragraphs: escaped, blank lines between paragraphs, single line breaks kept.
std::string paragraphs_html(std::string_view text);

}  // namespace portald::model
