#pragma once
// Legal-document numbers (số ký hiệu) as readers type them: "1382/QĐ-UBND", "1382/qd-ubnd", "1382".
// The index holds the whole number in this normalised form and each of its parts as terms.
#include <string>
#include <string_view>
#include <vector>

namespace portald::search {

// "1382/QĐ-UBND" -> "1382/qd-ubnd": folded, white space dropped, Unicode dashes made '-', only
// [a-z0-9/.-] kept. "" when nothing is left.
std::string normalize_number(std::string_view number);
// The alphanumeric runs of a normalised number: "12/2024/nq-hdnd" -> {"12", "2024", "nq", "hdnd"}.
std::vector<std::string> number_parts(std::string_view normalized);
// True for a query word shaped like a document number: digits, then at least one '/' followed by
// more ("1382/QĐ-UBND", "12/2024/NQ-HĐND").
bool looks_like_number(std::string_view word);

}  // namespace portald::search
