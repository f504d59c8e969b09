#pragma once
// The sanitiser's allow-list tables (html_sanitizer.cpp says why they are what they are): which
// elements are kept, dropped with their content or unwrapped; how the HTML parser treats some of them
// (void, raw text, table parts, scope boundaries, blocks); which attribute names may pass. Internal
// to the sanitiser, shared by its two passes.
#include <gumbo.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

namespace portald::model::html {

inline constexpr std::size_t none = std::string_view::npos;
using Tags = std::initializer_list<GumboTag>;

inline bool is_one_of(GumboTag tag, Tags tags) { return std::find(tags.begin(), tags.end(), tag) != tags.end(); }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string to_lower(std::string_view s);
inline bool is_heading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }
inline const char* tag_name(GumboTag t) { return gumbo_normalized_tagname(t); }

enum class Handling { keep, drop, unwrap };  // drop: element and content; unwrap: content only
Handling handling(GumboTag t);

bool is_void(GumboTag t);
// Elements whose content the HTML tokenizer reads as text up to their end tag.
bool is_raw_text(GumboTag t);
bool is_table_part(GumboTag t);
// Where the tree builder's searches for an element to close stop: a table and its cells.
bool is_scope_boundary(GumboTag t);
bool is_block(GumboTag t);
// Elements that show something from a source (img, iframe, video, audio, track): without a safe
// source they are dropped with their content.
bool is_embed(GumboTag t);
// The page owns h1; b and i become their semantic twins.
GumboTag output_tag(GumboTag t);
// An attribute name (lower case) that some kept element may carry; the serialiser decides which.
bool is_allowed_attribute(std::string_view name);

}  // namespace portald::model::html
