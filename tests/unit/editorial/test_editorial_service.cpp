// The editorial workflow over a real store: versions kept, live article untouched by pending edits,
// return with reason, withdraw, scheduling, audit entries written with each change.
#include <boost/test/unit_test.hpp>

#include "daemon/editorial/editorial.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using editorial::Actor;
using model::ArticleStatus;
using model::Role;
using model::Transition;

namespace {

const Actor kContributor{"ctv", Role::contributor, "10.0.0.5"};
const Actor kOtherContributor{"ctv2", Role::contributor, "10.0.0.6"};
const Actor kSecretary{"thuky", Role::secretariat, "10.0.0.7"};
const Actor kChief{"truongban", Role::editor_in_chief, "10.0.0.8"};

editorial::Content text(std::string title, std::string body = "<p>Nội dung</p>") {
  return {.title = std::move(title),
          .summary = "Sapo",
          .body_html = std::move(body),
          .category_id = 1,
          .agency_id = 0,
          .author = "Tác giả",
          .featured = false};
}

std::uint64_t create(store::WriteTxn& txn, const store::Tables& t, const std::string& title) {
  const auto r = editorial::save_content(txn, t, 0, text(title), kContributor, 100);
  BOOST_REQUIRE((r.refusal == editorial::SaveRefusal::none));
  return r.id;
}

void step(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, Transition tr, const Actor& a,
          std::string_view reason = "", model::UnixTime at = 0) {
  const auto r = editorial::take_transition(txn, t, id, tr, a, reason, at, 200);
  BOOST_REQUIRE_MESSAGE((r.outcome == editorial::Outcome::done), model::to_string(tr) << " by " << a.username);
}

ArticleStatus state_of(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  return editorial::load_item(txn, t, id)->state.state;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(editorial_service)

BOOST_AUTO_TEST_CASE(full_path_with_a_return_and_the_audit_trail) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  const auto id = create(txn, t, "Bài <b>mới</b>");
  BOOST_TEST(store::get_article(txn, t, id)->body_html == "<p>Nội dung</p>");
  step(txn, t, id, Transition::submit, kContributor);
  step(txn, t, id, Transition::take_for_editing, kSecretary);
  step(txn, t, id, Transition::send_for_approval, kSecretary);
  // A return needs a reason, and the author sees it.
  BOOST_TEST((editorial::take_transition(txn, t, id, Transition::return_to_author, kChief, " ", 0, 200).refusal ==
              model::TransitionRefusal::reason_required));
  step(txn, t, id, Transition::return_to_author, kChief, "Thiếu nguồn trích dẫn");
  BOOST_TEST(editorial::load_item(txn, t, id)->state.reason == "Thiếu nguồn trích dẫn");
  BOOST_TEST((store::get_article(txn, t, id)->status == ArticleStatus::returned));
  BOOST_TEST((editorial::save_content(txn, t, id, text("Bài đã sửa"), kContributor, 300).refusal ==
              editorial::SaveRefusal::none));
  step(txn, t, id, Transition::submit, kContributor);
  step(txn, t, id, Transition::take_for_editing, kSecretary);
  step(txn, t, id, Transition::send_for_approval, kSecretary);
  step(txn, t, id, Transition::approve, kChief);
  const auto a = store::get_article(txn, t, id);
  BOOST_TEST((a->status == ArticleStatus::published));
  BOOST_TEST(a->title == "Bài đã sửa");
  BOOST_TEST(a->published_at == 200);
  const auto log = store::find_audit(txn, t, {.object = "article/" + std::to_string(id)}, 100);
  std::vector<std::string> actions;
  for (auto it = log.rbegin(); it != log.rend(); ++it) actions.push_back(it->action);
  const std::vector<std::string> expected{
      "article.create", "article.submit", "article.take-for-editing", "article.send-for-approval", "article.return",
      "article.edit",   "article.submit", "article.take-for-editing", "article.send-for-approval", "article.approve"};
  BOOST_TEST(actions == expected, boost::test_tools::per_element());
  BOOST_TEST(log[5].reason == "Thiếu nguồn trích dẫn");
  BOOST_TEST(log[5].actor == "truongban");
  BOOST_TEST(log[5].address == "10.0.0.8");
}

BOOST_AUTO_TEST_CASE(authors_cannot_touch_other_peoples_work) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  const auto id = create(txn, t, "Của ctv");
  BOOST_TEST((editorial::save_content(txn, t, id, text("x"), kOtherContributor, 150).refusal ==
              editorial::SaveRefusal::not_allowed));
  BOOST_TEST((editorial::take_transition(txn, t, id, Transition::submit, kOtherContributor, "", 0, 150).outcome ==
              editorial::Outcome::refused));
  step(txn, t, id, Transition::submit, kContributor);
  // Once submitted, the author waits: no more edits until it comes back.
  BOOST_TEST((editorial::save_content(txn, t, id, text("x"), kContributor, 150).refusal ==
              editorial::SaveRefusal::not_allowed));
  // A contributor cannot approve, whatever the state.
  BOOST_TEST((editorial::take_transition(txn, t, id, Transition::approve, kContributor, "", 0, 150).outcome ==
              editorial::Outcome::refused));
}

