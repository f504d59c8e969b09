// Published citizens' questions in the search (issue 12): found by title, text and answer with their own
// type ("question", "hoi-dap") and URL, filterable by the answering agency, dated by publication; the
// unpublished never indexed, a question taken back leaves the index when the change log is followed,
// and nothing personal (name, contacts, tracking code) is searchable.
#include <boost/test/unit_test.hpp>

#include "daemon/store/question_table.hpp"
#include "search/document_builder.hpp"
#include "tests/unit/search/search_fixture.hpp"

using namespace portald;
using model::QuestionState;
using search::ItemKind;

namespace {

constexpr model::UnixTime kPublished = test::kJan2024 + 40 * test::kDay;

struct QuestionsFixture : test::SearchFixture {
  std::uint64_t land_agency = 0, next_id = 1;
  std::uint64_t land = 0, pending = 0, closed = 0;

  QuestionsFixture() {
    auto txn = store.store.write();
    const auto& t = store.store.tables();
    land_agency = store::ensure_agency(txn, t, "Sở Tài nguyên và Môi trường");
    land = put(txn, "Thời hạn cấp giấy chứng nhận quyền sử dụng đất",
               "Tôi nộp hồ sơ cấp sổ đỏ đã ba tháng, email ***@***, bao giờ có kết quả?",
               "Theo quy định, thời hạn giải quyết là 30 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
               QuestionState::published);
    pending = put(txn, "Hỗ trợ học phí cho học sinh vùng cao", "Gia đình tôi ở xã vùng cao, con có được miễn học phí?",
                  "Được miễn học phí theo nghị định của Chính phủ.", QuestionState::approved);
    closed =
        put(txn, "Phản ánh tiếng ồn công trường ban đêm", "Công trường gây ồn sau 22 giờ.", "", QuestionState::closed);
    txn.commit();
    rebuild();
  }

  std::uint64_t put(store::WriteTxn& txn, const std::string& title, const std::string& text, const std::string& answer,
                    QuestionState state) {
    model::Question q;
    q.id = next_id++;
    q.code = "KMQ4-TXA9-RPW" + std::to_string(q.id);
    q.received_at = test::kJan2024 + 30 * test::kDay;
    q.state = state;
    q.field = "Đất đai";
    q.agency_id = land_agency;
    q.title = title;
    q.text = text;
    q.sealed_private = "hidden-contact-vuthiha@example.vn-0912345678";
    q.masked_name = "Vũ T. H.";
    q.may_publish = true;
    q.answer = answer;
    q.answered_at = kPublished - test::kDay;
    if (state == QuestionState::published) q.published_at = kPublished;
    store::put_question(txn, store.store.tables(), q, std::nullopt);
    return q.id;
  }

  // Moves question `id` to `state` as the service does (the stored record as `previous`).
  void set_state(std::uint64_t id, QuestionState state) {
    auto txn = store.store.write();
    const auto& t = store.store.tables();
    const auto previous = store::get_question(txn, t, id);
    BOOST_TEST_REQUIRE(previous.has_value());
    model::Question q = *previous;
    q.state = state;
    q.published_at = state == QuestionState::published ? kPublished + test::kDay : 0;
    store::put_question(txn, t, q, previous);
    txn.commit();
  }

  std::vector<std::string> urls(const std::string& q, search::SearchRequest r = {}) {
    std::vector<std::string> out;
    for (const auto& h : search(q, std::move(r))->hits) out.push_back(h.url);
    return out;
  }

