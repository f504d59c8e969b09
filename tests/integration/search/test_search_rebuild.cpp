// Rebuilding the search index without downtime (issue 17), against the real daemon over HTTP: a
// store that never had an index answers 503 with Retry-After until its first build; after that,
// `portaldctl reindex` beside the running daemon never interrupts search (every answer 200 with
// results), an article imported during the rebuild is found afterwards, and the old directory goes.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "daemon/model/url_encoding.hpp"
#include "search/index_layout.hpp"
#include "search/schema.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr int kArticles = 2000;

bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds limit,
                std::chrono::milliseconds step = 20ms) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(step);
  }
  return pred();
}

// A data dir with kArticles generated articles (../shared/corpus/gen_corpus.py), no index yet.
struct BigSite {
  test::TempDir dir;
  fs::path data = dir.path / "data";
  BigSite() {
    BOOST_REQUIRE_EQUAL(test::portaldctl(data, {"init"}).exit_code, 0);
    const auto gen = test::run_command({"/usr/bin/python3", (test::shared_dir() / "corpus" / "gen_corpus.py").string(),
                                        "--count", std::to_string(kArticles), "--seed", "17"});
    BOOST_REQUIRE_MESSAGE(gen.exit_code == 0, gen.err);
    import("articles", gen.out);
  }
  void import(const std::string& what, const std::string& lines) {
    static int n = 0;
    const auto file = test::write_file(dir.path, what + std::to_string(++n) + ".jsonl", lines);
    const auto r = test::portaldctl(data, {"import", what, file.string()});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  std::vector<std::string> index_dirs() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(search::index_dir(data)))
      if (e.is_directory()) out.push_back(e.path().filename().string());
    return out;
  }
};

std::size_t total(const test::HttpResponse& r) {
  if (r.status != 200) return 0;
  return json::parse(r.body).at("total").get<std::size_t>();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_rebuild)

BOOST_AUTO_TEST_CASE(search_answers_throughout_a_reindex_beside_the_daemon) {
  BigSite site;
  test::RunningDaemon d(site.data);

  // 1. A store that never had an index: 503 + Retry-After (API and page) during the first build.
  BOOST_REQUIRE(wait_until([&] { return d.log().find("search.rebuild_started") != std::string::npos; }, 30s, 5ms));
  const auto api = d.get("/api/v1/search?q=n%C3%B4ng+nghi%E1%BB%87p");
  const auto page = d.get("/tim-kiem?q=n%C3%B4ng+nghi%E1%BB%87p");
  const bool during_build = d.log().find("search.rebuild_done") == std::string::npos;
  BOOST_TEST_MESSAGE("first build still running when asked: " << during_build);
  if (during_build) {
    BOOST_TEST(api.status == 503);
    BOOST_TEST(api.header("Retry-After").value_or("") == "30");
    BOOST_TEST(page.status == 503);
    BOOST_TEST(page.body.find("đang được chuẩn bị") != std::string::npos);
  }
  BOOST_REQUIRE(wait_until([&] { return d.get("/api/v1/search?q=x").status == 200; }, 300s, 50ms));
  const std::string q = "/api/v1/search?q=" + model::url_encode_component("nông nghiệp");
  const std::size_t before = total(d.get(q));
  BOOST_TEST(before > 0u);
  const auto first_dirs = site.index_dirs();
  BOOST_TEST(first_dirs == std::vector<std::string>{"index-1"});

  // 2. portaldctl reindex beside the daemon; an article imported meanwhile.
  std::atomic<bool> done{false};
  test::CommandResult reindex;
  std::thread runner([&] {
    // Under ASan on a busy 2-core machine the rebuild takes minutes: longer than portaldctl's default limit.
    reindex =
        test::run_command({test::portaldctl_binary().string(), "--data-dir", site.data.string(), "reindex"}, {}, 480s);
    done = true;
  });
  std::size_t asked = 0, answered = 0, with_results = 0;
  bool imported = false;
  while (!done) {
    const auto r = d.get(q);
    ++asked;
    if (r.status == 200) ++answered;
    if (total(r) > 0) ++with_results;
    if (!imported && asked >= 3) {
      site.import(
          "articles",
          R"({"id": "rebuild-1", "title": "Lễ hội hoa dã quỳ núi lửa Chư Đăng Ya", "body_html": "<p>Du khách đến ngắm hoa dã quỳ.</p>", "category": "Văn hóa", "published_at": "2024-11-01T08:00:00+07:00"})"
          "\n");
      imported = true;
    }
    std::this_thread::sleep_for(10ms);
  }
  runner.join();
  BOOST_REQUIRE_MESSAGE(reindex.exit_code == 0,
                        "reindex exit " << reindex.exit_code << " (137: killed at the time limit): " << reindex.err);
  BOOST_TEST_MESSAGE("during reindex: " << asked << " searches, " << answered << " answered 200, " << with_results
                                        << " with results");
  BOOST_TEST(asked >= 5u);  // the reindex of kArticles articles took a while
  BOOST_TEST(answered == asked);
  BOOST_TEST(with_results == asked);

  // 3. The daemon follows the new index, including what was imported during the rebuild.
  // The generated articles also speak of flowers: look for this one's title among the hits.
  const std::string q2 = "/api/v1/search?q=" + model::url_encode_component("hoa dã quỳ Chư Đăng Ya");
  BOOST_TEST(wait_until([&] { return d.get(q2).body.find("Chư Đăng Ya") != std::string::npos; }, 10s));
  BOOST_TEST(wait_until([&] { return d.log().find("search.index_switched") != std::string::npos; }, 5s));
  BOOST_TEST(total(d.get(q)) >= before);
  BOOST_TEST((search::live_index(search::index_dir(site.data)) == search::index_dir(site.data) / "index-2"));
  // The old directory goes once no HTTP thread reads it (a minute at most for idle ones).
  BOOST_TEST(wait_until([&] { return site.index_dirs() == std::vector<std::string>{"index-2"}; }, 70s, 100ms));
  BOOST_TEST(wait_until([&] { return d.log().find("search.index_removed") != std::string::npos; }, 5s));
}

BOOST_AUTO_TEST_SUITE_END()
