#pragma once
// The sanitiser's attribute policy: which attributes each kept element may carry, and which URLs
// (checked on the entity-decoded value, as a browser resolves them). Internal to the sanitiser.
#include <gumbo.h>

#include <string>

#include "daemon/model/embed_origin.hpp"

namespace portald::model::html {

// Appends el's allowed attributes to out, escaped (` name="value"`, external links get
// rel="noopener noreferrer", iframes our sandbox); false when a required one (a href, an img, video,
// audio or track src, an iframe src on an allowed origin, an iframe title) is missing or not safe.
bool render_attributes(const GumboElement& el, std::string& out, const EmbedPolicy& embeds);

}  // namespace portald::model::html
