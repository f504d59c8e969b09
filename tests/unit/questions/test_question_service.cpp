// Citizens' questions over a real LMDB store (issue 12, Quy chế Điều 9): a submission is checked and a
// refused one writes nothing; personal data is sealed (the raw store file does not hold the e-mail or
// the phone); an agency answerer never reads another agency's item; each step is one transaction with
// its history and audit entry; contacts are kept only until the retention time; only the public side
// touches the change log.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <set>

#include "daemon/health/working_days.hpp"
#include "daemon/model/question_text.hpp"
#include "daemon/model/text.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/data_dir.hpp"
#include "daemon/store/question_file_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using model::QuestionState;
using model::QuestionStep;
using model::Role;
using questions::Handler;
using questions::Outcome;
using store::ChangeKind;

namespace portald::questions {
// For Boost.Test's messages.
std::ostream& operator<<(std::ostream& out, Outcome o) { return out << static_cast<int>(o); }
}  // namespace portald::questions
namespace portald::model {
inline std::ostream& operator<<(std::ostream& out, QuestionState s) { return out << to_string(s); }
}  // namespace portald::model

namespace {

constexpr model::UnixTime kNow = 1'740'000'000;  // 2025-02-20 04:20 local time, a Thursday
constexpr model::UnixTime kDay = 86400;

const std::string kName = "Nguyễn Văn An";
const std::string kEmail = "an.nguyen@example.vn";
const std::string kPhone = "0912 345 678";

// A data dir with a store, the personal-data key and two agencies.
struct Portal {
  test::TempStore s;
  secrets::PersonalDataKey key = secrets::PersonalDataKey::generate();
  health::Calendar calendar{};
  std::uint64_t agency_a = 0, agency_b = 0;
  Handler centre{{"thuky", Role::secretariat, "10.0.0.2"}, 0};
  Handler chief{{"truongban", Role::editor_in_chief, "10.0.0.3"}, 0};
  Handler reporter{{"phongvien", Role::reporter, "10.0.0.4"}, 0};
  Handler answerer_a{{"traloi.a", Role::agency_answerer, "10.0.1.1"}, 0};
  Handler answerer_b{{"traloi.b", Role::agency_answerer, "10.0.2.1"}, 0};

  Portal() {
    store::WriteTxn txn = s.store.write();
    agency_a = store::ensure_agency(txn, s.store.tables(), "Sở Tài nguyên và Môi trường");
    agency_b = store::ensure_agency(txn, s.store.tables(), "Sở Y tế");
    txn.commit();
    answerer_a.agency = agency_a;
    answerer_b.agency = agency_b;
  }

  questions::Submitted submit(questions::Submission sub, model::UnixTime now = kNow) const {
    return questions::submit(s.store, key, std::move(sub), calendar, "203.0.113.9", now);
  }
  // Submits a good question and returns its id.
  std::uint64_t new_question(model::UnixTime now = kNow) const {
    const auto r = submit(good(), now);
    BOOST_TEST_REQUIRE(r.errors.empty());
    return r.id;
  }
  model::Question get(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    const auto q = store::get_question(txn, s.store.tables(), id);
    BOOST_TEST_REQUIRE(q.has_value());
    return *q;
  }
  std::size_t count() const {
    const store::ReadTxn txn = s.store.read();
    return store::list_questions(txn, s.store.tables(), 100000).size();
  }
  std::vector<std::uint64_t> queue(const Handler& h) const {
    const store::ReadTxn txn = s.store.read();
    std::vector<std::uint64_t> ids;
    for (const auto& q : questions::queue_for(txn, s.store.tables(), h, 1000)) ids.push_back(q.id);
    return ids;
  }
  std::optional<model::Question> load(std::uint64_t id, const Handler& h) const {
    const store::ReadTxn txn = s.store.read();
    return questions::load_for(txn, s.store.tables(), id, h);
  }
  std::optional<questions::Status> status(std::string_view typed, std::int32_t today = 20140) const {
    const store::ReadTxn txn = s.store.read();
    return questions::status_by_code(txn, s.store.tables(), typed, today);
  }
  questions::Result step(std::uint64_t id, QuestionStep st, const Handler& h, std::string_view reason = "",
                         std::uint64_t agency = 0, model::UnixTime now = kNow + 3600) const {
    return questions::take_step(s.store, id, st, reason, agency, h, now);
  }
  // Assigns to agency A, saves an answer, sends it, the board approves and publishes it.
  void publish(std::uint64_t id, model::UnixTime at) const {
    BOOST_TEST_REQUIRE((step(id, QuestionStep::assign, centre, "", agency_a, at).outcome == Outcome::done));
    BOOST_TEST_REQUIRE(
        (questions::save_answer(s.store, id, "Trả lời: thủ tục gồm ...", answerer_a, at).outcome == Outcome::done));
    BOOST_TEST_REQUIRE((step(id, QuestionStep::answer, answerer_a, "", 0, at).outcome == Outcome::done));
    BOOST_TEST_REQUIRE((step(id, QuestionStep::approve, chief, "", 0, at).outcome == Outcome::done));
    BOOST_TEST_REQUIRE((step(id, QuestionStep::publish, chief, "", 0, at).outcome == Outcome::done));
  }

