// Access statistics (issue 13) over real HTTP against the real daemon: page views counted (cache hits
// too, bots apart, files and the API not at all) and written by the flusher; nothing about the reader in
// the store's file; the footer's figures only when the setting is on, without breaking the page cache;
// /quan-tri/thong-ke for the board and the operator only.
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include "daemon/store/article_table.hpp"
#include "daemon/store/data_dir.hpp"
#include "daemon/store/visit_table.hpp"
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using namespace std::chrono_literals;
using test::AdminClient;
using test::has;
using K = model::VisitKind;

namespace {

const std::string kBrowser = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 ThuNghiemThongKe/4.2";

test::HttpResponse browse(const test::RunningDaemon& d, const std::string& target, const std::string& agent = kBrowser,
                          test::Fields extra = {}) {
  extra.emplace_back("User-Agent", agent);
  return test::http_request("127.0.0.1", d.port(), "GET", target, extra);
}

// The first article link of the home page.
std::string article_path(test::RunningDaemon& d) {
  const auto home = browse(d, "/", "Googlebot/2.1").body;
  const auto p = home.find("href=\"/tin-tuc/");
  BOOST_REQUIRE(p != std::string::npos);
  return home.substr(p + 6, home.find('"', p + 6) - p - 6);
}

std::uint64_t article_id(const std::string& path) { return std::stoull(path.substr(path.rfind('-') + 1)); }

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json figures(const test::RunningDaemon& d) { return nlohmann::json::parse(browse(d, "/api/v1/visits").body); }

}  // namespace

BOOST_AUTO_TEST_SUITE(visit_statistics)

BOOST_AUTO_TEST_CASE(article_views_are_counted_bots_apart_and_nothing_personal_is_stored) {
  test::AdminSite site;
  std::string path;
  {
    test::RunningDaemon daemon(site.data, {"--visit-stats", "on"});
    path = article_path(daemon);  // a bot's view of the home page
    const auto first = browse(daemon, path);
    BOOST_REQUIRE(first.status == 200);
    BOOST_TEST(browse(daemon, path).status == 200);                                           // from the page cache
    BOOST_TEST(browse(daemon, path + "?utm_source=zalo").status == 200);                      // the same page
    BOOST_TEST(browse(daemon, path, "Mozilla/5.0 (compatible; bingbot/2.0)").status == 200);  // a bot
    const std::string etag(first.header("ETag").value_or(""));
    BOOST_TEST(browse(daemon, path, kBrowser, {{"If-None-Match", etag}}).status == 304);  // not a view
    BOOST_TEST(browse(daemon, "/static/portal.css").status == 200);                       // files are not
    BOOST_TEST(browse(daemon, "/api/v1/articles").status == 200);                         // nor the API
    BOOST_TEST(browse(daemon, "/rss.xml").status == 200);                                 // nor feeds
    BOOST_TEST(browse(daemon, "/tin-tuc/khong-co-bai-nay-999999").status == 404);         // nor errors
    BOOST_TEST(daemon.stop() == 0);  // the clean stop writes the last batch
  }
  const std::uint64_t id = article_id(path);
  const auto today = model::vietnam_day(model::now());
  {
    store::Store s(site.data, {.map_size = std::size_t(256) << 20, .create = false});
    const auto txn = s.read();
    const auto& t = s.tables();
    BOOST_TEST(store::visits_on(txn, t, K::article, today, id) == 3u);
    BOOST_TEST(store::visits_on(txn, t, K::site, today) == 3u);
    BOOST_TEST(store::visits_on(txn, t, K::bot, today) == 2u);
    BOOST_TEST(store::get_article(txn, t, id).has_value());
  }
  // The store's file holds the article but not the reader: no address, no user agent.
  const auto bytes = file_bytes(store::DataDir(site.data).store_file());
  BOOST_TEST_REQUIRE(has(bytes, "Bài có sẵn"));
  BOOST_TEST(!has(bytes, "127.0.0.1"));
  BOOST_TEST(!has(bytes, "ThuNghiemThongKe"));
  BOOST_TEST(!has(bytes, "bingbot"));
}

