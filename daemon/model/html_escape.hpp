#pragma once
// Escaping for the sanitiser's output: text and attribute values as a re-parse reads them back.
// Internal to the sanitiser.
#include <string>
#include <string_view>

namespace portald::model::html {

// Appends s (gumbo's text: valid UTF-8) escaped for element content or, with attribute, for a
// double-quoted attribute value; CR becomes LF, code points gumbo would not keep become U+FFFD.
void escape_into(std::string& out, std::string_view s, bool attribute);

}  // namespace portald::model::html
