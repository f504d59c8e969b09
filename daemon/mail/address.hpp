#pragma once
// What the portal accepts as an e-mail address: the common form local@domain of RFC 5321, ASCII only
// (a dot-atom local part and a host name), at most 254 characters. Quoted local parts, comments, IP
// literals and international addresses are refused: a notice is not worth a parser that can be fooled,
// and nothing in such a value can end a header line or add a recipient.
#include <string_view>

namespace portald::mail {

// True for an address of the form above ("nguyen.van.a@sotttt.gov.vn").
bool is_valid_address(std::string_view address);
// The part after the '@' ("" when there is none).
std::string_view address_domain(std::string_view address);

}  // namespace portald::mail
