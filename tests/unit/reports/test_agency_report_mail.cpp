// The monthly report e-mailed to each agency (daemon/reports/agency_report_mail.hpp), over a real store:
// when the month is due, who gets it, what it says (figures written by hand below), that a month goes
// once, and that nothing goes or is recorded while the setting or mail is off.
#include <boost/test/unit_test.hpp>

#include "daemon/mail/outbox.hpp"
#include "daemon/model/audit_action.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/time.hpp"
#include "daemon/reports/agency_report_mail.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/mail_outbox_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using model::Role;

namespace {

model::UnixTime at(std::string_view local) { return *model::parse_rfc3339(std::string(local) + ":00+07:00"); }

struct Portal {
  test::TempStore s;
  const secrets::PersonalDataKey key = secrets::PersonalDataKey::generate();
  const store::Tables& t = s.store.tables();
  const mail::Outbox mail_on{&key};
  health::Calendar calendar{};
  std::uint64_t health = 0, building = 0, silent = 0, news = 0;

  void user(const std::string& name, Role role, std::uint64_t of, const std::string& email, bool suspended = false) {
    model::User u;
    u.username = name;
    u.display_name = "Người " + name;
    u.role = role;
    u.agency_id = of;
    u.email = email;
    u.suspended = suspended;
    store::WriteTxn txn = s.store.write();
    store::put_user(txn, t, u);
    txn.commit();
  }
  // An article of `agency` taken through `steps` (transition name, local time, reason).
  void article(std::uint64_t agency, const std::string& title,
               std::vector<std::tuple<std::string, std::string, std::string>> steps) {
    store::WriteTxn txn = s.store.write();
    model::Article a;
    a.slug = model::slugify(title);
    a.title = title;
    a.agency_id = agency;
    a.category_id = news;
    const auto id = store::put_article(txn, t, a);
    for (const auto& [transition, when, reason] : steps)
      store::append_audit(txn, t,
                          {.at = at(when),
                           .actor = "thuky",
                           .action = "article." + transition,
                           .object = "article/" + std::to_string(id),
                           .reason = reason});
    txn.commit();
  }
  void setting(const std::string& value) {
    store::WriteTxn txn = s.store.write();
    auto site = store::get_site_settings(txn, t);
    site.portal_name = "Cổng thông tin điện tử tỉnh Thử";
    site.public_url = "https://portal.example.vn/";
    site.mail_agency_reports = value;
    store::put_site_settings(txn, t, site);
    txn.commit();
  }
  Portal() {
    {
      store::WriteTxn txn = s.store.write();
      health = store::ensure_agency(txn, t, "Sở Y tế");
      building = store::ensure_agency(txn, t, "Sở Xây dựng");
      silent = store::ensure_agency(txn, t, "Sở Tư pháp");
      news = store::ensure_category(txn, t, "Tin tức");
      txn.commit();
    }
    user("ctvyte", Role::contributor, health, "ctv@soyte.example.vn");
    user("traloiyte", Role::agency_answerer, health, "traloi@soyte.example.vn");
    user("nghiviec", Role::contributor, health, "cu@soyte.example.vn", true);  // suspended: not told
    user("ctvxd", Role::contributor, building, "");                            // no e-mail: Sở Xây dựng gets none
    user("ctvtp", Role::contributor, silent, "ctv@sotp.example.vn");
    user("thuky", Role::secretariat, 0, "thuky@example.vn");  // the board: not an agency's staff
    setting("1");
    // Sở Y tế in November: one article submitted 08:00 and approved 11:00 the same day (3 h); one
    // returned with a reason and not resubmitted; one submitted in October, not counted as submitted.
    article(health, "Tiêm chủng mở rộng", {{"submit", "2026-11-03T08:00", ""}, {"approve", "2026-11-03T11:00", ""}});
    article(health, "Phòng chống sốt xuất huyết",
            {{"submit", "2026-11-10T08:00", ""}, {"return", "2026-11-10T09:30", "Thiếu số liệu ca bệnh"}});
    article(health, "Tin tháng Mười", {{"submit", "2026-10-20T08:00", ""}});
  }
  reports::AgencyMailPass run_at(std::string_view local) {
    return reports::mail_agency_reports(s.store, mail_on, calendar, at(local));
  }
  std::vector<mail::Message> queued() {
    const store::ReadTxn txn = s.store.read();
    std::vector<mail::Message> out;
    for (const auto& e : store::list_outbox(txn, t)) out.push_back(mail::unseal(key, e.id, e.sealed).value().message);
    return out;
  }
  std::size_t sent_records() {
    const store::ReadTxn txn = s.store.read();
    return store::find_audit(txn, t, {.action_prefix = "report.agency-mail"}, 10).size();
  }
};

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(agency_report_mail)

BOOST_AUTO_TEST_CASE(the_month_before_is_due_from_seven_oclock_on_the_first) {
  BOOST_TEST(!reports::month_due(at("2026-12-01T06:59")).has_value());
  BOOST_TEST(reports::month_due(at("2026-12-01T07:00")).value().slug == "2026-11");
  BOOST_TEST(reports::month_due(at("2026-12-31T23:59")).value().slug == "2026-11");
  BOOST_TEST(reports::month_due(at("2027-01-01T08:00")).value().slug == "2026-12");
  BOOST_TEST(reports::month_due(at("2027-01-01T08:00")).value().label == "tháng 12/2026");
}

BOOST_AUTO_TEST_CASE(each_agencys_staff_with_an_email_get_its_figures_once) {
  Portal p;
  const auto pass = p.run_at("2026-12-01T07:30");
  BOOST_TEST(pass.sent);
  BOOST_TEST(pass.agencies == 2);  // Sở Y tế and Sở Tư pháp; Sở Xây dựng has nobody with an e-mail
  BOOST_TEST(pass.messages == 3);
  const auto mail = p.queued();
  BOOST_REQUIRE_EQUAL(mail.size(), 3u);
  std::vector<std::string> to;
  for (const auto& m : mail) to.push_back(m.to);
  std::ranges::sort(to);
  BOOST_TEST(to ==
             (std::vector<std::string>{"ctv@sotp.example.vn", "ctv@soyte.example.vn", "traloi@soyte.example.vn"}));

  const auto& yte = *std::ranges::find(mail, std::string("ctv@soyte.example.vn"), &mail::Message::to);
  BOOST_TEST(yte.subject == "Báo cáo cung cấp thông tin tháng 11/2026 — Sở Y tế");
  BOOST_TEST(yte.to_name == "Người ctvyte");
  BOOST_TEST(has(yte.body, "Kính gửi Sở Y tế,"), yte.body);
  BOOST_TEST(has(yte.body, "Tin bài gửi duyệt: 2\n"), yte.body);  // the October submission is not November's
  BOOST_TEST(has(yte.body, "Đã xuất bản: 1\n"));
  BOOST_TEST(has(yte.body, "Bị trả lại: 1\n"));
  BOOST_TEST(has(yte.body, "Bị gỡ: 0\n"));
  BOOST_TEST(has(yte.body, "trung bình 3,0 giờ, 90% trong vòng 3,0 giờ"), yte.body);
  BOOST_TEST(has(yte.body, "- Tin tức: gửi duyệt 2, xuất bản 1, trả lại 1, gỡ 0\n"), yte.body);
  BOOST_TEST(has(yte.body, "- 10/11/2026 \"Phòng chống sốt xuất huyết\": Thiếu số liệu ca bệnh\n"), yte.body);
  BOOST_TEST(has(yte.body, "https://portal.example.vn/quan-tri/bao-cao/co-quan?thang=2026-11\n"), yte.body);

  const auto& tp = *std::ranges::find(mail, std::string("ctv@sotp.example.vn"), &mail::Message::to);
  BOOST_TEST(has(tp.body, "trong tháng 11/2026 cơ quan không gửi"), tp.body);
  BOOST_TEST(!has(tp.body, "Phòng chống"));  // another agency's returns are not in it

  // Recorded once in the audit log; later passes that month send nothing more.
  BOOST_TEST(p.sent_records() == 1u);
  BOOST_TEST(!p.run_at("2026-12-01T08:30").sent);
  BOOST_TEST(!p.run_at("2026-12-15T10:00").sent);
  BOOST_TEST(p.queued().size() == 3u);
  // The next month is its own.
  BOOST_TEST(p.run_at("2027-01-01T07:00").sent);
  BOOST_TEST(p.sent_records() == 2u);
}

BOOST_AUTO_TEST_CASE(nothing_goes_or_is_recorded_while_the_setting_or_mail_is_off) {
  Portal p;
  p.setting("");
  BOOST_TEST(!p.run_at("2026-12-01T07:30").sent);
  p.setting("1");
  BOOST_TEST(!reports::mail_agency_reports(p.s.store, mail::Outbox{}, p.calendar, at("2026-12-01T07:30")).sent);
  BOOST_TEST(!p.run_at("2026-12-01T06:00").sent);  // too early on the first
  BOOST_TEST(p.queued().empty());
  BOOST_TEST(p.sent_records() == 0u);
  // Switched on later in the month: the month still goes.
  BOOST_TEST(p.run_at("2026-12-02T09:00").sent);
  BOOST_TEST(p.queued().size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
