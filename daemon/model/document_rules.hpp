#pragma once
// The statutory rules of a legal document's fields (Luật Ban hành VBQPPL 2015 Điều 8, Nghị định
// 30/2020/NĐ-CP Phụ lục I and III): the form of the number and symbol, the required fields and the order
// of the dates. Pure functions; every message is Vietnamese, meant for the person at the form.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/document_editorial.hpp"
#include "daemon/model/time.hpp"

namespace portald::model {

// True for a số ký hiệu in either Vietnamese form: "số/ký hiệu" (1382/QĐ-UBND, 123/UBND-VP) or
// "số/năm/ký hiệu" (15/2023/NĐ-CP, 45/2019/QH14, 10/2024/QĐ-TTg). The number is 1 to 6 digits, not all
// zeros; the year 4 digits; the symbol one or more groups joined by '-', each starting with a capital
// letter (Đ included) or a digit, with at least one letter in the symbol.
bool is_document_number(std::string_view number);
// The year of a "số/năm/ký hiệu" number (2023 for 15/2023/NĐ-CP); std::nullopt for the other form or
// a malformed number.
std::optional<int> document_number_year(std::string_view number);

// The known types of document with the abbreviation their symbol uses (Quyết định: QĐ), in the order a
// form offers them; types without one (Luật, Công văn) have "".
struct DocumentType {
  std::string_view name;
  std::string_view abbreviation;
};
const std::vector<DocumentType>& document_types();

// A date typed into a form: "2024-06-15" (what <input type="date"> sends) or "15/06/2024" ("5/6/2024"
// too). Days since the epoch; std::nullopt when it is no real date.
std::optional<std::int32_t> parse_document_date(std::string_view text);
// "15/06/2024" for days since the epoch ("" for 0).
std::string document_date_text(std::int32_t days);
// The day `t` falls on in Vietnam, as days since the epoch.
std::int32_t vietnam_day(UnixTime t);

// The field rules: text NFC-normalised and trimmed in place; the number in a Vietnamese form, its year
// the year of issue, its symbol not that of another known type; type, issuing body, signer, issue date
// and abstract present; issued <= effective <= expiry and the issue date not after `today`; lengths
// within bounds (number 100, type 100, issuer 300, signer 200, field 200, abstract 5000, link 2000);
// the national database link http(s); at most 50 attachments. Returns what to correct, one message per
// problem; empty when the content may be saved.
std::vector<std::string> check_document_content(DocumentContent& c, std::int32_t today);

}  // namespace portald::model
