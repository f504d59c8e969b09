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
#include "daemon/model/html_sanitizer.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

namespace portald::model {
namespace {

constexpr std::size_t none = std::string_view::npos;
using Tags = std::initializer_list<GumboTag>;

bool is_one_of(GumboTag tag, Tags tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}
bool is_heading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }
const char* tag_name(GumboTag t) { return gumbo_normalized_tagname(t); }

// ---- Element policy, shared by both passes ----------------------------------------------------

enum class Handling { keep, drop, unwrap };  // drop: element and content; unwrap: content only

Handling handling(GumboTag t) {
  if (is_heading(t) || is_one_of(t, {GUMBO_TAG_P, GUMBO_TAG_BR, GUMBO_TAG_HR, GUMBO_TAG_STRONG,
          GUMBO_TAG_B, GUMBO_TAG_EM, GUMBO_TAG_I, GUMBO_TAG_U, GUMBO_TAG_S, GUMBO_TAG_SUB,
          GUMBO_TAG_SUP, GUMBO_TAG_SMALL, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_Q, GUMBO_TAG_CITE,
          GUMBO_TAG_ABBR, GUMBO_TAG_PRE, GUMBO_TAG_CODE, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_LI,
          GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_DD, GUMBO_TAG_TABLE, GUMBO_TAG_CAPTION,
          GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_TH,
          GUMBO_TAG_TD, GUMBO_TAG_A, GUMBO_TAG_IMG, GUMBO_TAG_FIGURE, GUMBO_TAG_FIGCAPTION,
          GUMBO_TAG_DIV}))
    return Handling::keep;
  if (is_one_of(t, {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_IFRAME, GUMBO_TAG_OBJECT,
          GUMBO_TAG_EMBED, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG, GUMBO_TAG_MATH,
          GUMBO_TAG_INPUT, GUMBO_TAG_BUTTON, GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE,
          GUMBO_TAG_META, GUMBO_TAG_LINK, GUMBO_TAG_BASE, GUMBO_TAG_APPLET, GUMBO_TAG_NOEMBED,
          GUMBO_TAG_NOFRAMES, GUMBO_TAG_XMP, GUMBO_TAG_PLAINTEXT, GUMBO_TAG_FRAMESET,
          GUMBO_TAG_FRAME, GUMBO_TAG_PARAM, GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_AREA,
          GUMBO_TAG_COL, GUMBO_TAG_KEYGEN, GUMBO_TAG_ISINDEX, GUMBO_TAG_IMAGE, GUMBO_TAG_WBR,
          GUMBO_TAG_BGSOUND, GUMBO_TAG_BASEFONT, GUMBO_TAG_MENUITEM}))
    return Handling::drop;
  return Handling::unwrap;  // font, center, o:p, st1:*, head, body, form, ...: keep the content
}

bool is_void(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND,
      GUMBO_TAG_BR, GUMBO_TAG_COL, GUMBO_TAG_EMBED, GUMBO_TAG_FRAME, GUMBO_TAG_HR, GUMBO_TAG_IMAGE,
      GUMBO_TAG_IMG, GUMBO_TAG_INPUT, GUMBO_TAG_ISINDEX, GUMBO_TAG_KEYGEN, GUMBO_TAG_LINK,
      GUMBO_TAG_MENUITEM, GUMBO_TAG_META, GUMBO_TAG_PARAM, GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK,
      GUMBO_TAG_WBR});
}
// Elements whose content the HTML tokenizer reads as text up to their end tag.
bool is_raw_text(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_IFRAME, GUMBO_TAG_NOSCRIPT,
      GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES, GUMBO_TAG_XMP, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE,
      GUMBO_TAG_PLAINTEXT});
}
bool is_table_part(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_CAPTION, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT,
      GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH});
}
// Where the tree builder's searches for an element to close stop: a table and its cells.
bool is_scope_boundary(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_CAPTION});
}
bool is_block(GumboTag t) {
  return is_heading(t) || is_one_of(t, {GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_BLOCKQUOTE,
      GUMBO_TAG_PRE, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_LI, GUMBO_TAG_DL, GUMBO_TAG_DT,
      GUMBO_TAG_DD, GUMBO_TAG_TABLE, GUMBO_TAG_CAPTION, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY,
      GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_FIGURE, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HR});
}
// The page owns h1; b and i become their semantic twins.
GumboTag output_tag(GumboTag t) {
  return t == GUMBO_TAG_H1 ? GUMBO_TAG_H2
         : t == GUMBO_TAG_B ? GUMBO_TAG_STRONG
         : t == GUMBO_TAG_I ? GUMBO_TAG_EM : t;
}

