// The board's loop of Điều 8.2 over a real store (issue 16): asking the provider to clarify and the answer
// are notes of the article's thread written with the transition, plain notes come from anyone who may view
// the item, each note commits with its audit entry, and nothing is written on a refusal.
#include <boost/test/unit_test.hpp>

#include "daemon/editorial/article_service.hpp"
#include "daemon/editorial/editorial.hpp"
#include "daemon/store/article_note_table.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/audit_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using editorial::Actor;
using model::ArticleStatus;
using model::NoteKind;
using model::Role;
using model::Transition;

namespace {

const Actor kContributor{"ctv", Role::contributor, "10.0.0.5"};
const Actor kOtherContributor{"ctv2", Role::contributor, "10.0.0.6"};
const Actor kSecretary{"thuky", Role::secretariat, "10.0.0.7"};
const Actor kChief{"truongban", Role::editor_in_chief, "10.0.0.8"};

struct Desk {
  test::TempStore s;
  const store::Tables& t = s.store.tables();
  std::uint64_t id = 0;

  Desk() {
    store::WriteTxn txn = s.store.write();
    const auto r = editorial::save_content(txn, t, 0,
                                           {.title = "Lịch tiêm chủng",
                                            .summary = "Sapo",
                                            .body_html = "<p>Nội dung</p>",
                                            .category_id = 1,
                                            .agency_id = 0,
                                            .author = "",
                                            .featured = false},
                                           kContributor, 100);
    id = r.id;
    txn.commit();
    step(Transition::submit, kContributor);
  }
  editorial::TransitionResult take(Transition tr, const Actor& a, std::string_view reason = "") {
    return editorial::transition_article(s.store, id, tr, a, reason, 0, 200);
  }
  void step(Transition tr, const Actor& a, std::string_view reason = "") {
    const auto r = take(tr, a, reason);
    BOOST_REQUIRE_MESSAGE((r.outcome == editorial::Outcome::done), model::to_string(tr) << " by " << a.username);
  }
  ArticleStatus state() const {
    const store::ReadTxn txn = s.store.read();
    return editorial::load_item(txn, t, id)->state.state;
  }
  std::vector<model::ArticleNote> notes() const {
    const store::ReadTxn txn = s.store.read();
    return store::list_article_notes(txn, t, id);
  }
  std::vector<model::AuditEntry> audit() const {  // oldest first
    const store::ReadTxn txn = s.store.read();
    auto log = store::find_audit(txn, t, {.object = "article/" + std::to_string(id)}, 100);
    return {log.rbegin(), log.rend()};
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(clarification)

BOOST_AUTO_TEST_CASE(the_board_asks_the_provider_answers_and_the_item_goes_back_to_the_secretariat) {
  Desk d;
  d.step(Transition::take_for_editing, kSecretary);
  d.step(Transition::ask_clarification, kSecretary, "  Số liệu ở đoạn 2 lấy từ đâu?\r\nXin ghi nguồn.  ");
  BOOST_TEST((d.state() == ArticleStatus::awaiting_clarification));
  {
    const store::ReadTxn txn = d.s.store.read();
    BOOST_TEST((store::get_article(txn, d.t, d.id)->status == ArticleStatus::awaiting_clarification));
    const auto item = editorial::load_item(txn, d.t, d.id);
    // The provider may correct the text while answering; another contributor may not.
    BOOST_TEST(editorial::may_edit(*item, kContributor));
    BOOST_TEST(!editorial::may_view(*item, kOtherContributor));
  }
  // Nothing moves on while the board waits: no approval, no second question.
  BOOST_TEST((d.take(Transition::send_for_approval, kSecretary).outcome == editorial::Outcome::refused));
  BOOST_TEST((d.take(Transition::ask_clarification, kChief, "Lại hỏi").outcome == editorial::Outcome::refused));
  // Only the author (or the board on their behalf) answers, and never without words.
  BOOST_TEST((d.take(Transition::answer_clarification, kOtherContributor, "Tôi trả lời hộ").outcome ==
              editorial::Outcome::refused));
  BOOST_TEST((d.take(Transition::answer_clarification, kContributor, " \n ").refusal ==
              model::TransitionRefusal::reason_required));
  d.step(Transition::answer_clarification, kContributor, "Theo báo cáo của Sở Y tế tháng 10.");
  BOOST_TEST((d.state() == ArticleStatus::submitted));

  const auto notes = d.notes();
  BOOST_REQUIRE(notes.size() == 2u);
  BOOST_TEST(notes[0].seq == 1u);
  BOOST_TEST((notes[0].kind == NoteKind::ask));
  BOOST_TEST(notes[0].author == "thuky");
  BOOST_TEST(notes[0].text == "Số liệu ở đoạn 2 lấy từ đâu?\nXin ghi nguồn.");  // cleaned: NFC, trimmed, no CR
  BOOST_TEST(notes[0].at == 200);
  BOOST_TEST(notes[1].seq == 2u);
  BOOST_TEST((notes[1].kind == NoteKind::answer));
  BOOST_TEST(notes[1].author == "ctv");

  const auto log = d.audit();
  BOOST_REQUIRE(log.size() == 5u);
  BOOST_TEST(log[3].action == "article.ask-clarification");
  BOOST_TEST(log[3].from == "editing");
  BOOST_TEST(log[3].to == "awaiting-clarification");
  BOOST_TEST(log[3].reason == notes[0].text);
  BOOST_TEST(log[4].action == "article.answer-clarification");
  BOOST_TEST(log[4].to == "submitted");
  BOOST_TEST(log[4].reason == "Theo báo cáo của Sở Y tế tháng 10.");
}

BOOST_AUTO_TEST_CASE(a_note_commits_with_its_audit_entry_and_a_refused_one_writes_nothing) {
  Desk d;
  const auto first = editorial::post_article_note(d.s.store, d.id, "Bài này cần ảnh minh họa không?", kSecretary, 300);
  BOOST_TEST((first.outcome == editorial::NoteOutcome::added));
  BOOST_TEST(first.seq == 1u);
  const auto reply =
      editorial::post_article_note(d.s.store, d.id, "Có, tôi gửi sau.\n<b>Cảm ơn</b>", kContributor, 400);
  BOOST_TEST(reply.seq == 2u);
  const auto before = d.audit().size();
  for (const std::string_view bad : {"", "   \n\t", "có ký tự điều khiển \x01"}) {
    const auto r = editorial::post_article_note(d.s.store, d.id, bad, kContributor, 500);
    BOOST_TEST((r.outcome == editorial::NoteOutcome::invalid));
    BOOST_TEST(!r.error.empty());
  }
  const auto too_long = editorial::post_article_note(d.s.store, d.id, std::string(2001, 'x'), kContributor, 500);
  BOOST_TEST((too_long.outcome == editorial::NoteOutcome::invalid));
  BOOST_TEST(too_long.error == "Nội dung ghi chú quá dài (tối đa 2000 ký tự).");
  BOOST_TEST(editorial::post_article_note(d.s.store, d.id, "", kContributor, 500).error ==
             "Vui lòng nhập nội dung ghi chú.");
  // Someone who may not view the item learns nothing, not even that it exists.
  BOOST_TEST((editorial::post_article_note(d.s.store, d.id, "Xin chào", kOtherContributor, 500).outcome ==
              editorial::NoteOutcome::not_found));
  BOOST_TEST((editorial::post_article_note(d.s.store, d.id + 100, "Xin chào", kChief, 500).outcome ==
              editorial::NoteOutcome::not_found));
  BOOST_TEST(d.notes().size() == 2u);
  BOOST_TEST(d.audit().size() == before);
  const auto log = d.audit();
  BOOST_TEST(log.back().action == "article.note");
  BOOST_TEST(log.back().actor == "ctv");
  BOOST_TEST(log.back().reason == "Có, tôi gửi sau.\n<b>Cảm ơn</b>");  // plain text, escaped where shown
  BOOST_TEST(log.back().from == "submitted");
  BOOST_TEST((d.state() == ArticleStatus::submitted));  // a note changes no state
  BOOST_TEST((d.notes()[1].kind == NoteKind::note));
}

BOOST_AUTO_TEST_CASE(the_notes_of_one_article_stay_apart_from_the_next) {
  test::TempStore s;
  const auto& t = s.store.tables();
  store::WriteTxn txn = s.store.write();
  for (const std::uint64_t article : {std::uint64_t(7), std::uint64_t(8), std::uint64_t(7)})
    store::add_article_note(txn, t, {.article_id = article, .seq = 0, .at = 1, .author = "x", .text = "t"});
  const auto seven = store::list_article_notes(txn, t, 7);
  BOOST_REQUIRE(seven.size() == 2u);
  BOOST_TEST(seven[1].seq == 2u);
  BOOST_TEST(store::list_article_notes(txn, t, 8).size() == 1u);
  BOOST_TEST(store::list_article_notes(txn, t, 9).empty());
  BOOST_TEST(!store::last_article_note(txn, t, 7, NoteKind::ask).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
