// Online dialogues over a real LMDB store (issue 12, Điều 5.5): a dialogue is saved only with an
// allow-listed stream, by the board and the data centre only; a question sent through the ordinary
// submission with the dialogue's id is sealed like any other, stays out of the agencies' queue, and
// waits for moderation; accepting and answering touch the change log, each write has its audit entry;
// a rejected question and, at the end, the rest are closed so retention applies to them.
#include <boost/test/unit_test.hpp>

#include "daemon/model/site_settings.hpp"
#include "daemon/questions/dialogue_service.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/dialogue_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using model::DialogueEntryState;
using model::DialogueModeration;
using model::DialogueStep;
using model::Role;
using questions::DialogueOutcome;

namespace portald::questions {
inline std::ostream& operator<<(std::ostream& out, DialogueOutcome o) { return out << static_cast<int>(o); }
}  // namespace portald::questions

namespace {

constexpr model::UnixTime kNow = 1'740'000'000;

struct Portal {
  test::TempStore s;
  secrets::PersonalDataKey key = secrets::PersonalDataKey::generate();
  health::Calendar calendar{};
  std::uint64_t agency = 0;
  model::Actor centre{"thuky", Role::secretariat, "10.0.0.2"};
  model::Actor reporter{"phongvien", Role::reporter, "10.0.0.4"};
  questions::Handler centre_handler{centre, 0};

  Portal() {
    store::WriteTxn txn = s.store.write();
    agency = store::ensure_agency(txn, s.store.tables(), "Sở Tài nguyên và Môi trường");
    auto site = store::get_site_settings(txn, s.store.tables());
    site.embed_origins = "https://www.youtube-nocookie.com";
    store::put_site_settings(txn, s.store.tables(), site);
    txn.commit();
  }