// gumbo turns these code points into U+FFFD when they arrive raw but keeps them when they come
// from a character reference (&#1;); writing U+FFFD keeps the output stable under re-parsing.
bool unstable_code_point(char32_t c) {
  return (c >= 0x1 && c <= 0x8) || c == 0xB || (c >= 0xE && c <= 0x1F) ||
         (c >= 0x7F && c <= 0x9F) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

// Escapes gumbo's text (valid UTF-8); CR, which a parser turns into LF, is written as LF.
void escape_into(std::string& out, std::string_view s, bool attribute) {
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t len = std::min<std::size_t>(
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, s.size() - i);
    char32_t c = len == 1 ? lead : lead & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\r': out += '\n'; break;
      default: out += unstable_code_point(c) ? "\xEF\xBF\xBD" : s.substr(i, len);
    }
    i += len;
  }
}

// gumbo 0.10.1 adds up a numeric character reference in an int: past that it writes broken UTF-8
// (&#xD80ABCDEF;) or loses text (&#x80000000;). Anything above U+10FFFF means U+FFFD anyway, so
// such references are rewritten before gumbo sees them (after the pre-pass, which joins text).
std::string clamp_numeric_references(std::string s) {
  for (std::size_t amp = s.find("&#"); amp != none; amp = s.find("&#", amp + 1)) {
    const bool hex = amp + 2 < s.size() && (s[amp + 2] == 'x' || s[amp + 2] == 'X');
    const std::size_t begin = amp + (hex ? 3 : 2);
    std::size_t end = begin;
    unsigned long value = 0;
    for (; end < s.size(); ++end) {
      const char c = to_lower(s[end]);
      const bool digit = c >= '0' && c <= '9';
      if (!digit && !(hex && c >= 'a' && c <= 'f')) break;
      value = std::min(value * (hex ? 16 : 10) + (digit ? c - '0' : c - 'a' + 10), 0x110000ul);
    }
    if (value <= 0x10FFFF) continue;
    end += end < s.size() && s[end] == ';' ? 1 : 0;
    s.replace(amp, end - amp, "&#xFFFD;");
  }
  return s;
}

// Cut at most max bytes without splitting a UTF-8 sequence (looks back at most 3 bytes).
std::string_view truncate_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  for (int k = 0; k < 3 && cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80; ++k)
    --cut;
  return s.substr(0, cut);
}

// ---- Pass one: linear tokenizer and balancer --------------------------------------------------

class Normaliser {
 public:
  Normaliser(std::string_view in, unsigned max_depth) : in_(in), max_depth_(max_depth) {
    out_.reserve(in.size() + in.size() / 8);
  }

  std::string run() {
    while (pos_ < in_.size()) {
      const std::size_t lt = std::min(in_.find('<', pos_), in_.size());
      text(in_.substr(pos_, lt - pos_));
      pos_ = lt;
      if (pos_ < in_.size()) markup();
    }
    close_from(0);
    return clamp_numeric_references(std::move(out_));
  }

 private:
  struct Tag {
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    bool end = false;
    bool self_closing = false;
    std::string attributes;  // allow-listed ones only, re-quoted: ` name="raw value"`
  };

  char at(std::size_t i) const { return i < in_.size() ? in_[i] : '\0'; }
  void text(std::string_view s) {
    if (skip_depth_ == 0) out_ += s;
  }

  // At a '<': a tag, a comment or other markup declaration (all removed), or a literal '<'.
  void markup() {
    const char c = at(pos_ + 1);
    if (pos_ + 1 < in_.size() && (is_alpha(c) || (c == '/' && is_alpha(at(pos_ + 2)))))
      return tag();
    if (c == '!' && in_.compare(pos_ + 2, 2, "--") == 0) return skip_comment();
    if (c == '/' && pos_ + 2 >= in_.size()) {
      text("&lt;/");
      pos_ = in_.size();
    } else if (c == '!' || c == '?' || c == '/') {  // doctype, bogus comment, CDATA, </>
      pos_ = std::min(in_.find('>', pos_ + 2), in_.size() - 1) + 1;
    } else {
      text("&lt;");  // escaped, so no tag can ever form from text the pre-pass joins
      ++pos_;
    }
  }

