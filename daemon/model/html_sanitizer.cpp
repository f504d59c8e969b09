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
//   them into the media store is the editor's or importer's job, not this module's.
#include "daemon/model/html_sanitizer.hpp"

#include <gumbo.h>

#include <algorithm>
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
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return to_lower(c); });
  return out;
}
bool is_heading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }
const char* tag_name(GumboTag t) { return gumbo_normalized_tagname(t); }

// ---- Element policy, shared by both passes -----------------------------------------------------

enum class Handling { keep, drop, unwrap };  // drop: element and content; unwrap: content only

Handling handling(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_B: case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_U:
    case GUMBO_TAG_S: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_Q: case GUMBO_TAG_CITE: case GUMBO_TAG_ABBR:
    case GUMBO_TAG_PRE: case GUMBO_TAG_CODE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TH: case GUMBO_TAG_TD: case GUMBO_TAG_A: case GUMBO_TAG_IMG:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DIV:
      return Handling::keep;
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_INPUT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE: case GUMBO_TAG_APPLET: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_AREA:
    case GUMBO_TAG_COL: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_ISINDEX: case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_WBR: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_MENUITEM:
      return Handling::drop;
    default:  // font, center, o:p, st1:*, head, body, form, ...: keep the content
      return Handling::unwrap;
  }
}

bool is_void(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND,
                       GUMBO_TAG_BR, GUMBO_TAG_COL, GUMBO_TAG_EMBED, GUMBO_TAG_FRAME, GUMBO_TAG_HR,
                       GUMBO_TAG_IMAGE, GUMBO_TAG_IMG, GUMBO_TAG_INPUT, GUMBO_TAG_ISINDEX,
                       GUMBO_TAG_KEYGEN, GUMBO_TAG_LINK, GUMBO_TAG_MENUITEM, GUMBO_TAG_META,
                       GUMBO_TAG_PARAM, GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR});
}
// Elements whose content the HTML tokenizer reads as text up to their end tag.
bool is_raw_text(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_IFRAME, GUMBO_TAG_NOSCRIPT,
                       GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES, GUMBO_TAG_XMP, GUMBO_TAG_TEXTAREA,
                       GUMBO_TAG_TITLE, GUMBO_TAG_PLAINTEXT});
}
bool is_table_part(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_CAPTION, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT,
                       GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH});
}
bool is_block(GumboTag t) {
  return is_heading(t) || is_one_of(t, {GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_BLOCKQUOTE,
      GUMBO_TAG_PRE, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_LI, GUMBO_TAG_DL, GUMBO_TAG_DT,
      GUMBO_TAG_DD, GUMBO_TAG_TABLE, GUMBO_TAG_CAPTION, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY,
      GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_FIGURE, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HR});
}
// The page owns h1; b and i become their semantic twins.
GumboTag output_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_H1: return GUMBO_TAG_H2;
    case GUMBO_TAG_B: return GUMBO_TAG_STRONG;
    case GUMBO_TAG_I: return GUMBO_TAG_EM;
    default: return t;
  }
}

void escape_into(std::string& out, std::string_view s, bool attribute) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      default: out += c;
    }
  }
}

// Cut at most max bytes without splitting a UTF-8 sequence (looks back at most 3 bytes).
std::string_view truncate_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  for (int k = 0; k < 3 && cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80; ++k) --cut;
  return s.substr(0, cut);
}

// ---- Pass one: linear tokenizer and balancer ----------------------------------------------------

class Normaliser {
 public:
  Normaliser(std::string_view in, unsigned max_depth) : in_(in), max_depth_(max_depth) {
    out_.reserve(in.size() + in.size() / 8);
  }

  std::string run() {
    while (pos_ < in_.size()) {
      const std::size_t lt = std::min(in_.find('<', pos_), in_.size());
      if (skip_depth_ == 0) out_.append(in_.substr(pos_, lt - pos_));
      pos_ = lt;
      if (pos_ < in_.size()) markup();
    }
    close_from(0);
    return std::move(out_);
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
    if (pos_ + 1 < in_.size() && (is_alpha(c) || (c == '/' && is_alpha(at(pos_ + 2))))) return tag();
    if (c == '!' && in_.compare(pos_ + 2, 2, "--") == 0) return skip_comment();
    if (c == '/' && pos_ + 2 >= in_.size()) {
      text("&lt;/");
      pos_ = in_.size();
    } else if (c == '!' || c == '?' || c == '/') {  // doctype, bogus comment, CDATA, </>
      const std::size_t gt = in_.find('>', pos_ + 2);
      pos_ = gt == none ? in_.size() : gt + 1;
    } else {
      text("&lt;");  // escaped, so no tag can ever form from text the pre-pass joins
      ++pos_;
    }
  }

