#include "daemon/model/html_normaliser.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "daemon/model/html_policy.hpp"

namespace portald::model::html {
namespace {

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
    if (pos_ + 1 < in_.size() && (is_alpha(c) || (c == '/' && is_alpha(at(pos_ + 2))))) return tag();
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
    const bool foreign_empty =               // <svg/> is complete in HTML, <div/> is not
        t->self_closing && (t->tag == GUMBO_TAG_SVG || t->tag == GUMBO_TAG_MATH);
    if (skip_depth_ > 0) {  // inside a dropped element: only its own nesting matters
      if (t->tag == skip_tag_) skip_depth_ += t->end ? -1 : foreign_empty ? 0 : 1;
      return;
    }
    const Handling h = handling(t->tag);
    if (h == Handling::keep && t->end) return end_tag(t->tag);
    if (h == Handling::keep) {
      start_tag(*t);
      // A kept iframe's content is raw text to the tokenizer and never shown: it is left out.
      if (is_raw_text(t->tag)) pos_ = find_end_tag(tag_name(t->tag));
      return;
    }
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
      if (!want_attributes || !is_allowed_attribute(attribute) ||
          std::find(seen.begin(), seen.end(), attribute) != seen.end())
        continue;
      seen.push_back(attribute);  // the first of duplicate attributes wins, as in HTML
      t.attributes += ' ' + attribute + "=\"";
      for (char c : value) t.attributes += c == '"' ? std::string_view("&quot;") : std::string_view(&c, 1);
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
    return find_open([&](GumboTag t) { return is_one_of(t, match); }, [](GumboTag) { return false; });
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
      close_from(find_open(
          [x](GumboTag o) { return x == GUMBO_TAG_LI ? o == GUMBO_TAG_LI : o == GUMBO_TAG_DD || o == GUMBO_TAG_DT; },
          [](GumboTag o) {  // "special" elements other than div and p stop the search
            return (is_block(o) || o == GUMBO_TAG_TD || o == GUMBO_TAG_TH) && o != GUMBO_TAG_DIV && o != GUMBO_TAG_P;
          }));
    }
    if (x == GUMBO_TAG_TD || x == GUMBO_TAG_TH)
      close_above(find_open({GUMBO_TAG_TR, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TABLE}));
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

}  // namespace

std::string normalise_html(std::string_view in, unsigned max_depth) { return Normaliser(in, max_depth).run(); }

}  // namespace portald::model::html
