// Server-drawn bar charts (issue 13): inline SVG with an accessible title, escaped text, bars scaled to the
// largest value, no style attribute or script the strict CSP would block.
#include <boost/test/unit_test.hpp>

#include "web/svg_chart.hpp"

using namespace portald::web;

namespace {

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_chart)

BOOST_AUTO_TEST_CASE(bars_are_scaled_labelled_and_escaped) {
  const BarChart chart{"c1",
                       "Tin bài <theo> cơ quan",
                       {"Gửi", "Đăng"},
                       {{"Sở <script>alert(1)</script>", {10, 5}}, {"Sở Y tế", {2.5, 0}}}};
  const std::string svg = svg_bar_chart(chart);
  BOOST_TEST(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  BOOST_TEST(svg.ends_with("</svg>"));
  BOOST_TEST(svg.find("<title id=\"c1\">Tin bài &lt;theo&gt; cơ quan</title>") != std::string::npos);
  BOOST_TEST(svg.find("<script") == std::string::npos);
  BOOST_TEST(svg.find("&lt;script&gt;") != std::string::npos);
  BOOST_TEST(svg.find("style=") == std::string::npos);
  BOOST_TEST(count(svg, "<rect") == 4u + 2u);  // two bars per label, two legend keys
  // The largest value fills the span (720 - 230 - 60 = 430), half of it half.
  BOOST_TEST(svg.find("width=\"430\"") != std::string::npos);
  BOOST_TEST(svg.find("width=\"215\"") != std::string::npos);
  BOOST_TEST(svg.find(">2,5</text>") != std::string::npos);  // a decimal with a comma
}

BOOST_AUTO_TEST_CASE(long_labels_are_cut_at_a_character_boundary) {
  const std::string name = "Ủy ban nhân dân huyện Đồng Văn, tỉnh Hà Giang";
  const std::string svg = svg_bar_chart({"c2", "t", {"x"}, {{name, {1}}}});
  BOOST_TEST(svg.find("Ủy ban nhân dân huyện Đồng Văn…") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_chart_draws_nothing) { BOOST_TEST(svg_bar_chart({"c3", "Trống", {"x"}, {}}).empty()); }

BOOST_AUTO_TEST_SUITE_END()
