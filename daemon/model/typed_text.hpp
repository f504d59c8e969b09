#pragma once
// Text a person typed into a form (citizens' questions, dialogues): cleaned once, measured once, so every
// form refuses the same bytes and words its length problems the same way.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace portald::model {

// NFC, trimmed, carriage returns dropped, no control characters but line breaks and tabs (kept when
// multi-line, spaces otherwise); std::nullopt when the bytes are not text.
std::optional<std::string> clean_typed_text(std::string_view raw, bool multi_line);

// "Vui lòng nhập …" / "… quá ngắn …" / "… quá dài …" when `value` has fewer than `min` (0 = optional) or
// more than `max` code points; std::nullopt when it fits. `label` names the field.
std::optional<std::string> length_problem(std::string_view value, std::size_t min, std::size_t max,
                                          std::string_view label);

}  // namespace portald::model
