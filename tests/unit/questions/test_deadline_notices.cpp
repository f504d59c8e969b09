// Deadline e-mails for citizens' questions (daemon/questions/deadline_notices.hpp): the agency hears the
// working day before an answer is due, the data centre once it is overdue; each once per deadline, again
// after a new assignment sets a new due day, never for items whose answer is approved, and nothing while mail
// is off.
#include <boost/test/unit_test.hpp>

#include "daemon/mail/outbox.hpp"
#include "daemon/model/time.hpp"
#include "daemon/questions/deadline_notices.hpp"
#include "daemon/store/mail_outbox_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using model::Role;

namespace {

std::int32_t day(std::string_view date) { return *model::parse_iso_date(date); }
// 10 o'clock local time on that day.
model::UnixTime at(std::string_view date) {
  return model::UnixTime(day(date)) * 86400 - model::kVietnamOffsetSeconds + 10 * 3600;
}

struct Desk {
  test::TempStore s;
  const secrets::PersonalDataKey key = secrets::PersonalDataKey::generate();
  const store::Tables& t = s.store.tables();
  questions::Notices mail_on{.outbox = mail::Outbox{&key}, .key = &key};
  health::Calendar calendar{};  // Monday to Friday
  std::uint64_t agency = 0, other_agency = 0;

  void user(const std::string& name, Role role, std::uint64_t of, const std::string& email) {
    model::User u;
    u.username = name;
    u.role = role;
    u.agency_id = of;
    u.email = email;
    store::WriteTxn txn = s.store.write();
    store::put_user(txn, t, u);
    txn.commit();
  }
  Desk() {
    {
      store::WriteTxn txn = s.store.write();
      agency = store::ensure_agency(txn, t, "Sở Y tế");
      other_agency = store::ensure_agency(txn, t, "Sở Xây dựng");
      txn.commit();
    }
    user("traloiyte", Role::agency_answerer, agency, "traloi@soyte.example.vn");
    user("traloixd", Role::agency_answerer, other_agency, "traloi@soxd.example.vn");
    user("thuky", Role::secretariat, 0, "thuky@example.vn");
    user("truongban", Role::editor_in_chief, 0, "truongban@example.vn");
  }
  std::uint64_t put(model::QuestionState state, std::string_view due) {
    model::Question q;
    store::WriteTxn txn = s.store.write();
    q.id = store::list_questions(txn, t, 1000).size() + 1;
    q.code = "CODE" + std::to_string(q.id);
    q.title = "Câu hỏi số " + std::to_string(q.id);
    q.state = state;
    q.agency_id = agency;
    q.received_at = at("2026-11-02");
    q.due_day = day(due);
    store::put_question(txn, t, q, std::nullopt);
    txn.commit();
    return q.id;
  }
  model::Question get(std::uint64_t id) {
    const store::ReadTxn txn = s.store.read();
    return *store::get_question(txn, t, id);
  }
  questions::DeadlineNotices run(std::string_view date, const questions::Notices& n) {
    return questions::send_deadline_notices(s.store, n, calendar, at(date));
  }
  // The queued messages, opened: recipient and subject.
  std::vector<std::pair<std::string, std::string>> queued() {
    const store::ReadTxn txn = s.store.read();
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : store::list_outbox(txn, t)) {
      const auto m = mail::unseal(key, e.id, e.sealed).value().message;
      out.emplace_back(m.to, m.subject);
    }
    return out;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(deadline_notices)

BOOST_AUTO_TEST_CASE(the_agency_hears_the_working_day_before_and_only_once) {
  Desk d;
  const auto id = d.put(model::QuestionState::assigned, "2026-11-09");  // a Monday
  // Thursday: two working days left, nothing yet.
  BOOST_TEST(d.run("2026-11-05", d.mail_on).due_soon == 0u);
  BOOST_TEST(d.queued().empty());
  // Friday: the next working day is the due day.
  BOOST_TEST(d.run("2026-11-06", d.mail_on).due_soon == 1u);
  const auto sent = d.queued();
  BOOST_TEST_REQUIRE(sent.size() == 1u);
  BOOST_TEST(sent[0].first == "traloi@soyte.example.vn");  // not the other agency's answerer
  BOOST_TEST(sent[0].second == "Sắp đến hạn trả lời: Câu hỏi số 1");
  BOOST_TEST(d.get(id).reminded_for_day == day("2026-11-09"));
  // The same hour tomorrow, or on the due day: no second reminder.
  BOOST_TEST(d.run("2026-11-07", d.mail_on).due_soon == 0u);
  BOOST_TEST(d.run("2026-11-09", d.mail_on).due_soon == 0u);
  BOOST_TEST(d.queued().size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_data_centre_hears_of_an_overdue_item_once_per_deadline) {
  Desk d;
  const auto id = d.put(model::QuestionState::assigned, "2026-11-09");
  BOOST_TEST(d.run("2026-11-09", d.mail_on).overdue == 0u);  // due today: not overdue yet
  const auto r = d.run("2026-11-10", d.mail_on);
  BOOST_TEST(r.overdue == 1u);
  std::vector<std::string> to;
  for (const auto& [address, subject] : d.queued())
    if (subject.starts_with("Quá hạn trả lời")) to.push_back(address);
  BOOST_TEST(to == std::vector<std::string>{"thuky@example.vn"}, boost::test_tools::per_element());
  BOOST_TEST(d.run("2026-11-11", d.mail_on).overdue == 0u);
  // Reassigned with a new due day that passes too: told again.
  {
    store::WriteTxn txn = d.s.store.write();
    const auto before = store::get_question(txn, d.t, id);
    auto q = *before;
    q.due_day = day("2026-11-16");
    store::put_question(txn, d.t, q, before);
    txn.commit();
  }
  BOOST_TEST(d.run("2026-11-17", d.mail_on).overdue == 1u);
}

BOOST_AUTO_TEST_CASE(settled_items_and_mail_off_send_nothing) {
  Desk d;
  const auto approved = d.put(model::QuestionState::approved, "2026-11-09");
  const auto open = d.put(model::QuestionState::assigned, "2026-11-09");
  // Mail off: nothing queued and nothing marked, so switching mail on later still tells.
  BOOST_TEST(d.run("2026-11-12", questions::Notices{}).overdue == 0u);
  BOOST_TEST(d.get(open).overdue_noticed_for_day == 0);
  BOOST_TEST(d.queued().empty());
  BOOST_TEST(d.run("2026-11-12", d.mail_on).overdue == 1u);
  BOOST_TEST(d.get(approved).overdue_noticed_for_day == 0);  // the citizen has the answer
  BOOST_TEST(d.queued().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
