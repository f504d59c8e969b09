// Search in the real daemon: the page and the JSON API, bad input never a 500, publish -> searchable
// and unpublish -> gone within a second, 503 (and a serving site) while the index is unavailable,
// a SIGKILL mid-indexing caught up without duplicates, `portaldctl reindex` beside it or alone, and
// searches that wait for the admission gate off the HTTP worker, or are refused at the end of the wait.
#include <boost/test/unit_test.hpp>

#include <signal.h>

#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "daemon/model/url_encoding.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/lmdb.hpp"
#include "search/index_writer.hpp"
#include "search/schema.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

const std::string kArticles =
    R"({"id": "a1", "title": "Tỉnh Đắk Nông triển khai nông nghiệp công nghệ cao", "body_html": "<p>Ủy ban nhân dân tỉnh ban hành kế hoạch phát triển nông nghiệp.</p>", "category": "Nông nghiệp", "agency": "Sở Nông nghiệp", "published_at": "2024-03-01T08:00:00+07:00"}
{"id": "a2", "title": "Giá bán cà phê tăng mạnh", "body_html": "<p>Người dân bán cà phê có lãi.</p>", "category": "Kinh tế", "agency": "Sở Công Thương", "published_at": "2024-03-02T08:00:00+07:00"}
{"id": "a3", "title": "Trao tặng bàn ghế cho trường học", "body_html": "<p>Mỗi bàn học được kiểm tra.</p>", "category": "Giáo dục", "published_at": "2024-03-03T08:00:00+07:00"}
{"id": "a4", "title": "Công trình thủy lợi Đắk Mil", "body_html": "<p>Nước tưới cho cà phê.</p>", "category": "Nông nghiệp", "published_at": "2024-03-04T08:00:00+07:00"}
)";
const std::string kDocuments =
    R"({"id": "d1", "number": "1382/QĐ-UBND", "type": "Quyết định", "issuer": "Ủy ban nhân dân tỉnh", "issued_on": "2024-02-01", "abstract": "Ban hành Kế hoạch chuyển đổi số"}
)";

bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds limit,
                std::chrono::milliseconds step = 20ms) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(step);
  }
  return pred();
}

// A data dir with the small corpus imported.
struct Site {
  test::TempDir dir;
  std::filesystem::path data = dir.path / "data";
  Site() {
    BOOST_REQUIRE_EQUAL(test::portaldctl(data, {"init"}).exit_code, 0);
    import("articles", kArticles);
    import("documents", kDocuments);
  }
  void import(const std::string& what, const std::string& lines) {
    static int n = 0;
    const auto file = test::write_file(dir.path, what + std::to_string(++n) + ".jsonl", lines);
    const auto r = test::portaldctl(data, {"import", what, file.string()});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  std::size_t index_docs() const {
    try {
      return Xapian::Database(search::index_dir(data).string()).get_doccount();
    } catch (const Xapian::Error&) {
      return 0;
    }
  }
};

std::size_t total(test::RunningDaemon& d, const std::string& q) {
  const auto r = d.get("/api/v1/search?q=" + model::url_encode_component(q));
  if (r.status != 200) return 0;
  return json::parse(r.body).at("total").get<std::size_t>();
}

bool search_ready(test::RunningDaemon& d) { return d.get("/api/v1/search?q=x").status == 200; }

}  // namespace

BOOST_AUTO_TEST_SUITE(search_daemon)

