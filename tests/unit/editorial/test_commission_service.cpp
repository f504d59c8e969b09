// The board's commissions over a real store (issue 16, Quy chế Điều 6.1c, 6.1d;
// daemon/editorial/commission_service.hpp): only the board creates and cancels; the assignee (the account
// or anyone of the agency) or the board delivers with an article the deliverer may see; everyone else is
// told the commission does not exist; "quá hạn" is computed from the due day at a given time; each write
// commits with its audit entry and its e-mails (to the assignee's staff, or to whoever created it), and a
// refusal writes nothing.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "daemon/editorial/commission_notice.hpp"
#include "daemon/editorial/commission_service.hpp"
#include "daemon/editorial/editorial.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/commission_table.hpp"
#include "daemon/store/mail_outbox_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using editorial::CommissionFields;
using editorial::CommissionOutcome;
using model::CommissionState;
using model::Role;

namespace {

// Thursday 3 December 2026, 10:00 in Vietnam (03:00 UTC).
const model::UnixTime kNow = model::parse_rfc3339("2026-12-03T10:00:00+07:00").value();

struct Desk {
  test::TempStore s;
  const store::Tables& t = s.store.tables();
  const secrets::PersonalDataKey key = secrets::PersonalDataKey::generate();
  const mail::Outbox outbox{&key};
  std::uint64_t health = 0, education = 0;  // "Sở Y tế", "Sở Giáo dục"
  model::Actor chief, secretary, reporter, ctv, ctv2, other, operator_;
  std::uint64_t own_article = 0, other_article = 0;

  void add_user(const std::string& name, const std::string& display, Role role, std::uint64_t agency,
                const std::string& email, bool suspended = false) {
    store::WriteTxn txn = s.store.write();
    model::User u;
    u.username = name;
    u.display_name = display;
    u.role = role;
    u.agency_id = agency;
    u.email = email;
    u.suspended = suspended;
    store::put_user(txn, t, u);
    txn.commit();
  }
  std::uint64_t article(const model::Actor& a, const std::string& title) {
    store::WriteTxn txn = s.store.write();
    const auto r = editorial::save_content(txn, t, 0,
                                           {.title = title,
                                            .summary = "",
                                            .body_html = "<p>x</p>",
                                            .category_id = 1,
                                            .agency_id = a.agency_id,
                                            .author = "",
                                            .featured = false},
                                           a, kNow - 3600);
    BOOST_REQUIRE(r.id != 0);
    txn.commit();
    return r.id;
  }

  Desk() {
    {
      store::WriteTxn txn = s.store.write();
      health = store::ensure_agency(txn, t, "Sở Y tế");
      education = store::ensure_agency(txn, t, "Sở Giáo dục");
      store::ensure_category(txn, t, "Y tế");
      auto site = store::get_site_settings(txn, t);
      site.public_url = "https://portal.example.vn/";
      site.portal_name = "Cổng thông tin điện tử tỉnh Thử Nghiệm";
      store::put_site_settings(txn, t, site);
      txn.commit();
    }
    add_user("truongban", "Phạm Văn Dũng", Role::editor_in_chief, 0, "dung@example.vn");
    add_user("thuky", "Trần Thị Hoa", Role::secretariat, 0, "hoa@example.vn");
    add_user("phongvien", "Ngô Minh Khoa", Role::reporter, 0, "khoa@example.vn");
    add_user("ctv", "Lê Thị Cúc", Role::contributor, health, "cuc@soyte.example.vn");
    add_user("ctv2", "Đỗ Văn Bình", Role::contributor, health, "binh@soyte.example.vn");
    add_user("tldan", "Vũ Thị Lan", Role::agency_answerer, health, "lan@soyte.example.vn");
    add_user("ctvnghi", "Nghỉ Việc", Role::contributor, health, "nghi@soyte.example.vn", true);
    add_user("ctvkhongthu", "Không Thư", Role::contributor, health, "");
    add_user("ctvgd", "Hồ Văn Giáo", Role::contributor, education, "giao@sogd.example.vn");
    add_user("quantri", "Quản Trị", Role::operator_, 0, "qt@example.vn");
    chief = {"truongban", Role::editor_in_chief, "10.0.0.1"};
    secretary = {"thuky", Role::secretariat, "10.0.0.2"};
    reporter = {"phongvien", Role::reporter, "10.0.0.3"};
    ctv = {"ctv", Role::contributor, "10.0.0.4", false, health};
    ctv2 = {"ctv2", Role::contributor, "10.0.0.5", false, health};
    other = {"ctvgd", Role::contributor, "10.0.0.6", false, education};
    operator_ = {"quantri", Role::operator_, "10.0.0.7"};
    own_article = article(ctv2, "Tiêm chủng mở rộng tháng 12");
    other_article = article(other, "Khai giảng năm học");
  }

