#include "web/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace portald::web {
namespace {

constexpr int kWidth = 720;
constexpr int kLabelWidth = 230;  // the bar labels' column
constexpr int kValueWidth = 60;   // room for the value after the longest bar
constexpr int kBarHeight = 14;
constexpr int kGroupGap = 10;
constexpr int kTop = 8;
constexpr const char* kColours[] = {"#1f5f9e", "#d97b1f", "#5a8f29"};

std::string escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// At most `n` code points, "…" added when cut (UTF-8 lead bytes counted).
std::string cut(const std::string& s, std::size_t n) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (points++ == n) return s.substr(0, i) + "…";
  }
  return s;
}

std::string number(double v) {
  char text[32];
  if (std::abs(v - std::round(v)) < 1e-9)
    std::snprintf(text, sizeof text, "%.0f", v);
  else
    std::snprintf(text, sizeof text, "%.1f", v);
  std::string s(text);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string open_svg(const BarChart& chart, int height) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"" + std::to_string(kWidth) +
         "\" height=\"" + std::to_string(height) + "\" aria-labelledby=\"" + escape(chart.id) + "\"><title id=\"" +
         escape(chart.id) + "\">" + escape(chart.title) + "</title>";
}

std::string text(int x, int y, const std::string& content, const char* anchor = "start") {
  return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" text-anchor=\"" + anchor +
         "\" font-size=\"12\" fill=\"#222\">" + escape(content) + "</text>";
}

}  // namespace

std::string svg_bar_chart(const BarChart& chart) {
  const std::size_t n_series = std::max<std::size_t>(1, chart.series.size());
  if (chart.bars.empty()) return "";
  double top = 0;
  for (const auto& b : chart.bars)
    for (double v : b.values) top = std::max(top, v);
  const int group = int(n_series) * kBarHeight + kGroupGap;
  const int legend_y = kTop + int(chart.bars.size()) * group + 10;
  const int height = legend_y + 20;
  const int span = kWidth - kLabelWidth - kValueWidth;
  std::string out = open_svg(chart, height);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const int y0 = kTop + int(i) * group;
    const auto& bar = chart.bars[i];
    out += text(kLabelWidth - 8, y0 + int(n_series) * kBarHeight / 2 + 4, cut(bar.label, 30), "end");
    for (std::size_t s = 0; s < bar.values.size() && s < n_series; ++s) {
      const double v = std::max(0.0, bar.values[s]);
      const int w = top > 0 ? int(std::lround(v / top * span)) : 0;
      const int y = y0 + int(s) * kBarHeight;
      out += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
             std::to_string(w) + "\" height=\"" + std::to_string(kBarHeight - 2) + "\" fill=\"" + kColours[s % 3] +
             "\" class=\"series-" + std::to_string(s % 3) + "\"/>";
      out += text(kLabelWidth + w + 4, y + kBarHeight - 3, number(v));
    }
  }
  int x = kLabelWidth;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(legend_y) +
           "\" width=\"12\" height=\"12\" fill=\"" + kColours[s % 3] + "\"/>";
    out += text(x + 16, legend_y + 11, chart.series[s]);
    x += 24 + int(chart.series[s].size()) * 7;
  }
  return out + "</svg>";
}

}  // namespace portald::web