  std::string url(std::uint64_t id) const { return "/hoi-dap/" + std::to_string(id); }
};

search::SearchRequest of_type(std::string type) {
  search::SearchRequest r;
  r.type = std::move(type);
  return r;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_questions)

BOOST_AUTO_TEST_CASE(a_published_question_is_found_by_title_text_and_answer_with_its_type_and_url) {
  QuestionsFixture f;
  for (const char* q :
       {"giấy chứng nhận quyền sử dụng đất", "giay chung nhan quyen su dung dat", "sổ đỏ", "30 ngày làm việc"}) {
    const auto res = f.search(q);
    BOOST_TEST_REQUIRE(!res->hits.empty(), q);
    const auto& hit = res->hits[0];
    BOOST_TEST(hit.url == f.url(f.land), q);
    BOOST_TEST((hit.kind == ItemKind::question), q);
    BOOST_TEST(hit.title == "Thời hạn cấp giấy chứng nhận quyền sử dụng đất");
    BOOST_TEST(hit.published_at == kPublished);
    BOOST_TEST(hit.agency == "Sở Tài nguyên và Môi trường");
    BOOST_TEST(hit.category == "Đất đai");
    BOOST_TEST(hit.snippet_html.find("<mark>") != std::string::npos, q);
  }
  // Its own type, by its English and its Vietnamese name; other types never return it.
  for (const char* type : {"question", "hoi-dap", "Hỏi đáp"})
    BOOST_TEST(f.urls("", of_type(type)) == std::vector<std::string>{f.url(f.land)}, boost::test_tools::per_element());
  BOOST_TEST(!contains(f.urls("giấy chứng nhận", of_type("article")), f.url(f.land)));
  BOOST_TEST(f.search("", of_type("article"))->total == test::fixture_articles().size());
  // The answering agency is a filter (its slug), and the date range is the publication date.
  search::SearchRequest by_agency;
  by_agency.agency = "so-tai-nguyen-va-moi-truong";
  BOOST_TEST(contains(f.urls("", by_agency), f.url(f.land)));
  by_agency.agency = "so-y-te";
  BOOST_TEST(!contains(f.urls("", by_agency), f.url(f.land)));
  search::SearchRequest dated;
  dated.from_day = static_cast<std::int32_t>((kPublished + model::kVietnamOffsetSeconds) / 86400);
  dated.to_day = dated.from_day;
  BOOST_TEST(f.urls("", dated) == std::vector<std::string>{f.url(f.land)}, boost::test_tools::per_element());
  // The agency filter lists it among its values for the search form.
  bool listed = false;
  for (const auto& a : f.service->facets()->agencies) listed |= a.slug == "so-tai-nguyen-va-moi-truong";
  BOOST_TEST(listed);
}

BOOST_AUTO_TEST_CASE(questions_that_are_not_published_are_not_in_the_index) {
  QuestionsFixture f;
  BOOST_TEST(f.urls("học phí vùng cao").empty());
  BOOST_TEST(f.urls("tiếng ồn công trường").empty());
  BOOST_TEST(f.search("", of_type("question"))->total == 1u);
}

BOOST_AUTO_TEST_CASE(nothing_personal_is_searchable) {
  QuestionsFixture f;
  // The sealed contacts, the masked name and the tracking code are in the record but not in the index.
  for (const char* q : {"vuthiha", "example.vn", "0912345678", "hidden-contact", "Vũ T. H.", "KMQ4", "KMQ4-TXA9-RPW1"})
    BOOST_TEST(f.search(q, of_type("question"))->total == 0u, q);
  const auto hit = f.search("sổ đỏ")->hits.at(0);
  BOOST_TEST(hit.snippet_html.find("example") == std::string::npos);
  const Xapian::Database db(f.dir.string());
  const auto data = db.get_document(*db.postlist_begin(search::id_term(ItemKind::question, f.land))).get_data();
  for (const char* secret : {"vuthiha", "0912345678", "KMQ4", "Vũ T. H."})
    BOOST_TEST(data.find(secret) == std::string::npos, secret);
}

BOOST_AUTO_TEST_CASE(publishing_and_taking_back_follow_the_change_log) {
  QuestionsFixture f;
  f.set_state(f.pending, QuestionState::published);
  BOOST_TEST(f.follow() == 1u);
  BOOST_TEST(f.urls("học phí vùng cao") == std::vector<std::string>{f.url(f.pending)},
             boost::test_tools::per_element());
  BOOST_TEST(f.search("", of_type("hoi-dap"))->total == 2u);

  // Closed after publication: the change entry removes its document.
  f.set_state(f.land, QuestionState::closed);
  BOOST_TEST(f.follow() == 1u);
  BOOST_TEST(f.urls("giấy chứng nhận quyền sử dụng đất").empty());
  BOOST_TEST(f.search("", of_type("question"))->total == 1u);

  // A private handling step appends no change: nothing for the indexer to do.
  f.set_state(f.closed, QuestionState::assigned);
  BOOST_TEST(f.follow() == 0u);
}

BOOST_AUTO_TEST_CASE(renaming_the_answering_agency_reindexes_its_questions) {
  QuestionsFixture f;
  {
    auto txn = f.store.store.write();
    BOOST_TEST_REQUIRE(
        store::rename_agency(txn, f.store.store.tables(), f.land_agency, "Sở Nông nghiệp và Môi trường"));
    txn.commit();
  }
  f.follow();
  const auto res = f.search("sổ đỏ", of_type("question"));
  BOOST_TEST_REQUIRE(res->hits.size() == 1u);
  BOOST_TEST(res->hits[0].agency == "Sở Nông nghiệp và Môi trường");
  BOOST_TEST(f.urls("nông nghiệp và môi trường", of_type("question")) == std::vector<std::string>{f.url(f.land)},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_question_item_round_trips_with_its_url) {
  const search::StoredItem q{ItemKind::question, 5, {}, "Hỏi", 100, "Đất đai", "Sở", {}, {}, "text", "vi"};
  const auto back = search::decode_item(search::encode_item(q));
  BOOST_TEST_REQUIRE(back.has_value());
  BOOST_TEST((back->kind == ItemKind::question));
  BOOST_TEST(search::item_url(*back) == "/hoi-dap/5");
  BOOST_TEST(search::to_string(ItemKind::question) == "question");
  BOOST_TEST(search::id_term(ItemKind::question, 5) == "Qq5");
}

BOOST_AUTO_TEST_SUITE_END()