BOOST_AUTO_TEST_CASE(api_page_and_autocomplete_answer_as_specified) {
  Site site;
  test::RunningDaemon d(site.data);
  BOOST_REQUIRE(wait_until([&] { return search_ready(d); }, 30s));

  const auto r = d.get("/api/v1/search?q=dak+nong&per_page=5&sort=relevance");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(std::string(r.header("Content-Type").value_or("")).starts_with("application/json"));
  const json j = json::parse(r.body);
  BOOST_TEST(j.size() == 4u);  // exactly total, page, hits, suggestion
  BOOST_TEST(j.at("total").get<int>() >= 1);
  BOOST_TEST(j.at("page").get<int>() == 1);
  BOOST_TEST(j.at("suggestion").is_null());
  const json hit = j.at("hits").at(0);
  BOOST_TEST(hit.size() == 6u);
  for (const char* key : {"id", "type", "title", "url", "published_at", "snippet"}) BOOST_TEST(hit.contains(key), key);
  BOOST_TEST(hit.at("type") == "article");
  BOOST_TEST(hit.at("title") == "Tỉnh Đắk Nông triển khai nông nghiệp công nghệ cao");
  BOOST_TEST(hit.at("published_at") == "2024-03-01T08:00:00+07:00");
  BOOST_TEST(hit.at("snippet").get<std::string>().find("<mark>") != std::string::npos);
  // The hit's URL is the article's page.
  BOOST_TEST(d.get(hit.at("url").get<std::string>()).status == 200);

  const json doc = json::parse(d.get("/api/v1/search?q=1382%2Fqd-ubnd").body);
  BOOST_TEST(doc.at("hits").at(0).at("type") == "document");
  BOOST_TEST(doc.at("hits").at(0).at("title") == "Quyết định số 1382/QĐ-UBND");
  const json filtered = json::parse(d.get("/api/v1/search?q=&type=document").body);
  BOOST_TEST(filtered.at("total") == 1);
  const json newest = json::parse(d.get("/api/v1/search?q=ca+phe&sort=newest").body);
  BOOST_TEST(newest.at("hits").at(0).at("title") == "Công trình thủy lợi Đắk Mil");
  const json dated = json::parse(d.get("/api/v1/search?q=ca+phe&from=2024-03-03&to=2024-03-31").body);
  BOOST_TEST(dated.at("total") == 1);
  const json typo = json::parse(d.get("/api/v1/search?q=nong+nghiepp").body);
  BOOST_TEST(typo.at("suggestion").get<std::string>().find("nghiệp") != std::string::npos);

  const json suggest = json::parse(d.get("/api/v1/search/suggest?q=cong+ng").body);
  BOOST_TEST(suggest.at("suggestions").at(0) == "công nghệ");

  const auto page = d.get("/tim-kiem?q=" + model::url_encode_component("bán cà phê"));
  BOOST_REQUIRE_EQUAL(page.status, 200);
  BOOST_TEST(page.body.find("<html lang=\"vi\"") != std::string::npos);
  BOOST_TEST(page.body.find("role=\"search\"") != std::string::npos);
  BOOST_TEST(page.body.find("<mark>bán</mark>") != std::string::npos);
  BOOST_TEST(page.body.find("Tìm thấy") != std::string::npos);
  const auto empty = d.get("/tim-kiem");
  BOOST_TEST(empty.status == 200);
  BOOST_TEST(empty.body.find("Tìm thấy") == std::string::npos);  // just the form
}

BOOST_AUTO_TEST_CASE(bad_input_is_a_clear_400_or_best_effort_never_a_500) {
  Site site;
  test::RunningDaemon d(site.data);
  BOOST_REQUIRE(wait_until([&] { return search_ready(d); }, 30s));
  for (const char* target :
       {"/api/v1/search?q=x&page=0", "/api/v1/search?q=x&per_page=1000", "/api/v1/search?q=x&sort=best",
        "/api/v1/search?q=x&from=2024-13-45", "/tim-kiem?q=x&trang=abc", "/tim-kiem?q=x&tu-ngay=hôm-qua"}) {
    const auto r = d.get(target);
    BOOST_TEST(r.status == 400, target << " -> " << r.status);
  }
  const std::string long_q(3000, 'a');
  for (const std::string& q :
       {std::string("\"dak nong"), std::string("AND OR NOT ( ) \" +- ~ ^ *"), std::string("foo:bar title:"),
        std::string("dak\xFF\xFEnong"), std::string("a\x01z"), long_q, std::string("<script>alert(1)</script>")}) {
    for (const char* base : {"/api/v1/search?q=", "/tim-kiem?q=", "/api/v1/search/suggest?q="}) {
      const auto r = d.get(std::string(base) + model::url_encode_component(q));
      BOOST_TEST(r.status == 200, base << " with " << q.size() << " bytes -> " << r.status);
      // HTML escapes what it shows; JSON may carry it as a string (served as application/json, nosniff).
      if (std::string_view(base).starts_with("/tim-kiem"))
        BOOST_TEST(r.body.find("<script>alert") == std::string::npos);
    }
  }
  // A NUL byte in the query string.
  BOOST_TEST(d.get("/api/v1/search?q=dak%00nong").status == 200);
  BOOST_TEST(total(d, "\"dak nong") == 1u);
}

