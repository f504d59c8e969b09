#include "daemon/model/img_tags.hpp"

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The sanitiser escapes only these (html_escape.cpp), so these are all there is to undo.
std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static constexpr std::pair<std::string_view, char> kRefs[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool done = false;
      for (const auto& [ref, c] : kRefs) {
        if (s.substr(i, ref.size()) == ref) {
          out += c;
          i += ref.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

void escape(std::string& out, std::string_view s) {
  for (char c : s) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
}

// Reads `name="value"` pairs from just after "<img" up to '>'; returns the offset past '>' or npos.
std::size_t read_attributes(std::string_view html, std::size_t p, ImgTag& tag) {
  while (p < html.size()) {
    while (p < html.size() && is_space(html[p])) ++p;
    if (p >= html.size()) return std::string_view::npos;
    if (html[p] == '>') return p + 1;
    if (html[p] == '/') {
      ++p;
      continue;
    }
    const std::size_t name_end = html.find_first_of("= \t\n\r\f>", p);
    if (name_end == std::string_view::npos) return std::string_view::npos;
    std::string name(html.substr(p, name_end - p));
    p = name_end;
    std::string value;
    if (html[p] == '=' && p + 1 < html.size() && html[p + 1] == '"') {
      const std::size_t close = html.find('"', p + 2);
      if (close == std::string_view::npos) return std::string_view::npos;
      value = unescape(html.substr(p + 2, close - p - 2));
      p = close + 1;
    }
    tag.attributes.emplace_back(std::move(name), std::move(value));
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::string> ImgTag::get(std::string_view name) const {
  for (const auto& [n, v] : attributes)
    if (n == name) return v;
  return std::nullopt;
}

void ImgTag::set(std::string_view name, std::string_view value) {
  for (auto& [n, v] : attributes)
    if (n == name) {
      v = value;
      return;
    }
  attributes.emplace_back(std::string(name), std::string(value));
}

std::string ImgTag::to_html() const {
  std::string out = "<img";
  for (const auto& [n, v] : attributes) {
    out += ' ';
    out += n;
    out += "=\"";
    escape(out, v);
    out += '"';
  }
  out += '>';
  return out;
}

std::vector<ImgTag> img_tags(std::string_view html) {
  std::vector<ImgTag> tags;
  for (std::size_t p = html.find("<img"); p != std::string_view::npos; p = html.find("<img", p + 1)) {
    if (p + 4 >= html.size() || !(is_space(html[p + 4]) || html[p + 4] == '>' || html[p + 4] == '/')) continue;
    ImgTag tag{.begin = p, .end = 0, .attributes = {}};
    const std::size_t end = read_attributes(html, p + 4, tag);
    if (end == std::string_view::npos) break;
    tag.end = end;
    tags.push_back(std::move(tag));
    p = end - 1;
  }
  return tags;
}

bool is_decorative(const ImgTag& img) {
  const auto alt = img.get("alt");
  return alt && trim(*alt).empty() && img.get("role") == "presentation";
}

bool lacks_alt_text(const ImgTag& img) {
  const auto alt = img.get("alt");
  return (!alt || trim(*alt).empty()) && !is_decorative(img);
}

std::string image_label(const ImgTag& img) {
  const std::string src = img.get("src").value_or("");
  if (src.starts_with("data:")) return "ảnh dán (data:)";
  const auto slash = src.find_last_of('/');
  std::string name = slash == std::string::npos ? src : src.substr(slash + 1);
  if (const auto cut = name.find_first_of("?#"); cut != std::string::npos) name.resize(cut);
  return name.empty() ? src : name;
}

std::vector<std::string> images_missing_alt(std::string_view html) {
  std::vector<std::string> labels;
  for (const auto& img : img_tags(html))
    if (lacks_alt_text(img)) labels.push_back(image_label(img));
  return labels;
}

}  // namespace portald::model
