#pragma once
// A small Prometheus registry: counters, gauges and histograms with fixed label sets, plus per-route HTTP
// statistics. Updating a metric is a relaxed atomic operation or two (no lock, no allocation), so it is
// cheap and thread-safe on the request path; registering one takes a mutex and returns a reference that
// stays valid for the registry's life, so callers register once (at start-up) and keep the reference.
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portald::health {

using Labels = std::vector<std::pair<std::string, std::string>>;

class Counter {
 public:
  void inc(std::uint64_t n = 1) noexcept { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void set(double v) noexcept { value_.store(v, std::memory_order_relaxed); }
  double value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

// Request latencies in seconds, from 0.5 ms to 10 s.
inline constexpr std::array<double, 14> kLatencyBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,    0.25,  0.5,    1,     2.5,  5,     10};

// Observations into fixed buckets (upper bounds, ascending; +Inf is implicit).
class Histogram {
 public:
  explicit Histogram(std::span<const double> bounds = kLatencyBuckets);
  void observe(double value) noexcept;
  struct Snapshot {
    std::vector<double> bounds;
    std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf (= count)
    double sum = 0;
  };
  Snapshot snapshot() const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1, not cumulative
  std::atomic<double> sum_{0};
};

// Requests answered under one route pattern: a count per status code and a latency histogram.
class RouteStats {
 public:
  explicit RouteStats(std::string pattern) : pattern_(std::move(pattern)) {}
  void record(int status, double seconds) noexcept;
  const std::string& pattern() const { return pattern_; }
  std::uint64_t count(int status) const noexcept;

 private:
  friend class Registry;
  std::string pattern_;
  std::array<std::atomic<std::uint64_t>, 600> by_status_{};  // index = status; 0 = outside 100..599
  Histogram latency_;
};

class Registry {
 public:
  // Each returns the series with this name and labels, creating it on first use. Throws std::logic_error
  // when the name is not a valid metric name or is already registered with another type or help.
  Counter& counter(const std::string& name, const std::string& help, const Labels& labels = {});
  Gauge& gauge(const std::string& name, const std::string& help, const Labels& labels = {});
  Histogram& histogram(const std::string& name, const std::string& help, const Labels& labels = {});
  // The statistics of one route pattern (portald_http_requests_total, portald_http_request_duration_seconds).
  RouteStats& route(const std::string& pattern);

  // Everything in the Prometheus text exposition format 0.0.4, families sorted by name.
  std::string render() const;

 private:
  enum class Type { counter, gauge, histogram };
  struct Family {
    Type type;
    std::string help;
    std::map<Labels, std::unique_ptr<Counter>> counters;
    std::map<Labels, std::unique_ptr<Gauge>> gauges;
    std::map<Labels, std::unique_ptr<Histogram>> histograms;
  };
  Family& family(const std::string& name, const std::string& help, Type type);
  void render_routes(std::string& out) const;

  mutable std::mutex mutex_;
  std::map<std::string, Family> families_;
  std::map<std::string, std::unique_ptr<RouteStats>> routes_;
};

// A label value escaped for the exposition format (backslash, double quote, newline).
std::string escape_label_value(std::string_view value);

}  // namespace portald::health
