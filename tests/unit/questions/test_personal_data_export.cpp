// The citizen's export of their own data (issue 12, Nghị định 13/2023) over a real LMDB store: the right
// code with the e-mail or the phone opens the sealed contacts; a wrong pair and an unknown code read the
// same and write nothing; after retention erasure the answer says so; each export is audited without the
// contacts in the entry.
#include <boost/test/unit_test.hpp>

#include "daemon/health/working_days.hpp"
#include "daemon/questions/personal_data_export.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/question_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using Kind = questions::PersonalDataExport::Kind;

namespace {

constexpr model::UnixTime kNow = 1'740'000'000;
const std::string kEmail = "Chi.Tran@Example.vn";
const std::string kPhone = "0912 345 678";

struct Portal {
  test::TempStore s;
  secrets::PersonalDataKey key = secrets::PersonalDataKey::generate();
  std::string code;
  std::uint64_t id = 0;
  Portal() {
    questions::Submission sub;
    sub.name = "Trần Thị Chi";
    sub.email = kEmail;
    sub.phone = kPhone;
    sub.field = "Đất đai";
    sub.title = "Thủ tục tách thửa";
    sub.text = "Tôi muốn hỏi điều kiện tách thửa đất ở tại đô thị.";
    sub.consent = true;
    const auto r = questions::submit(s.store, key, sub, health::Calendar{}, "203.0.113.9", kNow);
    BOOST_TEST_REQUIRE(r.errors.empty());
    code = r.code;
    id = r.id;
  }
  questions::PersonalDataExport ask(std::string_view c, std::string_view contact) const {
    return questions::export_personal_data(s.store, key, c, contact, "198.51.100.20", kNow + 60);
  }
  std::vector<model::AuditEntry> exports() const {
    return test::audit_entries(s.store,
                               {.actor = "", .action_prefix = "question.export", .object = "", .since = 0, .until = 0});
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(personal_data_export)

BOOST_AUTO_TEST_CASE(the_code_with_the_email_or_the_phone_opens_the_sealed_data) {
  Portal p;
  const auto by_email = p.ask(p.code, "chi.tran@example.VN");
  BOOST_TEST_REQUIRE((by_email.kind == Kind::found));
  BOOST_TEST(by_email.personal->email == kEmail);
  BOOST_TEST(by_email.personal->phone == kPhone);
  BOOST_TEST(by_email.personal->name == "Trần Thị Chi");
  BOOST_TEST(by_email.question.id == p.id);
  std::string spaced = p.code;
  for (auto& c : spaced) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  BOOST_TEST((p.ask(spaced, "+84 912-345-678").kind == Kind::found));
  BOOST_TEST((p.ask(p.code, "0912345678").kind == Kind::found));
  const auto audit = p.exports();
  BOOST_TEST_REQUIRE(audit.size() == 3u);
  for (const auto& e : audit) {
    BOOST_TEST(e.object == "question/" + std::to_string(p.id));
    BOOST_TEST(e.to == "found");
    BOOST_TEST(e.address == "198.51.100.20");
    BOOST_TEST(e.reason.find("example") == std::string::npos);
    BOOST_TEST(e.reason.find("0912") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_wrong_pair_reads_like_an_unknown_code_and_writes_nothing) {
  Portal p;
  BOOST_TEST((p.ask(p.code, "someone.else@example.vn").kind == Kind::not_found));
  BOOST_TEST((p.ask(p.code, "0987 654 321").kind == Kind::not_found));
  BOOST_TEST((p.ask(p.code, "").kind == Kind::not_found));
  BOOST_TEST((p.ask(p.code, "345678").kind == Kind::not_found));  // a tail of the number is not the number
  BOOST_TEST((p.ask("AAAA-BBBB-CCCC", kEmail).kind == Kind::not_found));
  BOOST_TEST((p.ask("not a code", kEmail).kind == Kind::not_found));
  BOOST_TEST(p.exports().empty());
}

BOOST_AUTO_TEST_CASE(after_retention_the_answer_says_the_data_is_gone) {
  Portal p;
  // Closed long ago: the retention pass erases the sealed part.
  const questions::Handler centre{{"thuky", model::Role::secretariat, "10.0.0.2"}, 0};
  BOOST_TEST_REQUIRE(
      (questions::take_step(p.s.store, p.id, model::QuestionStep::close, "Trùng lặp", 0, centre, kNow + 60).outcome ==
       questions::Outcome::done));
  BOOST_TEST_REQUIRE(questions::erase_expired(p.s.store, kNow + 400LL * 86400) == 1u);
  const auto e = p.ask(p.code, kEmail);
  BOOST_TEST((e.kind == Kind::erased));
  BOOST_TEST(!e.personal.has_value());
  BOOST_TEST(e.question.erased_at != 0);
  const auto audit = p.exports();
  BOOST_TEST_REQUIRE(audit.size() == 1u);
  BOOST_TEST(audit[0].to == "erased");
}

BOOST_AUTO_TEST_CASE(contact_matching_is_exact_on_the_whole_value) {
  const model::QuestionPrivate p{"A", "an@example.vn", "+84 912 345 678", "", ""};
  BOOST_TEST(questions::contact_matches(p, "AN@example.vn"));
  BOOST_TEST(questions::contact_matches(p, "0912345678"));
  BOOST_TEST(questions::contact_matches(p, "+84912345678"));
  BOOST_TEST(!questions::contact_matches(p, "an@example.v"));
  BOOST_TEST(!questions::contact_matches(p, "912345678"));
  const model::QuestionPrivate no_phone{"A", "an@example.vn", "", "", ""};
  BOOST_TEST(!questions::contact_matches(no_phone, ""));
  BOOST_TEST(!questions::contact_matches(no_phone, "0000000000"));
}

BOOST_AUTO_TEST_SUITE_END()