  questions::DialogueFields fields() const {
    return {"Đối thoại về thủ tục đất đai",
            agency,
            "Ông Nguyễn Văn A, Giám đốc Sở\nBà Trần Thị B, Phó Giám đốc\n",
            kNow + 86400,
            kNow + 86400 + 7200,
            "Giải đáp thắc mắc.",
            ""};
  }
  std::uint64_t create() const {
    const auto r = questions::save_dialogue(s.store, 0, fields(), centre, kNow);
    BOOST_TEST_REQUIRE((r.outcome == DialogueOutcome::done));
    return r.id;
  }
  std::uint64_t ask(std::uint64_t dialogue) const {
    questions::Submission sub;
    sub.name = "Nguyễn Văn An";
    sub.email = "an.nguyen@example.vn";
    sub.field = "Đất đai";
    sub.title = "Cấp giấy chứng nhận lần đầu";
    sub.text = "Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì?";
    sub.consent = true;
    sub.may_publish = true;
    sub.dialogue_id = dialogue;
    const auto r = questions::submit(s.store, key, sub, calendar, "203.0.113.9", kNow);
    BOOST_TEST_REQUIRE(r.errors.empty());
    return r.id;
  }
  model::DialogueEntry entry(std::uint64_t d, std::uint64_t q) const {
    const store::ReadTxn txn = s.store.read();
    const auto e = store::get_dialogue_entry(txn, s.store.tables(), d, q);
    BOOST_TEST_REQUIRE(e.has_value());
    return *e;
  }
  model::Question question(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return *store::get_question(txn, s.store.tables(), id);
  }
  model::Dialogue dialogue(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return *store::get_dialogue(txn, s.store.tables(), id);
  }
  DialogueOutcome moderate(std::uint64_t d, std::uint64_t q, DialogueModeration m, std::string_view official = "",
                           std::string_view answer = "") const {
    return questions::moderate(s.store, d, q, m, official, answer, centre, kNow + 90000).outcome;
  }
  DialogueOutcome step(std::uint64_t d, DialogueStep st) const {
    return questions::dialogue_step(s.store, d, st, centre, kNow + 86400).outcome;
  }
};

std::size_t audits(const store::Store& s, const std::string& action) {
  return test::audit_entries(s, {.actor = "", .action_prefix = action, .object = "", .since = 0, .until = 0}).size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dialogue_service)

BOOST_AUTO_TEST_CASE(a_dialogue_is_saved_by_the_data_centre_with_its_audit_entry_and_change) {
  Portal p;
  const auto mark = test::change_mark(p.s.store);
  const auto id = p.create();
  const auto d = p.dialogue(id);
  BOOST_TEST(d.title == "Đối thoại về thủ tục đất đai");
  BOOST_TEST(d.officials.size() == 2u);  // one per line, blank lines dropped
  BOOST_TEST((d.state == model::DialogueState::planned));
  BOOST_TEST(d.created_by == "thuky");
  BOOST_TEST(test::has_change(test::changes_after(p.s.store, mark), store::ChangeKind::dialogue, id));
  BOOST_TEST(audits(p.s.store, "dialogue.create") == 1u);
  // A reporter may not; nothing is written.
  const auto r = questions::save_dialogue(p.s.store, 0, p.fields(), p.reporter, kNow);
  BOOST_TEST((r.outcome == DialogueOutcome::refused));
  const store::ReadTxn txn = p.s.store.read();
  BOOST_TEST(store::list_dialogues(txn, p.s.store.tables()).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_stream_off_the_allow_list_is_refused_and_nothing_is_written) {
  Portal p;
  auto f = p.fields();
  f.stream_url = "https://www.youtube.com/embed/x";
  const auto mark = test::change_mark(p.s.store);
  const auto r = questions::save_dialogue(p.s.store, 0, f, p.centre, kNow);
  BOOST_TEST((r.outcome == DialogueOutcome::invalid));
  BOOST_TEST_REQUIRE(r.errors.size() == 1u);
  BOOST_TEST(r.errors.front().find("https://www.youtube-nocookie.com") != std::string::npos);
  BOOST_TEST(test::changes_after(p.s.store, mark).empty());
  BOOST_TEST(audits(p.s.store, "dialogue.") == 0u);
  f.stream_url = "https://www.youtube-nocookie.com/embed/x";
  BOOST_TEST((questions::save_dialogue(p.s.store, 0, f, p.centre, kNow).outcome == DialogueOutcome::done));
  f.agency_id = 999;
  BOOST_TEST((questions::save_dialogue(p.s.store, 0, f, p.centre, kNow).outcome == DialogueOutcome::invalid));
}

BOOST_AUTO_TEST_CASE(a_question_for_a_dialogue_waits_for_moderation_outside_the_agency_queue) {
  Portal p;
  const auto d = p.create();
  const auto mark = test::change_mark(p.s.store);
  const auto q = p.ask(d);
  const auto question = p.question(q);
  BOOST_TEST(question.dialogue_id == d);
  BOOST_TEST(question.due_day == 0);             // no deadline: answered at the event
  BOOST_TEST(!question.sealed_private.empty());  // contacts sealed like any other question
  BOOST_TEST(question.masked_name == "Nguyễn V. A.");
  BOOST_TEST((p.entry(d, q).state == DialogueEntryState::pending));
  BOOST_TEST(test::changes_after(p.s.store, mark).empty());  // nothing public yet
  {
    const store::ReadTxn txn = p.s.store.read();
    BOOST_TEST(questions::queue_for(txn, p.s.store.tables(), p.centre_handler, 100).empty());
    BOOST_TEST(questions::count_open(txn, p.s.store.tables(), 20140).open == 0u);
  }
  // Accepting makes it public; answering before the event starts is refused.
  BOOST_TEST((p.moderate(d, q, DialogueModeration::accept) == DialogueOutcome::done));
  BOOST_TEST(test::has_change(test::changes_after(p.s.store, mark), store::ChangeKind::dialogue, d));
  BOOST_TEST((p.moderate(d, q, DialogueModeration::answer, "Ông Nguyễn Văn A, Giám đốc Sở", "Trả lời.") ==
              DialogueOutcome::refused));
  BOOST_TEST((p.step(d, DialogueStep::start) == DialogueOutcome::done));
  // An answer names one of the dialogue's officials.
  BOOST_TEST(
      (p.moderate(d, q, DialogueModeration::answer, "Ông Không Có Tên", "Trả lời.") == DialogueOutcome::invalid));
  BOOST_TEST((p.moderate(d, q, DialogueModeration::answer, "Ông Nguyễn Văn A, Giám đốc Sở",
                         "Hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất.") == DialogueOutcome::done));
  const auto e = p.entry(d, q);
  BOOST_TEST(e.answer == "Hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất.");
  BOOST_TEST(e.official == "Ông Nguyễn Văn A, Giám đốc Sở");
  BOOST_TEST(e.answered_by == "thuky");
  BOOST_TEST(audits(p.s.store, "dialogue.accept") == 1u);
  BOOST_TEST(audits(p.s.store, "dialogue.answer") == 1u);
  BOOST_TEST(audits(p.s.store, "dialogue.start") == 1u);
  // Ending closes the question in the ordinary machine, so retention erases its contacts later.
  BOOST_TEST((p.step(d, DialogueStep::end) == DialogueOutcome::done));
  BOOST_TEST((p.question(q).state == model::QuestionState::closed));
  BOOST_TEST((p.dialogue(d).state == model::DialogueState::ended));
  // No new questions once it is over.
  questions::Submission late;
  late.dialogue_id = d;
  const store::ReadTxn txn = p.s.store.read();
  const auto errors = questions::check_submission(txn, p.s.store.tables(), late);
  BOOST_TEST((std::find(errors.begin(), errors.end(), "Buổi đối thoại trực tuyến này không còn nhận câu hỏi.") !=
              errors.end()));
}

BOOST_AUTO_TEST_CASE(a_rejected_question_is_closed_and_never_public) {
  Portal p;
  const auto d = p.create();
  const auto q = p.ask(d);
  const auto mark = test::change_mark(p.s.store);
  BOOST_TEST((p.moderate(d, q, DialogueModeration::reject) == DialogueOutcome::done));
  BOOST_TEST(test::changes_after(p.s.store, mark).empty());  // it never was on the page
  BOOST_TEST((p.entry(d, q).state == DialogueEntryState::rejected));
  BOOST_TEST((p.question(q).state == model::QuestionState::closed));
  BOOST_TEST((p.moderate(d, q, DialogueModeration::accept) == DialogueOutcome::refused));
  BOOST_TEST(audits(p.s.store, "dialogue.reject") == 1u);
  // A question of another dialogue, or none: not found.
  BOOST_TEST((p.moderate(d + 1, q, DialogueModeration::accept) == DialogueOutcome::not_found));
  BOOST_TEST((questions::moderate(p.s.store, d, q, DialogueModeration::accept, "", "", p.reporter, kNow).outcome ==
              DialogueOutcome::refused));
}

BOOST_AUTO_TEST_CASE(steps_follow_the_table_and_a_cancelled_one_cannot_be_edited) {
  Portal p;
  const auto d = p.create();
  BOOST_TEST((p.step(d, DialogueStep::end) == DialogueOutcome::refused));
  BOOST_TEST((p.step(d, DialogueStep::cancel) == DialogueOutcome::done));
  BOOST_TEST((p.step(d, DialogueStep::start) == DialogueOutcome::refused));
  BOOST_TEST((questions::save_dialogue(p.s.store, d, p.fields(), p.centre, kNow).outcome == DialogueOutcome::refused));
  BOOST_TEST((p.step(d + 7, DialogueStep::start) == DialogueOutcome::not_found));
  BOOST_TEST(audits(p.s.store, "dialogue.cancel") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