  CommissionFields for_agency(std::uint64_t agency, const std::string& due = "2026-12-10") const {
    return {.kind = "item",
            .title = "  Tin về chiến dịch tiêm chủng  ",
            .brief = "Số liệu đến hết tháng 11.\r\nẢnh tại trạm y tế xã.",
            .assignee = "agency:" + std::to_string(agency),
            .due = due};
  }
  std::uint64_t create(const CommissionFields& f, const model::Actor& a) {
    const auto r = editorial::create_commission(s.store, f, a, kNow, outbox);
    BOOST_REQUIRE_MESSAGE((r.outcome == CommissionOutcome::done), (r.errors.empty() ? "" : r.errors.front()));
    return r.id;
  }
  std::optional<model::Commission> get(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return store::get_commission(txn, t, id);
  }
  std::vector<model::AuditEntry> audit() const {  // oldest first
    const store::ReadTxn txn = s.store.read();
    auto log = store::find_audit(txn, t, {.action_prefix = "commission."}, 100);
    return {log.rbegin(), log.rend()};
  }
  std::vector<mail::Message> mail() const {  // oldest first
    const store::ReadTxn txn = s.store.read();
    std::vector<mail::Message> out;
    for (const auto& e : store::list_outbox(txn, t)) out.push_back(mail::unseal(key, e.id, e.sealed).value().message);
    return out;
  }
  std::vector<std::string> recipients() const {
    std::vector<std::string> out;
    for (const auto& m : mail()) out.push_back(m.to);
    std::sort(out.begin(), out.end());
    return out;
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(commission_service)

BOOST_AUTO_TEST_CASE(the_board_commissions_an_agency_and_its_reachable_staff_hear_of_it) {
  Desk d;
  const auto id = d.create(d.for_agency(d.health), d.secretary);
  BOOST_TEST(id == 1u);
  const auto c = d.get(id).value();
  BOOST_TEST(c.title == "Tin về chiến dịch tiêm chủng");
  BOOST_TEST(c.brief == "Số liệu đến hết tháng 11.\nẢnh tại trạm y tế xã.");
  BOOST_TEST(c.agency_id == d.health);
  BOOST_TEST(c.assignee_user.empty());
  BOOST_TEST(c.due_day == model::parse_iso_date("2026-12-10").value());
  BOOST_TEST(c.created_by == "thuky");
  BOOST_TEST(c.created_at == kNow);
  BOOST_TEST((c.state == CommissionState::open));

  const auto log = d.audit();
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].action == "commission.create");
  BOOST_TEST(log[0].object == "commission/1");
  BOOST_TEST(log[0].actor == "thuky");
  BOOST_TEST(log[0].to == "open");
  BOOST_TEST(log[0].reason == "Tin về chiến dịch tiêm chủng · Giao: Sở Y tế · Hạn: 10/12/2026");

