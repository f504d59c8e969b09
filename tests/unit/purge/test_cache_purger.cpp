// Purge on publish (issue 17): the purger thread against a real store and a stand-in cache node on
// 127.0.0.1: one PURGE per batch of changes with the batch's keys, retries, the failure counter, and a
// stop that does not wait out a retry pause.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <mutex>
#include <thread>

#include "daemon/purge/cache_nodes.hpp"
#include "daemon/purge/cache_purger.hpp"
#include "daemon/purge/purge_request.hpp"
#include "daemon/store/change_log.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using namespace std::chrono_literals;

namespace {

// Accepts connections one at a time, keeps each request's xkey header, answers `status`.
class FakeNode {
 public:
  explicit FakeNode(int status) : status_(status) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    BOOST_REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    BOOST_REQUIRE(::listen(fd_, 16) == 0);
    BOOST_REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeNode() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    thread_.join();
    ::close(fd_);
  }
  std::uint16_t port() const { return port_; }
  std::vector<std::string> keys() const {
    const std::lock_guard lock(mu_);
    return keys_;
  }

 private:
  void serve() {
    while (!stop_) {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      std::string req;
      char buf[1024];
      while (req.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        req.append(buf, static_cast<std::size_t>(n));
      }
      const auto at = req.find("\r\nxkey: ");
      if (req.starts_with("PURGE / HTTP/1.1\r\n") && at != std::string::npos) {
        const std::lock_guard lock(mu_);
        keys_.push_back(req.substr(at + 8, req.find("\r\n", at + 8) - at - 8));
      }
      const std::string reply = "HTTP/1.1 " + std::to_string(status_) + " X\r\nContent-Length: 0\r\n\r\n";
      ::send(c, reply.data(), reply.size(), MSG_NOSIGNAL);
      ::close(c);
    }
  }
  int status_;
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::vector<std::string> keys_;
  std::thread thread_;
};

void change(store::Store& s, store::ChangeKind kind, std::uint64_t id) {
  auto txn = s.write();
  store::append_change(txn, s.tables(), kind, id, store::ChangeOp::put);
  txn.commit();
}

