// Issue 17, tested for real: Debian's varnishd with the shipped VCL (packaging/examples/varnish) in front
// of the real portald, both on 127.0.0.1. Pages are served from the cache, the admin never is, a purge by
// surrogate key drops a page, and while portald is stopped Varnish keeps serving its stale copy
// (stale-if-error). CI installs varnish and varnish-modules (Build-Depends <!nocheck>): without
// varnishd this fails, it does not skip.
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "tests/integration/public/public_fixture.hpp"

using namespace portald;
using namespace std::chrono_literals;

namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A port free a moment ago (varnishd takes no port 0 we could read back without varnishadm).
std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  BOOST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  BOOST_REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
  ::close(fd);
  return ntohs(a.sin_port);
}

std::filesystem::path varnishd_binary() {
  for (const char* p : {"/usr/sbin/varnishd", "/usr/bin/varnishd"})
    if (std::filesystem::exists(p)) return p;
  BOOST_FAIL("varnishd is missing: apt-get install varnish varnish-modules (packaging/debian/control lists them)");
  return {};
}

// varnishd in the foreground (-F) with its own work dir under `dir`, the shipped VCL pointed at portald's
// port, its grace while healthy set to `grace` (the VCL says: keep it equal to portald's
// cache-stale-while-revalidate). No jail (-j none): it runs as whoever runs the tests.
class VarnishNode {
 public:
  VarnishNode(const std::filesystem::path& dir, std::uint16_t port, std::uint16_t backend_port,
              const std::string& grace)
      : port_(port) {
    std::string vcl =
        read_all(std::filesystem::path(PORTALD_TEST_SOURCE_DIR) / "packaging/examples/varnish/portald.vcl");
    BOOST_REQUIRE(vcl.find(".port = \"8080\";") != std::string::npos);
    BOOST_REQUIRE(vcl.find("set req.grace = 30s;") != std::string::npos);
    vcl =
        std::regex_replace(vcl, std::regex("\\.port = \"8080\";"), ".port = \"" + std::to_string(backend_port) + "\";");
    vcl = std::regex_replace(vcl, std::regex("set req\\.grace = 30s;"), "set req.grace = " + grace + ";");
    const auto vcl_path = dir / "portald.vcl";
    std::ofstream(vcl_path) << vcl;
    log_ = dir / "varnishd.log";
    const std::vector<std::string> argv{varnishd_binary().string(),
                                        "-F",
                                        "-j",
                                        "none",
                                        "-n",
                                        (dir / "varnish").string(),
                                        "-a",
                                        "127.0.0.1:" + std::to_string(port_),
                                        "-T",
                                        "127.0.0.1:0",
                                        "-f",
                                        vcl_path.string(),
                                        "-s",
                                        "malloc,32m",
                                        "-p",
                                        "thread_pools=1",
                                        "-p",
                                        "thread_pool_min=5"};
    pid_ = ::fork();
    BOOST_REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::setpgid(0, 0);  // its child (the cache process) goes with it
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    // Ready when it answers through to portald.
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        BOOST_FAIL("varnishd exited at start: " + read_all(log_));
      }
      try {
        if (get("/healthz").status == 200) return;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(100ms);
    }
    stop();  // a throwing constructor runs no destructor
    BOOST_FAIL("varnishd did not answer: " + read_all(log_));
  }
  ~VarnishNode() { stop(); }
  VarnishNode(const VarnishNode&) = delete;
  VarnishNode& operator=(const VarnishNode&) = delete;

  test::HttpResponse get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& h = {}) {
    return test::http_request("127.0.0.1", port_, "GET", target, h);
  }
  test::HttpResponse request(std::string_view method, const std::string& target,
                             const std::vector<std::pair<std::string, std::string>>& h = {}) {
    return test::http_request("127.0.0.1", port_, method, target, h);
  }

 private:
  void stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i) std::this_thread::sleep_for(50ms);
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::filesystem::path log_;
};

std::string header(const test::HttpResponse& r, const char* name) { return std::string(r.header(name).value_or("")); }

}  // namespace

BOOST_AUTO_TEST_SUITE(varnish_origin)