  // The agency's contributors and answerer with a work e-mail; not the suspended one, not the one without
  // an address, not another agency's.
  BOOST_TEST(d.recipients() ==
                 (std::vector<std::string>{"binh@soyte.example.vn", "cuc@soyte.example.vn", "lan@soyte.example.vn"}),
             boost::test_tools::per_element());
  const auto m = d.mail().front();
  BOOST_TEST(m.subject == "Ban biên tập đặt tin, bài: Tin về chiến dịch tiêm chủng");
  BOOST_TEST(has(m.body, "Ban biên tập giao cho Sở Y tế việc \"Tin về chiến dịch tiêm chủng\""));
  BOOST_TEST(has(m.body, "Hạn hoàn thành: 10/12/2026\n"));
  BOOST_TEST(has(m.body, "Người giao: Trần Thị Hoa (thuky)\n"));
  BOOST_TEST(has(m.body, "Nội dung yêu cầu:\nSố liệu đến hết tháng 11.\nẢnh tại trạm y tế xã.\n"));
  BOOST_TEST(has(m.body, "https://portal.example.vn/quan-tri/dat-hang/1\n"));

  // A reporter sent to an event: only that account hears of it.
  const auto event = d.create({.kind = "event",
                               .title = "Hội nghị tổng kết năm",
                               .brief = "",
                               .assignee = "user:phongvien",
                               .due = "2026-12-03"},
                              d.chief);
  BOOST_TEST(event == 2u);
  BOOST_TEST(d.mail().size() == 4u);
  BOOST_TEST(d.mail().back().to == "khoa@example.vn");
  BOOST_TEST(d.mail().back().subject == "Ban biên tập cử đưa tin: Hội nghị tổng kết năm");
}

BOOST_AUTO_TEST_CASE(only_the_board_creates_and_a_refusal_writes_nothing) {
  Desk d;
  for (const auto& a : {d.reporter, d.ctv, d.operator_}) {
    const auto r = editorial::create_commission(d.s.store, d.for_agency(d.health), a, kNow, d.outbox);
    BOOST_TEST((r.outcome == CommissionOutcome::refused), a.username);
    BOOST_TEST(r.errors == std::vector<std::string>{"Chỉ Ban biên tập được đặt hàng, giao việc."},
               boost::test_tools::per_element());
  }
  const auto bad = editorial::create_commission(
      d.s.store, {.kind = "meeting", .title = "   ", .brief = "", .assignee = "agency:999", .due = "2026-12-02"},
      d.secretary, kNow, d.outbox);
  BOOST_TEST((bad.outcome == CommissionOutcome::invalid));
  BOOST_TEST(bad.errors == (std::vector<std::string>{"Vui lòng chọn loại việc.", "Vui lòng nhập tiêu đề.",
                                                     "Cơ quan đã chọn không có trong danh sách.",
                                                     "Hạn hoàn thành không được trước hôm nay."}),
             boost::test_tools::per_element());
  const auto suspended = editorial::create_commission(
      d.s.store, {.kind = "item", .title = "Tin", .brief = "", .assignee = "user:ctvnghi", .due = "2026-13-01"},
      d.secretary, kNow, d.outbox);
  BOOST_TEST(suspended.errors ==
                 (std::vector<std::string>{"Tài khoản được giao không có, đã bị đình chỉ hoặc không viết bài được.",
                                           "Vui lòng nhập hạn hoàn thành là một ngày hợp lệ."}),
             boost::test_tools::per_element());
  const auto too_long = editorial::create_commission(
      d.s.store, {.kind = "item", .title = std::string(201, 'x'), .brief = "", .assignee = "", .due = "2026-12-03"},
      d.secretary, kNow, d.outbox);
  BOOST_TEST(too_long.errors == (std::vector<std::string>{"Tiêu đề quá dài (tối đa 200 ký tự).",
                                                          "Vui lòng chọn cơ quan hoặc người được giao."}),
             boost::test_tools::per_element());
  // Nothing stored, logged or mailed, and no id spent: the next one is still number 1.
  BOOST_TEST(d.audit().empty());
  BOOST_TEST(d.mail().empty());
  BOOST_TEST(d.create(d.for_agency(d.health), d.secretary) == 1u);
}

BOOST_AUTO_TEST_CASE(overdue_is_open_and_past_the_due_day_in_vietnam_time) {
  Desk d;
  const auto id = d.create(d.for_agency(d.health, "2026-12-05"), d.secretary);
  const auto c = d.get(id).value();
  const auto at = [](const char* t) { return model::parse_rfc3339(t).value(); };
  BOOST_TEST(!model::is_overdue(c, at("2026-12-05T23:59:59+07:00")));
  BOOST_TEST(model::is_overdue(c, at("2026-12-06T00:00:00+07:00")));
  BOOST_TEST(model::is_overdue(c, at("2026-12-05T17:00:00Z")));  // already the 6th in Vietnam
  BOOST_TEST(!model::is_overdue(c, at("2026-12-05T16:59:59Z")));
  auto delivered = c;
  delivered.state = CommissionState::delivered;
  BOOST_TEST(!model::is_overdue(delivered, at("2027-01-01T00:00:00+07:00")));

  // The board's open list reads by due date, not by creation.
  d.create(d.for_agency(d.education, "2026-12-04"), d.secretary);
  d.create(d.for_agency(d.health, "2026-12-20"), d.secretary);
  const store::ReadTxn txn = d.s.store.read();
  std::vector<std::uint64_t> order;
  for (const auto& o : store::list_open_commissions(txn, d.t)) order.push_back(o.id);
  BOOST_TEST(order == (std::vector<std::uint64_t>{2, 1, 3}), boost::test_tools::per_element());
  BOOST_TEST(store::list_agency_commissions(txn, d.t, d.health).size() == 2u);
  BOOST_TEST(store::list_agency_commissions(txn, d.t, d.education).size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_agency_delivers_an_article_it_may_see_and_the_creator_hears_of_it) {
  Desk d;
  const auto id = d.create(d.for_agency(d.health), d.secretary);
  const std::size_t before = d.mail().size();
  // Another agency's contributor and a reporter not assigned are told it does not exist.
  for (const auto& a : {d.other, d.reporter}) {
    const auto r = editorial::deliver_commission(d.s.store, id, std::to_string(d.own_article), a, kNow, d.outbox);
    BOOST_TEST((r.outcome == CommissionOutcome::not_found), a.username);
  }
  // Garbage, and an article of another agency the contributor may not see, are refused with a message.
  const auto garbage = editorial::deliver_commission(d.s.store, id, "bài số bảy", d.ctv, kNow, d.outbox);
  BOOST_TEST((garbage.outcome == CommissionOutcome::invalid));
  BOOST_TEST(garbage.errors.front() ==
             "Vui lòng nhập số bài viết hoặc địa chỉ của bài trong trang quản trị (ví dụ /quan-tri/bai-viet/12).");
  const auto hidden =
      editorial::deliver_commission(d.s.store, id, std::to_string(d.other_article), d.ctv, kNow, d.outbox);
  BOOST_TEST((hidden.outcome == CommissionOutcome::invalid));
  BOOST_TEST(hidden.errors.front() ==
             "Không tìm thấy bài viết số " + std::to_string(d.other_article) + ", hoặc bạn không được xem bài này.");
  BOOST_TEST((d.get(id)->state == CommissionState::open));
  BOOST_TEST(d.audit().size() == 1u);

  // ctv delivers a colleague's article of the same agency, by its admin address.
  const auto ok = editorial::deliver_commission(
      d.s.store, id, " https://portal.example.vn/quan-tri/bai-viet/" + std::to_string(d.own_article) + "?tab=1 ", d.ctv,
      kNow + 60, d.outbox);
  BOOST_TEST_REQUIRE((ok.outcome == CommissionOutcome::done));
  const auto c = d.get(id).value();
  BOOST_TEST((c.state == CommissionState::delivered));
  BOOST_TEST(c.article_id == d.own_article);
  BOOST_TEST(c.closed_by == "ctv");
  BOOST_TEST(c.closed_at == kNow + 60);
  {
    const store::ReadTxn txn = d.s.store.read();
    BOOST_TEST(store::list_open_commissions(txn, d.t).empty());
  }
  const auto log = d.audit();
  BOOST_TEST_REQUIRE(log.size() == 2u);
  BOOST_TEST(log[1].action == "commission.deliver");
  BOOST_TEST(log[1].actor == "ctv");
  BOOST_TEST(log[1].from == "open");
  BOOST_TEST(log[1].to == "delivered");
  BOOST_TEST(log[1].reason == "Bài viết số " + std::to_string(d.own_article) + ": Tiêm chủng mở rộng tháng 12");
  // One message, to who created it.
  const auto mail = d.mail();
  BOOST_TEST_REQUIRE(mail.size() == before + 1);
  BOOST_TEST(mail.back().to == "hoa@example.vn");
  BOOST_TEST(mail.back().subject == "Đã giao nộp việc được giao: Tin về chiến dịch tiêm chủng");
  BOOST_TEST(has(mail.back().body, "Người giao nộp: Lê Thị Cúc (ctv)\n"));
  BOOST_TEST(has(mail.back().body, "Bài viết: \"Tiêm chủng mở rộng tháng 12\""));

  // Delivered once: a second delivery is refused and changes nothing.
  const auto again =
      editorial::deliver_commission(d.s.store, id, std::to_string(d.own_article), d.ctv2, kNow, d.outbox);
  BOOST_TEST((again.outcome == CommissionOutcome::refused));
  BOOST_TEST(again.errors.front() == "Việc này đã được giao nộp.");
  BOOST_TEST(d.audit().size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_named_reporter_or_the_board_delivers_and_the_creator_delivering_hears_nothing) {
  Desk d;
  const auto for_reporter = d.create(
      {.kind = "event", .title = "Hội nghị", .brief = "", .assignee = "user:phongvien", .due = "2026-12-04"}, d.chief);
  const auto by_reporter = d.article(d.reporter, "Hội nghị tổng kết");
  // A contributor of an agency is not the named reporter.
  BOOST_TEST((editorial::deliver_commission(d.s.store, for_reporter, "1", d.ctv, kNow, d.outbox).outcome ==
              CommissionOutcome::not_found));
  const std::size_t before = d.mail().size();
  BOOST_TEST(
      (editorial::deliver_commission(d.s.store, for_reporter, "/quan-tri/bai-viet/" + std::to_string(by_reporter),
                                     d.reporter, kNow, d.outbox)
           .outcome == CommissionOutcome::done));
  BOOST_TEST(d.mail().size() == before + 1);
  BOOST_TEST(d.mail().back().to == "dung@example.vn");

  // The board delivers on an agency's behalf; the creator itself gets no e-mail about its own act.
  const auto for_agency = d.create(d.for_agency(d.education), d.secretary);
  const std::size_t mails = d.mail().size();
  BOOST_TEST((
      editorial::deliver_commission(d.s.store, for_agency, std::to_string(d.other_article), d.secretary, kNow, d.outbox)
          .outcome == CommissionOutcome::done));
  BOOST_TEST(d.mail().size() == mails);
}

BOOST_AUTO_TEST_CASE(the_board_cancels_with_a_reason_and_the_assignee_hears_of_it) {
  Desk d;
  const auto id = d.create(
      {.kind = "event", .title = "Đoàn công tác", .brief = "", .assignee = "user:phongvien", .due = "2026-12-08"},
      d.secretary);
  const std::size_t before = d.mail().size();
  // The assignee may see it but not cancel it; strangers are told it does not exist.
  const auto by_assignee = editorial::cancel_commission(d.s.store, id, "Không đi được", d.reporter, kNow, d.outbox);
  BOOST_TEST((by_assignee.outcome == CommissionOutcome::refused));
  BOOST_TEST(by_assignee.errors.front() == "Chỉ Ban biên tập được hủy việc đã giao.");
  BOOST_TEST((editorial::cancel_commission(d.s.store, id, "x", d.ctv, kNow, d.outbox).outcome ==
              CommissionOutcome::not_found));
  const auto no_reason = editorial::cancel_commission(d.s.store, id, " \r\n ", d.chief, kNow, d.outbox);
  BOOST_TEST((no_reason.outcome == CommissionOutcome::invalid));
  BOOST_TEST(no_reason.errors.front() == "Vui lòng ghi lý do hủy.");
  BOOST_TEST((d.get(id)->state == CommissionState::open));
  BOOST_TEST(d.mail().size() == before);

  BOOST_TEST_REQUIRE((
      editorial::cancel_commission(d.s.store, id, "  Đoàn công tác hoãn sang năm sau.  ", d.chief, kNow + 120, d.outbox)
          .outcome == CommissionOutcome::done));
  const auto c = d.get(id).value();
  BOOST_TEST((c.state == CommissionState::cancelled));
  BOOST_TEST(c.reason == "Đoàn công tác hoãn sang năm sau.");
  BOOST_TEST(c.closed_by == "truongban");
  BOOST_TEST(c.closed_at == kNow + 120);
  BOOST_TEST(!model::is_overdue(c, kNow + 30 * 86400));
  const auto log = d.audit();
  BOOST_TEST_REQUIRE(log.size() == 2u);
  BOOST_TEST(log[1].action == "commission.cancel");
  BOOST_TEST(log[1].from == "open");
  BOOST_TEST(log[1].to == "cancelled");
  BOOST_TEST(log[1].reason == "Đoàn công tác hoãn sang năm sau.");
  const auto mail = d.mail();
  BOOST_TEST_REQUIRE(mail.size() == before + 1);
  BOOST_TEST(mail.back().to == "khoa@example.vn");
  BOOST_TEST(mail.back().subject == "Ban biên tập hủy việc đã giao: Đoàn công tác");
  BOOST_TEST(has(mail.back().body, "Lý do: Đoàn công tác hoãn sang năm sau.\n"));
  BOOST_TEST(has(mail.back().body, "Người hủy: Phạm Văn Dũng (truongban)\n"));

  // Cancelled: neither a delivery nor a second cancellation.
  const auto late = editorial::deliver_commission(d.s.store, id, "1", d.reporter, kNow, d.outbox);
  BOOST_TEST((late.outcome == CommissionOutcome::refused));
  BOOST_TEST(late.errors.front() == "Việc này đã bị hủy.");
  BOOST_TEST((editorial::cancel_commission(d.s.store, id, "lần nữa", d.chief, kNow, d.outbox).outcome ==
              CommissionOutcome::refused));
  BOOST_TEST(d.audit().size() == 2u);
}

BOOST_AUTO_TEST_CASE(with_mail_off_nothing_is_queued_but_the_work_goes_on) {
  Desk d;
  const auto r = editorial::create_commission(d.s.store, d.for_agency(d.health), d.secretary, kNow, mail::Outbox{});
  BOOST_TEST((r.outcome == CommissionOutcome::done));
  BOOST_TEST(d.mail().empty());
  BOOST_TEST(d.audit().size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_article_is_named_by_its_number_or_its_admin_address) {
  using model::parse_article_ref;
  BOOST_TEST(parse_article_ref("12").value() == 12u);
  BOOST_TEST(parse_article_ref(" 12 ").value() == 12u);
  BOOST_TEST(parse_article_ref("/quan-tri/bai-viet/7").value() == 7u);
  BOOST_TEST(parse_article_ref("/quan-tri/bai-viet/7/").value() == 7u);
  BOOST_TEST(parse_article_ref("https://portal.example.vn/quan-tri/bai-viet/7?da-luu=1#ghi-chu-2").value() == 7u);
  BOOST_TEST(parse_article_ref("http://127.0.0.1:8080/quan-tri/bai-viet/9").value() == 9u);
  BOOST_TEST(!parse_article_ref("0"));
  BOOST_TEST(!parse_article_ref(""));
  BOOST_TEST(!parse_article_ref("12a"));
  BOOST_TEST(!parse_article_ref("/quan-tri/bai-viet/7/xem-truoc"));
  BOOST_TEST(!parse_article_ref("/quan-tri/bai-viet/moi"));
  BOOST_TEST(!parse_article_ref("javascript:/quan-tri/bai-viet/7"));
  BOOST_TEST(!parse_article_ref("https://a.example/b/quan-tri/bai-viet/7"));
  BOOST_TEST(!parse_article_ref("/tin-tuc/tiem-chung-7"));
}

BOOST_AUTO_TEST_SUITE_END()
