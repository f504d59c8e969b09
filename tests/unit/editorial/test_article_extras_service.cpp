// Issue 14's article extras over a real store: old records read with the new codec, the lead image and
// gallery made public only with publication, the expiry time withdrawing an article in one pass with its
// audit entry, and corrections stamped on approval and never dropped by a later save.
#include <boost/test/unit_test.hpp>

#include "daemon/editorial/article_service.hpp"
#include "daemon/editorial/editorial.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "daemon/store/media_use_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "tests/unit/store/raw_records.hpp"

using namespace portald;
using editorial::Actor;
using model::ArticleStatus;
using model::Role;
using model::Transition;

namespace {

const Actor kContributor{"ctv", Role::contributor, "10.0.0.5"};
const Actor kSecretary{"thuky", Role::secretariat, "10.0.0.7"};
const Actor kChief{"truongban", Role::editor_in_chief, "10.0.0.8"};

std::uint64_t add_image(test::TempStore& s, const std::string& name, const std::string& type = "image/png") {
  return test::write(s, [&](auto& txn, auto& t) {
    return store::add_media(txn, t, {.file_name = name, .content_type = type, .bytes = "bytes"});
  });
}

editorial::Content content(model::ArticleExtras extras) {
  return {.title = "Bài có ảnh",
          .summary = "Sapo",
          .body_html = "<p>Nội dung</p>",
          .category_id = 1,
          .agency_id = 0,
          .author = "Tác giả",
          .featured = false,
          .extras = std::move(extras)};
}

void step(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, Transition tr, const Actor& a,
          model::UnixTime now) {
  const auto r = editorial::take_transition(txn, t, id, tr, a, "", 0, now);
  BOOST_REQUIRE_MESSAGE((r.outcome == editorial::Outcome::done), model::to_string(tr) << " by " << a.username);
}

// Submit, edit and approve: the work version goes live at `now`.
void approve(test::TempStore& s, std::uint64_t id, model::UnixTime now) {
  test::write(s, [&](auto& txn, auto& t) {
    step(txn, t, id, Transition::submit, kContributor, now);
    step(txn, t, id, Transition::take_for_editing, kSecretary, now);
    step(txn, t, id, Transition::send_for_approval, kSecretary, now);
    step(txn, t, id, Transition::approve, kChief, now);
  });
}

std::uint64_t save(test::TempStore& s, std::uint64_t id, model::ArticleExtras extras, const Actor& by,
                   model::UnixTime now) {
  return test::write(s, [&](auto& txn, auto& t) {
    const auto r = editorial::save_content(txn, t, id, content(std::move(extras)), by, now);
    BOOST_REQUIRE((r.refusal == editorial::SaveRefusal::none));
    return r.id;
  });
}

bool in_use(test::TempStore& s, std::uint64_t media) {
  return test::read(s, [&](auto& txn, auto& t) { return store::media_in_public_use(txn, t, media); });
}

model::Article article(test::TempStore& s, std::uint64_t id) {
  return *test::read(s, [&](auto& txn, auto& t) { return store::get_article(txn, t, id); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(article_extras_service)

BOOST_AUTO_TEST_CASE(records_from_before_the_extras_read_as_none) {
  test::TempStore s;
  test::put_raw(s, &store::Tables::articles, store::be64(7),
                R"({"v":1,"id":7,"slug":"cu","title":"Bài cũ","status":"published","published_at":100})");
  const auto a = article(s, 7);
  BOOST_TEST(a.title == "Bài cũ");
  BOOST_TEST((a.extras == model::ArticleExtras{}));
  BOOST_TEST(model::article_media_ids(a).empty());
}

BOOST_AUTO_TEST_CASE(extras_round_trip_through_the_article_and_its_revisions) {
  test::TempStore s;
  const auto lead = add_image(s, "dai-dien.png"), g1 = add_image(s, "a.png"), g2 = add_image(s, "b.png");
  const model::ArticleExtras extras{
      .lead_media_id = lead,
      .lead_alt = "Toàn cảnh hội nghị",
      .gallery = {{.media_id = g2, .alt = "Ảnh B", .caption = "Chú thích B"}, {.media_id = g1, .alt = "Ảnh A"}},
      .unpublish_at = 5000,
      .corrections = {}};
  const auto id = save(s, 0, extras, kContributor, 100);
  BOOST_TEST((article(s, id).extras == extras));
  const auto rev = test::read(s, [&](auto& txn, auto& t) { return store::get_revision(txn, t, id, 1); });
  BOOST_TEST((rev->extras == extras));
  // The one list of what the article references, for media_uses and the orphan list.
  const std::vector<std::uint64_t> want{lead, g1, g2};
  BOOST_TEST(model::article_media_ids(article(s, id)) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(lead_and_gallery_images_become_public_only_when_the_article_is_published) {
  test::TempStore s;
  const auto lead = add_image(s, "dai-dien.png"), pic = add_image(s, "a.png");
  const auto id = save(s, 0, {.lead_media_id = lead, .lead_alt = "Ảnh", .gallery = {{.media_id = pic, .alt = "Ảnh A"}}},
                       kContributor, 100);
  BOOST_TEST(!in_use(s, lead));
  BOOST_TEST(!in_use(s, pic));
  approve(s, id, 200);
  BOOST_TEST(in_use(s, lead));
  BOOST_TEST(in_use(s, pic));
  test::write(s, [&](auto& txn, auto& t) {
    BOOST_TEST(
        (editorial::take_transition(txn, t, id, Transition::withdraw, kChief, "Ảnh chưa được phép", 0, 300).outcome ==
         editorial::Outcome::done));
  });
  BOOST_TEST(!in_use(s, lead));
  BOOST_TEST(!in_use(s, pic));
}

BOOST_AUTO_TEST_CASE(the_expiry_time_withdraws_the_article_with_the_systems_audit_entry) {
  test::TempStore s;
  const auto pic = add_image(s, "a.png");
  const auto id = save(s, 0, {.lead_media_id = pic, .lead_alt = "Ảnh", .unpublish_at = 1000}, kContributor, 100);
  approve(s, id, 200);
  BOOST_TEST(test::read(s, [&](auto& txn, auto& t) { return editorial::unpublish_is_due(txn, t, 999); }) == false);
  BOOST_TEST(test::write(s, [&](auto& txn, auto& t) { return editorial::unpublish_due(txn, t, 999); }) == 0u);
  BOOST_TEST((article(s, id).status == ArticleStatus::published));
  BOOST_TEST(test::read(s, [&](auto& txn, auto& t) { return editorial::unpublish_is_due(txn, t, 1000); }));
  BOOST_TEST(test::write(s, [&](auto& txn, auto& t) { return editorial::unpublish_due(txn, t, 1000); }) == 1u);
  BOOST_TEST((article(s, id).status == ArticleStatus::withdrawn));
  BOOST_TEST(!in_use(s, pic));
  BOOST_TEST(test::read(s, [&](auto& txn, auto& t) { return store::count_published(txn, t); }) == 0u);
  const auto entries = test::read(s, [&](auto& txn, auto& t) { return store::find_audit(txn, t, {}, 10); });
  BOOST_TEST_REQUIRE(!entries.empty());
  BOOST_TEST(entries.front().action == "article.unpublish-scheduled");
  BOOST_TEST(entries.front().actor == "");
  BOOST_TEST(entries.front().object == "article/" + std::to_string(id));
  // Done once: a second pass finds nothing.
  BOOST_TEST(test::write(s, [&](auto& txn, auto& t) { return editorial::unpublish_due(txn, t, 2000); }) == 0u);
}

BOOST_AUTO_TEST_CASE(an_expiry_before_the_scheduled_publication_is_refused) {
  test::TempStore s;
  const auto id = save(s, 0, {.unpublish_at = 1000}, kContributor, 100);
  test::write(s, [&](auto& txn, auto& t) {
    step(txn, t, id, Transition::submit, kContributor, 150);
    step(txn, t, id, Transition::take_for_editing, kSecretary, 150);
    step(txn, t, id, Transition::send_for_approval, kSecretary, 150);
  });
  const auto r = test::write(s, [&](auto& txn, auto& t) {
    return editorial::take_transition(txn, t, id, Transition::schedule, kChief, "", 1500, 200);
  });
  BOOST_TEST((r.outcome == editorial::Outcome::invalid));
  BOOST_TEST(r.error == "Thời điểm gỡ bài phải sau thời điểm hẹn giờ xuất bản.");
}

BOOST_AUTO_TEST_CASE(a_correction_is_dated_on_approval_and_never_dropped_by_a_later_save) {
  test::TempStore s;
  const auto id = save(s, 0, {}, kContributor, 100);
  approve(s, id, 200);
  // The chief writes a correction: pending, the live record does not show it yet.
  save(s, id, {.corrections = {{.at = 0, .text = "Sửa số liệu: 12 xã, không phải 21."}}}, kChief, 86400 * 3);
  BOOST_TEST(article(s, id).extras.corrections.empty());
  approve(s, id, 86400 * 4);
  auto corrections = article(s, id).extras.corrections;
  BOOST_TEST_REQUIRE(corrections.size() == 1u);
  BOOST_TEST(corrections[0].at == 86400 * 4);
  // A later save that lists no correction (an old form, a restored revision) keeps the published one and
  // adds the new one after it.
  save(s, id, {.corrections = {{.at = 0, .text = "Bổ sung tên đơn vị."}}}, kChief, 86400 * 5);
  const auto item = test::read(s, [&](auto& txn, auto& t) { return editorial::load_item(txn, t, id); });
  BOOST_TEST_REQUIRE(item->work.extras.corrections.size() == 2u);
  BOOST_TEST(item->work.extras.corrections[0].text == "Sửa số liệu: 12 xã, không phải 21.");
  BOOST_TEST(item->work.extras.corrections[0].at == 86400 * 4);
  BOOST_TEST(item->work.extras.corrections[1].at == 0);
  // Every version stays in the revisions.
  const auto revisions = test::read(s, [&](auto& txn, auto& t) { return store::list_revisions(txn, t, id); });
  BOOST_TEST(revisions.size() >= 3u);
}

BOOST_AUTO_TEST_CASE(extras_rules_ask_for_alt_text_images_and_a_future_expiry_in_vietnamese) {
  test::TempStore s;
  const auto png = add_image(s, "a.png"), pdf = add_image(s, "qd.pdf", "application/pdf");
  model::ArticleExtras e{.lead_media_id = png,
                         .lead_alt = "  ",
                         .gallery = {{.media_id = pdf, .alt = "Văn bản"}, {.media_id = png, .alt = ""}},
                         .unpublish_at = 50,
                         .corrections = {{.at = 0, .text = "   "}}};
  std::vector<std::string> errors;
  test::read(s, [&](auto& txn, auto& t) { editorial::check_extras(txn, t, e, 100, errors); });
  const std::vector<std::string> want{
      "Vui lòng nhập mô tả ảnh đại diện (văn bản thay thế).",
      "Ảnh số 1 của bộ ảnh không có trong thư viện ảnh.",
      "Ảnh số 2 của bộ ảnh chưa có mô tả (văn bản thay thế).",
      "Thời điểm gỡ bài phải ở trong tương lai.",
  };
  BOOST_TEST(errors == want, boost::test_tools::per_element());
  BOOST_TEST(e.corrections.empty());  // an empty note is no correction
}

// A picture becomes public with the article, so a contributor may pick only their own uploads (the
// picker shows the same): another person's private file is refused by the service, not only hidden.
BOOST_AUTO_TEST_CASE(a_contributor_may_pick_only_their_own_pictures) {
  test::TempStore s;
  const auto mine = test::write(s, [&](auto& txn, auto& t) {
    return store::add_media(txn, t,
                            {.file_name = "cua-toi.png",
                             .content_type = "image/png",
                             .bytes = "b",
                             .token = {},
                             .owner = "ctv",
                             .uploaded_at = 0});
  });
  const auto theirs = test::write(s, [&](auto& txn, auto& t) {
    return store::add_media(txn, t,
                            {.file_name = "cua-nguoi-khac.png",
                             .content_type = "image/png",
                             .bytes = "b",
                             .token = {},
                             .owner = "khac",
                             .uploaded_at = 0});
  });
  const auto category = test::write(s, [&](auto& txn, auto& t) { return store::ensure_category(txn, t, "Tin tức"); });
  model::ArticleExtras e;
  e.lead_media_id = theirs;
  e.lead_alt = "Ảnh của người khác";
  const auto with = [&](const model::ArticleExtras& x) {
    auto c = content(x);
    c.category_id = category;
    return c;
  };
  const auto refused = editorial::save_article(s.store, 0, with(e), {}, kContributor, 100, std::nullopt);
  BOOST_TEST((refused.refusal == editorial::SaveRefusal::invalid));
  BOOST_TEST_REQUIRE(refused.errors.size() == 1u);
  BOOST_TEST(refused.errors[0].find("không có trong những ảnh bạn được dùng") != std::string::npos);
  e.lead_media_id = mine;
  const auto saved = editorial::save_article(s.store, 0, with(e), {}, kContributor, 100, std::nullopt);
  BOOST_TEST((saved.refusal == editorial::SaveRefusal::none));
  // The editor-in-chief may use any file of the library.
  e.gallery.push_back({theirs, "Ảnh hội nghị", ""});
  BOOST_TEST((editorial::save_article(s.store, saved.id, with(e), {}, kChief, 200, std::nullopt).refusal ==
              editorial::SaveRefusal::none));
}

BOOST_AUTO_TEST_SUITE_END()
