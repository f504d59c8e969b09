// The metrics registry: exposition format, label escaping, histogram buckets, registration rules, and
// exact counts under concurrent updates (the request path updates without locks).
#include <boost/test/unit_test.hpp>

#include <limits>
#include <thread>
#include <vector>

#include "daemon/health/metrics.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(prometheus_registry)

BOOST_AUTO_TEST_CASE(counters_and_gauges_render_in_text_format) {
  health::Registry r;
  r.counter("x_total", "Things.", {{"kind", "a"}}).inc(3);
  r.counter("x_total", "Things.", {{"kind", "b"}}).inc();
  r.gauge("y_ratio", "A ratio.").set(0.25);
  r.gauge("z", "Infinite.").set(std::numeric_limits<double>::infinity());
  BOOST_TEST(r.render() ==
             "# HELP x_total Things.\n# TYPE x_total counter\nx_total{kind=\"a\"} 3\nx_total{kind=\"b\"} 1\n"
             "# HELP y_ratio A ratio.\n# TYPE y_ratio gauge\ny_ratio 0.25\n"
             "# HELP z Infinite.\n# TYPE z gauge\nz +Inf\n");
}

BOOST_AUTO_TEST_CASE(the_same_series_is_returned_again_and_clashes_are_refused) {
  health::Registry r;
  health::Counter& a = r.counter("c_total", "C.", {{"k", "v"}});
  BOOST_TEST(&a == &r.counter("c_total", "C.", {{"k", "v"}}));
  BOOST_CHECK_THROW(r.gauge("c_total", "C."), std::logic_error);
  BOOST_CHECK_THROW(r.counter("c_total", "Other help."), std::logic_error);
  BOOST_CHECK_THROW(r.counter("9bad", "Bad."), std::logic_error);
  BOOST_CHECK_THROW(r.counter("has-dash", "Bad."), std::logic_error);
  BOOST_CHECK_THROW(r.counter("portald_http_requests_total", "Reserved."), std::logic_error);
}

BOOST_AUTO_TEST_CASE(label_values_are_escaped) {
  BOOST_TEST(health::escape_label_value("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
  health::Registry r;
  r.gauge("g", "G.", {{"path", "/x\"y"}}).set(1);
  BOOST_TEST(r.render().find("g{path=\"/x\\\"y\"} 1\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(histogram_buckets_are_cumulative_and_end_with_the_count) {
  const double bounds[] = {0.1, 1};
  health::Histogram h(bounds);
  for (double v : {0.05, 0.1, 0.5, 2.0, 3.0}) h.observe(v);
  const auto s = h.snapshot();
  BOOST_TEST(s.cumulative == (std::vector<std::uint64_t>{2, 3, 5}), boost::test_tools::per_element());
  BOOST_TEST(s.sum == 5.65, boost::test_tools::tolerance(1e-9));

  health::Registry r;
  r.histogram("h_seconds", "H.").observe(0.003);
  const std::string text = r.render();
  BOOST_TEST(text.find("# TYPE h_seconds histogram\n") != std::string::npos);
  BOOST_TEST(text.find("h_seconds_bucket{le=\"0.0025\"} 0\n") != std::string::npos, text);
  BOOST_TEST(text.find("h_seconds_bucket{le=\"0.005\"} 1\n") != std::string::npos);
  BOOST_TEST(text.find("h_seconds_bucket{le=\"+Inf\"} 1\nh_seconds_sum 0.003\nh_seconds_count 1\n") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(routes_count_by_status_and_time_by_pattern) {
  health::Registry r;
  auto& home = r.route("/");
  home.record(200, 0.002);
  home.record(200, 0.004);
  home.record(304, 0.0001);
  r.route("/tin-tuc/{slug}").record(404, 0.001);
  r.route("/never").count(200);
  home.record(42, 0.001);  // not an HTTP status: counted as "other"
  const std::string text = r.render();
  BOOST_TEST(text.find("portald_http_requests_total{route=\"/\",status=\"200\"} 2\n") != std::string::npos, text);
  BOOST_TEST(text.find("portald_http_requests_total{route=\"/\",status=\"304\"} 1\n") != std::string::npos);
  BOOST_TEST(text.find("portald_http_requests_total{route=\"/\",status=\"other\"} 1\n") != std::string::npos);
  BOOST_TEST(text.find("portald_http_requests_total{route=\"/tin-tuc/{slug}\",status=\"404\"} 1\n") !=
             std::string::npos);
  BOOST_TEST(text.find("portald_http_request_duration_seconds_count{route=\"/\"} 4\n") != std::string::npos);
  BOOST_TEST(text.find("route=\"/never\"") == std::string::npos);  // no requests, no series
}

BOOST_AUTO_TEST_CASE(concurrent_updates_lose_nothing) {
  health::Registry r;
  auto& c = r.counter("n_total", "N.");
  auto& route = r.route("/");
  constexpr int kThreads = 4, kEach = 50'000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        c.inc();
        route.record(t % 2 ? 200 : 404, 0.001);
      }
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(c.value() == std::uint64_t(kThreads) * kEach);
  BOOST_TEST(route.count(200) + route.count(404) == std::uint64_t(kThreads) * kEach);
  BOOST_TEST(r.render().find("portald_http_request_duration_seconds_count{route=\"/\"} 200000\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
