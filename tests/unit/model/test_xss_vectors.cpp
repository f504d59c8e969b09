// Sanitises every vector of the OWASP XSS filter-evasion cheat sheet (tests/fixtures/xss_vectors.jsonl,
// shared with tests/browser/xss_vectors.test.mjs) and checks the output with an independent reading:
// gumbo parses it again as a browser would, and every element, attribute and URL (entity-decoded, then
// stripped of what URL parsers ignore) must be on the allow-list. The checker is tested on unsafe HTML
// first, so a checker that sees nothing fails.
#include <boost/test/unit_test.hpp>

#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "daemon/model/html_sanitizer.hpp"
#include "tests/support/fixtures.hpp"

using portald::model::sanitize_html;

namespace {

struct Vector {
  std::string name;
  std::string html;
};

std::vector<Vector> load_vectors() {
  std::ifstream in(portald::test::source_dir() / "tests/fixtures/xss_vectors.jsonl");
  BOOST_TEST_REQUIRE(in.good());
  std::vector<Vector> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    out.push_back({j.at("name").get<std::string>(), j.at("html").get<std::string>()});
  }
  return out;
}

// The allow-list, written out again here rather than shared with the sanitiser: elements and, per
// element, the attributes they may carry.
const std::map<std::string, std::set<std::string>>& allowed_elements() {
  static const std::map<std::string, std::set<std::string>> allowed = [] {
    std::map<std::string, std::set<std::string>> m;
    for (const char* t :
         {"p",     "br",  "hr",     "strong",     "em",  "u",  "s",  "sub", "sup",   "small",   "blockquote", "q",
          "cite",  "pre", "code",   "ul",         "li",  "dl", "dt", "dd",  "table", "caption", "thead",      "tbody",
          "tfoot", "tr",  "figure", "figcaption", "div", "h2", "h3", "h4",  "h5",    "h6"})
      m[t] = {};
    m["a"] = {"href", "title", "rel"};
    m["img"] = {"src", "alt", "width", "height", "title"};
    m["abbr"] = {"title"};
    m["ol"] = {"start", "type"};
    m["td"] = {"colspan", "rowspan"};
    m["th"] = {"colspan", "rowspan", "scope"};
    return m;
  }();
  return allowed;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// True when a decoded URL attribute is safe: relative, http(s), mailto or tel; for img also
// data:image/{png,jpeg,gif,webp};base64. Follows the WHATWG URL parser: leading and trailing C0
// controls and spaces are stripped, tab and newlines removed anywhere, then the scheme is the
// ASCII-alphanumeric (+ - .) run before the first ':'.
bool safe_url(std::string url, bool image) {
  std::erase_if(url, [](char c) { return c == '\t' || c == '\n' || c == '\r'; });
  const auto is_c0_or_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!url.empty() && is_c0_or_space(url.front())) url.erase(0, 1);
  while (!url.empty() && is_c0_or_space(url.back())) url.pop_back();
  url = lower(url);
  const auto colon = url.find(':');
  const bool has_scheme = colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(url[0])) &&
                          std::all_of(url.begin(), url.begin() + static_cast<long>(colon), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
                          });
  if (!has_scheme) return true;
  const std::string scheme = url.substr(0, colon);
  if (scheme == "http" || scheme == "https") return true;
  if (!image) return scheme == "mailto" || scheme == "tel";
  for (const char* type : {"png", "jpeg", "gif", "webp"})
    if (url.starts_with(std::string("data:image/") + type + ";base64,")) return true;
  return false;
}

void check_node(const GumboNode* node, std::vector<std::string>& problems) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& el = node->v.element;
  std::string name = gumbo_normalized_tagname(el.tag);
  if (el.tag == GUMBO_TAG_UNKNOWN) {
    GumboStringPiece original = el.original_tag;
    gumbo_tag_from_original_text(&original);
    name = "unknown:" + std::string(original.data, original.length);
  }
  const auto allowed = allowed_elements().find(name);
  if (el.tag_namespace != GUMBO_NAMESPACE_HTML || allowed == allowed_elements().end()) {
    problems.push_back("element <" + name + ">");
  } else {
    for (unsigned i = 0; i < el.attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
      const std::string attr = lower(a->name);
      if (!allowed->second.contains(attr)) problems.push_back("attribute " + name + "@" + attr);
      if ((attr == "href" || attr == "src") && !safe_url(a->value, el.tag == GUMBO_TAG_IMG))
        problems.push_back("url " + name + "@" + attr + "=" + a->value);
    }
  }
  for (unsigned i = 0; i < el.children.length; ++i)
    check_node(static_cast<const GumboNode*>(el.children.data[i]), problems);
}

// What a browser would build from html (as the content of a <div>) that is not on the allow-list.
std::vector<std::string> problems_in(const std::string& html) {
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_DIV;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  std::vector<std::string> problems;
  const GumboElement& root = out->root->v.element;  // <html>, the fragment's container
  for (unsigned i = 0; i < root.children.length; ++i)
    check_node(static_cast<const GumboNode*>(root.children.data[i]), problems);
  gumbo_destroy_output(&options, out);
  return problems;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xss_vectors)

BOOST_AUTO_TEST_CASE(checker_sees_unsafe_html) {
  BOOST_TEST(problems_in("<p>ok <a href=\"/x\">y</a> <img src=\"data:image/png;base64,AAAA\"></p>").empty());
  BOOST_TEST(problems_in("<img src=x onerror=alert(1)>").size() == 1u);
  BOOST_TEST(problems_in("<a href=\"jav&#x09;ascript:alert(1)\">x</a>").size() == 1u);
  BOOST_TEST(problems_in("<a href=\" &#1;JavaScript&colon;alert(1)\">x</a>").size() == 1u);
  BOOST_TEST(problems_in("<img src=\"data:image/svg+xml;base64,AAAA\">").size() == 1u);
  BOOST_TEST(problems_in("<svg><a>x</a></svg>").size() == 2u);
  BOOST_TEST(problems_in("<p style=\"x\">y</p><script>alert(1)</script>").size() == 2u);
}

BOOST_AUTO_TEST_CASE(cheat_sheet_has_enough_vectors) { BOOST_TEST(load_vectors().size() >= 60u); }

BOOST_AUTO_TEST_CASE(no_vector_survives_sanitising) {
  for (const Vector& v : load_vectors()) {
    BOOST_TEST_CONTEXT(v.name) {
      const std::string out = sanitize_html(v.html);
      const std::vector<std::string> problems = problems_in(out);
      BOOST_TEST(problems.empty(),
                 "unsafe after sanitising: " << (problems.empty() ? "" : problems.front()) << " in " << out);
      BOOST_TEST(sanitize_html(out) == out);  // stable: a second pass (an edit) changes nothing
      // Wrapped in allowed markup, the vector must not escape its container either.
      const std::string wrapped =
          sanitize_html("<p><a href=\"/x\"><strong>" + v.html + "</strong></a></p><table><tr><td>" + v.html);
      BOOST_TEST(problems_in(wrapped).empty(), "unsafe when nested: " << wrapped);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