  // A comment ends at the first "-->" or "--!>"; "<!-->" and "<!--->" are complete comments.
  void skip_comment() {
    for (std::size_t p = in_.find("--", pos_ + 2); p != none; p = in_.find("--", p + 1)) {
      if (at(p + 2) == '>') return void(pos_ = p + 3);
      if (p >= pos_ + 4 && at(p + 2) == '!' && at(p + 3) == '>') return void(pos_ = p + 4);
    }
    pos_ = in_.size();
  }

  void tag() {
    const std::optional<Tag> t = read_tag();
    if (!t) return void(pos_ = in_.size());  // end of input inside a tag drops the tag, as in HTML
    const bool foreign_empty =  // <svg/> is complete in HTML, <div/> is not
        t->self_closing && (t->tag == GUMBO_TAG_SVG || t->tag == GUMBO_TAG_MATH);
    if (skip_depth_ > 0) {  // inside a dropped element: only its own nesting matters
      if (t->tag == skip_tag_) skip_depth_ += t->end ? -1 : foreign_empty ? 0 : 1;
      return;
    }
    const Handling h = handling(t->tag);
    if (h == Handling::keep) return t->end ? end_tag(t->tag) : start_tag(*t);
    if (h == Handling::unwrap || t->end || is_void(t->tag) || foreign_empty) return;
    if (is_raw_text(t->tag)) return void(pos_ = find_end_tag(tag_name(t->tag)));
    skip_tag_ = t->tag;
    skip_depth_ = 1;
  }

  // Follows the HTML tokenizer's tag and attribute states; nullopt at end of input.
  std::optional<Tag> read_tag() {
    const auto scan = [this](std::size_t i, auto stop) {
      while (i < in_.size() && !stop(in_[i])) ++i;
      return i;
    };
    const auto not_space = [](char c) { return !is_space(c); };
    Tag t;
    t.end = in_[pos_ + 1] == '/';
    const std::size_t name_start = pos_ + (t.end ? 2 : 1);
    std::size_t i = scan(name_start, [](char c) { return is_space(c) || c == '/' || c == '>'; });
    if (i - name_start <= 16) {
      const std::string name = to_lower(in_.substr(name_start, i - name_start));
      t.tag = gumbo_tagn_enum(name.c_str(), static_cast<unsigned>(name.size()));
    }
    const bool want_attributes = !t.end && handling(t.tag) == Handling::keep && skip_depth_ == 0;
    std::vector<std::string> seen;
    while (i < in_.size()) {
      if (in_[i] == '>') {
        pos_ = i + 1;
        return t;
      }
      if (in_[i] == '/' || is_space(in_[i])) {
        t.self_closing = in_[i++] == '/' && at(i) == '>';
        continue;
      }
      const std::size_t name_begin = i;  // the first character may be '='
      i = scan(i + 1, [](char c) { return is_space(c) || c == '/' || c == '>' || c == '='; });
      const std::string attribute = to_lower(in_.substr(name_begin, i - name_begin));
      i = scan(i, not_space);
      std::string_view value;
      if (at(i) == '=' && i < in_.size()) {
        i = scan(i + 1, not_space);
        if (at(i) == '"' || at(i) == '\'') {
          const std::size_t close = in_.find(in_[i], i + 1);
          if (close == none) return std::nullopt;
          value = in_.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          const std::size_t v = i;
          i = scan(i, [](char c) { return is_space(c) || c == '>'; });
          value = in_.substr(v, i - v);
        }
      }
      static const std::vector<std::string_view> allowed = {"href", "src", "alt", "title",
          "width", "height", "colspan", "rowspan", "scope", "start", "type"};
      if (!want_attributes ||
          std::find(allowed.begin(), allowed.end(), attribute) == allowed.end() ||
          std::find(seen.begin(), seen.end(), attribute) != seen.end())
        continue;
      seen.push_back(attribute);  // the first of duplicate attributes wins, as in HTML
      t.attributes += ' ' + attribute + "=\"";
      for (char c : value)
        t.attributes += c == '"' ? std::string_view("&quot;") : std::string_view(&c, 1);
      t.attributes += '"';
    }
    return std::nullopt;
  }

