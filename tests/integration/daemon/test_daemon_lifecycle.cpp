// The real portald binary: start-up, the systemd protocol on a real NOTIFY_SOCKET, pages over HTTP,
// imports reaching a running daemon, graceful stop, and start-up failures that name their cause.
#include <boost/test/unit_test.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace std::chrono_literals;

namespace {

const std::string kOld =
    R"({"id": 1, "title": "Tin cũ về Đắk Nông", "body_html": "<p>Cũ</p>", "category": "Kinh tế", "agency": "Sở Công Thương", "published_at": "2024-01-02T08:00:00+07:00"})";
const std::string kNew =
    R"({"id": 2, "title": "Tin mới <b>hôm nay</b> & ngày mai", "summary": "Tóm tắt tin mới", "body_html": "<p>Nội dung <em>mới</em></p><script>alert(1)</script>", "category": "Thời sự", "author": "Trần Thị D", "published_at": "2024-05-02T08:00:00+07:00"})";

struct DemoData {
  test::TempDir dir;
  std::filesystem::path data = dir.path / "data";
  DemoData() {
    BOOST_REQUIRE_EQUAL(test::portaldctl(data, {"init"}).exit_code, 0);
    const auto f = test::write_file(dir.path, "a.jsonl", kOld + "\n" + kNew + "\n");
    const auto r = test::portaldctl(data, {"import", "articles", f.string()});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
};

std::string first_article_link(const std::string& html) {
  const auto p = html.find("href=\"/tin-tuc/");
  BOOST_REQUIRE(p != std::string::npos);
  const auto start = p + 6;
  return html.substr(start, html.find('"', start) - start);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(daemon_lifecycle)

BOOST_AUTO_TEST_CASE(systemd_protocol_ready_watchdog_stopping_and_exit_zero) {
  DemoData d;
  test::NotifySocket notify(d.dir.path / "notify.sock");
  test::RunningDaemon daemon(d.data, {}, {{"NOTIFY_SOCKET", notify.path().string()}, {"WATCHDOG_USEC", "400000"}});
  BOOST_TEST(notify.wait_for("READY=1", 5s));
  BOOST_TEST(notify.wait_for("STATUS=Serving on 127.0.0.1:", 1s));
  BOOST_TEST(notify.wait_for("WATCHDOG=1", 5s));
  BOOST_TEST(daemon.stop() == 0);
  BOOST_TEST(notify.wait_for("STOPPING=1", 1s));
}

BOOST_AUTO_TEST_CASE(no_watchdog_pings_when_systemd_did_not_ask_for_them) {
  DemoData d;
  test::NotifySocket notify(d.dir.path / "notify.sock");
  test::RunningDaemon daemon(d.data, {}, {{"NOTIFY_SOCKET", notify.path().string()}});
  BOOST_TEST(notify.wait_for("READY=1", 5s));
  BOOST_TEST(!notify.wait_for("WATCHDOG=1", 1500ms));
}

BOOST_AUTO_TEST_CASE(home_shows_newest_first_escaped_and_article_page_renders) {
  DemoData d;
  test::RunningDaemon daemon(d.data);
  const auto home = daemon.get("/");
  BOOST_TEST(home.status == 200);
  BOOST_TEST(std::string(*home.header("Content-Type")).find("text/html") == 0);
  BOOST_TEST(home.header("Content-Security-Policy").has_value());
  const auto newest = home.body.find("Tin mới &lt;b&gt;hôm nay&lt;/b&gt; &amp; ngày mai");
  const auto older = home.body.find("Tin cũ về Đắk Nông");
  BOOST_TEST(newest != std::string::npos);
  BOOST_TEST(older != std::string::npos);
  BOOST_TEST(newest < older);
  BOOST_TEST(home.body.find("<b>hôm nay") == std::string::npos);

  const std::string link = first_article_link(home.body);
  BOOST_TEST(link.find("/tin-tuc/tin-moi-b-hom-nay-b-ngay-mai-") == 0, link);
  const auto page = daemon.get(link);
  BOOST_TEST(page.status == 200);
  BOOST_TEST(page.body.find("<em>mới</em>") != std::string::npos);  // sanitised body kept as HTML
  BOOST_TEST(page.body.find("<script>alert") == std::string::npos);
  BOOST_TEST(page.body.find("02/05/2024") != std::string::npos);  // dd/mm/yyyy
  BOOST_TEST(page.body.find("Trần Thị D") != std::string::npos);
  BOOST_TEST(page.body.find("Tóm tắt tin mới") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(outdated_slugs_redirect_to_the_canonical_url) {
  DemoData d;
  test::RunningDaemon daemon(d.data);
  const std::string link = first_article_link(daemon.get("/").body);
  const std::string id = link.substr(link.rfind('-') + 1);
  const auto r = daemon.get("/tin-tuc/ten-cu-" + id);
  BOOST_TEST(r.status == 301);
  BOOST_TEST(*r.header("Location") == link);
}

BOOST_AUTO_TEST_CASE(unknown_paths_get_a_vietnamese_404_page) {
  DemoData d;
  test::RunningDaemon daemon(d.data);
  for (const char* path : {"/khong-co", "/tin-tuc/khong-co-999999", "/tin-tuc/abc", "/chuyen-muc/khong-co"}) {
    const auto r = daemon.get(path);
    BOOST_TEST(r.status == 404, path);
    BOOST_TEST(r.body.find("Không tìm thấy") != std::string::npos, path);
    BOOST_TEST(r.body.find("lang=\"vi\"") != std::string::npos, path);
  }
  BOOST_TEST(daemon.get("/chuyen-muc/kinh-te?trang=abc").status == 400);
}

// Issue 16 (Nghị định 53/2022): by default every request is a line of the day's access-log file in the
// data dir; with access-log off there is none.
BOOST_AUTO_TEST_CASE(every_request_is_in_the_access_log_of_the_day_by_default) {
  DemoData d;
  const auto all_lines = [&] {
    std::string text;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(d.data / "access-log", ec)) {
      BOOST_TEST(e.path().filename().string().starts_with("access-"));
      std::ifstream in(e.path());
      text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return text;
  };
  {
    test::RunningDaemon daemon(d.data);
    BOOST_TEST(daemon.get("/khong-co?x=1", {{"User-Agent", "kiem-tra/1.0 \"ngoac\""}}).status == 404);
    BOOST_TEST(daemon.get("/").status == 200);
    BOOST_TEST(daemon.stop() == 0);
  }
  const auto text = all_lines();
  BOOST_TEST(text.find("127.0.0.1 - - [") != std::string::npos, text);
  BOOST_TEST(text.find("\"GET /khong-co?x=1 HTTP/1.1\" 404 ") != std::string::npos, text);
  BOOST_TEST(text.find("\"kiem-tra/1.0 \\x22ngoac\\x22\"") != std::string::npos, text);
  BOOST_TEST(text.find("\"GET / HTTP/1.1\" 200 ") != std::string::npos, text);
  std::filesystem::remove_all(d.data / "access-log");
  {
    test::RunningDaemon daemon(d.data, {"--access-log", "off"});
    BOOST_TEST(daemon.get("/").status == 200);
  }
  BOOST_TEST(!std::filesystem::exists(d.data / "access-log"));
}

BOOST_AUTO_TEST_CASE(category_pages_list_their_articles) {
  DemoData d;
  test::RunningDaemon daemon(d.data);
  const auto r = daemon.get("/chuyen-muc/kinh-te");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body.find("Tin cũ về Đắk Nông") != std::string::npos);
  BOOST_TEST(r.body.find("Tin mới") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(conditional_get_and_head) {
  DemoData d;
  test::RunningDaemon daemon(d.data);
  const auto first = daemon.get("/");
  const auto etag = first.header("ETag");
  BOOST_REQUIRE(etag);
  const auto again = daemon.get("/", {{"If-None-Match", std::string(*etag)}});
  BOOST_TEST(again.status == 304);
  BOOST_TEST(again.body.empty());
  const auto head = test::http_request("127.0.0.1", daemon.port(), "HEAD", "/");
  BOOST_TEST(head.status == 200);
  BOOST_TEST(head.body.empty());
}

BOOST_AUTO_TEST_CASE(site_name_from_config_overrides_the_stored_one) {
  DemoData d;
  test::RunningDaemon daemon(d.data, {"--site-name", "Cổng thông tin điện tử tỉnh Thử Nghiệm"});
  const auto home = daemon.get("/");
  BOOST_TEST(home.body.find("<title>Trang chủ | Cổng thông tin điện tử tỉnh Thử Nghiệm</title>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(healthz_reports_store_and_version) {
  DemoData d;
  test::RunningDaemon daemon(d.data);
  const auto r = daemon.get("/healthz");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body.find("\"store\":\"ok\"") != std::string::npos, r.body);
  BOOST_TEST(r.body.find("\"schema_version\":2") != std::string::npos, r.body);
  BOOST_TEST(r.body.find("\"version\":") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_import_reaches_the_running_site_without_restart) {
  DemoData d;
  test::RunningDaemon daemon(d.data);
  BOOST_TEST(daemon.get("/").body.find("Tin nóng vừa nhập") == std::string::npos);
  const auto f = test::write_file(
      d.dir.path, "more.jsonl",
      R"({"id": 3, "title": "Tin nóng vừa nhập", "body_html": "<p>x</p>", "category": "Y tế", "published_at": "2025-01-01T08:00:00+07:00"})"
      "\n");
  BOOST_REQUIRE_EQUAL(test::portaldctl(d.data, {"import", "articles", f.string()}).exit_code, 0);
  const auto home = daemon.get("/");
  BOOST_TEST(home.body.find("Tin nóng vừa nhập") != std::string::npos);
  BOOST_TEST(home.body.find("/chuyen-muc/y-te") != std::string::npos);  // the new category is in the menu
}

BOOST_AUTO_TEST_CASE(a_missing_data_dir_is_one_clear_line_and_non_zero) {
  test::TempDir dir;
  const auto r =
      test::run_daemon_expecting_exit({"--data-dir", (dir.path / "nope").string(), "--listen", "127.0.0.1:0"});
  BOOST_TEST(r.exit_code != 0);
  BOOST_TEST(r.err.find("data dir " + (dir.path / "nope").string() + " does not exist") != std::string::npos, r.err);
  BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err);
}

BOOST_AUTO_TEST_CASE(an_uninitialised_data_dir_names_the_command_to_run) {
  test::TempDir dir;
  const auto r = test::run_daemon_expecting_exit({"--data-dir", dir.path.string(), "--listen", "127.0.0.1:0"});
  BOOST_TEST(r.exit_code != 0);
  BOOST_TEST(r.err.find("portaldctl --data-dir") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(a_port_in_use_is_named) {
  DemoData d;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  BOOST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  BOOST_REQUIRE(::listen(fd, 1) == 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const std::string where = "127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  const auto r = test::run_daemon_expecting_exit({"--data-dir", d.data.string(), "--listen", where});
  ::close(fd);
  BOOST_TEST(r.exit_code != 0);
  BOOST_TEST(r.err.find(where) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("in use") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(a_bad_config_file_names_file_and_line) {
  test::TempDir dir;
  const auto conf = test::write_file(dir.path, "portald.conf", "# comment\nlisten = 127.0.0.1:80\nmax-body = lots\n");
  const auto r = test::run_daemon_expecting_exit({"--config", conf.string()});
  BOOST_TEST(r.exit_code != 0);
  BOOST_TEST(r.err.find(conf.string() + ":3") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE_END()
