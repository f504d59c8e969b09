#include "daemon/model/html_policy.hpp"

#include <array>

namespace portald::model::html {

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

Handling handling(GumboTag t) {
  if (is_heading(t) ||
      is_one_of(t, {GUMBO_TAG_P,          GUMBO_TAG_BR,    GUMBO_TAG_HR,         GUMBO_TAG_STRONG, GUMBO_TAG_B,
                    GUMBO_TAG_EM,         GUMBO_TAG_I,     GUMBO_TAG_U,          GUMBO_TAG_S,      GUMBO_TAG_SUB,
                    GUMBO_TAG_SUP,        GUMBO_TAG_SMALL, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_Q,      GUMBO_TAG_CITE,
                    GUMBO_TAG_ABBR,       GUMBO_TAG_PRE,   GUMBO_TAG_CODE,       GUMBO_TAG_UL,     GUMBO_TAG_OL,
                    GUMBO_TAG_LI,         GUMBO_TAG_DL,    GUMBO_TAG_DT,         GUMBO_TAG_DD,     GUMBO_TAG_TABLE,
                    GUMBO_TAG_CAPTION,    GUMBO_TAG_THEAD, GUMBO_TAG_TBODY,      GUMBO_TAG_TFOOT,  GUMBO_TAG_TR,
                    GUMBO_TAG_TH,         GUMBO_TAG_TD,    GUMBO_TAG_A,          GUMBO_TAG_IMG,    GUMBO_TAG_FIGURE,
                    GUMBO_TAG_FIGCAPTION, GUMBO_TAG_DIV}) ||
      is_embed(t))
    return Handling::keep;
  if (is_one_of(t, {GUMBO_TAG_SCRIPT,    GUMBO_TAG_STYLE,    GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,    GUMBO_TAG_NOSCRIPT,
                    GUMBO_TAG_TEMPLATE,  GUMBO_TAG_SVG,      GUMBO_TAG_MATH,     GUMBO_TAG_INPUT,    GUMBO_TAG_BUTTON,
                    GUMBO_TAG_SELECT,    GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE,    GUMBO_TAG_META,     GUMBO_TAG_LINK,
                    GUMBO_TAG_BASE,      GUMBO_TAG_APPLET,   GUMBO_TAG_NOEMBED,  GUMBO_TAG_NOFRAMES, GUMBO_TAG_XMP,
                    GUMBO_TAG_PLAINTEXT, GUMBO_TAG_FRAMESET, GUMBO_TAG_FRAME,    GUMBO_TAG_PARAM,    GUMBO_TAG_SOURCE,
                    GUMBO_TAG_AREA,      GUMBO_TAG_COL,      GUMBO_TAG_KEYGEN,   GUMBO_TAG_ISINDEX,  GUMBO_TAG_IMAGE,
                    GUMBO_TAG_WBR,       GUMBO_TAG_BGSOUND,  GUMBO_TAG_BASEFONT, GUMBO_TAG_MENUITEM}))
    return Handling::drop;
  return Handling::unwrap;  // font, center, o:p, st1:*, head, body, form, ...: keep the content
}

bool is_void(GumboTag t) {
  return is_one_of(
      t, {GUMBO_TAG_AREA,    GUMBO_TAG_BASE,   GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND,  GUMBO_TAG_BR,   GUMBO_TAG_COL,
          GUMBO_TAG_EMBED,   GUMBO_TAG_FRAME,  GUMBO_TAG_HR,       GUMBO_TAG_IMAGE,    GUMBO_TAG_IMG,  GUMBO_TAG_INPUT,
          GUMBO_TAG_ISINDEX, GUMBO_TAG_KEYGEN, GUMBO_TAG_LINK,     GUMBO_TAG_MENUITEM, GUMBO_TAG_META, GUMBO_TAG_PARAM,
          GUMBO_TAG_SOURCE,  GUMBO_TAG_TRACK,  GUMBO_TAG_WBR});
}

bool is_raw_text(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_IFRAME, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_NOEMBED,
                       GUMBO_TAG_NOFRAMES, GUMBO_TAG_XMP, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE, GUMBO_TAG_PLAINTEXT});
}

bool is_table_part(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_CAPTION, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_TD,
                       GUMBO_TAG_TH});
}

bool is_scope_boundary(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_CAPTION});
}

bool is_block(GumboTag t) {
  return is_heading(t) ||
         is_one_of(t, {GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE, GUMBO_TAG_UL, GUMBO_TAG_OL,
                       GUMBO_TAG_LI, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_DD, GUMBO_TAG_TABLE, GUMBO_TAG_CAPTION,
                       GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_FIGURE,
                       GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HR});
}

bool is_embed(GumboTag t) {
  return is_one_of(t, {GUMBO_TAG_IMG, GUMBO_TAG_IFRAME, GUMBO_TAG_VIDEO, GUMBO_TAG_AUDIO, GUMBO_TAG_TRACK});
}

GumboTag output_tag(GumboTag t) {
  return t == GUMBO_TAG_H1 ? GUMBO_TAG_H2 : t == GUMBO_TAG_B ? GUMBO_TAG_STRONG : t == GUMBO_TAG_I ? GUMBO_TAG_EM : t;
}

bool is_allowed_attribute(std::string_view name) {
  static constexpr std::array<std::string_view, 15> allowed = {
      "href",  "src",   "alt",  "title", "width",   "height", "colspan", "rowspan",
      "scope", "start", "type", "kind",  "srclang", "label",  "role"};  // role: only img's decorative mark
                                                                        // (html_attributes.cpp)
  return std::find(allowed.begin(), allowed.end(), name) != allowed.end();
}

}  // namespace portald::model::html
