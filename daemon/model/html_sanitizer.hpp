#pragma once
// Allow-list HTML sanitiser for article bodies (gumbo-parser underneath) and HTML-to-text for
// summaries. Pure functions, no I/O. The policy is handling() (elements, html_policy.cpp) and
// render_attributes() (attributes, URLs, html_attributes.cpp); the reasons for it are at the top of
// html_sanitizer.cpp.
#include <cstddef>
#include <string>
#include <string_view>

#include "daemon/model/embed_origin.hpp"

namespace portald::model {

struct SanitizeLimits {
  std::size_t max_input_bytes = 4 << 20;  // longer input is cut at a UTF-8 boundary first
  unsigned max_depth = 100;               // deeper elements are unwrapped (their text is kept)
};

// A safe HTML fragment: allow-listed elements and attributes only, re-serialised from gumbo's tree
// with every text node and attribute value escaped; valid UTF-8 (invalid bytes become U+FFFD).
// Idempotent: sanitize_html(sanitize_html(x)) == sanitize_html(x). Never throws except bad_alloc;
// garbage in gives (possibly empty) safe HTML out.
std::string sanitize_html(std::string_view html, const SanitizeLimits& limits = {});
// The same, letting through the embeds `embeds` allows: <iframe> whose src is https on one of its
// frame origins (always with a fixed sandbox, referrerpolicy, loading="lazy" and a required title).
// <video>/<audio> of the media library (/tep/...) with <track> captions pass under any policy.
std::string sanitize_html(std::string_view html, const EmbedPolicy& embeds, const SanitizeLimits& limits = {});

// Plain text of an HTML fragment: block elements separated by one newline, white space (including
// U+00A0) collapsed to single spaces, entities decoded (so "&lt;" becomes '<': escape the result
// again before putting it into HTML), script/style content left out. Valid UTF-8; "" for input
// without text. Never throws except bad_alloc.
std::string html_to_text(std::string_view html, const SanitizeLimits& limits = {});

}  // namespace portald::model