BOOST_AUTO_TEST_CASE(publish_is_searchable_and_unpublish_gone_within_a_second) {
  Site site;
  test::RunningDaemon d(site.data);
  BOOST_REQUIRE(wait_until([&] { return search_ready(d); }, 30s));
  BOOST_TEST(total(d, "le hoi ca phe") == 0u);

  site.import(
      "articles",
      R"({"id": "new", "title": "Khai mạc lễ hội cà phê", "body_html": "<p>Lễ hội lần thứ 8.</p>", "category": "Văn hoá", "published_at": "2024-03-10T08:00:00+07:00"})"
      "\n");
  const auto t0 = Clock::now();
  BOOST_REQUIRE(wait_until([&] { return total(d, "le hoi ca phe") == 1u; }, 10s));
  const auto found = Clock::now() - t0;
  BOOST_TEST_MESSAGE("publish -> searchable over HTTP: "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(found).count() << " ms");
  BOOST_TEST((found < 1s));

  site.import(
      "articles",
      R"({"id": "new", "title": "Khai mạc lễ hội cà phê", "body_html": "<p>Lễ hội lần thứ 8.</p>", "category": "Văn hoá", "published_at": "2024-03-10T08:00:00+07:00", "status": "draft"})"
      "\n");
  const auto t1 = Clock::now();
  BOOST_REQUIRE(wait_until([&] { return total(d, "le hoi ca phe") == 0u; }, 10s));
  BOOST_TEST((Clock::now() - t1 < 1s));
}

BOOST_AUTO_TEST_CASE(search_answers_503_while_the_index_is_locked_and_the_site_keeps_serving) {
  Site site;
  auto holder =
      std::make_unique<search::IndexWriter>(search::index_dir(site.data), search::IndexWriter::Mode::open_or_create);
  test::RunningDaemon d(site.data);
  const auto api = d.get("/api/v1/search?q=dak+nong");
  BOOST_TEST(api.status == 503);
  BOOST_TEST(api.header("Retry-After").has_value());
  BOOST_TEST(json::parse(api.body).at("error").get<std::string>().find("tìm kiếm") != std::string::npos);
  const auto page = d.get("/tim-kiem?q=dak+nong");
  BOOST_TEST(page.status == 503);
  BOOST_TEST(page.body.find("Chức năng tìm kiếm đang được chuẩn bị") != std::string::npos);
  BOOST_TEST(page.body.find("role=\"search\"") != std::string::npos);  // the form is still there
  BOOST_TEST(d.get("/").status == 200);
  BOOST_TEST(d.get("/healthz").status == 200);
  holder.reset();
  BOOST_REQUIRE(wait_until([&] { return search_ready(d); }, 30s));
  BOOST_TEST(total(d, "dak nong") == 1u);
}