template <class F>
bool eventually(F f, std::chrono::milliseconds limit = 5s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (f()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return f();
}

// A counter's value as /metrics shows it; -1 when absent.
long counter(const health::Registry& r, const std::string& name) {
  const std::string text = "\n" + r.render();
  const auto at = text.find("\n" + name + " ");
  return at == std::string::npos ? -1 : std::stol(text.substr(at + name.size() + 2));
}

purge::PurgerOptions options(std::uint16_t port, std::vector<std::chrono::milliseconds> retries = {10ms, 10ms}) {
  return {.nodes = {{"127.0.0.1", port}}, .poll = 20ms, .timeout = 1000ms, .retries = std::move(retries)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cache_purger)

BOOST_AUTO_TEST_CASE(changes_after_the_start_are_purged_by_their_keys) {
  test::TempStore ts;
  change(ts.store, store::ChangeKind::article, 1);  // before the start: not this purger's business
  FakeNode node(200);
  health::Registry metrics;
  purge::CachePurger purger(ts.store, options(node.port()), metrics);
  std::this_thread::sleep_for(100ms);
  BOOST_TEST(node.keys().empty());
  change(ts.store, store::ChangeKind::article, 12);
  BOOST_TEST(eventually([&] { return node.keys().size() == 1; }));
  BOOST_TEST(node.keys().at(0) == "article-12 articles");
  change(ts.store, store::ChangeKind::settings, 0);
  BOOST_TEST(eventually([&] { return node.keys().size() == 2; }));
  BOOST_TEST(node.keys().at(1) == "site");
  BOOST_TEST(eventually([&] { return counter(metrics, "portald_cache_purges_total") == 2; }));
}

BOOST_AUTO_TEST_CASE(keys_are_cut_at_spaces_into_parts_a_cache_accepts) {
  BOOST_TEST(purge::split_keys("", 10).empty());
  const std::vector<std::string> parts = purge::split_keys("site articles article-1 article-22", 16);
  const std::vector<std::string> expected{"site articles", "article-1", "article-22"};
  BOOST_TEST(parts == expected, boost::test_tools::per_element());
  const std::vector<std::string> long_key = purge::split_keys("a verylongkeyname b", 4);
  const std::vector<std::string> expected_long{"a", "verylongkeyname", "b"};
  BOOST_TEST(long_key == expected_long, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_batch_of_a_thousand_articles_goes_in_purges_under_the_header_limit) {
  test::TempStore ts;
  FakeNode node(200);
  health::Registry metrics;
  purge::CachePurger purger(ts.store, options(node.port()), metrics);
  {
    auto txn = ts.store.write();  // one import transaction: the purger reads it in one batch
    for (std::uint64_t id = 1; id <= 1000; ++id)
      store::append_change(txn, ts.store.tables(), store::ChangeKind::article, id, store::ChangeOp::put);
    txn.commit();
  }
  // "article-1" .. "article-1000" and "articles": 11,900 bytes with the spaces, over Varnish's 8 KB, so
  // at least three purges of at most 4,000 bytes.
  BOOST_TEST(eventually([&] { return counter(metrics, "portald_cache_purges_total") >= 3; }));
  std::this_thread::sleep_for(100ms);
  std::size_t names = 0;
  for (const auto& k : node.keys()) {
    BOOST_TEST(k.size() <= purge::kMaxXkeyBytes);
    names += static_cast<std::size_t>(std::count(k.begin(), k.end(), ' ')) + 1;
  }
  BOOST_TEST(node.keys().size() >= 3u);
  BOOST_TEST(counter(metrics, "portald_cache_purges_total") == static_cast<long>(node.keys().size()));
  BOOST_TEST(names == 1001u);
}

BOOST_AUTO_TEST_CASE(a_failing_node_is_retried_then_counted) {
  test::TempStore ts;
  FakeNode node(503);
  health::Registry metrics;
  purge::CachePurger purger(ts.store, options(node.port()), metrics);
  change(ts.store, store::ChangeKind::document, 7);
  BOOST_TEST(eventually([&] { return counter(metrics, "portald_cache_purge_failures_total") == 1; }));
  BOOST_TEST(node.keys().size() == 3u);  // the first attempt and two retries
  BOOST_TEST(counter(metrics, "portald_cache_purges_total") == 0);
}

BOOST_AUTO_TEST_CASE(stopping_does_not_wait_out_a_retry_pause) {
  test::TempStore ts;
  FakeNode node(500);
  health::Registry metrics;
  auto purger = std::make_unique<purge::CachePurger>(ts.store, options(node.port(), {60s}), metrics);
  change(ts.store, store::ChangeKind::topic, 3);
  BOOST_TEST(eventually([&] { return node.keys().size() == 1; }));
  const auto t0 = std::chrono::steady_clock::now();
  purger.reset();
  BOOST_TEST((std::chrono::steady_clock::now() - t0 < 2s));
}

BOOST_AUTO_TEST_CASE(cache_nodes_parse_as_host_and_port) {
  std::string error;
  const auto nodes = purge::parse_cache_nodes("127.0.0.1:6081, [::1]:80 varnish1:8080", &error);
  BOOST_REQUIRE_MESSAGE(nodes, error);
  BOOST_TEST(nodes->size() == 3u);
  BOOST_TEST(nodes->at(1).to_string() == "[::1]:80");
  BOOST_TEST(purge::parse_cache_nodes("", &error)->empty());
  BOOST_TEST(purge::parse_cache_nodes("none", &error)->empty());
  for (const char* bad : {"varnish1", "127.0.0.1:0", "127.0.0.1:99999", "[::1]"}) {
    BOOST_TEST(!purge::parse_cache_nodes(bad, &error), bad);
    BOOST_TEST(error.find(bad) != std::string::npos, error);
  }
}

BOOST_AUTO_TEST_SUITE_END()
