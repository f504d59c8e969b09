// The stored format of the content records (article, document, media, category, agency, topic, page):
// each decodes from JSON written by hand the way older versions wrote it (absent keys take their defaults),
// each round-trips to the same bytes, and a corrupt article status is an error instead of a draft.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "tests/unit/store/raw_records.hpp"

using namespace portald;
using store::be64;
using store::Tables;

namespace {

bool is_corruption(const store::StoreError& e) { return e.code() == MDB_CORRUPTED; }

}  // namespace

BOOST_AUTO_TEST_SUITE(content_records)

BOOST_AUTO_TEST_CASE(article_decodes_the_old_format_with_defaults) {
  test::TempStore s;
  test::put_raw(s, &Tables::articles, be64(5),
                R"({"id":5,"published_at":1700000000,"slug":"tin-cu","status":"published","title":"Tin cũ","v":1})");
  const auto a = test::read(s, [](auto& txn, auto& t) { return store::get_article(txn, t, 5); });
  BOOST_REQUIRE(a);
  BOOST_TEST(a->id == 5u);
  BOOST_TEST(a->slug == "tin-cu");
  BOOST_TEST(a->title == "Tin cũ");
  BOOST_TEST((a->status == model::ArticleStatus::published));
  BOOST_TEST(a->published_at == 1700000000);
  BOOST_TEST(a->source_id.empty());
  BOOST_TEST(a->summary.empty());
  BOOST_TEST(a->body_html.empty());
  BOOST_TEST(a->category_id == 0u);
  BOOST_TEST(a->agency_id == 0u);
  BOOST_TEST(a->author.empty());
  BOOST_TEST(a->created_at == 0);
  BOOST_TEST(a->updated_at == 0);
  BOOST_TEST(a->revision == 1u);
  BOOST_TEST(!a->featured);
}

BOOST_AUTO_TEST_CASE(article_without_a_status_is_a_draft) {
  test::TempStore s;
  test::put_raw(s, &Tables::articles, be64(5), R"({"id":5,"slug":"a","title":"b","v":1})");
  const auto a = test::read(s, [](auto& txn, auto& t) { return store::get_article(txn, t, 5); });
  BOOST_TEST((a->status == model::ArticleStatus::draft));
}

BOOST_AUTO_TEST_CASE(article_with_an_unknown_status_is_corrupt_not_a_draft) {
  test::TempStore s;
  test::put_raw(s, &Tables::articles, be64(5), R"({"id":5,"slug":"a","status":"publishd","title":"b","v":1})");
  const auto txn = s.store.read();
  BOOST_CHECK_EXCEPTION(store::get_article(txn, s.store.tables(), 5), store::StoreError, is_corruption);
}

BOOST_AUTO_TEST_CASE(article_missing_a_required_key_or_of_another_version_is_refused) {
  test::TempStore s;
  test::put_raw(s, &Tables::articles, be64(5), R"({"id":5,"slug":"a","v":1})");
  test::put_raw(s, &Tables::articles, be64(6), R"({"id":6,"slug":"a","title":"b","v":2})");
  const auto txn = s.store.read();
  BOOST_CHECK_THROW(store::get_article(txn, s.store.tables(), 5), nlohmann::json::out_of_range);
  BOOST_CHECK_EXCEPTION(store::get_article(txn, s.store.tables(), 6), store::StoreError,
                        [](const store::StoreError& e) { return e.code() == MDB_VERSION_MISMATCH; });
}

BOOST_AUTO_TEST_CASE(article_round_trips_to_the_same_bytes) {
  test::TempStore s;
  model::Article a{.id = 5,
                   .source_id = "old-5",
                   .slug = "tin-moi",
                   .title = "Tin mới",
                   .summary = "Tóm tắt",
                   .body_html = "<p>Nội dung</p>",
                   .category_id = 3,
                   .agency_id = 7,
                   .author = "Lan",
                   .status = model::ArticleStatus::awaiting_approval,
                   .created_at = 1,
                   .updated_at = 2,
                   .published_at = 3,
                   .revision = 4,
                   .featured = true};
  test::write(s, [&](auto& txn, auto& t) { store::put_article(txn, t, a); });
  test::check_round_trip(
      s, &Tables::articles, be64(5),
      R"({"agency_id":7,"author":"Lan","body_html":"<p>Nội dung</p>","category_id":3,"created_at":1,)"
      R"("extras":{"corrections":[],"gallery":[],"lead_alt":"","lead_media_id":0,"unpublish_at":0},"featured":true,)"
      R"("id":5,"published_at":3,"revision":4,"slug":"tin-moi","source_id":"old-5","status":"awaiting-approval",)"
      R"("summary":"Tóm tắt","title":"Tin mới","updated_at":2,"v":1})",
      [](auto& txn, auto& t) { return *store::get_article(txn, t, 5); },
      [](auto& txn, auto& t, const auto& back) { store::put_article(txn, t, back); });
}

