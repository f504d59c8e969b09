#pragma once
// Bar charts drawn on the server as inline SVG (issue 13): no chart script, no external request, nothing
// the strict CSP would block (colours are presentation attributes and admin.css classes, not style
// attributes). The page puts the same figures in a table beside the chart for screen readers, so the
// SVG is one image with a title.
#include <string>
#include <vector>

namespace portald::web {

struct ChartBar {
  std::string label;           // cut to 30 characters with "…" (the table beside has it whole)
  std::vector<double> values;  // one per series, >= 0
};

struct BarChart {
  std::string id;                   // unique on the page: the SVG's <title> id
  std::string title;                // what the chart shows, also its accessible name
  std::vector<std::string> series;  // legend, one per value (at most 3 colours, then they repeat)
  std::vector<ChartBar> bars;
};

// Horizontal grouped bars, one group per bar label, scaled to the largest value, each bar with its
// value written at its end. Every text is escaped. An empty chart is "" (no image): the table beside
// it and the page's own sentence say there is no data, in text a phone shows at full size.
std::string svg_bar_chart(const BarChart& chart);

}  // namespace portald::web