// "Đọc nhiều nhất" on the home page (issue 13): only when the setting is on, the most viewed first.
BOOST_AUTO_TEST_CASE(the_home_page_shows_the_most_read_when_the_setting_is_on) {
  test::AdminSite site;
  const auto second = test::write_file(
      site.dir.path, "b.jsonl",
      R"({"id": "c2", "title": "Bài được đọc nhiều", "body_html": "<p>y</p>", "category": "Y tế", "published_at": "2025-01-03T08:00:00+07:00"})"
      "\n");
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"import", "articles", second.string()}).exit_code, 0);
  {
    test::RunningDaemon daemon(site.data, {"--visit-stats", "on"});
    const auto home = browse(daemon, "/", "Googlebot/2.1").body;
    BOOST_TEST(!has(home, "Đọc nhiều nhất"));
    const auto link = [&](const std::string& title) {
      const auto end = home.find("\">" + title + "</a>");
      BOOST_REQUIRE(end != std::string::npos);
      const auto start = home.rfind("href=\"", end) + 6;
      return home.substr(start, end - start);
    };
    const auto read_once = link("Bài có sẵn");
    const auto read_often = link("Bài được đọc nhiều");
    BOOST_TEST(browse(daemon, read_once).status == 200);
    for (int i = 0; i < 3; ++i) BOOST_TEST(browse(daemon, read_often).status == 200);
    BOOST_TEST(daemon.stop() == 0);  // the clean stop writes the last batch
  }
  const auto set = test::portaldctl(site.data, {"settings", "set", "show_most_read", "1"});
  BOOST_REQUIRE_MESSAGE(set.exit_code == 0, set.err);
  test::RunningDaemon daemon(site.data, {"--visit-stats", "on"});
  const auto home = browse(daemon, "/").body;
  const auto block = home.find("<h2 id=\"doc-nhieu\">Đọc nhiều nhất</h2>");
  BOOST_TEST_REQUIRE(block != std::string::npos);
  const auto often = home.find("Bài được đọc nhiều", block);
  const auto once = home.find("Bài có sẵn", block);
  BOOST_TEST_REQUIRE(often != std::string::npos);
  BOOST_TEST_REQUIRE(once != std::string::npos);
  BOOST_TEST(often < once);  // 3 views before 1
  BOOST_TEST(home.find("</ol>", block) > once);
}

BOOST_AUTO_TEST_CASE(robots_txt_fetchers_are_counted_apart) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data, {"--visit-stats", "on"});
  const auto path = article_path(daemon);
  BOOST_TEST(browse(daemon, "/robots.txt").status == 200);
  BOOST_TEST(browse(daemon, path).status == 200);  // same address and agent as the robots.txt fetch
  BOOST_TEST(daemon.stop() == 0);
  store::Store s(site.data, {.map_size = std::size_t(256) << 20, .create = false});
  const auto txn = s.read();
  const auto today = model::vietnam_day(model::now());
  BOOST_TEST(store::visits_on(txn, s.tables(), K::article, today, article_id(path)) == 0u);
  BOOST_TEST(store::visits_on(txn, s.tables(), K::bot, today) == 2u);
}

BOOST_AUTO_TEST_CASE(footer_figures_show_only_when_the_setting_is_on_and_pages_stay_cached) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data, {"--visit-stats", "on"});
  BOOST_TEST(!has(browse(daemon, "/").body, "id=\"visit-figures\""));
  BOOST_TEST(browse(daemon, "/api/v1/visits").status == 404);
  const auto set = test::portaldctl(site.data, {"settings", "set", "show_visit_counter", "1"});
  BOOST_REQUIRE_MESSAGE(set.exit_code == 0, set.err);
  const auto home = browse(daemon, "/");
  BOOST_TEST(has(home.body, "id=\"visit-figures\""));
  BOOST_TEST(has(home.body, "Tổng lượt truy cập"));
  BOOST_TEST(has(home.body, "<script src=\"/static/visits.js\" defer></script>"));
  BOOST_TEST(browse(daemon, "/static/visits.js").status == 200);
  // The page is still one cached representation: the same ETag, and a 304 to revalidation.
  const auto again = browse(daemon, "/");
  BOOST_TEST(std::string(home.header("ETag").value_or("a")) == std::string(again.header("ETag").value_or("b")));
  BOOST_TEST(browse(daemon, "/", kBrowser, {{"If-None-Match", std::string(home.header("ETag").value_or(""))}}).status ==
             304);
  // The figures: this reader is online, and the views reach "Hôm nay" after the flusher's pass.
  nlohmann::json f;
  for (int i = 0; i < 100; ++i) {
    f = figures(daemon);
    if (f.value("today", 0) >= 2) break;
    std::this_thread::sleep_for(100ms);
  }
  BOOST_TEST(f.value("online", 0) == 1);
  BOOST_TEST(f.value("today", 0) >= 2);
  BOOST_TEST(f.value("total", 0) == f.value("today", 0));
  const auto api = browse(daemon, "/api/v1/visits");
  BOOST_TEST(std::string(api.header("Cache-Control").value_or("")) == "no-store");
  // Off again: the line goes, and the figures are not served.
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"settings", "set", "show_visit_counter", "0"}).exit_code, 0);
  BOOST_TEST(!has(browse(daemon, "/").body, "id=\"visit-figures\""));
  BOOST_TEST(browse(daemon, "/api/v1/visits").status == 404);
}