  // Start of "</name" followed by a delimiter, or the end of input.
  std::size_t find_end_tag(std::string_view name) const {
    for (std::size_t p = in_.find("</", pos_); p != none; p = in_.find("</", p + 2)) {
      const std::size_t e = p + 2 + name.size();
      if (e <= in_.size() && to_lower(in_.substr(p + 2, name.size())) == name &&
          (e == in_.size() || is_space(in_[e]) || in_[e] == '/' || in_[e] == '>'))
        return p;
    }
    return in_.size();
  }

  // Index of the innermost open element matching `match`, unless one matching `stop` comes first.
  template <class Match, class Stop>
  std::size_t find_open(Match match, Stop stop) const {
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (match(open_[i])) return i;
      if (stop(open_[i])) return none;
    }
    return none;
  }
  std::size_t find_open(Tags match) const {
    return find_open([&](GumboTag t) { return is_one_of(t, match); },
                     [](GumboTag) { return false; });
  }
  // Writes end tags for the open elements from the innermost down to index i.
  void close_from(std::size_t i) {
    for (; i != none && open_.size() > i; open_.pop_back())
      out_.append("</").append(tag_name(open_.back())).append(">");
  }
  void close_above(std::size_t i) { close_from(i == none ? none : i + 1); }

  // The HTML tree builder's implied end tags, written out explicitly, so that what gumbo receives
  // nests the way gumbo would build it: unclosed <p>, <li>, <td> do not pile up as depth.
  void start_tag(const Tag& t) {
    const GumboTag x = t.tag;
    const Tags row_parents = {GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TABLE};
    if (is_table_part(x) && find_open({GUMBO_TAG_TABLE}) == none) return;  // gumbo ignores them
    // Other elements directly in a table would be "foster parented" (moved before the table in
    // the tree but left open on the parser's stack), which does not survive re-parsing.
    if (!is_table_part(x) && x != GUMBO_TAG_TABLE && !open_.empty() &&
        (is_one_of(open_.back(), row_parents) || open_.back() == GUMBO_TAG_TR))
      return;
    if (is_block(x) && !is_table_part(x))
      close_from(find_open([](GumboTag o) { return o == GUMBO_TAG_P; }, is_scope_boundary));
    // gumbo only closes a heading that is the current node; closing any open one keeps unwrapping
    // an <a> later (<h1><a><h1> has no valid href) from putting a heading straight into another.
    if (is_heading(x)) close_from(find_open(is_heading, is_scope_boundary));
    if (x == GUMBO_TAG_LI || x == GUMBO_TAG_DD || x == GUMBO_TAG_DT) {
      close_from(find_open([x](GumboTag o) {
        return x == GUMBO_TAG_LI ? o == GUMBO_TAG_LI : o == GUMBO_TAG_DD || o == GUMBO_TAG_DT;
      }, [](GumboTag o) {  // "special" elements other than div and p stop the search
        return (is_block(o) || o == GUMBO_TAG_TD || o == GUMBO_TAG_TH) && o != GUMBO_TAG_DIV &&
               o != GUMBO_TAG_P;
      }));
    }
    if (x == GUMBO_TAG_TD || x == GUMBO_TAG_TH)
      close_above(find_open({GUMBO_TAG_TR, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT,
                             GUMBO_TAG_TABLE}));
    if (x == GUMBO_TAG_TR) close_above(find_open(row_parents));
    if (is_one_of(x, {GUMBO_TAG_CAPTION, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT}))
      close_above(find_open({GUMBO_TAG_TABLE}));
    if (x == GUMBO_TAG_TABLE || x == GUMBO_TAG_A)  // these do not nest, except in a cell
      close_from(find_open([x](GumboTag o) { return o == x; }, is_scope_boundary));
    if (!is_void(x) && open_.size() >= max_depth_) return;  // too deep: unwrapped
    out_.append("<").append(tag_name(x)).append(t.attributes).append(">");
    if (!is_void(x)) open_.push_back(x);
  }

  void end_tag(GumboTag x) {  // an end tag with nothing to close is dropped
    if (is_void(x)) return;
    close_from(find_open([x](GumboTag o) { return is_heading(x) ? is_heading(o) : o == x; },
                         [x](GumboTag o) {  // never close across a table boundary
      if (x == GUMBO_TAG_TABLE) return false;
      return is_table_part(x) ? o == GUMBO_TAG_TABLE : is_scope_boundary(o);
    }));
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  unsigned max_depth_;
  std::string out_;
  std::vector<GumboTag> open_;
  GumboTag skip_tag_ = GUMBO_TAG_UNKNOWN;  // the dropped element being skipped, with its nesting
  unsigned skip_depth_ = 0;
};

