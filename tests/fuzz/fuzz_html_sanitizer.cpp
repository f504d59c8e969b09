// Fuzz target for sanitize_html and html_to_text; a violated property aborts.
// Properties of sanitize_html's output, for the default limits and for a shallow max_depth:
// valid UTF-8 without NUL; well-formed (tags balanced, only allow-listed element and attribute
// names, every '&' starts one of the four escapes the serialiser writes, no '>' outside a tag);
// no "<script" anywhere; no on* attribute; href/src only http(s), mailto/tel (href),
// data:image/...;base64 (src) or scheme-less, so no javascript:, vbscript: or data:text/html;
// sanitising the output again changes nothing. "javascript:" or " onclick=" as visible text is
// escaped and inert, so those checks look inside tags, where they would matter. html_to_text's
// output is valid UTF-8.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/model/html_sanitizer.hpp"

namespace {

using portald::model::EmbedPolicy;
using portald::model::SanitizeLimits;

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0) return false;
    std::uint32_t cp = c & (0x7F >> len);
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    const std::uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Independent of the sanitiser's own check: what a browser would take for the URL's scheme.
bool safe_url(std::string_view value, bool image) {
  std::string p;
  for (char c : lower(value))
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) p += c;
  const std::size_t end = p.find_first_of(":/?#\\");
  if (end == std::string::npos || p[end] != ':') return true;
  const std::string scheme = p.substr(0, end);
  if (scheme == "http" || scheme == "https") return true;
  if (!image) return scheme == "mailto" || scheme == "tel";
  for (const char* type : {"png", "jpeg", "gif", "webp"})
    if (p.rfind(std::string("data:image/") + type + ";base64,", 0) == 0) return true;
  return false;
}

std::string unescape(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '&') {
      out += v[i];
      continue;
    }
    for (auto [entity, c] : {std::pair{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}}) {
      if (v.substr(i).rfind(entity, 0) == 0) {
        out += c;
        i += std::string_view(entity).size() - 1;
        break;
      }
    }
  }
  return out;
}

struct Element {
  std::string_view name;
  std::vector<std::string_view> attributes;
};
const std::vector<Element> kAllowed = {
    {"p", {}},
    {"br", {}},
    {"hr", {}},
    {"h2", {}},
    {"h3", {}},
    {"h4", {}},
    {"h5", {}},
    {"h6", {}},
    {"strong", {}},
    {"em", {}},
    {"u", {}},
    {"s", {}},
    {"sub", {}},
    {"sup", {}},
    {"small", {}},
    {"blockquote", {}},
    {"q", {}},
    {"cite", {}},
    {"abbr", {"title"}},
    {"pre", {}},
    {"code", {}},
    {"ul", {}},
    {"ol", {"start", "type"}},
    {"li", {}},
    {"dl", {}},
    {"dt", {}},
    {"dd", {}},
    {"table", {}},
    {"caption", {}},
    {"thead", {}},
    {"tbody", {}},
    {"tfoot", {}},
    {"tr", {}},
    {"th", {"colspan", "rowspan", "scope"}},
    {"td", {"colspan", "rowspan"}},
    {"a", {"href", "title", "rel"}},
    {"img", {"src", "alt", "width", "height", "title"}},
    {"figure", {}},
    {"figcaption", {}},
    {"div", {}},
    {"iframe", {"src", "title", "width", "height", "sandbox", "referrerpolicy", "loading", "allowfullscreen"}},
    {"video", {"src", "title", "width", "height", "controls", "preload"}},
    {"audio", {"src", "title", "controls", "preload"}},
    {"track", {"kind", "src", "srclang", "label"}}};