BOOST_AUTO_TEST_CASE(with_visit_stats_off_nothing_is_counted) {
  test::AdminSite site;
  {
    test::RunningDaemon daemon(site.data, {"--visit-stats", "off"});
    BOOST_TEST(browse(daemon, article_path(daemon)).status == 200);
    BOOST_TEST(daemon.stop() == 0);
  }
  store::Store s(site.data, {.map_size = std::size_t(256) << 20, .create = false});
  const auto txn = s.read();
  BOOST_TEST(store::visits_ever(txn, s.tables(), K::site) == 0u);
  BOOST_TEST(store::visits_ever(txn, s.tables(), K::bot) == 0u);
}

BOOST_AUTO_TEST_CASE(the_report_is_for_the_board_and_the_operator) {
  test::AdminSite site;
  const auto add = test::portaldctl(site.data, {"user", "add", "--role", "deputy", "--password-stdin", "phoban"},
                                    test::kPassword + "\n");
  BOOST_REQUIRE_MESSAGE(add.exit_code == 0, add.err);
  test::RunningDaemon daemon(site.data, {"--visit-stats", "on"});
  const auto path = article_path(daemon);
  BOOST_TEST(browse(daemon, path).status == 200);
  BOOST_TEST(daemon.get("/quan-tri/thong-ke").status == 303);  // strangers log in first
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  std::string page;
  for (int i = 0; i < 100; ++i) {
    page = op.get("/quan-tri/thong-ke").body;
    if (has(page, "Bài có sẵn")) break;
    std::this_thread::sleep_for(100ms);
  }
  BOOST_TEST(has(page, "Bài đọc nhiều nhất hôm nay"));
  BOOST_TEST(has(page, "href=\"" + path + "\">Bài có sẵn</a>: 1 lượt"), page);
  BOOST_TEST(has(op.get("/quan-tri").body, "href=\"/quan-tri/thong-ke\""));
  const auto csv = op.get("/quan-tri/thong-ke.csv?bang=bai-viet");
  BOOST_TEST(csv.status == 200);
  BOOST_TEST(has(csv.body, "ma,ten,dia_chi,luot_xem\r\n" + std::to_string(article_id(path)) + ",\"Bài có sẵn\""),
             csv.body);
  const auto days = op.get("/quan-tri/thong-ke.csv");
  BOOST_TEST(has(days.body, "ngay,luot_xem,luot_bot\r\n"));
  BOOST_TEST(has(days.body, model::format_iso_date(model::vietnam_day(model::now())) + ",1,1\r\n"), days.body);
  BOOST_TEST(has(op.get("/quan-tri/cai-dat").body, "name=\"show_visit_counter\" type=\"checkbox\""));
  for (const std::string name : {"truongban", "phoban"}) {
    AdminClient c{daemon.port()};
    c.login(name, test::kPassword);
    BOOST_TEST(c.get("/quan-tri/thong-ke").status == 200, name);
  }
  for (const std::string name : {"phongvien", "congtacvien", "thuky"}) {
    AdminClient c{daemon.port()};
    c.login(name, test::kPassword);
    BOOST_TEST(c.get("/quan-tri/thong-ke").status == 403, name);
    BOOST_TEST(c.get("/quan-tri/thong-ke.csv").status == 403, name);
  }
}

BOOST_AUTO_TEST_SUITE_END()