// ---- gumbo ownership and tree walk ------------------------------------------------------------

// gumbo leaves a fragment's document quirks mode uninitialised and reads it at every <table>
// (valgrind shows it); zeroed memory makes that "no quirks", as befits a fragment of a modern page.
void* zeroed_allocate(void*, std::size_t size) { return std::calloc(1, size); }
void deallocate(void*, void* p) { std::free(p); }

// Owns one gumbo parse. gumbo points into the parsed buffer, so it must outlive this object.
class GumboFragment {
 public:
  explicit GumboFragment(const std::string& html) {
    options_.allocator = zeroed_allocate;
    options_.deallocator = deallocate;
    options_.max_errors = 0;  // recording an error copies the whole stack of open elements
    options_.fragment_context = GUMBO_TAG_DIV;
    output_ = gumbo_parse_with_options(&options_, html.data(), html.size());
  }
  explicit GumboFragment(std::string&&) = delete;
  GumboFragment(GumboFragment&& other) noexcept
      : options_(other.options_), output_(std::exchange(other.output_, nullptr)) {}
  GumboFragment(const GumboFragment&) = delete;
  GumboFragment& operator=(const GumboFragment&) = delete;
  GumboFragment& operator=(GumboFragment&&) = delete;
  ~GumboFragment() {
    if (output_ != nullptr) gumbo_destroy_output(&options_, output_);
  }
  const GumboNode* root() const { return output_ != nullptr ? output_->root : nullptr; }

 private:
  GumboOptions options_ = kGumboDefaultOptions;
  GumboOutput* output_ = nullptr;
};

// Depth-first walk with an explicit stack. visitor.enter(element) says whether to descend, and
// visitor.leave(element) follows the children of every element entered. Foreign (SVG, MathML)
// elements, comments and template contents are skipped.
template <class Visitor>
void walk(const GumboNode* root, Visitor& visitor) {
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return;
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next == children.length) {
      if (stack.size() > 1) visitor.leave(top.node);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next++]);
    if (child->type == GUMBO_NODE_ELEMENT) {
      if (child->v.element.tag_namespace == GUMBO_NAMESPACE_HTML && visitor.enter(child))
        stack.push_back({child, 0});
    } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
               child->type == GUMBO_NODE_CDATA) {
      visitor.text(child->v.text.text);
    }
  }
}

// ---- Pass two: attribute policy and serialisation ---------------------------------------------

enum class UrlKind { bad, local, external };

// Judges a decoded, trimmed URL as a browser would resolve it: URL parsers ignore tab and newline
// anywhere, so all controls and spaces are removed before looking for the scheme.
UrlKind classify_url(std::string_view url, bool image) {
  std::string probe;
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) probe += to_lower(c);
  if (probe.empty()) return UrlKind::bad;
  const std::size_t end = probe.find_first_of(":/?#\\");
  if (end == none || probe[end] != ':') {  // relative; "//host" and "\\host" leave the site
    const auto slash = [&](std::size_t i) {
      return i < probe.size() && (probe[i] == '/' || probe[i] == '\\');
    };
    if (image && !slash(0)) return UrlKind::bad;
    return slash(0) && slash(1) ? UrlKind::external : UrlKind::local;
  }
  const std::string_view scheme = std::string_view(probe).substr(0, end);
  if (scheme == "http" || scheme == "https") return UrlKind::external;
  if (!image) return scheme == "mailto" || scheme == "tel" ? UrlKind::local : UrlKind::bad;
  for (std::string_view type : {"png", "jpeg", "gif", "webp"}) {
    const std::string prefix = "data:image/" + std::string(type) + ";base64,";
    if (probe.compare(0, prefix.size(), prefix) == 0)
      return probe.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+/=", prefix.size()) ==
                     none ? UrlKind::local : UrlKind::bad;
  }
  return UrlKind::bad;
}