  // A comment ends at the first "-->" or "--!>"; "<!-->" and "<!--->" are complete comments.
  void skip_comment() {
    for (std::size_t p = in_.find("--", pos_ + 2); p != none; p = in_.find("--", p + 1)) {
      if (at(p + 2) == '>') { pos_ = p + 3; return; }
      if (p >= pos_ + 4 && at(p + 2) == '!' && at(p + 3) == '>') { pos_ = p + 4; return; }
    }
    pos_ = in_.size();
  }

  void tag() {
    std::optional<Tag> t = read_tag();
    if (!t) {  // end of input inside a tag: the tag is dropped, as the HTML tokenizer does
      pos_ = in_.size();
      return;
    }
    if (skip_depth_ > 0) {  // inside a dropped element: only its own nesting matters
      const bool foreign = t->tag == GUMBO_TAG_SVG || t->tag == GUMBO_TAG_MATH;
      if (t->tag == skip_tag_ && t->end) --skip_depth_;
      else if (t->tag == skip_tag_ && !(foreign && t->self_closing)) ++skip_depth_;
      return;
    }
    const Handling h = handling(t->tag);
    if (h == Handling::keep) return t->end ? end_tag(t->tag) : start_tag(*t);
    if (h == Handling::unwrap || t->end || is_void(t->tag)) return;
    if (is_raw_text(t->tag)) {
      pos_ = find_end_tag(tag_name(t->tag));
    } else if (!(t->self_closing && (t->tag == GUMBO_TAG_SVG || t->tag == GUMBO_TAG_MATH))) {
      skip_tag_ = t->tag;
      skip_depth_ = 1;
    }
  }

