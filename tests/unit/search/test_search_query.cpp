// The query path with everything a reader (or a robot) can send: filters, sort and pages, and bad
// input (very long text, unbalanced quotes, operator soup, invalid UTF-8, NUL, unknown prefixes),
// which must give best-effort results, never an exception.
#include <boost/test/unit_test.hpp>

#include "daemon/model/text.hpp"
#include "tests/unit/search/search_fixture.hpp"

using namespace portald;

namespace {

test::SearchFixture& fixture() {
  static test::SearchFixture f;
  return f;
}

search::SearchRequest with(std::function<void(search::SearchRequest&)> set) {
  search::SearchRequest r;
  set(r);
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_query)

BOOST_AUTO_TEST_CASE(bad_input_gives_best_effort_results_not_errors) {
  const std::vector<std::string> inputs{
      "\"dak nong",                  // unbalanced quote
      "AND OR NOT ( ) \" +- ~ ^ *",  // operator soup
      "dak AND OR nong",
      "((((dak nong",
      "-",
      "NOT dak",
      "foo:bar baz:(qux",           // unknown prefixes
      std::string("dak\0nong", 9),  // NUL
      "dak \xFF\xFE nong \xC3",     // invalid UTF-8
      "title: agency:",
      "*",
      "\"\"",
      std::string(5000, 'a'),
      "",
  };
  for (const auto& q : inputs) {
    std::shared_ptr<const search::SearchResult> r;
    BOOST_CHECK_NO_THROW(r = fixture().search(q));
    BOOST_REQUIRE(r);
    BOOST_TEST(model::is_valid_utf8(r->text), "text of " << q.size() << "-byte input");
  }
  // Best effort means the words still count.
  BOOST_TEST(fixture().rank("\"dak nong", "dak_nong") == 0);
  BOOST_TEST(fixture().rank("dak AND OR nong", "dak_nong") == 0);
  BOOST_TEST(fixture().rank(std::string("dak\0nong", 9), "dak_nong") == 0);
  BOOST_TEST(fixture().rank("dak \xFF\xFE nong \xC3", "dak_nong") == 0);
}

BOOST_AUTO_TEST_CASE(long_queries_are_cut_to_the_limits) {
  std::string q = "dak nong";
  for (int i = 0; i < 300; ++i) q += " nông";
  const auto r = fixture().search(q);
  BOOST_TEST(r->cut);
  BOOST_TEST(model::count_code_points(r->text) <= search::limits::query_chars);
  BOOST_TEST(r->text.starts_with("dak nong"));
  std::string many;
  for (int i = 0; i < 100; ++i) many += "a" + std::to_string(i) + " ";
  BOOST_TEST(fixture().search(many)->cut);
  BOOST_TEST(!fixture().search("dak nong")->cut);
}

BOOST_AUTO_TEST_CASE(no_text_and_no_filter_searches_nothing) {
  const auto r = fixture().search("   ");
  BOOST_TEST(!r->searched);
  BOOST_TEST(r->total == 0u);
  BOOST_TEST(r->hits.empty());
}

BOOST_AUTO_TEST_CASE(filters_by_type_category_agency_and_dates) {
  auto& f = fixture();
  const auto docs = f.search("", with([](auto& r) { r.type = "document"; }));
  BOOST_TEST(docs->total == test::fixture_documents().size());
  const auto decisions = f.keys("", with([](auto& r) { r.type = "quyet-dinh"; }));
  BOOST_TEST(decisions.size() == 2u);
  const auto decisions_by_name = f.keys("", with([](auto& r) { r.type = "Quyết định"; }));
  BOOST_TEST(decisions_by_name.size() == 2u);
  const auto articles = f.search("", with([](auto& r) { r.type = "article"; }));
  BOOST_TEST(articles->total == test::fixture_articles().size());

  const auto health = f.keys("", with([](auto& r) { r.category = "y-te"; }));
  BOOST_TEST(health.size() == 2u);
  const auto agency = f.keys("kiem tra", with([](auto& r) { r.agency = "so-y-te"; }));
  BOOST_TEST(agency == std::vector<std::string>{"filler_3"}, boost::test_tools::per_element());
  // Dates: 2024-01-08 (day 19730) is document 1382's issue date and article "irrigation_old"'s.
  const auto day = f.keys("", with([](auto& r) { r.from_day = r.to_day = 19730; }));
  BOOST_TEST(day.size() == 2u);
  const auto from = f.search("", with([](auto& r) { r.from_day = 19740; }));
  BOOST_TEST(from->total == 4u);  // 2024-01-18 onwards: 2 articles, 2 documents
  const auto until = f.search("", with([](auto& r) { r.to_day = 19724; }));
  BOOST_TEST(until->total == 1u);  // up to 2024-01-02
  BOOST_TEST(f.search("nong nghiep", with([](auto& r) { r.type = "document"; }))->total == 1u);
}

BOOST_AUTO_TEST_CASE(sort_by_newest_and_pages) {
  auto& f = fixture();
  const auto newest = f.search("kiem tra", with([](auto& r) { r.sort = search::SortOrder::newest; }));
  BOOST_REQUIRE(newest->hits.size() >= 2u);
  for (std::size_t i = 1; i < newest->hits.size(); ++i)
    BOOST_TEST(newest->hits[i - 1].published_at >= newest->hits[i].published_at);

  const auto all = f.search("", with([](auto& r) {
                              r.type = "article";
                              r.per_page = 50;
                            }));
  const auto p1 = f.search("", with([](auto& r) {
                             r.type = "article";
                             r.per_page = 5;
                           }));
  const auto p2 = f.search("", with([](auto& r) {
                             r.type = "article";
                             r.per_page = 5;
                             r.page = 2;
                           }));
  BOOST_REQUIRE(p1->hits.size() == 5u);
  BOOST_REQUIRE(p2->hits.size() == 5u);
  BOOST_TEST(p1->total == all->total);
  BOOST_TEST(p2->hits[0].id == all->hits[5].id);
  BOOST_TEST(p1->hits[0].published_at > p2->hits[0].published_at);  // no text: newest first
  const auto beyond = f.search("", with([](auto& r) {
                                 r.type = "article";
                                 r.page = 100;
                               }));
  BOOST_TEST(beyond->hits.empty());
  BOOST_TEST(beyond->total == all->total);
  const auto deep = f.search("", with([](auto& r) {
                               r.page = 1000000;
                               r.per_page = 50;
                             }));
  BOOST_TEST(deep->hits.empty());
}

BOOST_AUTO_TEST_CASE(hits_carry_what_a_result_list_shows) {
  const auto r = fixture().search("1382/QĐ-UBND");
  BOOST_REQUIRE(!r->hits.empty());
  const auto& doc = r->hits[0];
  BOOST_TEST((doc.kind == search::ItemKind::document));
  BOOST_TEST(doc.title == "Quyết định số 1382/QĐ-UBND");
  BOOST_TEST(doc.url == "/van-ban/1382-qd-ubnd-" + std::to_string(fixture().ids.at("decision_1382")));
  BOOST_TEST(doc.agency == "Ủy ban nhân dân tỉnh");
  const auto a = fixture().search("dak nong")->hits.at(0);
  BOOST_TEST((a.kind == search::ItemKind::article));
  BOOST_TEST(a.url == "/tin-tuc/tinh-dak-nong-trien-khai-nong-nghiep-cong-nghe-cao-" +
                          std::to_string(fixture().ids.at("dak_nong")));
  BOOST_TEST(a.published_at == test::kJan2024 + 3 * test::kDay);
  BOOST_TEST(a.category == "Nông nghiệp - Nông thôn");
}

BOOST_AUTO_TEST_CASE(snippets_are_html_escaped) {
  test::SearchFixture f;
  {
    auto txn = f.store.store.write();
    model::Article a;
    a.title = "Cảnh báo <script>alert(1)</script> lừa đảo";
    a.slug = "canh-bao";
    a.body_html = "<p>Kẻ gian gửi &lt;img src=x onerror=alert(1)&gt; &amp; đường link lừa đảo.</p>";
    a.status = model::ArticleStatus::published;
    a.category_id = store::ensure_category(txn, f.store.store.tables(), "Thời sự");
    store::put_article(txn, f.store.store.tables(), a);
    txn.commit();
  }
  f.follow();
  const auto r = f.search("lua dao");
  BOOST_REQUIRE(r->hits.size() == 1u);
  const auto& h = r->hits[0];
  BOOST_TEST(h.snippet_html.find('<') == h.snippet_html.find("<mark>"), h.snippet_html);
  BOOST_TEST(h.snippet_html.find("&lt;img") != std::string::npos, h.snippet_html);
  BOOST_TEST(h.title_html.find("<script>") == std::string::npos, h.title_html);
  BOOST_TEST(h.title_html.find("&lt;script&gt;") != std::string::npos, h.title_html);
}

BOOST_AUTO_TEST_CASE(snippets_show_a_match_far_into_a_long_text) {
  // Regression: with SNIPPET_BACKGROUND_MODEL alone, Xapian returned the first words ("Chiều 20/5…")
  // of long texts whose matches came later.
  test::SearchFixture f;
  std::string body = "<p>Chiều 20/5, Ủy ban nhân dân tỉnh tổ chức phiên họp chuyên đề.</p>";
  for (int i = 0; i < 40; ++i)
    body += "<p>Các đại biểu thảo luận, làm rõ những khó khăn, vướng mắc trong quản lý rừng.</p>";
  body += "<p>Tỉnh ưu tiên vốn cho sản xuất hạt điều sạch.</p>";
  {
    auto txn = f.store.store.write();
    model::Article a;
    a.title = "Phiên họp chuyên đề";
    a.slug = "phien-hop";
    a.body_html = body;
    a.status = model::ArticleStatus::published;
    a.category_id = store::ensure_category(txn, f.store.store.tables(), "Thời sự");
    store::put_article(txn, f.store.store.tables(), a);
    txn.commit();
  }
  f.follow();
  const auto r = f.search("\"hat dieu\"");
  BOOST_REQUIRE(r->hits.size() == 1u);
  BOOST_TEST(r->hits[0].snippet_html.find("<mark>hạt</mark> <mark>điều</mark>") != std::string::npos,
             r->hits[0].snippet_html);
}

BOOST_AUTO_TEST_CASE(filter_values_are_listed_with_their_names) {
  const auto facets = fixture().service->facets();
  BOOST_REQUIRE(facets);
  bool health = false, council = false;
  for (const auto& a : facets->agencies) {
    health = health || (a.slug == "so-y-te" && a.name == "Sở Y tế");
    council = council || (a.slug == "hoi-dong-nhan-dan-tinh" && a.name == "Hội đồng nhân dân tỉnh");  // an issuer
  }
  BOOST_TEST(health);
  BOOST_TEST(council);
  BOOST_REQUIRE(facets->doc_types.size() == 2u);
  BOOST_TEST(facets->doc_types[0].name == "Nghị quyết");
  BOOST_TEST(facets->doc_types[1].slug == "quyet-dinh");
}

BOOST_AUTO_TEST_SUITE_END()
