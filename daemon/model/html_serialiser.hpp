#pragma once
// Pass two of the sanitiser, and the text extraction that shares the parse: both walk gumbo's tree of
// the normalised fragment. Internal to the sanitiser.
#include <gumbo.h>

#include <string>

#include "daemon/model/embed_origin.hpp"

namespace portald::model::html {

// The safe HTML of the tree under root (root itself not written): allow-listed elements and
// attributes only, text and attribute values escaped, kept elements at most max_depth deep; what it
// returns re-parses to the same tree; iframes only as `embeds` allows. "" for a null root.
std::string serialise_html(const GumboNode* root, unsigned max_depth, const EmbedPolicy& embeds);

// The plain text of the tree under root: blocks separated by one newline, white space (U+00A0
// included) collapsed, dropped elements (script, style, ...) left out. "" for a null root.
std::string extract_text(const GumboNode* root);

}  // namespace portald::model::html