// nullptr when `out` is well-formed, allow-listed markup; otherwise what is wrong.
const char* markup_error(std::string_view out) {
  if (lower(out).find("<script") != std::string::npos) return "<script";
  std::vector<std::string_view> open;
  for (std::size_t i = 0; i < out.size();) {
    if (out[i] == '>') return "'>' outside a tag";
    if (out[i] == '&') {
      const std::string_view rest = out.substr(i);
      if (rest.rfind("&amp;", 0) != 0 && rest.rfind("&lt;", 0) != 0 && rest.rfind("&gt;", 0) != 0 &&
          rest.rfind("&quot;", 0) != 0)
        return "stray '&'";
      ++i;
      continue;
    }
    if (out[i] != '<') {
      ++i;
      continue;
    }
    const std::size_t close = out.find('>', i);
    if (close == std::string_view::npos) return "unterminated tag";
    std::string_view tag = out.substr(i + 1, close - i - 1);
    i = close + 1;
    if (!tag.empty() && tag.front() == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return "unbalanced end tag";
      open.pop_back();
      continue;
    }
    const std::string_view name = tag.substr(0, tag.find(' '));
    const auto el = std::find_if(kAllowed.begin(), kAllowed.end(), [&](const Element& e) { return e.name == name; });
    if (el == kAllowed.end()) return "element not allowed";
    tag.remove_prefix(name.size());
    while (!tag.empty()) {  // ` name="value"`, value without '"', '<' or '>'
      const std::size_t eq = tag.find("=\"");
      const std::size_t end = eq == std::string_view::npos ? eq : tag.find('"', eq + 2);
      if (tag.front() != ' ' || end == std::string_view::npos) return "malformed attribute";
      const std::string_view attribute = tag.substr(1, eq - 1);
      const std::string_view raw = tag.substr(eq + 2, end - eq - 2);
      const auto& allowed = el->attributes;
      if (std::find(allowed.begin(), allowed.end(), attribute) == allowed.end())
        return "attribute not allowed";  // this includes every on* handler and style
      if (raw.find('<') != std::string_view::npos) return "'<' in attribute";
      const bool url = attribute == "href" || attribute == "src";
      if (url && !safe_url(unescape(raw), attribute == "src")) return "unsafe URL";
      tag.remove_prefix(end + 1);
    }
    if (name != "br" && name != "hr" && name != "img" && name != "track") open.push_back(name);
  }
  return open.empty() ? nullptr : "unclosed element";
}

void require(bool ok, const char* what, std::string_view in, std::string_view out) {
  if (ok) return;
  const auto shown = [](std::string_view s) { return static_cast<int>(std::min<std::size_t>(s.size(), 2000)); };
  std::fprintf(stderr, "html_sanitizer property violated: %s\ninput (%zu bytes): %.*s\n", what, in.size(), shown(in),
               in.data());
  std::fprintf(stderr, "output: %.*s\n", shown(out), out.data());
  std::abort();
}

void check(std::string_view in, const SanitizeLimits& limits, const EmbedPolicy& embeds) {
  const std::string out = portald::model::sanitize_html(in, embeds, limits);
  require(valid_utf8(out), "output is not valid UTF-8 (or has NUL)", in, out);
  const char* error = markup_error(out);
  require(error == nullptr, error, in, out);
  require(portald::model::sanitize_html(out, embeds, limits) == out, "not idempotent", in, out);
  // Every iframe left is on an allowed origin and sandboxed (the policy's whole point).
  for (auto p = out.find("<iframe "); p != std::string::npos; p = out.find("<iframe ", p + 1)) {
    const std::string_view tag = std::string_view(out).substr(p, out.find('>', p) - p);
    require(tag.find(" sandbox=\"allow-scripts allow-same-origin allow-presentation\"") != std::string_view::npos,
            "iframe without sandbox", in, out);
    const auto src = tag.find(" src=\"");
    require(
        src != std::string_view::npos && portald::model::is_allowed_frame_url(
                                             unescape(tag.substr(src + 6, tag.find('"', src + 6) - src - 6)), embeds),
        "iframe from an origin not allowed", in, out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  check(in, SanitizeLimits{}, EmbedPolicy{});
  check(in, SanitizeLimits{.max_input_bytes = 4 << 20, .max_depth = 6}, EmbedPolicy{});  // exercises flattening
  check(in, SanitizeLimits{}, EmbedPolicy{.frame_origins = {"https://video.example", "https://live.example:8443"}});
  const std::string text = portald::model::html_to_text(in);
  require(valid_utf8(text), "html_to_text output is not valid UTF-8", in, text);
  return 0;
}