BOOST_AUTO_TEST_CASE(document_decodes_the_old_format_with_defaults) {
  test::TempStore s;
  test::put_raw(s, &Tables::documents, be64(2),
                R"({"abstract":"Về việc","attachments":[{"media_id":9}],"id":2,"issued_on":19000,)"
                R"("number":"01/QĐ-UBND","v":1})");
  const auto d = test::read(s, [](auto& txn, auto& t) { return store::get_document(txn, t, 2); });
  BOOST_REQUIRE(d);
  BOOST_TEST(d->id == 2u);
  BOOST_TEST(d->number == "01/QĐ-UBND");
  BOOST_TEST(d->abstract_text == "Về việc");
  BOOST_TEST(d->issued_on == 19000);
  BOOST_TEST(d->effective_on == 0);
  BOOST_TEST(d->expires_on == 0);
  BOOST_TEST(d->type.empty());
  BOOST_TEST(d->issuer.empty());
  BOOST_TEST(d->signer.empty());
  BOOST_TEST(d->field.empty());
  BOOST_TEST(d->national_db_url.empty());
  BOOST_TEST(d->source_id.empty());
  BOOST_TEST(d->created_at == 0);
  BOOST_REQUIRE_EQUAL(d->attachments.size(), 1u);
  BOOST_TEST(d->attachments[0].media_id == 9u);
  BOOST_TEST(d->attachments[0].file_name.empty());
  BOOST_TEST(d->attachments[0].size == 0u);

  test::put_raw(s, &Tables::documents, be64(3), R"({"id":3,"number":"x","v":1})");
  const auto bare = test::read(s, [](auto& txn, auto& t) { return store::get_document(txn, t, 3); });
  BOOST_TEST(bare->attachments.empty());
  // Records from before the admin managed documents (issue 14) read as published, with no marks.
  BOOST_TEST((d->status == model::ArticleStatus::published));
  BOOST_TEST(d->published_at == 0);
  BOOST_TEST(d->replaced_by == 0u);
  BOOST_TEST(d->replaces.empty());
  BOOST_TEST(d->validity_note.empty());
}

BOOST_AUTO_TEST_CASE(document_round_trips_to_the_same_bytes) {
  test::TempStore s;
  model::LegalDocument d{.id = 2,
                         .source_id = "vb-2",
                         .number = "01/QĐ-UBND",
                         .type = "Quyết định",
                         .issuer = "UBND tỉnh",
                         .signer = "Lan",
                         .issued_on = 19000,
                         .effective_on = 19010,
                         .expires_on = 20000,
                         .field = "Y tế",
                         .abstract_text = "Về việc",
                         .national_db_url = "https://vbpl.vn/1",
                         .attachments = {{9, "a.pdf", "application/pdf", 120}, {10, "b.doc", "", 0}},
                         .created_at = 1,
                         .updated_at = 2,
                         .status = model::ArticleStatus::withdrawn,
                         .published_at = 3,
                         .replaced_by = 4,
                         .replaces = {5, 6},
                         .validity_note = "Bị bãi bỏ"};
  test::write(s, [&](auto& txn, auto& t) { store::put_document(txn, t, d); });
  test::check_round_trip(
      s, &Tables::documents, be64(2),
      R"({"abstract":"Về việc","attachments":[{"content_type":"application/pdf","file_name":"a.pdf","media_id":9,)"
      R"("size":120},{"content_type":"","file_name":"b.doc","media_id":10,"size":0}],"created_at":1,)"
      R"("effective_on":19010,"expires_on":20000,"field":"Y tế","id":2,"issued_on":19000,"issuer":"UBND tỉnh",)"
      R"("national_db_url":"https://vbpl.vn/1","number":"01/QĐ-UBND","published_at":3,"replaced_by":4,)"
      R"("replaces":[5,6],"signer":"Lan","source_id":"vb-2","status":"withdrawn","type":"Quyết định",)"
      R"("updated_at":2,"v":1,"validity_note":"Bị bãi bỏ"})",
      [](auto& txn, auto& t) { return *store::get_document(txn, t, 2); },
      [](auto& txn, auto& t, const auto& back) { store::put_document(txn, t, back); });
}