BOOST_AUTO_TEST_CASE(editing_a_published_article_keeps_the_live_version_until_approval) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  const auto id = create(txn, t, "Bản đầu");
  for (auto [tr, who] : {std::pair{Transition::submit, kContributor},
                         {Transition::take_for_editing, kSecretary},
                         {Transition::send_for_approval, kSecretary},
                         {Transition::approve, kChief}})
    step(txn, t, id, tr, who);
  BOOST_TEST(
      (editorial::save_content(txn, t, id, text("Bản sửa"), kSecretary, 400).refusal == editorial::SaveRefusal::none));
  BOOST_TEST(store::get_article(txn, t, id)->title == "Bản đầu");
  BOOST_TEST((store::get_article(txn, t, id)->status == ArticleStatus::published));
  BOOST_TEST((state_of(txn, t, id) == ArticleStatus::draft));
  BOOST_TEST(editorial::load_item(txn, t, id)->work.title == "Bản sửa");
  step(txn, t, id, Transition::submit, kSecretary);
  step(txn, t, id, Transition::take_for_editing, kSecretary);
  step(txn, t, id, Transition::send_for_approval, kSecretary);
  step(txn, t, id, Transition::approve, kChief);
  const auto a = store::get_article(txn, t, id);
  BOOST_TEST(a->title == "Bản sửa");
  BOOST_TEST(a->published_at == 200);  // first publication time kept
  BOOST_TEST(store::list_revisions(txn, t, id).size() == 2u);
}

BOOST_AUTO_TEST_CASE(withdraw_needs_reason_and_restore_makes_a_new_draft) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  const auto id = create(txn, t, "Phiên bản 1");
  BOOST_TEST((editorial::save_content(txn, t, id, text("Phiên bản 2"), kContributor, 120).refusal ==
              editorial::SaveRefusal::none));
  for (auto [tr, who] : {std::pair{Transition::submit, kContributor},
                         {Transition::take_for_editing, kSecretary},
                         {Transition::send_for_approval, kSecretary},
                         {Transition::approve, kChief}})
    step(txn, t, id, tr, who);
  BOOST_TEST((editorial::take_transition(txn, t, id, Transition::withdraw, kChief, "", 0, 300).refusal ==
              model::TransitionRefusal::reason_required));
  step(txn, t, id, Transition::withdraw, kChief, "Thông tin sai lệch");
  BOOST_TEST((store::get_article(txn, t, id)->status == ArticleStatus::withdrawn));
  BOOST_TEST(store::newest_articles(txn, t, {}).empty());
  const auto n = editorial::restore_revision(txn, t, id, 1, kSecretary, 500);
  BOOST_TEST_REQUIRE(n.has_value());
  BOOST_TEST(*n == 3u);
  const auto item = editorial::load_item(txn, t, id);
  BOOST_TEST(item->work.title == "Phiên bản 1");
  BOOST_TEST((item->state.state == ArticleStatus::draft));
  BOOST_TEST((item->article.status == ArticleStatus::withdrawn));  // still gone for readers
}

BOOST_AUTO_TEST_CASE(scheduled_items_publish_when_due_and_not_before) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  const auto id = create(txn, t, "Hẹn giờ");
  for (auto [tr, who] : {std::pair{Transition::submit, kContributor},
                         {Transition::take_for_editing, kSecretary},
                         {Transition::send_for_approval, kSecretary}})
    step(txn, t, id, tr, who);
  BOOST_TEST((editorial::take_transition(txn, t, id, Transition::schedule, kChief, "", 150, 200).outcome ==
              editorial::Outcome::refused));  // in the past
  step(txn, t, id, Transition::schedule, kChief, "", 1000);
  BOOST_TEST(editorial::publish_due(txn, t, 999) == 0u);
  BOOST_TEST((store::get_article(txn, t, id)->status == ArticleStatus::scheduled));
  BOOST_TEST(editorial::publish_due(txn, t, 1000) == 1u);
  BOOST_TEST((store::get_article(txn, t, id)->status == ArticleStatus::published));
  BOOST_TEST(store::get_article(txn, t, id)->published_at == 1000);
  const auto log = store::find_audit(txn, t, {.action_prefix = "article.publish-scheduled"}, 10);
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].actor.empty());
}

BOOST_AUTO_TEST_CASE(old_records_without_editorial_state_load) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  model::Article a;
  a.title = "Nhập từ cổng cũ";
  a.status = ArticleStatus::published;
  a.published_at = 50;
  a.body_html = "<p>cũ</p>";
  const auto id = store::put_article(txn, t, a);
  const auto item = editorial::load_item(txn, t, id);
  BOOST_TEST((item->state.state == ArticleStatus::published));
  BOOST_TEST(item->live);
  BOOST_TEST((editorial::save_content(txn, t, id, text("Sửa bài cũ"), kSecretary, 60).refusal ==
              editorial::SaveRefusal::none));
  const auto revs = store::list_revisions(txn, t, id);
  BOOST_TEST_REQUIRE(revs.size() == 2u);
  BOOST_TEST(revs[0].title == "Nhập từ cổng cũ");  // the original is kept as revision 1
  BOOST_TEST(store::get_article(txn, t, id)->title == "Nhập từ cổng cũ");
}

BOOST_AUTO_TEST_SUITE_END()
