// Allow-list HTML sanitiser. Why it is shaped this way:
// * Two passes. gumbo 0.10.1 costs O(depth of open elements) per character and per tag, and frees
//   its tree recursively: measured, 20,000 nested <div> plus 1 MB of text took 6.5 s to parse and
//   <ul><li> x 40,000 took 8 s. So a linear pre-pass (Normaliser) first rewrites the input into
//   balanced markup, at most max_depth deep, that holds only allow-listed tag and attribute names:
//   comments, doctypes and dropped elements (with their content) are removed, others unwrapped.
//   gumbo then sees a bounded tree. The pre-pass decides structure, never safety.
// * Safety comes from pass two (Serialiser): it walks gumbo's tree without recursion and writes
//   allow-listed elements and attributes only, every text and attribute value escaped, URLs checked
//   on the entity-decoded value. Its output re-parses to the same tree, so sanitising is idempotent
//   (the unit tests and the fuzz target check this).
// * span is unwrapped: it means nothing and is Word's main carrier of mso- styles. div is kept,
//   without attributes: editors (contenteditable) and old portals write one div per line, and
//   unwrapping would run the lines together.
// * form is unwrapped, not dropped: ASP.NET WebForms pages, common on old portals, wrap the whole
//   body in <form>. The controls (input, button, select, textarea) are dropped with their content.
// * img src may be data:image/{png,jpeg,gif,webp};base64: an img never runs script (SVG is not on
//   the list) and pasted screenshots arrive that way; max_input_bytes bounds their size. Moving
//   them into the media store is the editor's or importer's job, not this module's. Other img
//   sources must be http(s) or start with '/': Word's "image001.png" would only be a broken image.
// * iframe passes only for an https src on an origin the operator allow-listed (EmbedPolicy, passed
//   in, never global), and always leaves with our own sandbox and referrerpolicy: the embedded page
//   runs script, but in its own origin, without top navigation, popups or forms. The page CSP's
//   frame-src lists the same origins, so a body sanitised under an older list cannot load more.
// * video and audio play files of the media library only (/tep/...): a same-site source keeps the
//   reader's address from third parties. track (captions, subtitles) must sit directly in one.
//
// The pieces: html_policy (the allow-list tables), html_normaliser (pass one), gumbo_fragment (the
// parse and the tree walk), html_serialiser (pass two and html_to_text), html_attributes (attribute
// and URL policy), html_escape (output escaping).
#include "daemon/model/html_sanitizer.hpp"

#include "daemon/model/gumbo_fragment.hpp"
#include "daemon/model/html_normaliser.hpp"
#include "daemon/model/html_serialiser.hpp"

namespace portald::model {
namespace {

// Cut at most max bytes without splitting a UTF-8 sequence (looks back at most 3 bytes).
std::string_view truncate_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  for (int k = 0; k < 3 && cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80; ++k) --cut;
  return s.substr(0, cut);
}

// Cuts the input to size, runs pass one, parses the result and hands gumbo's tree to `write`.
template <class Write>
std::string on_tree(std::string_view html, const SanitizeLimits& limits, Write write) {
  const std::string normalised = html::normalise_html(truncate_utf8(html, limits.max_input_bytes), limits.max_depth);
  const html::GumboFragment fragment(normalised);  // gumbo points into `normalised`
  return write(fragment.root());
}

}  // namespace

std::string sanitize_html(std::string_view html, const SanitizeLimits& limits) {
  return sanitize_html(html, EmbedPolicy{}, limits);
}

std::string sanitize_html(std::string_view html, const EmbedPolicy& embeds, const SanitizeLimits& limits) {
  return on_tree(html, limits,
                 [&](const GumboNode* root) { return html::serialise_html(root, limits.max_depth, embeds); });
}

std::string html_to_text(std::string_view html, const SanitizeLimits& limits) {
  return on_tree(html, limits, html::extract_text);
}

}  // namespace portald::model
