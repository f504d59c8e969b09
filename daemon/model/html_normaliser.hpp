#pragma once
// Pass one of the sanitiser: a linear tokenizer and balancer (html_sanitizer.cpp says why it exists).
// Internal to the sanitiser.
#include <string>
#include <string_view>

namespace portald::model::html {

// `in` rewritten as balanced markup at most max_depth deep that holds only allow-listed tag and
// attribute names: comments, doctypes and dropped elements (with their content) removed, others
// unwrapped, a literal '<' escaped, numeric references above U+10FFFF made U+FFFD. It decides
// structure, never safety: the serialiser still checks everything. Never throws except bad_alloc.
std::string normalise_html(std::string_view in, unsigned max_depth);

}  // namespace portald::model::html
