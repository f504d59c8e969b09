// Search over everything (issue 14): section pages, the English section (with an English analyser),
// topics, documents and articles, each filterable by type (and language), found after a rebuild and
// after following the change log.
#include <boost/test/unit_test.hpp>

#include "daemon/store/page_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "search/document_builder.hpp"
#include "tests/unit/search/search_fixture.hpp"

using namespace portald;
using search::ItemKind;

namespace {

struct SectionsFixture : test::SearchFixture {
  std::uint64_t treaties = 0, english = 0, topic = 0;
  SectionsFixture() {
    {
      auto txn = store.store.write();
      const auto& t = store.store.tables();
      model::SitePage p;
      p.lang = "vi";
      p.slug = "dieu-uoc-quoc-te";
      p.title = "Điều ước, thỏa thuận quốc tế";
      p.summary = "Điều ước quốc tế, thỏa thuận quốc tế liên quan đến tỉnh.";
      p.body_html = "<p>Danh sách điều ước quốc tế mà tỉnh là một bên.</p>";
      p.updated_at = test::kJan2024;
      treaties = store::put_site_page(txn, t, p);
      model::SitePage en;
      en.lang = "en";
      en.slug = "about";
      en.title = "About the Provincial People's Committee";
      en.body_html = "<p>The Committee oversees investment in industrial parks and welcomes investors.</p>";
      en.kind = model::PageKind::contacts;
      en.entries = {{"Nguyen Van A", "Chief of Office", "Office", "0000", "a@example.invalid"}};
      en.updated_at = test::kJan2024;
      english = store::put_site_page(txn, t, en);
      model::Topic tp;
      tp.slug = "chuyen-doi-so";
      tp.name = "Chuyển đổi số";
      tp.description = "Các tin về chính quyền số, kinh tế số và xã hội số của tỉnh.";
      tp.updated_at = test::kJan2024;
      topic = store::put_topic(txn, t, tp);
      txn.commit();
    }
    rebuild();
  }

  std::vector<std::string> urls(const std::string& q, search::SearchRequest r = {}) {
    std::vector<std::string> out;
    for (const auto& h : search(q, std::move(r))->hits) out.push_back(h.url);
    return out;
  }
};

search::SearchRequest of_type(std::string type, std::string lang = {}) {
  search::SearchRequest r;
  r.type = std::move(type);
  r.lang = std::move(lang);
  return r;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_sections)

BOOST_AUTO_TEST_CASE(a_section_page_is_found_with_or_without_diacritics) {
  SectionsFixture f;
  for (const char* q : {"điều ước quốc tế", "dieu uoc quoc te", "\"điều ước quốc tế\""}) {
    const auto res = f.search(q);
    BOOST_TEST_REQUIRE(!res->hits.empty(), q);
    BOOST_TEST(res->hits[0].url == "/trang/dieu-uoc-quoc-te", q);
    BOOST_TEST((res->hits[0].kind == ItemKind::page), q);
    BOOST_TEST(res->hits[0].title == "Điều ước, thỏa thuận quốc tế");
    BOOST_TEST(res->hits[0].snippet_html.find("<mark>") != std::string::npos, q);
  }
  // Filterable by type: pages only, or articles only (which it is not).
  BOOST_TEST(f.urls("điều ước quốc tế", of_type("page")) == std::vector<std::string>{"/trang/dieu-uoc-quoc-te"},
             boost::test_tools::per_element());
  BOOST_TEST(!contains(f.urls("điều ước quốc tế", of_type("article")), "/trang/dieu-uoc-quoc-te"));
  BOOST_TEST(f.search("", of_type("trang"))->total == 2u);  // both pages, by their Vietnamese name too
}

BOOST_AUTO_TEST_CASE(a_topic_is_found_and_filterable) {
  SectionsFixture f;
  const auto all = f.urls("chuyển đổi số");
  BOOST_TEST(contains(all, "/chuyen-de/chuyen-doi-so"));
  BOOST_TEST(f.urls("chinh quyen so", of_type("topic")) == std::vector<std::string>{"/chuyen-de/chuyen-doi-so"},
             boost::test_tools::per_element());
  BOOST_TEST(f.search("", of_type("chuyen-de"))->total == 1u);
}

BOOST_AUTO_TEST_CASE(english_pages_match_by_english_stems) {
  SectionsFixture f;
  // "committees" and "investing" are not in the text; "Committee" and "investment" are.
  for (const char* q : {"committees", "investing", "investors welcome", "Committee", "industrial park"}) {
    const auto urls = f.urls(q);
    BOOST_TEST(contains(urls, "/en/about"), q);
  }
  // The entries are searchable too.
  BOOST_TEST(contains(f.urls("Chief of Office"), "/en/about"));
  // Filter by language; English stemming never reaches Vietnamese items.
  BOOST_TEST(f.urls("committees", of_type("", "en")) == std::vector<std::string>{"/en/about"},
             boost::test_tools::per_element());
  BOOST_TEST(f.urls("committees", of_type("", "vi")).empty());
  BOOST_TEST(f.search("", of_type("page", "en"))->total == 1u);
  const auto en = f.search("investing", of_type("page"));
  BOOST_TEST_REQUIRE(en->hits.size() == 1u);
  BOOST_TEST((en->hits[0].kind == ItemKind::page));
}

BOOST_AUTO_TEST_CASE(pages_and_topics_follow_the_change_log) {
  SectionsFixture f;
  BOOST_TEST(!contains(f.urls("hợp tác kết nghĩa"), "/trang/dieu-uoc-quoc-te"));
  {
    auto txn = f.store.store.write();
    const auto& t = f.store.store.tables();
    auto p = *store::get_site_page(txn, t, f.treaties);
    p.body_html = "<p>Thỏa thuận hợp tác kết nghĩa với tỉnh bạn.</p>";
    store::put_site_page(txn, t, p);
    auto tp = *store::find_topic(txn, t, "chuyen-doi-so");
    tp.name = "Chuyển đổi số và đô thị thông minh";
    store::put_topic(txn, t, tp);
    txn.commit();
  }
  BOOST_TEST(f.follow() == 2u);
  BOOST_TEST(contains(f.urls("hợp tác kết nghĩa"), "/trang/dieu-uoc-quoc-te"));
  BOOST_TEST(contains(f.urls("đô thị thông minh"), "/chuyen-de/chuyen-doi-so"));
  // Articles and documents are still there beside them.
  BOOST_TEST(f.search("", of_type("article"))->total == test::fixture_articles().size());
  BOOST_TEST(f.search("", of_type("document"))->total == test::fixture_documents().size());
}

BOOST_AUTO_TEST_CASE(stored_items_round_trip_with_their_urls) {
  search::StoredItem page{ItemKind::page, 3, "about", "About", 100, {}, {}, {}, {}, "text", "en"};
  const auto back = search::decode_item(search::encode_item(page));
  BOOST_TEST_REQUIRE(back.has_value());
  BOOST_TEST(back->lang == "en");
  BOOST_TEST(search::item_url(*back) == "/en/about");
  page.lang = "vi";
  page.slug = "lien-he";
  BOOST_TEST(search::item_url(page) == "/trang/lien-he");
  const search::StoredItem topic{ItemKind::topic, 2, "chuyen-doi-so", "x", 0, {}, {}, {}, {}, {}, "vi"};
  BOOST_TEST(search::item_url(topic) == "/chuyen-de/chuyen-doi-so");
  BOOST_TEST(search::to_string(ItemKind::page) == "page");
  BOOST_TEST(search::to_string(ItemKind::topic) == "topic");
}

BOOST_AUTO_TEST_SUITE_END()