  // Follows the HTML tokenizer's tag and attribute states; nullopt at end of input.
  std::optional<Tag> read_tag() {
    std::size_t i = pos_ + 1;
    Tag t;
    t.end = in_[i] == '/';
    if (t.end) ++i;
    const std::size_t name_start = i;
    while (i < in_.size() && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>') ++i;
    const std::string_view name = in_.substr(name_start, i - name_start);
    if (name.size() <= 16) {
      const std::string lower = to_lower(name);
      t.tag = gumbo_tagn_enum(lower.c_str(), static_cast<unsigned>(lower.size()));
    }
    const bool want_attributes = !t.end && handling(t.tag) == Handling::keep && skip_depth_ == 0;
    std::vector<std::string> seen;
    while (i < in_.size()) {
      if (in_[i] == '>') {
        pos_ = i + 1;
        return t;
      }
      if (in_[i] == '/' || is_space(in_[i])) {
        t.self_closing = in_[i] == '/' && at(i + 1) == '>';
        ++i;
        continue;
      }
      const std::size_t name_begin = i++;  // the first character may be '='
      while (i < in_.size() && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>' && in_[i] != '=') ++i;
      const std::string attribute = to_lower(in_.substr(name_begin, i - name_begin));
      while (i < in_.size() && is_space(in_[i])) ++i;
      std::string_view value;
      if (at(i) == '=' && i < in_.size()) {
        ++i;
        while (i < in_.size() && is_space(in_[i])) ++i;
        if (at(i) == '"' || at(i) == '\'') {
          const std::size_t close = in_.find(in_[i], i + 1);
          if (close == none) return std::nullopt;
          value = in_.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          const std::size_t v = i;
          while (i < in_.size() && !is_space(in_[i]) && in_[i] != '>') ++i;
          value = in_.substr(v, i - v);
        }
      }
      static const std::vector<std::string_view> allowed = {"href", "src", "alt", "title", "width",
          "height", "colspan", "rowspan", "scope", "start", "type"};
      if (!want_attributes || std::find(allowed.begin(), allowed.end(), attribute) == allowed.end() ||
          std::find(seen.begin(), seen.end(), attribute) != seen.end()) continue;
      seen.push_back(attribute);  // the first of duplicate attributes wins, as in HTML
      t.attributes += ' ' + attribute + "=\"";
      for (char c : value) {
        if (c == '"') t.attributes += "&quot;";
        else t.attributes += c;
      }
      t.attributes += '"';
    }
    return std::nullopt;
  }

  // Start of "</name" followed by a delimiter, or the end of input.
  std::size_t find_end_tag(std::string_view name) const {
    for (std::size_t p = in_.find("</", pos_); p != none; p = in_.find("</", p + 2)) {
      const std::size_t e = p + 2 + name.size();
      if (e <= in_.size() && to_lower(in_.substr(p + 2, name.size())) == name &&
          (e == in_.size() || is_space(in_[e]) || in_[e] == '/' || in_[e] == '>')) return p;
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
  std::size_t find_open(Tags match, Tags stop = {}) const {
    return find_open([&](GumboTag t) { return is_one_of(t, match); },
                     [&](GumboTag t) { return is_one_of(t, stop); });
  }
  // Writes end tags for open elements down to and including index i.
  void close_from(std::size_t i) {
    while (i != none && open_.size() > i) {
      out_ += "</";
      out_ += tag_name(open_.back());
      out_ += '>';
      open_.pop_back();
    }
  }
  void close_above(std::size_t i) {
    if (i != none) close_from(i + 1);
  }

  // The HTML tree builder's implied end tags, written out explicitly, so that what gumbo receives
  // nests the way gumbo would build it: unclosed <p>, <li>, <td> do not pile up as depth.
  void start_tag(const Tag& t) {
    const GumboTag x = t.tag;
    if (is_table_part(x) && find_open({GUMBO_TAG_TABLE}) == none) return;  // gumbo ignores them
    if (is_block(x) && !is_table_part(x) && x != GUMBO_TAG_TR)
      close_from(find_open({GUMBO_TAG_P}, {GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_CAPTION}));
    if (is_heading(x) && !open_.empty() && is_heading(open_.back())) close_from(open_.size() - 1);
    if (x == GUMBO_TAG_LI || x == GUMBO_TAG_DD || x == GUMBO_TAG_DT) {
      const auto same = [x](GumboTag o) {
        return x == GUMBO_TAG_LI ? o == GUMBO_TAG_LI : o == GUMBO_TAG_DD || o == GUMBO_TAG_DT;
      };
      close_from(find_open(same, [](GumboTag o) {  // "special" elements other than div and p
        return (is_block(o) || o == GUMBO_TAG_TD || o == GUMBO_TAG_TH) && o != GUMBO_TAG_DIV &&
               o != GUMBO_TAG_P;
      }));
    }
    if (x == GUMBO_TAG_TD || x == GUMBO_TAG_TH)
      close_above(find_open({GUMBO_TAG_TR, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TABLE}));
    if (x == GUMBO_TAG_TR)
      close_above(find_open({GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TABLE}));
    if (is_one_of(x, {GUMBO_TAG_CAPTION, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT}))
      close_above(find_open({GUMBO_TAG_TABLE}));
    if (x == GUMBO_TAG_TABLE || x == GUMBO_TAG_A) close_from(find_open({x}, {GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_CAPTION}));  // no nesting
    if (!is_void(x) && open_.size() >= max_depth_) return;  // too deep: unwrap
    out_ += '<';
    out_ += tag_name(x);
    out_ += t.attributes;
    out_ += '>';
    if (!is_void(x)) open_.push_back(x);
  }

  void end_tag(GumboTag x) {
    if (is_void(x)) return;
    const auto match = [x](GumboTag o) { return is_heading(x) ? is_heading(o) : o == x; };
    close_from(find_open(match, [x](GumboTag o) {  // never close across a table boundary
      if (x == GUMBO_TAG_TABLE) return false;
      if (is_table_part(x)) return o == GUMBO_TAG_TABLE;
      return is_one_of(o, {GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_CAPTION});
    }));  // an end tag with nothing to close is dropped
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  unsigned max_depth_;
  std::string out_;
  std::vector<GumboTag> open_;
  GumboTag skip_tag_ = GUMBO_TAG_UNKNOWN;  // the dropped element being skipped, with its nesting
  unsigned skip_depth_ = 0;
};

// ---- gumbo ownership and tree walk --------------------------------------------------------------

// Owns one gumbo parse. gumbo points into the parsed buffer, so it must outlive this object.
class GumboFragment {
 public:
  explicit GumboFragment(const std::string& html) {
    options_.max_errors = 0;  // recording errors copies the open-element stack each time
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

// Depth-first walk with an explicit stack. visitor.enter(element) returns whether to descend;
// visitor.leave(element) follows every entered element's children.
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
    }  // comments and template contents are left out
  }
}

// ---- Pass two: attribute policy and serialisation -----------------------------------------------

enum class UrlKind { bad, local, external };

// Judges a decoded, trimmed URL the way a browser would resolve it: tab and newline anywhere are
// ignored by URL parsers, so all controls and spaces are removed before looking for a scheme.
UrlKind classify_url(std::string_view url, bool image) {
  std::string probe;
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) probe += to_lower(c);
  if (probe.empty()) return UrlKind::bad;
  const std::size_t end = probe.find_first_of(":/?#\\");
  if (end == none || probe[end] != ':') {  // relative; "//host" and "\\host" leave the site
    const bool slash0 = probe[0] == '/' || probe[0] == '\\';
    const bool slash1 = probe.size() > 1 && (probe[1] == '/' || probe[1] == '\\');
    return slash0 && slash1 ? UrlKind::external : UrlKind::local;
  }
  const std::string_view scheme = std::string_view(probe).substr(0, end);
  if (scheme == "http" || scheme == "https") return UrlKind::external;
  if (!image) return scheme == "mailto" || scheme == "tel" ? UrlKind::local : UrlKind::bad;
  for (std::string_view type : {"png", "jpeg", "gif", "webp"}) {
    const std::string prefix = "data:image/" + std::string(type) + ";base64,";
    if (probe.compare(0, prefix.size(), prefix) == 0)
      return probe.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+/=", prefix.size()) == none
                 ? UrlKind::local : UrlKind::bad;
  }
  return UrlKind::bad;
}

// Leading and trailing C0 controls and spaces, which browsers strip from URLs.
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
  if (s.empty() || s.size() > 9) return std::nullopt;
  long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (negative) v = -v;
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

class Serialiser {
 public:
  explicit Serialiser(unsigned max_depth) : max_depth_(max_depth) {}

  bool enter(const GumboNode* node) {
    const GumboElement& el = node->v.element;
    const Handling h = handling(el.tag);
    if (h == Handling::drop) return false;
    GumboTag out = h == Handling::keep && fits(el.tag) ? output_tag(el.tag) : GUMBO_TAG_LAST;
    std::string attributes;
    if (out != GUMBO_TAG_LAST && !render_attributes(el, attributes)) {
      if (el.tag == GUMBO_TAG_IMG) return false;
      out = GUMBO_TAG_LAST;  // a link to nowhere or to javascript: keeps only its text
    }
    if (out == GUMBO_TAG_LAST) {
      open_.push_back({out, 0});
      return true;
    }
    const std::size_t start = out_.size();
    out_ += '<';
    out_ += tag_name(out);
    out_ += attributes;
    out_ += '>';
    if (is_void(out)) return false;
    open_.push_back({out, start});
    ++depth_;
    return true;
  }

  void leave(const GumboNode*) {
    const Open o = open_.back();
    open_.pop_back();
    if (o.tag == GUMBO_TAG_LAST) return;
    --depth_;
    if (o.tag == GUMBO_TAG_P && is_blank(std::string_view(out_).substr(o.start + 3))) {
      // Word writes runs of <p>&nbsp;</p> for spacing: keep the first of a run only.
      if (last_blank_p_end_ <= o.start &&
          out_.find_first_not_of(" \t\n\r\f", last_blank_p_end_) >= o.start) {
        out_.resize(o.start);
        return;
      }
      out_ += "</p>";
      last_blank_p_end_ = out_.size();
      return;
    }
    out_ += "</";
    out_ += tag_name(o.tag);
    out_ += '>';
  }

  void text(const char* t) {
    const std::string_view s(t);
    // The parser drops a newline straight after <pre>, so one is added to keep the text's own.
    if (!s.empty() && s.front() == '\n' && out_.size() >= 5 && out_.compare(out_.size() - 5, 5, "<pre>") == 0)
      out_ += '\n';
    escape_into(out_, s, false);
  }

  // White space around the fragment means nothing (Word pastes bring lines of it).
  std::string take() {
    out_.erase(0, std::min(out_.find_first_not_of(" \t\n\r\f"), out_.size()));
    out_.erase(std::min(out_.find_last_not_of(" \t\n\r\f") + 1, out_.size()));
    return std::move(out_);
  }

 private:
  struct Open {
    GumboTag tag;  // GUMBO_TAG_LAST: unwrapped
    std::size_t start;
  };

  // Table parts need their kept parent (text inside a bare <tr> would be moved out of the table
  // on re-parse); a table needs room for tbody, tr and td below it.
  bool fits(GumboTag t) const {
    const GumboTag parent = open_.empty() ? GUMBO_TAG_LAST : open_.back().tag;
    if (is_void(t)) return true;
    if (t == GUMBO_TAG_TR)
      return is_one_of(parent, {GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TABLE});
    if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) return parent == GUMBO_TAG_TR;
    if (is_table_part(t)) return parent == GUMBO_TAG_TABLE;
    return depth_ + (t == GUMBO_TAG_TABLE ? 4 : 1) <= max_depth_;
  }

  // Appends the allowed attributes of el; false when a required one (a href, img src) is unsafe.
  static bool render_attributes(const GumboElement& el, std::string& out) {
    const auto get = [&](const char* name) -> std::optional<std::string_view> {
      const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
      return a != nullptr ? std::optional<std::string_view>(a->value) : std::nullopt;
    };
    const auto put = [&](std::string_view name, std::string_view value) {
      out += ' ';
      out += name;
      out += "=\"";
      escape_into(out, value, true);
      out += '"';
    };
    const auto copy = [&](const char* name) {
      if (const auto v = get(name)) put(name, *v);
    };
    const auto number = [&](const char* name, long lo, long hi) {
      const auto v = get(name);
      if (const auto n = v ? parse_number(*v, lo, hi) : std::nullopt) put(name, std::to_string(*n));
    };
    switch (el.tag) {
      case GUMBO_TAG_A:
      case GUMBO_TAG_IMG: {
        const bool image = el.tag == GUMBO_TAG_IMG;
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
        return true;
      }
      case GUMBO_TAG_ABBR: copy("title"); return true;
      case GUMBO_TAG_OL:
        number("start", -999999999, 999999999);
        if (const auto type = get("type"); type && type->size() == 1 && std::string_view("1aAiI").find(*type) != none)
          put("type", *type);
        return true;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        number("colspan", 1, 100);
        number("rowspan", 1, 100);
        if (const auto scope = get("scope"); el.tag == GUMBO_TAG_TH && scope) {
          const std::string s = to_lower(*scope);
          if (s == "row" || s == "col" || s == "rowgroup" || s == "colgroup") put("scope", s);
        }
        return true;
      default: return true;
    }
  }

  // Only white space, U+00A0 and tags other than img (our own output: every '<' starts a tag).
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
  unsigned depth_ = 0;  // kept elements currently open
  std::vector<Open> open_;
  std::string out_;
  std::size_t last_blank_p_end_ = none;
};

class TextExtractor {
 public:
  bool enter(const GumboNode* node) {
    const GumboTag t = node->v.element.tag;
    if (handling(t) == Handling::drop) return false;
    if (t == GUMBO_TAG_BR || is_block(t)) newline_ = true;
    if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) space_ = true;
    return !is_void(t);
  }
  void leave(const GumboNode* node) {
    if (is_block(node->v.element.tag)) newline_ = true;
  }
  void text(const char* t) {
    for (const char* p = t; *p != '\0'; ++p) {
      if (is_space(*p)) {
        space_ = true;
      } else if (p[0] == '\xC2' && p[1] == '\xA0') {
        space_ = true;
        ++p;
      } else {
        if (!out_.empty() && (newline_ || space_)) out_ += newline_ ? '\n' : ' ';
        newline_ = space_ = false;
        out_ += *p;
      }
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool newline_ = false;
  bool space_ = false;
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
