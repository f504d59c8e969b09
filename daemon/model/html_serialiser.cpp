#include "daemon/model/html_serialiser.hpp"

#include <string_view>
#include <vector>

#include "daemon/model/gumbo_fragment.hpp"
#include "daemon/model/html_attributes.hpp"
#include "daemon/model/html_escape.hpp"
#include "daemon/model/html_policy.hpp"

namespace portald::model::html {
namespace {

class Serialiser {
 public:
  Serialiser(unsigned max_depth, const EmbedPolicy& embeds) : max_depth_(max_depth), embeds_(embeds) {}

  bool enter(const GumboNode* node) {
    const GumboElement& el = node->v.element;
    const Handling h = handling(el.tag);
    if (h == Handling::drop || (flattening_ > 0 && el.tag == GUMBO_TAG_HR)) return false;
    // Below an element flattened for depth everything is flattened: keeping, say, an <li> whose
    // <table> was unwrapped would change how the output re-parses.
    const bool keep = h == Handling::keep && (is_void(el.tag) || (flattening_ == 0 && fits(el.tag)));
    GumboTag out = keep ? output_tag(el.tag) : GUMBO_TAG_LAST;
    // A caption track belongs to the kept video or audio it sits in, or nowhere.
    if (el.tag == GUMBO_TAG_TRACK &&
        (open_.empty() || !is_one_of(open_.back().tag, {GUMBO_TAG_VIDEO, GUMBO_TAG_AUDIO})))
      return false;
    std::string attributes;
    if (keep && !render_attributes(el, attributes, embeds_)) {
      if (is_embed(el.tag)) return false;  // with its content: an embed without a safe source is nothing
      out = GUMBO_TAG_LAST;                // a link to nowhere or to javascript: keeps only its text
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
      if (last_blank_p_end_ <= o.start && out_.find_first_not_of(" \t\n\r\f", last_blank_p_end_) >= o.start)
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
    if (!s.empty() && s.front() == '\n' && out_.size() >= 5 && out_.compare(out_.size() - 5, 5, "<pre>") == 0)
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
      return is_one_of(parent, {GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TABLE});
    if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) return parent == GUMBO_TAG_TR;
    if (is_table_part(t)) return parent == GUMBO_TAG_TABLE;
    return depth_ + (t == GUMBO_TAG_TABLE ? 4 : 1) <= max_depth_;
  }

  // Only white space, U+00A0 and tags other than embeds (in our own output every '<' starts a tag).
  static bool is_blank(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '<') {
        for (std::string_view t : {"<img", "<iframe", "<video", "<audio"})
          if (s.compare(i, t.size(), t) == 0) return false;
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
  const EmbedPolicy& embeds_;
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

}  // namespace

std::string serialise_html(const GumboNode* root, unsigned max_depth, const EmbedPolicy& embeds) {
  Serialiser visitor(max_depth, embeds);
  walk(root, visitor);
  return visitor.take();
}

std::string extract_text(const GumboNode* root) {
  TextExtractor visitor;
  walk(root, visitor);
  return visitor.take();
}

}  // namespace portald::model::html
