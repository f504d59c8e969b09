#pragma once
// The footer the regulation requires (NĐ 42/2022 Điều 4, TT 22/2023) is filled from structured settings so
// that a title cannot stand where a person's name belongs, nor a sentence where a licence number belongs.
// Pure functions, no I/O.
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/site_settings.hpp"

namespace portald::model {

// A person's name ("Nguyễn Văn An"): two to seven words of letters, each starting with a capital, with no
// digits and no punctuation other than . - '. A position ("Chánh Văn phòng UBND tỉnh") fails: it belongs in
// responsible_title.
bool looks_like_person_name(std::string_view text);
// A licence number ("12/GP-TTĐT"): one token with at least one digit, at most 60 bytes.
bool looks_like_licence_number(std::string_view text);
// "YYYY-MM-DD" for a real date given as "YYYY-MM-DD" or "d/m/yyyy"; std::nullopt otherwise.
std::optional<std::string> normalise_date(std::string_view text);
// "dd/mm/yyyy" for "YYYY-MM-DD"; anything else as it is.
std::string iso_date_to_vn(std::string_view iso);

// The footer's lines, empty when the settings behind them are empty.
// "Nguyễn Văn An, Chánh Văn phòng UBND tỉnh"
std::string responsible_line(const SiteSettings& s);

}  // namespace portald::model