// Without leading and trailing C0 controls and spaces, which browsers strip from URLs.
std::string_view trim_url(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  return s;
}

std::optional<long> parse_number(std::string_view s, long lo, long hi) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  const bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != none) return std::nullopt;
  long v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  v = negative ? -v : v;
  return v >= lo && v <= hi ? std::optional<long>(v) : std::nullopt;
}

class Serialiser {
 public:
  explicit Serialiser(unsigned max_depth) : max_depth_(max_depth) {}

  bool enter(const GumboNode* node) {
    const GumboElement& el = node->v.element;
    const Handling h = handling(el.tag);
    if (h == Handling::drop || (flattening_ > 0 && el.tag == GUMBO_TAG_HR)) return false;
    // Below an element flattened for depth everything is flattened: keeping, say, an <li> whose
    // <table> was unwrapped would change how the output re-parses.
    const bool keep =
        h == Handling::keep && (is_void(el.tag) || (flattening_ == 0 && fits(el.tag)));
    GumboTag out = keep ? output_tag(el.tag) : GUMBO_TAG_LAST;
    std::string attributes;
    if (keep && !render_attributes(el, attributes)) {
      if (el.tag == GUMBO_TAG_IMG) return false;
      out = GUMBO_TAG_LAST;  // a link to nowhere or to javascript: keeps only its text
    }
    if (out == GUMBO_TAG_LAST) {
      open_.push_back({out, 0, h == Handling::keep && !keep});
      flattening_ += open_.back().flattens ? 1 : 0;
      return true;
    }
    const std::size_t start = out_.size();
    out_.append("<").append(tag_name(out)).append(attributes).append(">");
    if (is_void(out)) return false;
    open_.push_back({out, start, false});
    ++depth_;
    return true;
  }

  void leave(const GumboNode*) {
    const Open o = open_.back();
    open_.pop_back();
    flattening_ -= o.flattens ? 1 : 0;
    if (o.tag == GUMBO_TAG_LAST) return;
    --depth_;
    if (o.tag == GUMBO_TAG_P && is_blank(std::string_view(out_).substr(o.start + 3))) {
      // Word writes runs of <p>&nbsp;</p> for spacing: keep the first of a run only.
      if (last_blank_p_end_ <= o.start &&
          out_.find_first_not_of(" \t\n\r\f", last_blank_p_end_) >= o.start)
        return out_.resize(o.start);
      out_ += "</p>";
      last_blank_p_end_ = out_.size();
      return;
    }
    out_.append("</").append(tag_name(o.tag)).append(">");
  }

  void text(const char* t) {
    const std::string_view s(t);
    // The parser drops a newline straight after <pre>, so one is added to keep the text's own.
    if (!s.empty() && s.front() == '\n' && out_.size() >= 5 &&
        out_.compare(out_.size() - 5, 5, "<pre>") == 0)
      out_ += '\n';
    escape_into(out_, s, false);
  }

  // White space around the fragment means nothing (Word pastes bring lines of it).
  std::string take() {
    out_.erase(std::min(out_.find_last_not_of(" \t\n\r\f") + 1, out_.size()));
    out_.erase(0, std::min(out_.find_first_not_of(" \t\n\r\f"), out_.size()));
    return std::move(out_);
  }

 private:
  struct Open {
    GumboTag tag;  // GUMBO_TAG_LAST: unwrapped
    std::size_t start;
    bool flattens;  // unwrapped for lack of depth: so is everything below
  };