  static questions::Submission good() {
    questions::Submission sub;
    sub.name = kName;
    sub.email = kEmail;
    sub.phone = kPhone;
    sub.field = "Đất đai";
    sub.title = "Cấp giấy chứng nhận, xin gọi 0912345678";
    sub.text = "Tôi muốn hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu.\nLiên hệ " + kEmail + " hoặc " +
               kPhone + ". Theo Nghị định 101/2024/NĐ-CP, lệ phí 1.500.000 đồng?";
    sub.may_publish = true;
    sub.consent = true;
    return sub;
  }
};

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> actions_of(const store::Store& s, std::uint64_t id) {
  std::vector<std::string> out;
  for (const auto& e : test::audit_entries(s, {.actor = "",
                                              .action_prefix = "question.",
                                              .object = "question/" + std::to_string(id),
                                              .since = 0,
                                              .until = 0}))
    out.push_back(e.action);
  return out;
}

std::size_t question_changes(const std::vector<store::Change>& changes) {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(), [](const auto& c) { return c.kind == ChangeKind::question; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(question_service)

BOOST_AUTO_TEST_CASE(a_refused_submission_writes_nothing) {
  Portal p;
  p.new_question();  // something already there
  using Edit = void (*)(questions::Submission&);
  const std::vector<std::pair<const char*, Edit>> cases{
      {"no name", [](questions::Submission& s) { s.name = "   "; }},
      {"name too long", [](questions::Submission& s) { s.name = std::string(101, 'a'); }},
      {"control character", [](questions::Submission& s) { s.name = "An\x01"; }},
      {"not UTF-8", [](questions::Submission& s) { s.title = "Hỏi \xff\xfe về đất"; }},
      {"no contact at all", [](questions::Submission& s) { s.email = s.phone = ""; }},
      {"e-mail without domain", [](questions::Submission& s) { s.email = "an.nguyen@"; }},
      {"e-mail with two @", [](questions::Submission& s) { s.email = "an@b@c.vn"; }},
      {"e-mail with a space", [](questions::Submission& s) { s.email = "an nguyen@example.vn"; }},
      {"phone too short", [](questions::Submission& s) { s.phone = "12345"; }},
      {"phone with letters", [](questions::Submission& s) { s.phone = "0912abc678"; }},
      {"unknown field", [](questions::Submission& s) { s.field = "Không có lĩnh vực này"; }},
      {"no field", [](questions::Submission& s) { s.field = ""; }},
      {"unknown agency", [](questions::Submission& s) { s.agency_id = 999; }},
      {"title too short", [](questions::Submission& s) { s.title = "Hỏi"; }},
      {"title too long", [](questions::Submission& s) { s.title = std::string(201, 'x'); }},
      {"text too short", [](questions::Submission& s) { s.text = "Cho hỏi"; }},
      {"text too long", [](questions::Submission& s) { s.text = std::string(5001, 'x'); }},
      {"no consent", [](questions::Submission& s) { s.consent = false; }},
  };
  for (const auto& [what, edit] : cases) {
    const auto before = p.count();
    const auto audits = test::audit_entries(p.s.store).size();
    const auto mark = test::change_mark(p.s.store);
    auto sub = Portal::good();
    edit(sub);
    const auto r = p.submit(sub);
    BOOST_TEST(!r.errors.empty(), what);
    for (const auto& e : r.errors) BOOST_TEST(!e.empty(), what);
    BOOST_TEST(r.id == 0u, what);
    BOOST_TEST(r.code.empty(), what);
    BOOST_TEST(p.count() == before, what);
    BOOST_TEST(test::audit_entries(p.s.store).size() == audits, what);
    BOOST_TEST(test::changes_after(p.s.store, mark).empty(), what);
  }
  // Every problem at once is told at once.
  questions::Submission empty;
  BOOST_TEST(p.submit(empty).errors.size() >= 5u);
  // A phone alone, or an e-mail alone, is enough.
  auto phone_only = Portal::good();
  phone_only.email.clear();
  BOOST_TEST(p.submit(phone_only).errors.empty());
  auto email_only = Portal::good();
  email_only.phone.clear();
  email_only.agency_id = p.agency_b;  // a real agency may be suggested
  BOOST_TEST(p.submit(email_only).errors.empty());
  BOOST_TEST(p.count() == 3u);
}

BOOST_AUTO_TEST_CASE(only_masked_text_is_kept_in_clear_and_the_rest_is_sealed) {
  Portal p;
  const auto before = test::audit_entries(p.s.store).size();
  const auto r = p.submit(Portal::good());
  BOOST_TEST_REQUIRE(r.errors.empty());
  const auto q = p.get(r.id);
  BOOST_TEST((q.state == QuestionState::received));
  BOOST_TEST(q.received_at == kNow);
  BOOST_TEST(q.code == r.code);
  BOOST_TEST(q.masked_name == "Nguyễn V. A.");
  BOOST_TEST(q.title == "Cấp giấy chứng nhận, xin gọi [số điện thoại đã ẩn]");
  BOOST_TEST(q.text ==
             "Tôi muốn hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu.\nLiên hệ [email đã ẩn] "
             "hoặc [số điện thoại đã ẩn]. Theo Nghị định 101/2024/NĐ-CP, lệ phí 1.500.000 đồng?");
  BOOST_TEST(q.field == "Đất đai");
  BOOST_TEST(q.may_publish);
  BOOST_TEST(q.agency_id == 0u);
  // Due ten working days (the default) after the local day it came in.
  BOOST_TEST(q.due_day == health::add_working_days(p.calendar, health::local_day(kNow), 10));
  BOOST_TEST(r.due_day == q.due_day);
  BOOST_TEST(model::format_iso_date(q.due_day) == "2025-03-06");
  // The sealed part opens with this key for this question only.
  BOOST_TEST(secrets::is_sealed(q.sealed_private));
  const auto open = questions::open_private(p.key, q);
  BOOST_TEST_REQUIRE(open.has_value());
  BOOST_TEST(open->name == kName);
  BOOST_TEST(open->email == kEmail);
  BOOST_TEST(open->phone == kPhone);
  BOOST_TEST(open->title == Portal::good().title);
  BOOST_TEST(open->text == Portal::good().text);
  BOOST_TEST(!questions::open_private(secrets::PersonalDataKey::generate(), q).has_value());
  BOOST_TEST(p.key.open(q.sealed_private, "question:" + std::to_string(q.id)).has_value());
  BOOST_TEST(!p.key.open(q.sealed_private, "question:" + std::to_string(q.id + 1)).has_value());
  model::Question moved = q;  // the same sealed value pasted into another record
  moved.id = q.id + 1;
  BOOST_TEST(!questions::open_private(p.key, moved).has_value());
  // The submission's audit entry names no person.
  const auto log = test::audit_entries(p.s.store);
  BOOST_TEST_REQUIRE(log.size() == before + 1);
  BOOST_TEST(log.back().action == "question.submit");
  BOOST_TEST(log.back().object == "question/" + std::to_string(r.id));
  BOOST_TEST(log.back().address == "203.0.113.9");
  BOOST_TEST(log.back().actor.empty());
}

BOOST_AUTO_TEST_CASE(the_store_file_holds_neither_the_e_mail_nor_the_phone) {
  Portal p;
  const auto id = p.new_question();
  BOOST_TEST_REQUIRE(questions::add_note(p.s.store, id, "Đã gọi lại cho người hỏi.", p.centre, kNow + 60).outcome ==
                     Outcome::done);
  const auto bytes = file_bytes(store::DataDir(p.s.dir.path).store_file());
  BOOST_TEST_REQUIRE(bytes.size() > 0u);
  // What is meant to be there is found, so the search below can fail.
  BOOST_TEST(bytes.find("Nguyễn V. A.") != std::string::npos);
  BOOST_TEST(bytes.find("Đã gọi lại cho người hỏi.") != std::string::npos);
  for (const std::string& secret :
       {kEmail, std::string("an.nguyen"), kPhone, std::string("0912345678"), std::string("345 678"), kName})
    BOOST_TEST(bytes.find(secret) == std::string::npos, secret << " found in the store file");
}

BOOST_AUTO_TEST_CASE(tracking_codes_are_unique_and_found_as_people_type_them) {
  Portal p;
  std::set<std::string> codes;
  std::vector<questions::Submitted> all;
  for (int i = 0; i < 30; ++i) {
    const auto r = p.submit(Portal::good(), kNow + i);
    BOOST_TEST_REQUIRE(r.errors.empty());
    BOOST_TEST(model::normalise_tracking_code(r.code).value_or("") == r.code);
    BOOST_TEST(codes.insert(r.code).second, "code given twice: " << r.code);
    all.push_back(r);
  }
  for (const auto& r : all) {
    std::string typed;  // "k7mq 4txa 9rpw"
    for (const char c : r.code)
      typed += c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto st = p.status("  " + typed + " ");
    BOOST_TEST_REQUIRE(st.has_value(), typed);
    BOOST_TEST((st->state == QuestionState::received));
    BOOST_TEST(st->due_day == r.due_day);
    BOOST_TEST(st->agency.empty());
    BOOST_TEST(st->answer.empty());
    const store::ReadTxn txn = p.s.store.read();
    BOOST_TEST(store::find_question_by_code(txn, p.s.store.tables(), r.code).value_or(0) == r.id);
  }
  BOOST_TEST(!p.status("").has_value());
  BOOST_TEST(!p.status("not a code").has_value());
  if (!codes.count("AAAA-AAAA-AAAA")) BOOST_TEST(!p.status("aaaa aaaa aaaa").has_value());
}

BOOST_AUTO_TEST_CASE(an_agency_never_reads_another_agencys_item) {
  Portal p;
  const auto qa = p.new_question();
  auto sub = Portal::good();
  sub.agency_id = p.agency_a;  // the citizen suggests A, but the data centre has not assigned it yet
  const auto qb = p.submit(sub).id;
  BOOST_TEST_REQUIRE(qb != 0u);
  // Received items are the data centre's, whatever the citizen suggested.
  BOOST_TEST(!p.load(qb, p.answerer_a).has_value());
  BOOST_TEST(p.queue(p.answerer_a).empty());
  BOOST_TEST_REQUIRE((p.step(qa, QuestionStep::assign, p.centre, "", p.agency_a).outcome == Outcome::done));
  BOOST_TEST_REQUIRE((p.step(qb, QuestionStep::assign, p.centre, "", p.agency_b).outcome == Outcome::done));
  BOOST_TEST((p.queue(p.answerer_a) == std::vector<std::uint64_t>{qa}));
  BOOST_TEST((p.queue(p.answerer_b) == std::vector<std::uint64_t>{qb}));
  BOOST_TEST((p.queue(p.centre) == std::vector<std::uint64_t>{qb, qa}));  // newest first
  BOOST_TEST((p.queue(p.chief) == std::vector<std::uint64_t>{qb, qa}));
  BOOST_TEST(p.queue(p.reporter).empty());
  BOOST_TEST(p.load(qa, p.answerer_a).has_value());
  BOOST_TEST(!p.load(qb, p.answerer_a).has_value());
  BOOST_TEST(!p.load(qa, p.answerer_b).has_value());
  BOOST_TEST(!p.load(qa, p.reporter).has_value());
  Handler no_agency = p.answerer_a;
  no_agency.agency = 0;
  BOOST_TEST(!p.load(qa, no_agency).has_value());
  BOOST_TEST(p.queue(no_agency).empty());
  // Every write of A on B's item is "not found", and leaves it as it was.
  const auto before = p.get(qb);
  const auto audits = test::audit_entries(p.s.store).size();
  BOOST_TEST((questions::save_answer(p.s.store, qb, "Không phải việc của A", p.answerer_a, kNow).outcome ==
              Outcome::not_found));
  BOOST_TEST((questions::add_note(p.s.store, qb, "ghi chú", p.answerer_a, kNow).outcome == Outcome::not_found));
  for (const auto st :
       {QuestionStep::answer, QuestionStep::return_not_ours, QuestionStep::escalate, QuestionStep::request_info})
    BOOST_TEST((p.step(qb, st, p.answerer_a, "Lý do").outcome == Outcome::not_found), model::to_string(st));
  BOOST_TEST(!questions::reveal_private(p.s.store, p.key, qb, p.answerer_a, kNow).has_value());
  BOOST_TEST(test::audit_entries(p.s.store).size() == audits);
  const auto after = p.get(qb);
  BOOST_TEST(after.answer == before.answer);
  BOOST_TEST(after.notes.size() == before.notes.size());
  BOOST_TEST(after.history.size() == before.history.size());
  // An unknown id is the same answer.
  BOOST_TEST((p.step(9999, QuestionStep::assign, p.centre, "", p.agency_a).outcome == Outcome::not_found));
}

BOOST_AUTO_TEST_CASE(the_whole_way_to_publication_leaves_history_and_audit) {
  Portal p;
  const auto r = p.submit(Portal::good());
  const auto id = r.id;
  const auto mark = test::change_mark(p.s.store);
  // Assigning needs a real agency.
  BOOST_TEST((p.step(id, QuestionStep::assign, p.centre, "", 0).outcome == Outcome::invalid));
  BOOST_TEST((p.step(id, QuestionStep::assign, p.centre, "", 999).outcome == Outcome::invalid));
  BOOST_TEST((p.get(id).state == QuestionState::received));
  BOOST_TEST((p.step(id, QuestionStep::assign, p.reporter, "", p.agency_a).outcome == Outcome::not_found));
  BOOST_TEST((p.step(id, QuestionStep::assign, p.centre, "", p.agency_a, kNow + 100).outcome == Outcome::done));
  BOOST_TEST(p.get(id).agency_id == p.agency_a);
  // Nothing to send before an answer is written; the board cannot approve what was not sent.
  BOOST_TEST((p.step(id, QuestionStep::answer, p.answerer_a, "", 0, kNow + 150).outcome == Outcome::invalid));
  BOOST_TEST((p.step(id, QuestionStep::approve, p.chief, "", 0, kNow + 150).outcome == Outcome::refused));
  BOOST_TEST((questions::save_answer(p.s.store, id, "Trả lời nháp", p.centre, kNow + 150).outcome ==
              Outcome::refused));  // the data centre does not answer
  BOOST_TEST(
      (questions::save_answer(p.s.store, id, "  Thủ tục gồm: đơn đề nghị, giấy tờ về đất.  ", p.answerer_a, kNow + 200)
           .outcome == Outcome::done));
  BOOST_TEST(p.get(id).answer == "Thủ tục gồm: đơn đề nghị, giấy tờ về đất.");
  BOOST_TEST((p.step(id, QuestionStep::answer, p.answerer_a, "", 0, kNow + 300).outcome == Outcome::done));
  // The answer is locked while the board looks at it.
  BOOST_TEST(
      (questions::save_answer(p.s.store, id, "Sửa sau khi gửi", p.answerer_a, kNow + 350).outcome == Outcome::refused));
  BOOST_TEST((p.step(id, QuestionStep::approve, p.centre, "", 0, kNow + 400).outcome == Outcome::refused));
  BOOST_TEST((p.step(id, QuestionStep::approve, p.chief, "", 0, kNow + 400).outcome == Outcome::done));
  // Approved: the citizen sees the answer by the code, nothing is public yet.
  auto st = p.status(r.code);
  BOOST_TEST_REQUIRE(st.has_value());
  BOOST_TEST((st->state == QuestionState::approved));
  BOOST_TEST(st->answer == "Thủ tục gồm: đơn đề nghị, giấy tờ về đất.");
  BOOST_TEST(st->answered_at == kNow + 300);
  BOOST_TEST(st->agency == "Sở Tài nguyên và Môi trường");
  BOOST_TEST(st->published_id == 0u);
  BOOST_TEST(question_changes(test::changes_after(p.s.store, mark)) == 0u);
  BOOST_TEST((p.step(id, QuestionStep::publish, p.chief, "", 0, kNow + 500).outcome == Outcome::done));

  const auto q = p.get(id);
  BOOST_TEST((q.state == QuestionState::published));
  BOOST_TEST(q.answered_by == "traloi.a");
  BOOST_TEST(q.answered_at == kNow + 300);
  BOOST_TEST(q.published_at == kNow + 500);
  const std::vector<QuestionStep> steps{QuestionStep::assign, QuestionStep::assign, QuestionStep::answer,
                                        QuestionStep::approve, QuestionStep::publish};
  const std::vector<QuestionState> states{QuestionState::received, QuestionState::assigned, QuestionState::answered,
                                          QuestionState::approved, QuestionState::published};
  const std::vector<std::string> actors{"", "thuky", "traloi.a", "truongban", "truongban"};
  BOOST_TEST_REQUIRE(q.history.size() == steps.size());  // the submission, then each step once
  for (std::size_t i = 0; i < steps.size(); ++i) {
    BOOST_TEST((q.history[i].step == steps[i]), i);
    BOOST_TEST((q.history[i].to == states[i]), i);
    BOOST_TEST(q.history[i].actor == actors[i], i);
  }
  BOOST_TEST(q.history[1].agency_id == p.agency_a);
  BOOST_TEST(q.history[4].at == kNow + 500);
  BOOST_TEST((actions_of(p.s.store, id) == std::vector<std::string>{"question.submit", "question.assign",
                                                                    "question.answer-save", "question.answer",
                                                                    "question.approve", "question.publish"}));
  const auto log =
      test::audit_entries(p.s.store, {.actor = "", .action_prefix = "question.", .object = "", .since = 0, .until = 0});
  BOOST_TEST_REQUIRE(log.size() == 6u);
  BOOST_TEST(log[1].actor == "thuky");
  BOOST_TEST(log[1].address == "10.0.0.2");
  BOOST_TEST(log[1].from == "received");
  BOOST_TEST(log[1].to == "assigned");
  BOOST_TEST(log[5].from == "approved");
  BOOST_TEST(log[5].to == "published");
  BOOST_TEST(log[5].at == kNow + 500);
  // Public now: in the list, and the change log says so once.
  {
    const store::ReadTxn txn = p.s.store.read();
    const auto published = store::list_published_questions(txn, p.s.store.tables());
    BOOST_TEST_REQUIRE(published.size() == 1u);
    BOOST_TEST(published[0].id == id);
    BOOST_TEST(published[0].masked_name == "Nguyễn V. A.");
  }
  const auto changes = test::changes_after(p.s.store, mark);
  BOOST_TEST(question_changes(changes) == 1u);
  BOOST_TEST(test::has_change(changes, ChangeKind::question, id));
  st = p.status(r.code);
  BOOST_TEST_REQUIRE(st.has_value());
  BOOST_TEST(st->published_id == id);
  // Nothing moves from published.
  for (const auto s : {QuestionStep::close, QuestionStep::publish, QuestionStep::return_answer})
    BOOST_TEST((p.step(id, s, p.chief, "Lý do").outcome == Outcome::refused));
}

BOOST_AUTO_TEST_CASE(the_status_page_never_shows_contacts) {
  Portal p;
  const auto r = p.submit(Portal::good());
  p.publish(r.id, kNow + 1000);
  const auto st = p.status(r.code);
  BOOST_TEST_REQUIRE(st.has_value());
  for (const std::string& field : {st->agency, st->answer})
    for (const std::string& secret : {kEmail, kPhone, kName, std::string("0912345678")})
      BOOST_TEST(field.find(secret) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(not_ours_goes_back_to_the_data_centre) {
  Portal p;
  const auto id = p.new_question();
  BOOST_TEST_REQUIRE((p.step(id, QuestionStep::assign, p.centre, "", p.agency_a).outcome == Outcome::done));
  // A reason is required, and a refusal changes nothing.
  const auto audits = test::audit_entries(p.s.store).size();
  BOOST_TEST((p.step(id, QuestionStep::return_not_ours, p.answerer_a, "  ").outcome == Outcome::refused));
  BOOST_TEST(test::audit_entries(p.s.store).size() == audits);
  BOOST_TEST((p.get(id).state == QuestionState::assigned));
  BOOST_TEST((p.step(id, QuestionStep::return_not_ours, p.answerer_a, "Thuộc thẩm quyền UBND huyện").outcome ==
              Outcome::done));
  const auto q = p.get(id);
  BOOST_TEST((q.state == QuestionState::received));
  BOOST_TEST(q.agency_id == 0u);
  BOOST_TEST(q.reason == "Thuộc thẩm quyền UBND huyện");
  BOOST_TEST(p.queue(p.answerer_a).empty());
  BOOST_TEST(!p.load(id, p.answerer_a).has_value());
  {
    const store::ReadTxn txn = p.s.store.read();
    BOOST_TEST(store::list_agency_questions(txn, p.s.store.tables(), p.agency_a, 100).empty());
  }
  BOOST_TEST((p.queue(p.centre) == std::vector<std::uint64_t>{id}));
  const auto log = test::audit_entries(p.s.store);
  BOOST_TEST(log.back().action == "question.return-not-ours");
  BOOST_TEST(log.back().reason == "Thuộc thẩm quyền UBND huyện");
  BOOST_TEST(log.back().actor == "traloi.a");
  // The data centre assigns it again, to another agency.
  BOOST_TEST((p.step(id, QuestionStep::assign, p.centre, "", p.agency_b).outcome == Outcome::done));
  BOOST_TEST((p.queue(p.answerer_b) == std::vector<std::uint64_t>{id}));
}

BOOST_AUTO_TEST_CASE(escalation_goes_up_two_levels_and_no_further) {
  Portal p;
  const auto id = p.new_question();
  for (int level = 1; level <= model::kMaxEscalation; ++level) {
    const auto& who = level % 2 ? p.answerer_a : p.answerer_b;
    BOOST_TEST_REQUIRE((p.step(id, QuestionStep::assign, p.centre, "", who.agency).outcome == Outcome::done));
    BOOST_TEST((p.step(id, QuestionStep::escalate, who, "").outcome == Outcome::refused));  // reason required
    BOOST_TEST_REQUIRE((p.step(id, QuestionStep::escalate, who, "Vượt thẩm quyền").outcome == Outcome::done));
    const auto q = p.get(id);
    BOOST_TEST(q.escalation == level);
    BOOST_TEST((q.state == QuestionState::received));
    BOOST_TEST(q.agency_id == 0u);
    BOOST_TEST(p.queue(who).empty());
  }
  BOOST_TEST_REQUIRE((p.step(id, QuestionStep::assign, p.centre, "", p.agency_a).outcome == Outcome::done));
  BOOST_TEST((p.step(id, QuestionStep::escalate, p.answerer_a, "Vượt thẩm quyền").outcome == Outcome::refused));
  const auto q = p.get(id);
  BOOST_TEST(q.escalation == model::kMaxEscalation);
  BOOST_TEST((q.state == QuestionState::assigned));
  BOOST_TEST(actions_of(p.s.store, id).size() == 1u + 2u * 2u + 1u);
}

BOOST_AUTO_TEST_CASE(needing_more_information_and_getting_it) {
  Portal p;
  const auto early = p.new_question();  // asked before any agency has it
  BOOST_TEST((p.step(early, QuestionStep::request_info, p.centre, "").outcome == Outcome::refused));
  BOOST_TEST((p.step(early, QuestionStep::request_info, p.centre, "Thiếu số thửa đất").outcome == Outcome::done));
  BOOST_TEST((p.step(early, QuestionStep::info_received, p.centre).outcome == Outcome::done));
  BOOST_TEST((p.get(early).state == QuestionState::received));
  const auto late = p.new_question();  // asked by the agency
  BOOST_TEST_REQUIRE((p.step(late, QuestionStep::assign, p.centre, "", p.agency_a).outcome == Outcome::done));
  BOOST_TEST((p.step(late, QuestionStep::request_info, p.answerer_a, "Thiếu bản sao sổ đỏ").outcome == Outcome::done));
  BOOST_TEST(p.load(late, p.answerer_a).has_value());  // still its item while it waits
  BOOST_TEST((p.step(late, QuestionStep::info_received, p.answerer_a).outcome == Outcome::refused));
  BOOST_TEST((p.step(late, QuestionStep::info_received, p.centre).outcome == Outcome::done));
  BOOST_TEST((p.get(late).state == QuestionState::assigned));
  BOOST_TEST(p.get(late).agency_id == p.agency_a);
}

BOOST_AUTO_TEST_CASE(looking_at_contacts_is_audited) {
  Portal p;
  const auto id = p.new_question();
  const auto views = [&] {
    return test::audit_entries(
        p.s.store, {.actor = "", .action_prefix = "question.contact-view", .object = "", .since = 0, .until = 0});
  };
  BOOST_TEST(!questions::reveal_private(p.s.store, p.key, id, p.reporter, kNow).has_value());
  BOOST_TEST(!questions::reveal_private(p.s.store, p.key, id, p.answerer_a, kNow).has_value());  // not assigned yet
  BOOST_TEST(
      !questions::reveal_private(p.s.store, secrets::PersonalDataKey::generate(), id, p.centre, kNow).has_value());
  BOOST_TEST(views().empty());
  const auto seen = questions::reveal_private(p.s.store, p.key, id, p.centre, kNow + 10);
  BOOST_TEST_REQUIRE(seen.has_value());
  BOOST_TEST(seen->email == kEmail);
  BOOST_TEST(seen->phone == kPhone);
  BOOST_TEST(seen->name == kName);
  auto log = views();
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].actor == "thuky");
  BOOST_TEST(log[0].object == "question/" + std::to_string(id));
  BOOST_TEST(log[0].at == kNow + 10);
  BOOST_TEST(log[0].address == "10.0.0.2");
  BOOST_TEST_REQUIRE((p.step(id, QuestionStep::assign, p.centre, "", p.agency_a).outcome == Outcome::done));
  BOOST_TEST(questions::reveal_private(p.s.store, p.key, id, p.answerer_a, kNow + 20).has_value());
  BOOST_TEST(!questions::reveal_private(p.s.store, p.key, id, p.answerer_b, kNow + 20).has_value());
  log = views();
  BOOST_TEST_REQUIRE(log.size() == 2u);
  BOOST_TEST(log[1].actor == "traloi.a");
}

BOOST_AUTO_TEST_CASE(contacts_are_erased_after_the_retention_time_and_the_public_text_stays) {
  Portal p;
  const model::UnixTime t0 = kNow;
  const auto published = p.new_question(t0);
  p.publish(published, t0);
  const auto closed = p.new_question(t0);
  BOOST_TEST_REQUIRE(
      (p.step(closed, QuestionStep::close, p.centre, "Trùng câu hỏi đã trả lời", 0, t0 + 10 * kDay).outcome ==
       Outcome::done));
  const auto open = p.new_question(t0);  // still being handled, however old
  BOOST_TEST_REQUIRE((p.step(open, QuestionStep::assign, p.centre, "", p.agency_a, t0).outcome == Outcome::done));
  model::UnixTime retention = 0;
  {
    const store::ReadTxn txn = p.s.store.read();
    retention = model::UnixTime(store::get_question_settings(txn, p.s.store.tables()).retention_days) * kDay;
  }
  BOOST_TEST(retention == 365 * kDay);
  const auto before = p.get(published);
  const auto mark = test::change_mark(p.s.store);

  // Exactly at the retention time nothing goes yet.
  BOOST_TEST(questions::erase_expired(p.s.store, t0 + retention) == 0u);
  BOOST_TEST(questions::erase_expired(p.s.store, t0 + retention + 1) == 1u);
  auto q = p.get(published);
  BOOST_TEST(q.sealed_private.empty());
  BOOST_TEST(q.erased_at == t0 + retention + 1);
  BOOST_TEST(q.title == before.title);
  BOOST_TEST(q.text == before.text);
  BOOST_TEST(q.masked_name == "Nguyễn V. A.");
  BOOST_TEST(q.answer == before.answer);
  BOOST_TEST((q.state == QuestionState::published));
  BOOST_TEST(!questions::reveal_private(p.s.store, p.key, published, p.centre, t0 + retention + 2).has_value());
  {
    const store::ReadTxn txn = p.s.store.read();
    const auto list = store::list_published_questions(txn, p.s.store.tables());
    BOOST_TEST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0].id == published);
  }
  BOOST_TEST(!p.get(closed).sealed_private.empty());
  BOOST_TEST(!p.get(open).sealed_private.empty());
  // The closed one ten days later; then nothing is left to erase.
  BOOST_TEST(questions::erase_expired(p.s.store, t0 + 10 * kDay + retention + 1) == 1u);
  BOOST_TEST(p.get(closed).sealed_private.empty());
  BOOST_TEST(p.get(closed).erased_at == t0 + 10 * kDay + retention + 1);
  BOOST_TEST(questions::erase_expired(p.s.store, t0 + 1000 * kDay) == 0u);
  BOOST_TEST(!p.get(open).sealed_private.empty());
  const auto erased = test::audit_entries(
      p.s.store, {.actor = "", .action_prefix = "question.erase", .object = "", .since = 0, .until = 0});
  BOOST_TEST_REQUIRE(erased.size() == 2u);
  BOOST_TEST(erased[0].object == "question/" + std::to_string(published));
  BOOST_TEST(erased[1].object == "question/" + std::to_string(closed));
  // Erasing contacts does not change what the public sees.
  BOOST_TEST(question_changes(test::changes_after(p.s.store, mark)) == 0u);
}

BOOST_AUTO_TEST_CASE(only_the_public_side_touches_the_change_log) {
  Portal p;
  const auto mark = test::change_mark(p.s.store);
  const auto id = p.new_question();
  BOOST_TEST_REQUIRE((p.step(id, QuestionStep::assign, p.centre, "", p.agency_a).outcome == Outcome::done));
  BOOST_TEST_REQUIRE(questions::add_note(p.s.store, id, "Chuyển phòng Đăng ký đất đai", p.answerer_a, kNow).outcome ==
                     Outcome::done);
  BOOST_TEST_REQUIRE(questions::save_answer(p.s.store, id, "Trả lời", p.answerer_a, kNow).outcome == Outcome::done);
  BOOST_TEST_REQUIRE((p.step(id, QuestionStep::answer, p.answerer_a).outcome == Outcome::done));
  BOOST_TEST_REQUIRE(
      (p.step(id, QuestionStep::return_answer, p.chief, "Bổ sung căn cứ pháp lý").outcome == Outcome::done));
  BOOST_TEST_REQUIRE(
      questions::save_answer(p.s.store, id, "Trả lời, theo Luật Đất đai 2024", p.answerer_a, kNow).outcome ==
      Outcome::done);
  BOOST_TEST_REQUIRE((p.step(id, QuestionStep::answer, p.answerer_a).outcome == Outcome::done));
  BOOST_TEST_REQUIRE((p.step(id, QuestionStep::approve, p.chief).outcome == Outcome::done));
  BOOST_TEST(question_changes(test::changes_after(p.s.store, mark)) == 0u);
  BOOST_TEST_REQUIRE((p.step(id, QuestionStep::publish, p.chief).outcome == Outcome::done));
  const auto published = test::change_mark(p.s.store);
  BOOST_TEST(question_changes(test::changes_after(p.s.store, mark)) == 1u);
  // An internal note on a published item, or a look at the contacts, is not public.
  BOOST_TEST_REQUIRE(questions::add_note(p.s.store, id, "Đã báo người hỏi", p.centre, kNow + 10).outcome ==
                     Outcome::done);
  BOOST_TEST(questions::reveal_private(p.s.store, p.key, id, p.centre, kNow + 20).has_value());
  BOOST_TEST(question_changes(test::changes_after(p.s.store, published)) == 0u);
  // A closed question never was public.
  const auto other = p.new_question();
  const auto before_close = test::change_mark(p.s.store);
  BOOST_TEST_REQUIRE((p.step(other, QuestionStep::close, p.centre, "Không phải câu hỏi").outcome == Outcome::done));
  BOOST_TEST(question_changes(test::changes_after(p.s.store, before_close)) == 0u);
}

BOOST_AUTO_TEST_CASE(notes_are_for_those_who_see_the_item) {
  Portal p;
  const auto id = p.new_question();
  BOOST_TEST((questions::add_note(p.s.store, id, "   ", p.centre, kNow).outcome == Outcome::invalid));
  BOOST_TEST((questions::add_note(p.s.store, id, std::string(questions::kNoteMax + 1, 'x'), p.centre, kNow).outcome ==
              Outcome::invalid));
  BOOST_TEST((questions::add_note(p.s.store, id, "Ghi chú", p.reporter, kNow).outcome == Outcome::not_found));
  BOOST_TEST(p.get(id).notes.empty());
  BOOST_TEST((questions::add_note(p.s.store, id, "Đã xác minh", p.centre, kNow + 5).outcome == Outcome::done));
  const auto q = p.get(id);
  BOOST_TEST_REQUIRE(q.notes.size() == 1u);
  BOOST_TEST(q.notes[0].author == "thuky");
  BOOST_TEST(q.notes[0].text == "Đã xác minh");
  BOOST_TEST(q.notes[0].at == kNow + 5);
  BOOST_TEST(actions_of(p.s.store, id).back() == "question.note");
}

// Attachments (issue 12): checked from their bytes, sealed with the name, opened only by those who see the
// item (audited), and erased with the contacts.
namespace {

const std::string kPdfName = "C:\\Users\\An\\CCCD Nguyễn Văn An.pdf";
const std::string kPdfBytes = "%PDF-1.4\n% so-can-cuoc-079088001234\n%%EOF\n";
const std::string kPngBytes = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2000, 'x');

questions::Submission with_files(std::vector<questions::AttachedFile> files) {
  auto sub = Portal::good();
  sub.files = std::move(files);
  return sub;
}

}  // namespace

