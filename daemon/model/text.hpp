#pragma once
// Vietnamese-aware text helpers: Unicode NFC, diacritic folding and URL slugs. Pure functions, no I/O.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace portald::model {

// NFC form of UTF-8 text; std::nullopt when the bytes are not valid UTF-8 or contain NUL.
std::optional<std::string> to_nfc(std::string_view text);
// True when every byte sequence is valid UTF-8 (no NUL).
bool is_valid_utf8(std::string_view text);
// Lower-case, marks stripped, đ/Đ -> d: "Đắk Nông" -> "dak nong". Invalid UTF-8 folds to "".
std::string fold(std::string_view text);
// ASCII URL slug: "Văn hóa - Du lịch" -> "van-hoa-du-lich"; at most max_len bytes, never ends in '-'.
std::string slugify(std::string_view text, std::size_t max_len = 80);
// Leading and trailing ASCII white space removed.
std::string_view trim(std::string_view text);
// Number of Unicode code points (valid UTF-8 assumed).
std::size_t count_code_points(std::string_view text);
// "2,5": one decimal written with a comma, as Vietnamese figures are (reports and their e-mails).
std::string decimal_text(double value);

}  // namespace portald::model