BOOST_AUTO_TEST_CASE(searches_wait_for_a_slot_off_the_http_worker) {
  Site site;
  // One HTTP worker and one search slot, which the test-only route holds for 1.5 s as a long query would.
  test::RunningDaemon d(site.data, {"--http-threads=1", "--search-concurrency=1", "--search-queue-wait=5000"},
                        {{"PORTALD_TEST_FAULTS", "1"}});
  BOOST_REQUIRE(wait_until([&] { return search_ready(d); }, 30s));
  const auto t0 = Clock::now();
  BOOST_REQUIRE(d.get("/__test/hold-search-slot?ms=1500").status == 202);
  struct Answer {
    test::HttpResponse response;
    Clock::time_point at;
  };
  std::vector<std::future<Answer>> searches;
  for (const char* q : {"dak+nong", "ca+phe", "thuy+loi"}) {
    searches.push_back(std::async(std::launch::async, [&d, q] {
      auto r = test::http_request("127.0.0.1", d.port(), "GET", std::string("/api/v1/search?q=") + q, {}, "", 20s);
      return Answer{std::move(r), Clock::now()};
    }));
    std::this_thread::sleep_for(100ms);  // each in the gate's queue before the next arrives
  }
  // The searches wait in the gate's queue, not on the only worker, which answers a page meanwhile.
  // (Before, the worker waited for the slot with the first search, and the page came after them.)
  const auto page = d.get("/");
  const auto page_at = Clock::now();
  BOOST_TEST(page.status == 200);
  BOOST_TEST((page_at - t0 < 1200ms), "the page waited for the held search slot");
  // (Their order is the gate's unit test's: the answers of one resumption pass go out in MHD's order.)
  for (auto& f : searches) {
    const Answer a = f.get();
    BOOST_TEST(a.response.status == 200);
    BOOST_TEST((a.at - t0 >= 1400ms), "a search ran while the slot was held");
    BOOST_TEST((a.at > page_at));
  }
  BOOST_TEST(total(d, "dak nong") == 1u);
}

BOOST_AUTO_TEST_CASE(a_search_that_cannot_start_within_the_wait_is_refused_with_retry_after) {
  Site site;
  test::RunningDaemon d(site.data, {"--http-threads=1", "--search-concurrency=1", "--search-queue-wait=200"},
                        {{"PORTALD_TEST_FAULTS", "1"}});
  BOOST_REQUIRE(wait_until([&] { return search_ready(d); }, 30s));
  BOOST_REQUIRE(d.get("/__test/hold-search-slot?ms=3000").status == 202);
  const auto t0 = Clock::now();
  const auto api = d.get("/api/v1/search?q=ca+phe");
  const auto waited = Clock::now() - t0;
  BOOST_TEST(api.status == 503);
  BOOST_TEST(std::string(api.header("Retry-After").value_or("")) == "1");
  BOOST_TEST((waited >= 150ms), "refused before the wait was over");
  BOOST_TEST((waited < 2000ms), "waited for the held slot instead of the budget");
  const auto page = d.get("/tim-kiem?q=ban+ghe");
  BOOST_TEST(page.status == 503);
  BOOST_TEST(page.body.find("role=\"search\"") != std::string::npos);  // the form is still there
  BOOST_TEST(d.get("/").status == 200);
  const auto metrics = d.get("/metrics");
  BOOST_TEST(metrics.body.find("portald_search_refused_total 2") != std::string::npos, metrics.body);
}