BOOST_AUTO_TEST_CASE(media_header_decodes_and_round_trips) {
  test::TempStore s;
  const std::string old = std::string(R"({"file_name":"a.pdf","v":1})") + '\0' + "%PDF";
  test::put_raw(s, &Tables::media, be64(4), old);
  const auto m = test::read(s, [](auto& txn, auto& t) { return store::get_media(txn, t, 4); });
  BOOST_REQUIRE(m);
  BOOST_TEST(m->id == 4u);
  BOOST_TEST(m->file_name == "a.pdf");
  BOOST_TEST(m->content_type.empty());
  BOOST_TEST(m->bytes == "%PDF");

  const std::string bytes("\x89PNG\0\r\n", 7);
  const auto id = test::write(s, [&](auto& txn, auto& t) {
    return store::add_media(txn, t,
                            {.id = 0,
                             .file_name = "ảnh.png",
                             .content_type = "image/png",
                             .bytes = bytes,
                             .token = std::string(32, 'a'),
                             .owner = "phongvien",
                             .uploaded_at = 1700000000});
  });
  BOOST_TEST(test::get_raw(s, &Tables::media, be64(id)) ==
             std::string(R"({"content_type":"image/png","file_name":"ảnh.png","owner":"phongvien",)") + R"("token":")" +
                 std::string(32, 'a') + R"(","uploaded_at":1700000000,"v":1})" + '\0' + bytes);
  const auto listed = test::read(s, [](auto& txn, auto& t) { return store::list_media(txn, t, 10); });
  BOOST_REQUIRE_EQUAL(listed.size(), 2u);  // by key, highest first: the hand-written one is 4
  BOOST_TEST(listed[0].file_name == "a.pdf");
  BOOST_TEST(listed[1].id == id);
  BOOST_TEST(listed[1].file_name == "ảnh.png");
  BOOST_TEST(listed[1].content_type == "image/png");
  BOOST_TEST(listed[1].size == bytes.size());
  BOOST_TEST(listed[1].owner == "phongvien");
  BOOST_TEST(test::read(s, [](auto& txn, auto& t) { return store::list_media(txn, t, 10, "phongvien"); }).size() == 1u);
}

BOOST_AUTO_TEST_CASE(category_and_agency_decode_the_old_format_and_round_trip) {
  test::TempStore s;
  test::put_raw(s, &Tables::categories, be64(9), R"({"id":9,"name":"Y tế","slug":"y-te","v":1})");
  const auto c = test::read(s, [](auto& txn, auto& t) { return store::get_category(txn, t, 9); });
  BOOST_REQUIRE(c);
  BOOST_TEST(c->name == "Y tế");
  BOOST_TEST(c->slug == "y-te");
  BOOST_TEST(c->position == 0u);

  const auto id = test::write(s, [](auto& txn, auto& t) { return store::ensure_category(txn, t, "Kinh tế"); });
  BOOST_TEST(test::get_raw(s, &Tables::categories, be64(id)) == R"({"id":)" + std::to_string(id) +
                                                                    R"(,"name":"Kinh tế","position":)" +
                                                                    std::to_string(id) + R"(,"slug":"kinh-te","v":1})");
  BOOST_TEST(test::write(s, [&](auto& txn, auto& t) { return store::update_category(txn, t, id, "Kinh tế số", 5); }));
  BOOST_TEST(test::get_raw(s, &Tables::categories, be64(id)) ==
             R"({"id":)" + std::to_string(id) + R"(,"name":"Kinh tế số","position":5,"slug":"kinh-te","v":1})");

  const auto agency = test::write(s, [](auto& txn, auto& t) { return store::ensure_agency(txn, t, "Sở Y tế"); });
  BOOST_TEST(test::get_raw(s, &Tables::agencies, be64(agency)) ==
             R"({"categories":[],"id":)" + std::to_string(agency) + R"(,"name":"Sở Y tế","slug":"so-y-te","v":1})");
  BOOST_TEST(test::write(s, [&](auto& txn, auto& t) { return store::rename_agency(txn, t, agency, "Sở Y Tế tỉnh"); }));
  const auto a = test::read(s, [&](auto& txn, auto& t) { return store::get_agency(txn, t, agency); });
  BOOST_TEST(a->name == "Sở Y Tế tỉnh");
  BOOST_TEST(a->slug == "so-y-te");
  BOOST_TEST(test::get_raw(s, &Tables::agencies, be64(agency)) ==
             R"({"categories":[],"id":)" + std::to_string(agency) +
                 R"(,"name":"Sở Y Tế tỉnh","slug":"so-y-te","v":1})");
}

