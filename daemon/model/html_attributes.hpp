#pragma once
// The sanitiser's attribute policy: which attributes each kept element may carry, and which URLs
// (checked on the entity-decoded value, as a browser resolves them). Internal to the sanitiser.
#include <gumbo.h>

#include <string>

namespace portald::model::html {

// Appends el's allowed attributes to out, escaped (` name="value"`, external links get
// rel="noopener noreferrer"); false when a required one (a href, img src) is missing or not safe.
bool render_attributes(const GumboElement& el, std::string& out);

}  // namespace portald::model::html