BOOST_AUTO_TEST_CASE(varnish_serves_portald_pages_from_its_cache_and_while_portald_is_down) {
  test::PublicSite site;
  // Short lifetimes so that the test sees a page expire: fresh 1 s, then stale while revalidating 1 s.
  test::RunningDaemon daemon(site.data, {"--trusted-proxies", "127.0.0.1", "--cache-s-maxage", "1",
                                         "--cache-stale-while-revalidate", "1", "--cache-stale-if-error", "3600"});
  VarnishNode varnish(site.dir.path, free_port(), daemon.port(), "1s");

  // A public page: the first answer fetched, the second from the cache.
  const auto first = varnish.get("/chuyen-muc/kinh-te");
  BOOST_TEST_REQUIRE(first.status == 200);
  BOOST_TEST(test::contains(first.body, "Khai mạc hội chợ nông sản"));
  BOOST_TEST(test::contains(header(first, "Cache-Control"), "s-maxage=1"));
  BOOST_TEST(header(first, "xkey").empty());  // the keys stay in Varnish
  const auto second = varnish.get("/chuyen-muc/kinh-te");
  BOOST_TEST(second.status == 200);
  BOOST_TEST(header(second, "X-Cache") == "HIT");
  BOOST_TEST(second.body == first.body);

  // A purge by surrogate key drops it; the next reader fetches it again.
  const auto purged = varnish.request("PURGE", "/", {{"xkey", "category-kinh-te"}});
  BOOST_TEST(purged.status == 200, purged.status << " " << purged.body);
  BOOST_TEST(header(varnish.get("/chuyen-muc/kinh-te"), "X-Cache") == "MISS");

  // The admin is never cached, nor anything a signed-in reader asks for.
  for (int i = 0; i < 2; ++i) {
    const auto login = varnish.get("/quan-tri/dang-nhap");
    BOOST_TEST(login.status == 200);
    BOOST_TEST(header(login, "X-Cache") != "HIT");
    BOOST_TEST(test::contains(header(login, "Cache-Control"), "no-store"));
  }
  BOOST_TEST(header(varnish.get("/chuyen-muc/kinh-te", {{"Cookie", "portald_session=abc"}}), "X-Cache") == "PASS");
  // Warm the page, let it go stale (TTL 1 s + grace 1 s), stop portald: Varnish keeps serving it
  // (its probe marks portald sick within about 2 s; until then a fetch may fail once).
  BOOST_TEST(varnish.get("/chuyen-muc/kinh-te").status == 200);
  std::this_thread::sleep_for(2500ms);
  BOOST_TEST(daemon.stop() == 0);
  bool served_stale = false;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!served_stale && std::chrono::steady_clock::now() < deadline) {
    const auto r = varnish.get("/chuyen-muc/kinh-te");
    served_stale = r.status == 200 && test::contains(r.body, "Khai mạc hội chợ nông sản");
    if (!served_stale) std::this_thread::sleep_for(250ms);
  }
  BOOST_TEST(served_stale);
  // ... and goes on serving it, not only once.
  const auto again = varnish.get("/chuyen-muc/kinh-te");
  BOOST_TEST(again.status == 200);
  BOOST_TEST(header(again, "X-Cache") == "HIT");
  // The admin is not served from any copy while portald is down.
  BOOST_TEST(varnish.get("/quan-tri/dang-nhap").status == 503);
}

// Purge on publish: with pages kept for ten minutes, only portald's PURGE can make a change show.
BOOST_AUTO_TEST_CASE(a_published_change_shows_through_varnish_within_a_second) {
  test::PublicSite site;
  const std::uint16_t varnish_port = free_port();
  test::RunningDaemon daemon(site.data, {"--trusted-proxies", "127.0.0.1", "--cache-s-maxage", "600", "--cache-nodes",
                                         "127.0.0.1:" + std::to_string(varnish_port)});
  VarnishNode varnish(site.dir.path, varnish_port, daemon.port(), "30s");
  BOOST_TEST_REQUIRE(varnish.get("/chuyen-muc/kinh-te").status == 200);
  BOOST_TEST(header(varnish.get("/chuyen-muc/kinh-te"), "X-Cache") == "HIT");
  const auto f = test::write_file(
      site.dir.path, "new.jsonl",
      R"({"id": "a9", "title": "Tin kinh tế vừa đăng qua bộ đệm", "body_html": "<p>x</p>", "category": "Kinh tế", "published_at": "2024-05-02T08:00:00+07:00"})"
      "\n");
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"import", "articles", f.string()}).exit_code, 0);
  const auto published = std::chrono::steady_clock::now();
  bool shown = false;
  while (!shown && std::chrono::steady_clock::now() - published < 1s) {
    shown = test::contains(varnish.get("/chuyen-muc/kinh-te").body, "Tin kinh tế vừa đăng qua bộ đệm");
    if (!shown) std::this_thread::sleep_for(50ms);
  }
  BOOST_TEST(shown);
  const std::string metrics = daemon.get("/metrics").body;
  const auto at = metrics.find("\nportald_cache_purges_total ");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  BOOST_TEST(std::stoul(metrics.substr(at + 28)) >= 1u);
  BOOST_TEST(test::contains(metrics, "\nportald_cache_purge_failures_total 0"));
}

BOOST_AUTO_TEST_SUITE_END()
