// Phrase pairs (search-phrase-pairs, issue 17): an index built with them answers every query exactly as
// one built without them, quoted phrases included (the pairs only narrow which items get Xapian's
// position check); the documents hold the pairs, also those added later by following the change log;
// and a query keeps its meaning when a phrase is negated, alternated or fielded.
#include <boost/test/unit_test.hpp>

#include "daemon/store/article_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "search/index_layout.hpp"
#include "search/query_builder.hpp"
#include "tests/unit/search/search_fixture.hpp"

using namespace portald;

namespace {

test::SearchFixture& without_pairs() {
  static test::SearchFixture f(false);
  return f;
}

test::SearchFixture& with_pairs() {
  static test::SearchFixture f(true);
  return f;
}

bool has_term(const std::filesystem::path& dir, const std::string& term) {
  const Xapian::Database db(search::live_index(dir).value_or(dir).string());
  return db.term_exists(term);
}

std::string described(const std::string& q, bool phrase_pairs) {
  search::QueryBuilder builder;
  search::SearchRequest r;
  r.q = q;
  return builder.build(r, phrase_pairs).query.get_description();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(phrase_pairs)

BOOST_AUTO_TEST_CASE(both_indexes_answer_every_query_alike) {
  for (const char* q : {
           "\"phat trien kinh te\"",
           "\"phát triển kinh tế\"",
           "\"cong nghe cao\"",
           "\"nông nghiệp\"",
           "\"Đắk Nông\" công nghệ",
           "\"nong nghiep\" \"cong nghe\"",
           "-\"nong nghiep\" tinh",
           "\"nong nghiep\" OR \"hoa binh\"",
           "title:\"nong nghiep\"",
           "\"dak nong",
           "\"hat dieu\"",
           "\"kinh te phat trien\"",
           "\"nông\"",
           "\"\"",
           "phat trien kinh te",
           "nông nghiệp",
       }) {
    BOOST_TEST_CONTEXT(q) {
      BOOST_TEST(with_pairs().keys(q) == without_pairs().keys(q), boost::test_tools::per_element());
    }
  }
  BOOST_TEST(with_pairs().rank("\"phát triển kinh tế\"", "growth_phrase") == 0);
  BOOST_TEST(with_pairs().rank("\"phat trien kinh te\"", "growth_apart") == -1);
}

BOOST_AUTO_TEST_CASE(only_the_index_built_with_pairs_holds_them) {
  BOOST_TEST(has_term(with_pairs().dir, "XQphat_trien"));
  BOOST_TEST(has_term(with_pairs().dir, "XQnong_nghiep"));
  BOOST_TEST(!has_term(without_pairs().dir, "XQphat_trien"));
  const search::IndexWriter writer(with_pairs().dir, search::IndexWriter::Mode::open_or_create);
  BOOST_TEST(writer.phrase_pairs());
}

BOOST_AUTO_TEST_CASE(following_the_change_log_keeps_adding_pairs) {
  test::SearchFixture f(true);
  {
    auto txn = f.store.store.write();
    const auto& t = f.store.store.tables();
    model::Article a;
    a.title = "Lễ hội hoa dã quỳ";
    a.slug = "le-hoi-hoa-da-quy";
    a.body_html = "<p>Du khách ngắm hoa dã quỳ trên núi lửa Chư Đăng Ya.</p>";
    a.category_id = store::ensure_category(txn, t, "Văn hóa - Du lịch");
    a.status = model::ArticleStatus::published;
    a.published_at = test::kJan2024;
    store::put_article(txn, t, a);
    txn.commit();
  }
  BOOST_TEST(f.follow() > 0u);
  BOOST_TEST(has_term(f.dir, "XQnui_lua"));
  BOOST_TEST(f.keys("\"núi lửa Chư Đăng\"").size() == 1u);
}

BOOST_AUTO_TEST_CASE(pairs_narrow_plain_phrases_only) {
  BOOST_TEST(described("\"phat trien kinh te\"", true).find("XQphat_trien") != std::string::npos);
  BOOST_TEST(described("\"phat trien kinh te\"", false).find("XQ") == std::string::npos);
  BOOST_TEST(described("\"Đắk Nông\" công nghệ", true).find("XQdak_nong") != std::string::npos);
  // Negated, alternated, fielded or unbalanced: no pair is required.
  for (const char* q : {"-\"nong nghiep\" tinh", "\"nong nghiep\" OR \"hoa binh\"", "title:\"nong nghiep\"",
                        "\"dak nong", "\"nông\"", "nong nghiep"})
    BOOST_TEST(described(q, true).find("XQ") == std::string::npos, q);
}

BOOST_AUTO_TEST_SUITE_END()