// Issue 16: an agency record from before the category limit reads as "every category"; a limit is stored
// sorted, without repeats, and a rename keeps it.
BOOST_AUTO_TEST_CASE(agency_category_limit_is_optional_and_kept_on_rename) {
  test::TempStore s;
  test::put_raw(s, &Tables::agencies, be64(3), R"({"id":3,"name":"Sở Y tế","slug":"so-y-te","v":1})");
  const auto old = test::read(s, [](auto& txn, auto& t) { return store::get_agency(txn, t, 3); });
  BOOST_REQUIRE(old);
  BOOST_TEST(old->category_ids.empty());
  BOOST_TEST(test::write(s, [](auto& txn, auto& t) { return store::set_agency_categories(txn, t, 3, {7, 2, 7}); }));
  BOOST_TEST(test::get_raw(s, &Tables::agencies, be64(3)) ==
             R"({"categories":[2,7],"id":3,"name":"Sở Y tế","slug":"so-y-te","v":1})");
  BOOST_TEST(test::write(s, [](auto& txn, auto& t) { return store::rename_agency(txn, t, 3, "Sở Y tế tỉnh"); }));
  const auto a = test::read(s, [](auto& txn, auto& t) { return store::get_agency(txn, t, 3); });
  BOOST_TEST((a->category_ids == std::vector<std::uint64_t>{2, 7}));
  BOOST_TEST(!test::write(s, [](auto& txn, auto& t) { return store::set_agency_categories(txn, t, 99, {}); }));
}

BOOST_AUTO_TEST_CASE(topic_decodes_the_old_format_and_round_trips) {
  test::TempStore s;
  test::put_raw(s, &Tables::topics, be64(4), R"({"id":4,"slug":"chuyen-doi-so","v":1})");
  const auto old = test::read(s, [](auto& txn, auto& t) { return store::list_topics(txn, t); });
  BOOST_REQUIRE_EQUAL(old.size(), 1u);
  BOOST_TEST(old[0].id == 4u);
  BOOST_TEST(old[0].slug == "chuyen-doi-so");
  BOOST_TEST(old[0].name.empty());
  BOOST_TEST(old[0].article_ids.empty());
  BOOST_TEST(!old[0].featured);
  BOOST_TEST(old[0].position == 0u);

  model::Topic tp{.id = 0,
                  .slug = "bau-cu",
                  .name = "Bầu cử",
                  .description = "Tin bầu cử",
                  .article_ids = {3, 1, 2},
                  .featured = true,
                  .position = 2,
                  .updated_at = 100};
  const auto id = test::write(s, [&](auto& txn, auto& t) { return store::put_topic(txn, t, tp); });
  test::check_round_trip(
      s, &Tables::topics, be64(id),
      R"({"article_ids":[3,1,2],"description":"Tin bầu cử","featured":true,"id":)" + std::to_string(id) +
          R"(,"name":"Bầu cử","position":2,"slug":"bau-cu","updated_at":100,"v":1})",
      [](auto& txn, auto& t) { return *store::find_topic(txn, t, "bau-cu"); },
      [](auto& txn, auto& t, const auto& back) { store::put_topic(txn, t, back); });
}

BOOST_AUTO_TEST_CASE(page_decodes_the_old_format_and_round_trips) {
  test::TempStore s;
  test::put_raw(s, &Tables::pages, be64(3), R"({"id":3,"slug":"gioi-thieu","title":"Giới thiệu","v":1})");
  test::put_raw(s, &Tables::pages, be64(4), R"({"id":4,"kind":"sundial","slug":"x","v":1})");
  const auto p = test::read(s, [](auto& txn, auto& t) { return store::get_site_page(txn, t, 3); });
  BOOST_REQUIRE(p);
  BOOST_TEST(p->lang == "vi");
  BOOST_TEST(p->title == "Giới thiệu");
  BOOST_TEST((p->kind == model::PageKind::text));
  BOOST_TEST(p->entries.empty());
  BOOST_TEST(p->position == 0u);
  // An unknown kind still shows the page, as text.
  const auto unknown = test::read(s, [](auto& txn, auto& t) { return store::get_site_page(txn, t, 4); });
  BOOST_TEST((unknown->kind == model::PageKind::text));

  model::SitePage page{.id = 0,
                       .lang = "en",
                       .slug = "contact",
                       .title = "Contact",
                       .summary = "Who",
                       .body_html = "<p>Us</p>",
                       .kind = model::PageKind::links,
                       .entries = {{"Portal", "https://tinh.gov.vn", "main"}},
                       .position = 7,
                       .updated_at = 50};
  const auto id = test::write(s, [&](auto& txn, auto& t) { return store::put_site_page(txn, t, page); });
  test::check_round_trip(
      s, &Tables::pages, be64(id),
      R"({"body_html":"<p>Us</p>","entries":[["Portal","https://tinh.gov.vn","main"]],"id":)" + std::to_string(id) +
          R"(,"kind":"links","lang":"en","position":7,"slug":"contact","summary":"Who","title":"Contact",)"
          R"("updated_at":50,"v":1})",
      [&](auto& txn, auto& t) { return *store::get_site_page(txn, t, id); },
      [](auto& txn, auto& t, const auto& back) { store::put_site_page(txn, t, back); });
}

BOOST_AUTO_TEST_SUITE_END()
