#include "daemon/model/html_attributes.hpp"

#include <optional>
#include <string_view>

#include "daemon/model/html_escape.hpp"
#include "daemon/model/html_policy.hpp"

namespace portald::model::html {
namespace {

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
    const auto slash = [&](std::size_t i) { return i < probe.size() && (probe[i] == '/' || probe[i] == '\\'); };
    if (image && !slash(0)) return UrlKind::bad;
    return slash(0) && slash(1) ? UrlKind::external : UrlKind::local;
  }
  const std::string_view scheme = std::string_view(probe).substr(0, end);
  if (scheme == "http" || scheme == "https") return UrlKind::external;
  if (!image) return scheme == "mailto" || scheme == "tel" ? UrlKind::local : UrlKind::bad;
  for (std::string_view type : {"png", "jpeg", "gif", "webp"}) {
    const std::string prefix = "data:image/" + std::string(type) + ";base64,";
    if (probe.compare(0, prefix.size(), prefix) == 0)
      return probe.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+/=", prefix.size()) == none ? UrlKind::local
                                                                                                       : UrlKind::bad;
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

// A file of the media library on this site: "/tep/..." without anything a browser would resolve
// elsewhere (dot segments, backslashes, controls, spaces). Captions must also end in ".vtt".
bool is_media_path(std::string_view url, bool captions) {
  if (!url.starts_with("/tep/") || url.size() > 1000) return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '\\') return false;
  const std::string lower = to_lower(url.substr(0, url.find_first_of("?#")));
  if (lower.find("/./") != none || lower.find("/../") != none || lower.ends_with("/..") || lower.ends_with("/.") ||
      lower.find("%2e") != none || lower.find("%2f") != none || lower.find("%5c") != none)
    return false;
  return !captions || lower.ends_with(".vtt");
}

// A BCP 47 language tag's shape: letters, digits and hyphens, starting with a letter.
bool is_language_tag(std::string_view s) {
  return !s.empty() && s.size() <= 35 && is_alpha(s.front()) &&
         s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == none;
}

bool has_text(std::optional<std::string_view> v) {
  if (!v) return false;
  for (char c : *v)
    if (!is_space(c)) return true;
  return false;
}

// The sandbox every embedded page gets: its own script and origin (players need both), fullscreen
// presentation; never top navigation, popups, forms or downloads.
constexpr std::string_view kFrameSandbox = "allow-scripts allow-same-origin allow-presentation";

}  // namespace

bool render_attributes(const GumboElement& el, std::string& out, const EmbedPolicy& embeds) {
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
  if (el.tag == GUMBO_TAG_IFRAME) {
    const auto src = get("src");
    const auto title = get("title");
    if (!src || !has_text(title) || !is_allowed_frame_url(trim_url(*src), embeds)) return false;
    put("src", trim_url(*src));
    put("title", *title);
    number("width", 1, 10000);
    number("height", 1, 10000);
    put("sandbox", kFrameSandbox);
    put("referrerpolicy", "strict-origin-when-cross-origin");
    put("loading", "lazy");
    put("allowfullscreen", "");
  } else if (el.tag == GUMBO_TAG_VIDEO || el.tag == GUMBO_TAG_AUDIO) {
    const auto src = get("src");
    if (!src || !is_media_path(trim_url(*src), false)) return false;
    put("src", trim_url(*src));
    copy("title");
    if (el.tag == GUMBO_TAG_VIDEO) {
      number("width", 1, 10000);
      number("height", 1, 10000);
    }
    put("controls", "");
    put("preload", "metadata");  // the page does not download the whole file before play
  } else if (el.tag == GUMBO_TAG_TRACK) {
    const auto src = get("src");
    const std::string kind = to_lower(get("kind").value_or(""));
    const auto lang = get("srclang");
    if (!src || !is_media_path(trim_url(*src), true) || (kind != "captions" && kind != "subtitles") || !lang ||
        !is_language_tag(*lang))
      return false;
    put("kind", kind);
    put("src", trim_url(*src));
    put("srclang", *lang);
    if (has_text(get("label"))) copy("label");
  } else if (image || el.tag == GUMBO_TAG_A) {
    const auto url = get(image ? "src" : "href");
    const UrlKind kind = url ? classify_url(trim_url(*url), image) : UrlKind::bad;
    if (kind == UrlKind::bad) return false;
    put(image ? "src" : "href", trim_url(*url));
    if (image) {
      copy("alt");
      // The decorative-image mark (img_tags.hpp): with alt="" it says "no text needed" on purpose.
      if (to_lower(get("role").value_or("")) == "presentation") put("role", "presentation");
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
    if (type && type->size() == 1 && std::string_view("1aAiI").find(*type) != none) put("type", *type);
  } else if (el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH) {
    number("colspan", 1, 100);
    number("rowspan", 1, 100);
    const std::string scope = to_lower(get("scope").value_or(""));
    if (el.tag == GUMBO_TAG_TH && (scope == "row" || scope == "col" || scope == "rowgroup" || scope == "colgroup"))
      put("scope", scope);
  }
  return true;
}

}  // namespace portald::model::html