BOOST_AUTO_TEST_CASE(killed_mid_indexing_catches_up_without_duplicates) {
  Site site;
  // A corpus big enough that indexing takes a while, with ids that do not clash with the small one.
  const auto gen = test::run_command({"/usr/bin/python3", (test::shared_dir() / "corpus" / "gen_corpus.py").string(),
                                      "--count", "1500", "--seed", "11"});
  BOOST_REQUIRE_MESSAGE(gen.exit_code == 0, gen.err);
  std::istringstream in(gen.out);
  std::string line, first_part, second_part;
  for (int n = 0; std::getline(in, line); ++n) {
    json j = json::parse(line);
    j["id"] = "gen-" + std::to_string(j.at("id").get<int>());
    (n < 500 ? first_part : second_part) += j.dump() + "\n";
  }
  site.import("articles", first_part);

  // 1. Killed during the first build of the index.
  {
    test::RunningDaemon d(site.data);
    wait_until([&] { return d.log().find("search.rebuild_started") != std::string::npos; }, 20s, 5ms);
    std::this_thread::sleep_for(300ms);
    ::kill(d.pid(), SIGKILL);
    d.stop();
  }
  // 2. Restarted: rebuilds, then killed while following a big import.
  {
    test::RunningDaemon d(site.data);
    BOOST_REQUIRE(wait_until([&] { return search_ready(d); }, 60s));
    const std::size_t before = site.index_docs();
    site.import("articles", second_part);
    const bool mid = wait_until([&] { return site.index_docs() > before; }, 60s, 5ms);
    const std::size_t seen = site.index_docs();
    BOOST_TEST_MESSAGE("killed while following at " << seen << " of " << before + 1000 << " documents");
    BOOST_TEST(mid);
    ::kill(d.pid(), SIGKILL);
    d.stop();
  }
  // 3. Restarted: catches up from the cursor committed with the documents.
  test::RunningDaemon d(site.data);
  BOOST_REQUIRE(wait_until([&] { return search_ready(d); }, 10s));
  store::Store s(site.data, {});
  std::size_t published = 0;
  std::vector<std::uint64_t> ids;
  {
    const auto txn = s.read();
    published = txn.count(s.tables().articles_published);
    store::Cursor c(txn, s.tables().articles_published);
    for (bool ok = c.first(); ok; ok = c.next()) ids.push_back(store::read_be64(c.key().substr(c.key().size() - 8)));
  }
  BOOST_REQUIRE(wait_until([&] { return site.index_docs() == published + 1; }, 90s, 100ms));  // + the document
  json j;
  BOOST_REQUIRE(wait_until(
      [&] {
        j = json::parse(d.get("/api/v1/search?type=article&per_page=1").body);
        return j.contains("total") && j.at("total").get<std::size_t>() == published;
      },
      10s));
  Xapian::Database db(search::index_dir(site.data).string());
  for (const auto id : ids) BOOST_TEST(db.get_termfreq(search::id_term(search::ItemKind::article, id)) == 1u, id);
  BOOST_TEST(db.get_doccount() == published + 1);
}

BOOST_AUTO_TEST_CASE(reindex_runs_beside_the_daemon_and_when_it_is_stopped) {
  Site site;
  {
    test::RunningDaemon d(site.data);
    BOOST_REQUIRE(wait_until([&] { return search_ready(d); }, 30s));
    const auto r = test::portaldctl(site.data, {"reindex"});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("4 articles, 1 documents") != std::string::npos, r.out);
    BOOST_TEST(wait_until([&] { return d.log().find("search.index_switched") != std::string::npos; }, 5s));
    BOOST_TEST(total(d, "dak nong") == 1u);
  }
  const auto r = test::portaldctl(site.data, {"reindex"});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find("4 articles, 1 documents") != std::string::npos, r.out);
  test::RunningDaemon d(site.data);
  BOOST_TEST(wait_until([&] { return search_ready(d); }, 2s));  // no rebuild needed: ready at once
  BOOST_TEST(d.log().find("search.index_opened") != std::string::npos);
  BOOST_TEST(d.log().find("search.rebuild_started") == std::string::npos);
  BOOST_TEST(total(d, "1382") == 1u);
  // Each reindex wrote a new directory; the earlier ones are gone (the daemon was stopped for the last).
  std::vector<std::string> dirs;
  for (const auto& e : std::filesystem::directory_iterator(search::index_dir(site.data)))
    if (e.is_directory()) dirs.push_back(e.path().filename().string());
  BOOST_TEST(dirs == std::vector<std::string>{"index-3"});
}

BOOST_AUTO_TEST_SUITE_END()