BOOST_AUTO_TEST_CASE(attachments_are_sealed_and_opened_only_by_those_who_see_the_item) {
  Portal p;
  const auto r = p.submit(with_files({{kPdfName, kPdfBytes}, {"anh hien truong.png", kPngBytes}}));
  BOOST_TEST_REQUIRE(r.errors.empty());
  const auto q = p.get(r.id);
  BOOST_TEST_REQUIRE(q.attachments.size() == 2u);
  BOOST_TEST(q.attachments[0].type == "application/pdf");
  BOOST_TEST(q.attachments[0].size == kPdfBytes.size());
  BOOST_TEST(q.attachments[1].type == "image/png");
  // Neither the name nor the bytes are in the store file in clear.
  const std::string raw = file_bytes(store::DataDir(p.s.dir.path).store_file());
  BOOST_TEST(raw.find("079088001234") == std::string::npos);
  BOOST_TEST(raw.find("CCCD") == std::string::npos);

  BOOST_TEST_REQUIRE((p.step(r.id, QuestionStep::assign, p.centre, "", p.agency_a).outcome == Outcome::done));
  const auto opened = questions::open_file(p.s.store, p.key, r.id, 0, p.answerer_a, kNow + 7200);
  BOOST_TEST_REQUIRE(opened.has_value());
  BOOST_TEST(opened->name == "CCCD Nguyễn Văn An.pdf");  // the last part of the path only
  BOOST_TEST(opened->type == "application/pdf");
  BOOST_TEST(opened->bytes == kPdfBytes);
  BOOST_TEST(questions::open_file(p.s.store, p.key, r.id, 1, p.centre, kNow + 7200)->bytes == kPngBytes);
  // Another agency, a reporter, a file that is not there, another key: nothing, and no audit entry.
  BOOST_TEST(!questions::open_file(p.s.store, p.key, r.id, 0, p.answerer_b, kNow + 7200).has_value());
  BOOST_TEST(!questions::open_file(p.s.store, p.key, r.id, 0, p.reporter, kNow + 7200).has_value());
  BOOST_TEST(!questions::open_file(p.s.store, p.key, r.id, 2, p.centre, kNow + 7200).has_value());
  const auto other_key = secrets::PersonalDataKey::generate();
  BOOST_TEST(!questions::open_file(p.s.store, other_key, r.id, 0, p.centre, kNow + 7200).has_value());
  const auto views = test::audit_entries(
      p.s.store, {.actor = "", .action_prefix = "question.file-view", .object = "", .since = 0, .until = 0});
  BOOST_TEST_REQUIRE(views.size() == 2u);
  BOOST_TEST(views[0].actor == "traloi.a");
  BOOST_TEST(views[0].to == "tệp 1");
  BOOST_TEST(views[1].actor == "thuky");
}