  // Table parts need their kept parent (text inside a bare <tr> would be moved out of the table
  // on re-parse); a table needs room for tbody, tr and td below it.
  bool fits(GumboTag t) const {
    const GumboTag parent = open_.empty() ? GUMBO_TAG_LAST : open_.back().tag;
    if (t == GUMBO_TAG_TR)
      return is_one_of(parent,
                       {GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TABLE});
    if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) return parent == GUMBO_TAG_TR;
    if (is_table_part(t)) return parent == GUMBO_TAG_TABLE;
    return depth_ + (t == GUMBO_TAG_TABLE ? 4 : 1) <= max_depth_;
  }

  // Appends el's allowed attributes; false when a required one (a href, img src) is not safe.
  static bool render_attributes(const GumboElement& el, std::string& out) {
    const auto get = [&](const char* name) -> std::optional<std::string_view> {
      const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
      return a != nullptr ? std::optional<std::string_view>(a->value) : std::nullopt;
    };
    const auto put = [&](std::string_view name, std::string_view value) {
      out.append(" ").append(name).append("=\"");
      escape_into(out, value, true);
      out += '"';
    };
    const auto copy = [&](const char* name) {  // an empty title is noise, alt="" is meaningful
      const auto v = get(name);
      if (v && (!v->empty() || std::string_view(name) == "alt")) put(name, *v);
    };
    const auto number = [&](const char* name, long lo, long hi) {
      const auto v = get(name);
      if (const auto n = v ? parse_number(*v, lo, hi) : std::nullopt) put(name, std::to_string(*n));
    };
    const bool image = el.tag == GUMBO_TAG_IMG;
    if (image || el.tag == GUMBO_TAG_A) {
      const auto url = get(image ? "src" : "href");
      const UrlKind kind = url ? classify_url(trim_url(*url), image) : UrlKind::bad;
      if (kind == UrlKind::bad) return false;
      put(image ? "src" : "href", trim_url(*url));
      if (image) {
        copy("alt");
        number("width", 1, 10000);
        number("height", 1, 10000);
      }
      copy("title");
      if (!image && kind == UrlKind::external) put("rel", "noopener noreferrer");
    } else if (el.tag == GUMBO_TAG_ABBR) {
      copy("title");
    } else if (el.tag == GUMBO_TAG_OL) {
      number("start", -999999999, 999999999);
      const auto type = get("type");
      if (type && type->size() == 1 && std::string_view("1aAiI").find(*type) != none)
        put("type", *type);
    } else if (el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH) {
      number("colspan", 1, 100);
      number("rowspan", 1, 100);
      const std::string scope = to_lower(get("scope").value_or(""));
      if (el.tag == GUMBO_TAG_TH && (scope == "row" || scope == "col" || scope == "rowgroup" ||
                                     scope == "colgroup"))
        put("scope", scope);
    }
    return true;
  }

  // Only white space, U+00A0 and tags other than img (in our own output every '<' starts a tag).
  static bool is_blank(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '<') {
        if (s.compare(i, 4, "<img") == 0) return false;
        i = std::min(s.find('>', i), s.size());
      } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
        ++i;
      } else if (!is_space(s[i])) {
        return false;
      }
    }
    return true;
  }

  unsigned max_depth_;
  unsigned depth_ = 0;       // kept elements currently open
  unsigned flattening_ = 0;  // open elements that were flattened
  std::vector<Open> open_;
  std::string out_;
  std::size_t last_blank_p_end_ = none;
};

class TextExtractor {
 public:
  bool enter(const GumboNode* node) {
    const GumboTag t = node->v.element.tag;
    if (handling(t) == Handling::drop) return false;
    newline_ = newline_ || t == GUMBO_TAG_BR || is_block(t);
    space_ = space_ || t == GUMBO_TAG_TD || t == GUMBO_TAG_TH;
    return !is_void(t);
  }
  void leave(const GumboNode* node) { newline_ = newline_ || is_block(node->v.element.tag); }
  void text(const char* t) {
    for (const char* p = t; *p != '\0'; ++p) {
      const bool nbsp = p[0] == '\xC2' && p[1] == '\xA0';  // U+00A0 counts as white space
      if (is_space(*p) || nbsp) {
        space_ = true;
        p += nbsp ? 1 : 0;
        continue;
      }
      if (!out_.empty() && (newline_ || space_)) out_ += newline_ ? '\n' : ' ';
      newline_ = space_ = false;
      out_ += *p;
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool newline_ = false;  // a block boundary since the last character written
  bool space_ = false;    // white space since the last character written
};

template <class Visitor>
std::string run(std::string_view html, const SanitizeLimits& limits, Visitor visitor) {
  const std::string normalised =
      Normaliser(truncate_utf8(html, limits.max_input_bytes), limits.max_depth).run();
  const GumboFragment fragment(normalised);
  walk(fragment.root(), visitor);
  return visitor.take();
}

}  // namespace

std::string sanitize_html(std::string_view html, const SanitizeLimits& limits) {
  return run(html, limits, Serialiser(limits.max_depth));
}

std::string html_to_text(std::string_view html, const SanitizeLimits& limits) {
  return run(html, limits, TextExtractor());
}

}  // namespace portald::model
