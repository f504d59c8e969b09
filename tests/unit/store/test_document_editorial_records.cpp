// The stored format of a legal document's workflow state and revisions (issue 14): each round-trips to
// the same bytes, a revision keeps its content (attachments included) as a nested object, revisions are
// numbered per document, and an unknown state is an error instead of a draft.
#include <boost/test/unit_test.hpp>

#include "daemon/store/document_editorial_table.hpp"
#include "tests/unit/store/raw_records.hpp"

using namespace portald;
using store::be64;
using store::Tables;

namespace {

std::string revision_key(std::uint64_t document, std::uint32_t n) { return be64(document) + be64(n).substr(4); }

}  // namespace

BOOST_AUTO_TEST_SUITE(document_editorial_records)

BOOST_AUTO_TEST_CASE(document_state_round_trips_and_reads_defaults) {
  test::TempStore s;
  test::put_raw(s, &Tables::document_editorial, be64(6), R"({"document_id":6,"v":1})");
  const auto bare = test::read(s, [](auto& txn, auto& t) { return store::get_document_state(txn, t, 6); });
  BOOST_REQUIRE(bare);
  BOOST_TEST((bare->state == model::ArticleStatus::draft));
  BOOST_TEST(bare->work_revision == 0u);
  BOOST_TEST(!test::read(s, [](auto& txn, auto& t) { return store::get_document_state(txn, t, 7); }).has_value());

  const model::DocumentState state{.document_id = 7,
                                   .state = model::ArticleStatus::awaiting_approval,
                                   .created_by = "lan",
                                   .work_revision = 3,
                                   .reason = "sửa",
                                   .last_actor = "minh",
                                   .since = 4};
  test::write(s, [&](auto& txn, auto& t) { store::put_document_state(txn, t, state); });
  test::check_round_trip(
      s, &Tables::document_editorial, be64(7),
      R"({"created_by":"lan","document_id":7,"last_actor":"minh","reason":"sửa","since":4,)"
      R"("state":"awaiting-approval","v":1,"work_revision":3})",
      [](auto& txn, auto& t) { return *store::get_document_state(txn, t, 7); },
      [](auto& txn, auto& t, const auto& back) { store::put_document_state(txn, t, back); });
}

BOOST_AUTO_TEST_CASE(document_state_with_an_unknown_state_is_corrupt) {
  test::TempStore s;
  test::put_raw(s, &Tables::document_editorial, be64(5), R"({"document_id":5,"state":"aproved","v":1})");
  const auto txn = s.store.read();
  BOOST_CHECK_THROW(store::get_document_state(txn, s.store.tables(), 5), store::StoreError);
}

BOOST_AUTO_TEST_CASE(document_revisions_are_numbered_per_document_and_round_trip) {
  test::TempStore s;
  const model::DocumentRevision r{.document_id = 5,
                                  .number = 0,
                                  .content = {.number = "1/QĐ-UBND",
                                              .type = "Quyết định",
                                              .issuer = "UBND tỉnh",
                                              .signer = "Lan",
                                              .issued_on = 19000,
                                              .effective_on = 19001,
                                              .expires_on = 0,
                                              .field = "",
                                              .abstract_text = "Về việc",
                                              .national_db_url = "",
                                              .attachments = {{9, "a.pdf", "application/pdf", 120}}},
                                  .saved_by = "lan",
                                  .saved_at = 8,
                                  .note = "bản gốc"};
  BOOST_TEST(test::write(s, [&](auto& txn, auto& t) { return store::add_document_revision(txn, t, r); }) == 1u);
  auto other = r;
  other.document_id = 6;
  BOOST_TEST(test::write(s, [&](auto& txn, auto& t) { return store::add_document_revision(txn, t, other); }) == 1u);
  BOOST_TEST(test::write(s, [&](auto& txn, auto& t) { return store::add_document_revision(txn, t, r); }) == 2u);
  const auto list = test::read(s, [](auto& txn, auto& t) { return store::list_document_revisions(txn, t, 5); });
  BOOST_TEST_REQUIRE(list.size() == 2u);
  BOOST_TEST((list[0].content == r.content));
  test::check_round_trip(
      s, &Tables::document_revisions, revision_key(5, 2),
      R"({"content":{"abstract":"Về việc","attachments":[{"content_type":"application/pdf","file_name":"a.pdf",)"
      R"("media_id":9,"size":120}],"effective_on":19001,"expires_on":0,"field":"","issued_on":19000,)"
      R"("issuer":"UBND tỉnh","national_db_url":"","number":"1/QĐ-UBND","signer":"Lan","type":"Quyết định"},)"
      R"("document_id":5,"note":"bản gốc","number":2,"saved_at":8,"saved_by":"lan","v":1})",
      [](auto& txn, auto& t) { return *store::get_document_revision(txn, t, 5, 2); },
      [](auto& txn, auto& t, const auto& back) {
        txn.del(t.document_revisions, revision_key(back.document_id, back.number));
        store::add_document_revision(txn, t, back);
      });
}

BOOST_AUTO_TEST_SUITE_END()
