#include "daemon/health/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string_view>

namespace portald::health {
namespace {

constexpr std::string_view kRequestsName = "portald_http_requests_total";
constexpr std::string_view kLatencyName = "portald_http_request_duration_seconds";

bool valid_name(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
  });
}

// Prometheus reads Go float syntax: shortest round-trip digits, +Inf, -Inf, NaN.
std::string number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc{} ? std::string(buffer, end) : std::string("NaN");
}

// {a="x",b="y"} with `extra` (e.g. le="0.5") last; empty when there are no labels at all.
std::string label_text(const Labels& labels, std::string_view extra_name = {}, std::string_view extra_value = {}) {
  std::string out;
  const auto add = [&](std::string_view k, std::string_view v) {
    out += out.empty() ? "{" : ",";
    out.append(k).append("=\"").append(escape_label_value(v)).append("\"");
  };
  for (const auto& [k, v] : labels) add(k, v);
  if (!extra_name.empty()) add(extra_name, extra_value);
  return out.empty() ? out : out + "}";
}

void header(std::string& out, std::string_view name, std::string_view help, std::string_view type) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void render_histogram(std::string& out, std::string_view name, const Labels& labels, const Histogram& h) {
  const auto s = h.snapshot();
  for (std::size_t i = 0; i < s.bounds.size(); ++i)
    out.append(name)
        .append("_bucket")
        .append(label_text(labels, "le", number(s.bounds[i])))
        .append(" ")
        .append(std::to_string(s.cumulative[i]))
        .append("\n");
  const std::string count = std::to_string(s.cumulative.back());
  out.append(name).append("_bucket").append(label_text(labels, "le", "+Inf")).append(" ").append(count).append("\n");
  out.append(name).append("_sum").append(label_text(labels)).append(" ").append(number(s.sum)).append("\n");
  out.append(name).append("_count").append(label_text(labels)).append(" ").append(count).append("\n");
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

Histogram::Histogram(std::span<const double> bounds)
    : bounds_(bounds.begin(), bounds.end()), buckets_(new std::atomic<std::uint64_t>[bounds.size() + 1]) {
  if (!std::is_sorted(bounds_.begin(), bounds_.end())) throw std::logic_error("histogram bounds must ascend");
  for (std::size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0, std::memory_order_relaxed);
}

void Histogram::observe(double value) noexcept {
  // A dozen bounds: a linear scan beats a binary search.
  std::size_t i = 0;
  while (i < bounds_.size() && value > bounds_[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot s;
  s.bounds = bounds_;
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    s.cumulative.push_back(running);
  }
  s.sum = sum_.load(std::memory_order_relaxed);
  return s;
}

void RouteStats::record(int status, double seconds) noexcept {
  const auto index = status >= 100 && status < 600 ? static_cast<std::size_t>(status) : 0;
  by_status_[index].fetch_add(1, std::memory_order_relaxed);
  latency_.observe(seconds);
}

std::uint64_t RouteStats::count(int status) const noexcept {
  const auto index = status >= 100 && status < 600 ? static_cast<std::size_t>(status) : 0;
  return by_status_[index].load(std::memory_order_relaxed);
}

Registry::Family& Registry::family(const std::string& name, const std::string& help, Type type) {
  if (!valid_name(name) || name == kRequestsName || name == kLatencyName)
    throw std::logic_error("bad or reserved metric name: " + name);
  auto [it, fresh] = families_.try_emplace(name, Family{type, help, {}, {}, {}});
  if (!fresh && (it->second.type != type || it->second.help != help))
    throw std::logic_error("metric " + name + " registered twice with different types or help");
  return it->second;
}

Counter& Registry::counter(const std::string& name, const std::string& help, const Labels& labels) {
  const std::lock_guard lock(mutex_);
  auto& slot = family(name, help, Type::counter).counters[labels];
  if (!slot) slot = std::make_unique<Counter>();
  return *slot;
}

Gauge& Registry::gauge(const std::string& name, const std::string& help, const Labels& labels) {
  const std::lock_guard lock(mutex_);
  auto& slot = family(name, help, Type::gauge).gauges[labels];
  if (!slot) slot = std::make_unique<Gauge>();
  return *slot;
}

Histogram& Registry::histogram(const std::string& name, const std::string& help, const Labels& labels) {
  const std::lock_guard lock(mutex_);
  auto& slot = family(name, help, Type::histogram).histograms[labels];
  if (!slot) slot = std::make_unique<Histogram>();
  return *slot;
}

RouteStats& Registry::route(const std::string& pattern) {
  const std::lock_guard lock(mutex_);
  auto& slot = routes_[pattern];
  if (!slot) slot = std::make_unique<RouteStats>(pattern);
  return *slot;
}

void Registry::render_routes(std::string& out) const {
  if (routes_.empty()) return;
  header(out, kRequestsName, "HTTP requests answered, by route pattern and status code.", "counter");
  for (const auto& [pattern, stats] : routes_) {
    for (int status = 0; status < 600; ++status) {
      const std::uint64_t n = stats->by_status_[static_cast<std::size_t>(status)].load(std::memory_order_relaxed);
      if (n == 0) continue;
      const Labels labels{{"route", pattern}, {"status", status ? std::to_string(status) : "other"}};
      out.append(kRequestsName).append(label_text(labels)).append(" ").append(std::to_string(n)).append("\n");
    }
  }
  header(out, kLatencyName, "Time spent producing the response (routing, page cache, handler), by route pattern.",
         "histogram");
  for (const auto& [pattern, stats] : routes_) {
    // Routes never requested stay out: two dozen empty histograms would drown the page.
    if (stats->latency_.snapshot().cumulative.back() == 0) continue;
    render_histogram(out, kLatencyName, {{"route", pattern}}, stats->latency_);
  }
}

std::string Registry::render() const {
  const std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, f] : families_) {
    switch (f.type) {
      case Type::counter:
        header(out, name, f.help, "counter");
        for (const auto& [labels, c] : f.counters)
          out.append(name).append(label_text(labels)).append(" ").append(std::to_string(c->value())).append("\n");
        break;
      case Type::gauge:
        header(out, name, f.help, "gauge");
        for (const auto& [labels, g] : f.gauges)
          out.append(name).append(label_text(labels)).append(" ").append(number(g->value())).append("\n");
        break;
      case Type::histogram:
        header(out, name, f.help, "histogram");
        for (const auto& [labels, h] : f.histograms) render_histogram(out, name, labels, *h);
        break;
    }
  }
  render_routes(out);
  return out;
}

}  // namespace portald::health
