// Relevance on our own fixture corpus: what readers type (no diacritics, NFD, the other tone
// placement, upper case, phrases, document numbers) finds the expected item in the top 3, and exact
// diacritics rank above folded-only matches.
#include <boost/test/unit_test.hpp>

#include "tests/unit/search/search_fixture.hpp"

using namespace portald;

namespace {

test::SearchFixture& fixture() {
  // Built once: every case here only reads.
  static test::SearchFixture f;
  return f;
}

void expect_top3(const std::string& q, const std::string& key) {
  const int r = fixture().rank(q, key);
  BOOST_TEST((r >= 0 && r < 3), "'" << q << "' puts " << key << " at rank " << r);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_relevance)

BOOST_AUTO_TEST_CASE(queries_without_diacritics_find_texts_with_them) {
  expect_top3("dak nong", "dak_nong");
  expect_top3("nong nghiep cong nghe cao", "dak_nong");
  expect_top3("thuy loi dak mil", "irrigation_old");
  expect_top3("suc khoe nguoi cao tuoi", "health_new");
  expect_top3("chuyen doi so", "cites_decision");
}

BOOST_AUTO_TEST_CASE(decomposed_unicode_queries_find_precomposed_text) {
  expect_top3("no\xCC\x82ng nghie\xCC\xA3\xCC\x82p", "dak_nong");  // nông nghiệp, NFD
  expect_top3(
      "\xC4\x90"
      "a\xCC\x86\xCC\x81k No\xCC\x82ng",
      "dak_nong");
}

BOOST_AUTO_TEST_CASE(either_tone_placement_finds_the_other) {
  expect_top3("thuỷ lợi", "irrigation_old");  // new placement typed, old stored
  expect_top3("sức khỏe", "health_new");      // old placement typed, new stored
  expect_top3("hòa bình", "peace");           // old typed, new stored
  // Exact-diacritics ranking works across conventions: "hòa" is "hoà", not "hoá" or "hoạ".
  BOOST_TEST(fixture().rank("hòa", "peace") == 0);
  BOOST_TEST(fixture().rank("hoá", "chemicals") == 0);
  BOOST_TEST(fixture().rank("họa", "painter") == 0);
}

BOOST_AUTO_TEST_CASE(upper_case_is_the_same_word) {
  expect_top3("ĐẮK NÔNG", "dak_nong");
  expect_top3("THUY LOI", "irrigation_old");
}

BOOST_AUTO_TEST_CASE(exact_diacritics_rank_above_folded_matches) {
  // "bán" (selling) above "bàn" (tables), and the other way round; without diacritics both come.
  const auto selling = fixture().keys("bán");
  BOOST_REQUIRE(selling.size() >= 2u);
  BOOST_TEST(selling[0] == "ban_selling");
  BOOST_TEST(fixture().rank("bán", "ban_table") > 0);
  BOOST_TEST(fixture().rank("bàn", "ban_table") == 0);
  BOOST_TEST(fixture().rank("ban", "ban_selling") >= 0);
  BOOST_TEST(fixture().rank("ban", "ban_table") >= 0);
}

BOOST_AUTO_TEST_CASE(phrases_in_quotes_match_adjacent_words_also_without_diacritics) {
  const auto hits = fixture().keys("\"phat trien kinh te\"");
  BOOST_TEST(hits.size() == 1u);
  BOOST_TEST(fixture().rank("\"phát triển kinh tế\"", "growth_phrase") == 0);
  BOOST_TEST(fixture().rank("\"phat trien kinh te\"", "growth_apart") == -1);
  // Unquoted, both match, but the adjacent syllables rank first.
  BOOST_TEST(fixture().rank("phat trien kinh te", "growth_phrase") == 0);
  BOOST_TEST(fixture().rank("phat trien kinh te", "growth_apart") > 0);
}

BOOST_AUTO_TEST_CASE(document_numbers_work_as_typed) {
  for (const char* q : {"1382/QĐ-UBND", "1382/qd-ubnd", "1382/QD-UBND", "1382", "số 1382/QĐ-UBND"})
    BOOST_TEST(fixture().rank(q, "decision_1382") == 0, q);
  // The article that cites the number is found too, after the document itself.
  BOOST_TEST(fixture().rank("1382/QĐ-UBND", "cites_decision") > 0);
  BOOST_TEST(fixture().rank("12/2024/nq-hdnd", "resolution_12") == 0);
  BOOST_TEST(fixture().rank("12/2024/NQ-HĐND", "resolution_12") == 0);
  // Another number of the same issuer is not a match for this one.
  BOOST_TEST(fixture().rank("1382/QĐ-UBND", "decision_55") == -1);
}

BOOST_AUTO_TEST_CASE(field_prefixes_for_title_and_agency) {
  // "thủy lợi" is in one article's title and in a document's abstract (a document's title field);
  // the health article mentions neither in its title.
  const auto in_title = fixture().keys("title:(thuy loi)");
  BOOST_TEST(in_title.size() == 2u);
  BOOST_TEST(fixture().rank("tieude:(thuỷ lợi)", "irrigation_old") >= 0);
  BOOST_TEST(fixture().rank("tieude:(thuỷ lợi)", "decision_55") >= 0);
  BOOST_TEST(fixture().rank("title:(suc khoe)", "health_new") == 0);
  BOOST_TEST(fixture().rank("title:(tram y te)", "health_new") == -1);  // only in its body
  const auto by_agency = fixture().keys("agency:(so y te)");
  BOOST_TEST(by_agency.size() == 2u);
  for (const auto& k : by_agency) BOOST_TEST((k == "health_new" || k == "filler_3"), k);
}

BOOST_AUTO_TEST_CASE(snippets_highlight_the_matched_words) {
  const auto r = fixture().search("dak nong");
  BOOST_REQUIRE(!r->hits.empty());
  const auto& hit = r->hits[0];
  BOOST_TEST(hit.snippet_html.find("<mark>Đắk</mark> <mark>Nông</mark>") != std::string::npos, hit.snippet_html);
  BOOST_TEST(hit.title_html.find("<mark>Đắk</mark>") != std::string::npos, hit.title_html);
  // Phrases are highlighted too.
  const auto p = fixture().search("\"cong nghe cao\"");
  BOOST_REQUIRE(!p->hits.empty());
  BOOST_TEST(p->hits[0].snippet_html.find("<mark>công</mark> <mark>nghệ</mark> <mark>cao</mark>") != std::string::npos,
             p->hits[0].snippet_html);
}

BOOST_AUTO_TEST_CASE(did_you_mean_offers_a_correction_for_a_typo) {
  const auto r = fixture().search("nong nghiepp");
  BOOST_TEST(r->total == 0u);
  BOOST_TEST(r->suggestion.find("nghiệp") != std::string::npos, "suggestion: " << r->suggestion);
  // A correct query without diacritics is not "corrected" into one with them.
  BOOST_TEST(fixture().search("nong nghiep")->suggestion.empty());
}

BOOST_AUTO_TEST_CASE(autocomplete_completes_the_last_word_with_or_without_diacritics) {
  for (const char* typed : {"phat tri", "phát tri", "PHAT TRI"}) {
    const auto c = fixture().service->complete(typed);
    BOOST_REQUIRE(c);
    BOOST_REQUIRE(!c->empty());
    BOOST_TEST(c->front() == "phát triển", typed);
  }
  const auto one = fixture().service->complete("nông ngh");
  BOOST_REQUIRE(one && !one->empty());
  BOOST_TEST(one->front() == "nông nghiệp");
  BOOST_TEST(fixture().service->complete("nông nghiệp ")->empty());  // finished word: nothing to complete
  BOOST_TEST(fixture().service->complete("")->empty());
}

BOOST_AUTO_TEST_SUITE_END()
