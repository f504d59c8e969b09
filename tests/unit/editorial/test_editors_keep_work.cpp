// Issue 15 in the services: a workflow button saves the edits and takes the transition in one commit or
// writes nothing; a save based on an overtaken version is refused as a conflict; autosaves are private
// drafts (no revision, no change log, no audit) dropped by the next save; presence forgets after two minutes.
#include <boost/test/unit_test.hpp>

#include "daemon/editorial/article_service.hpp"
#include "daemon/editorial/presence.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/draft_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using editorial::Actor;
using editorial::Outcome;
using editorial::SaveRefusal;
using model::ArticleStatus;
using model::Role;
using model::Transition;

namespace {

const Actor kReporter{"pv", Role::reporter, "10.0.0.5"};
const Actor kOtherReporter{"pv2", Role::reporter, "10.0.0.6"};
const Actor kSecretary{"thuky", Role::secretariat, "10.0.0.7"};
const Actor kDeputy{"phoban", Role::deputy, "10.0.0.8"};
const Actor kChief{"truongban", Role::editor_in_chief, "10.0.0.9"};

struct Desk {
  test::TempStore s;
  std::uint64_t category = 0;
  Desk() {
    store::WriteTxn txn = s.store.write();
    category = store::ensure_category(txn, s.store.tables(), "Tin tức");
    model::Topic topic;
    topic.slug = topic.name = "giao-duc";
    store::put_topic(txn, s.store.tables(), topic);
    txn.commit();
  }
  editorial::Content text(std::string title, std::string body = "<p>Nội dung</p>") const {
    return {.title = std::move(title),
            .summary = "Sapo",
            .body_html = std::move(body),
            .category_id = category,
            .agency_id = 0,
            .author = "Tác giả",
            .featured = false};
  }
  editorial::Item item(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return *editorial::load_item(txn, s.store.tables(), id);
  }
  std::size_t revisions(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return store::list_revisions(txn, s.store.tables(), id).size();
  }
  std::optional<model::Draft> draft(std::uint64_t id, const Actor& a) const {
    return editorial::draft_of(s.store, id, a);
  }
  std::uint64_t create(const std::string& title) const {
    const auto r = editorial::save_article(s.store, 0, text(title), {}, kReporter, 100);
    BOOST_REQUIRE((r.refusal == SaveRefusal::none));
    return r.id;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(editors_keep_work)

BOOST_AUTO_TEST_CASE(a_workflow_button_saves_the_edits_and_takes_the_step_in_one_commit) {
  Desk d;
  const auto id = d.create("Bản đầu");
  const auto mark = test::change_mark(d.s.store);
  const auto r = editorial::save_and_transition(d.s.store, id, d.text("Bản đã sửa"), {"giao-duc"}, 1u,
                                                Transition::submit, kReporter, "", 0, 200);
  BOOST_TEST_REQUIRE((r.save.refusal == SaveRefusal::none));
  BOOST_TEST(r.save.revision == 2u);
  BOOST_TEST((r.transition.outcome == Outcome::done));
  const auto item = d.item(id);
  BOOST_TEST(item.work.title == "Bản đã sửa");
  BOOST_TEST((item.state.state == ArticleStatus::submitted));
  BOOST_TEST(item.state.work_revision == 2u);
  const auto log = test::audit_entries(d.s.store, {.object = "article/" + std::to_string(id)});
  BOOST_TEST_REQUIRE(log.size() == 3u);
  BOOST_TEST(log[1].action == "article.edit");
  BOOST_TEST(log[2].action == "article.submit");
  BOOST_TEST(test::has_change(test::changes_after(d.s.store, mark), store::ChangeKind::article, id));
}

BOOST_AUTO_TEST_CASE(an_unchanged_form_takes_the_step_without_a_new_version) {
  Desk d;
  const auto id = d.create("Không sửa");
  // The body as the editor shows it back (already sanitised) counts as unchanged.
  const auto r =
      editorial::save_and_transition(d.s.store, id, d.item(id).work, {}, 1u, Transition::submit, kReporter, "", 0, 200);
  BOOST_TEST((r.save.refusal == SaveRefusal::none));
  BOOST_TEST(r.save.revision == 0u);
  BOOST_TEST((r.transition.outcome == Outcome::done));
  BOOST_TEST(d.revisions(id) == 1u);
  BOOST_TEST(test::audit_entries(d.s.store).back().action == "article.submit");
}

BOOST_AUTO_TEST_CASE(invalid_edits_or_a_refused_step_write_nothing) {
  Desk d;
  const auto id = d.create("Bài");
  editorial::transition_article(d.s.store, id, Transition::submit, kReporter, "", 0, 150);
  const auto mark = test::change_mark(d.s.store);
  const auto audited = test::audit_entries(d.s.store).size();
  // Invalid edits, by someone who may edit and take the step.
  auto r = editorial::save_and_transition(d.s.store, id, d.text(""), {}, 1u, Transition::take_for_editing, kSecretary,
                                          "", 0, 200);
  BOOST_TEST((r.save.refusal == SaveRefusal::invalid));
  BOOST_TEST(r.save.errors == std::vector<std::string>{"Vui lòng nhập tiêu đề."}, boost::test_tools::per_element());
  // Valid edits, but a step the secretariat may not take here: the edits are not saved either.
  r = editorial::save_and_transition(d.s.store, id, d.text("Sửa hợp lệ"), {}, 1u, Transition::approve, kSecretary, "",
                                     0, 200);
  BOOST_TEST((r.save.refusal == SaveRefusal::none));
  BOOST_TEST((r.transition.outcome == Outcome::refused));
  // A return without its reason.
  r = editorial::save_and_transition(d.s.store, id, d.text("Thư ký sửa"), {}, 1u, Transition::return_to_author,
                                     kSecretary, "  ", 0, 200);
  BOOST_TEST((r.transition.outcome == Outcome::refused));
  BOOST_TEST((r.transition.refusal == model::TransitionRefusal::reason_required));
  // A schedule time in the past.
  r = editorial::save_and_transition(d.s.store, id, d.text("Thư ký sửa"), {}, 1u, Transition::schedule, kChief, "", 100,
                                     200);
  BOOST_TEST((r.transition.outcome == Outcome::invalid));
  BOOST_TEST(d.revisions(id) == 1u);
  BOOST_TEST(d.item(id).work.title == "Bài");
  BOOST_TEST((d.item(id).state.state == ArticleStatus::submitted));
  BOOST_TEST(test::audit_entries(d.s.store).size() == audited);
  BOOST_TEST(test::changes_after(d.s.store, mark).empty());
}

BOOST_AUTO_TEST_CASE(approving_with_edits_publishes_the_edited_text) {
  Desk d;
  const auto id = d.create("Bài gửi duyệt");
  editorial::transition_article(d.s.store, id, Transition::submit, kReporter, "", 0, 110);
  editorial::transition_article(d.s.store, id, Transition::take_for_editing, kSecretary, "", 0, 120);
  editorial::transition_article(d.s.store, id, Transition::send_for_approval, kSecretary, "", 0, 130);
  const auto r = editorial::save_and_transition(d.s.store, id, d.text("Bài đã duyệt, sửa lần cuối"), {}, 1u,
                                                Transition::approve, kDeputy, "", 0, 200);
  BOOST_TEST_REQUIRE((r.transition.outcome == Outcome::done));
  const store::ReadTxn txn = d.s.store.read();
  const auto a = store::get_article(txn, d.s.store.tables(), id);
  BOOST_TEST((a->status == ArticleStatus::published));
  BOOST_TEST(a->title == "Bài đã duyệt, sửa lần cuối");
}

BOOST_AUTO_TEST_CASE(withdrawing_with_edits_keeps_them_as_a_pending_draft) {
  Desk d;
  const auto id = d.create("Bài công khai");
  editorial::transition_article(d.s.store, id, Transition::submit, kReporter, "", 0, 110);
  editorial::transition_article(d.s.store, id, Transition::take_for_editing, kSecretary, "", 0, 120);
  editorial::transition_article(d.s.store, id, Transition::send_for_approval, kSecretary, "", 0, 130);
  editorial::transition_article(d.s.store, id, Transition::approve, kChief, "", 0, 140);
  const auto r = editorial::save_and_transition(d.s.store, id, d.text("Đính chính"), {}, 1u, Transition::withdraw,
                                                kChief, "Sai số liệu", 0, 200);
  BOOST_TEST_REQUIRE((r.transition.outcome == Outcome::done));
  BOOST_TEST((r.save.refusal == SaveRefusal::none));
  const auto item = d.item(id);
  BOOST_TEST((item.article.status == ArticleStatus::withdrawn));
  BOOST_TEST(item.article.title == "Bài công khai");
  BOOST_TEST(item.work.title == "Đính chính");
}

BOOST_AUTO_TEST_CASE(a_save_on_an_overtaken_version_is_a_conflict_and_writes_nothing) {
  Desk d;
  const auto id = d.create("Bản 1");
  editorial::transition_article(d.s.store, id, Transition::submit, kReporter, "", 0, 110);
  editorial::transition_article(d.s.store, id, Transition::take_for_editing, kSecretary, "", 0, 120);
  // Both opened revision 1; the chief saves first.
  BOOST_TEST((editorial::save_article(d.s.store, id, d.text("Của trưởng ban"), {}, kChief, 130, 1u).refusal ==
              SaveRefusal::none));
  const auto audited = test::audit_entries(d.s.store).size();
  const auto late = editorial::save_article(d.s.store, id, d.text("Của thư ký"), {}, kSecretary, 140, 1u);
  BOOST_TEST((late.refusal == SaveRefusal::conflict));
  BOOST_TEST(late.revision == 2u);
  BOOST_TEST(d.item(id).work.title == "Của trưởng ban");
  BOOST_TEST(test::audit_entries(d.s.store).size() == audited);
  const auto moved = editorial::save_and_transition(d.s.store, id, d.text("Của thư ký"), {}, 1u,
                                                    Transition::send_for_approval, kSecretary, "", 0, 140);
  BOOST_TEST((moved.save.refusal == SaveRefusal::conflict));
  BOOST_TEST((d.item(id).state.state == ArticleStatus::editing));
  // The same text as theirs is no conflict; keeping mine means saving on the base now current.
  BOOST_TEST((editorial::save_article(d.s.store, id, d.text("Của trưởng ban"), {}, kSecretary, 150, 1u).refusal ==
              SaveRefusal::none));
  const auto mine = editorial::save_article(d.s.store, id, d.text("Của thư ký"), {}, kSecretary, 160, 3u);
  BOOST_TEST((mine.refusal == SaveRefusal::none));
  BOOST_TEST(d.item(id).work.title == "Của thư ký");
  // No base (portaldctl, old forms): no check, as before.
  BOOST_TEST(
      (editorial::save_article(d.s.store, id, d.text("Không có base"), {}, kChief, 170).refusal == SaveRefusal::none));
}

BOOST_AUTO_TEST_CASE(autosaves_are_private_drafts_overwritten_and_dropped_by_a_save) {
  Desk d;
  const auto id = d.create("Bài");
  const auto mark = test::change_mark(d.s.store);
  const auto audited = test::audit_entries(d.s.store).size();
  BOOST_TEST((editorial::autosave_article(d.s.store, id, d.text("Nháp 1", "<p onclick=\"x()\">a</p>"), {"giao-duc"}, 1u,
                                          kReporter, 150) == editorial::DraftOutcome::kept));
  BOOST_TEST((editorial::autosave_article(d.s.store, id, d.text("Nháp 2"), {}, 1u, kReporter, 160) ==
              editorial::DraftOutcome::kept));
  const auto draft = d.draft(id, kReporter);
  BOOST_TEST_REQUIRE(draft.has_value());
  BOOST_TEST(draft->title == "Nháp 2");
  BOOST_TEST(draft->saved_at == 160);
  BOOST_TEST(draft->base_revision == 1u);
  BOOST_TEST(!d.draft(id, kSecretary).has_value());
  BOOST_TEST(d.revisions(id) == 1u);
  BOOST_TEST(d.item(id).work.title == "Bài");
  BOOST_TEST(test::changes_after(d.s.store, mark).empty());
  BOOST_TEST(test::audit_entries(d.s.store).size() == audited);
  // Someone who may not edit it keeps no draft of it.
  BOOST_TEST((editorial::autosave_article(d.s.store, id, d.text("Trộm"), {}, 1u, kOtherReporter, 170) ==
              editorial::DraftOutcome::not_allowed));
  BOOST_TEST((editorial::autosave_article(d.s.store, 999, d.text("?"), {}, 1u, kReporter, 170) ==
              editorial::DraftOutcome::not_found));
  BOOST_TEST(
      (editorial::save_article(d.s.store, id, d.text("Đã lưu"), {}, kReporter, 180, 1u).refusal == SaveRefusal::none));
  BOOST_TEST(!d.draft(id, kReporter).has_value());
  editorial::autosave_article(d.s.store, id, d.text("Nháp 3"), {}, 2u, kReporter, 190);
  BOOST_TEST(editorial::discard_draft(d.s.store, id, kReporter));
  BOOST_TEST(!editorial::discard_draft(d.s.store, id, kReporter));
}

BOOST_AUTO_TEST_CASE(an_autosave_body_is_sanitised) {
  Desk d;
  const auto id = d.create("Bài");
  editorial::autosave_article(d.s.store, id, d.text("Nháp", "<p onclick=\"x()\">a<script>b</script></p>"), {}, 1u,
                              kReporter, 150);
  BOOST_TEST(d.draft(id, kReporter)->body_html == "<p>a</p>");
}

BOOST_AUTO_TEST_CASE(presence_lists_the_others_seen_in_the_last_two_minutes) {
  editorial::Presence p;
  p.seen(7, "thuky", "Thư ký tòa soạn", 1000);
  p.seen(7, "truongban", "", 1050);
  p.seen(8, "pv", "Phóng viên", 1050);
  auto others = p.others(7, "thuky", 1100);
  BOOST_TEST_REQUIRE(others.size() == 1u);
  BOOST_TEST(others[0].display_name == "truongban");
  others = p.others(7, "pv", 1100);
  BOOST_TEST_REQUIRE(others.size() == 2u);
  BOOST_TEST(others[0].display_name == "Thư ký tòa soạn");
  BOOST_TEST(p.others(7, "pv", 1121).size() == 1u);  // thuky was last seen 121 s ago
  p.seen(9, "pv", "Phóng viên", 1300);               // visits sweep the stale ones
  BOOST_TEST(p.others(7, "pv", 1300).empty());
  BOOST_TEST(p.others(8, "x", 1300).empty());
}

BOOST_AUTO_TEST_SUITE_END()