BOOST_AUTO_TEST_CASE(refused_attachments_write_nothing) {
  Portal p;
  {
    store::WriteTxn txn = p.s.store.write();
    auto s = store::get_question_settings(txn, p.s.store.tables());
    s.attachment_max_mb = 1;
    store::put_question_settings(txn, p.s.store.tables(), s);
    txn.commit();
  }
  const auto errors_of = [&](std::vector<questions::AttachedFile> files) {
    return p.submit(with_files(std::move(files))).errors;
  };
  const auto four = errors_of({{"1.pdf", kPdfBytes}, {"2.pdf", kPdfBytes}, {"3.pdf", kPdfBytes}, {"4.pdf", kPdfBytes}});
  BOOST_TEST_REQUIRE(four.size() == 1u);
  BOOST_TEST(four[0] == "Chỉ được đính kèm tối đa 3 tệp.");
  const auto html = errors_of({{"trang.pdf", "<html><script>alert(1)</script></html>"}});
  BOOST_TEST_REQUIRE(html.size() == 1u);
  BOOST_TEST(html[0] == "Tệp \"trang.pdf\" không phải ảnh (JPEG, PNG, WebP) hoặc tệp PDF.");
  const auto big = errors_of({{"lon.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(3 << 19, 'x')}});
  BOOST_TEST_REQUIRE(big.size() == 1u);
  BOOST_TEST(big[0] == "Tệp \"lon.png\" quá lớn (1,6 MB): mỗi tệp tối đa 1 MB.");
  BOOST_TEST(p.count() == 0u);
  const store::ReadTxn txn = p.s.store.read();
  store::Cursor c(txn, p.s.store.tables().question_files);
  BOOST_TEST(!c.first());
}

BOOST_AUTO_TEST_CASE(file_names_keep_their_last_part_cleaned) {
  BOOST_TEST(questions::clean_file_name("/home/an/Đơn đề nghị.pdf", 0) == "Đơn đề nghị.pdf");
  BOOST_TEST(questions::clean_file_name("a\"b\x01.png", 0) == "ab.png");
  BOOST_TEST(questions::clean_file_name("", 1) == "tep-2");
  BOOST_TEST(questions::clean_file_name("..", 0) == "tep-1");
  BOOST_TEST(questions::clean_file_name("\xff\xfe", 2) == "tep-3");  // not UTF-8
  const std::string longest = questions::clean_file_name(std::string(200, 'a') + ".pdf", 0);
  BOOST_TEST(longest.size() == model::kAttachmentNameMax);
  std::string vietnamese;
  for (int i = 0; i < 130; ++i) vietnamese += "ệ";
  const std::string cut = questions::clean_file_name(vietnamese, 0);
  BOOST_TEST(model::count_code_points(cut) == model::kAttachmentNameMax);  // cut between characters
  BOOST_TEST(model::is_valid_utf8(cut));
}

BOOST_AUTO_TEST_CASE(attachments_are_erased_with_the_contacts) {
  Portal p;
  const auto r = p.submit(with_files({{"don.pdf", kPdfBytes}}));
  BOOST_TEST_REQUIRE(r.errors.empty());
  BOOST_TEST_REQUIRE(
      (p.step(r.id, QuestionStep::close, p.centre, "Trùng câu hỏi đã trả lời").outcome == Outcome::done));
  const model::UnixTime retention = 365 * kDay;
  BOOST_TEST(questions::erase_expired(p.s.store, kNow + 3600 + retention + 1) == 1u);
  BOOST_TEST(p.get(r.id).attachments.empty());
  BOOST_TEST(!questions::open_file(p.s.store, p.key, r.id, 0, p.centre, kNow + retention + 7200).has_value());
  const store::ReadTxn txn = p.s.store.read();
  BOOST_TEST(!store::get_question_file(txn, p.s.store.tables(), r.id, 0).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
