// Feedback to providers (Điều 8.4, daemon/editorial/author_notice.hpp): a return, approval, schedule,
// scheduled publication or withdrawal queues one Vietnamese e-mail to the article's author in the same
// transaction (what happened, by whom, when, why, the admin link); other steps, authors without a work
// e-mail and authors acting on their own article get none, and with mail off nothing is queued.
#include <boost/test/unit_test.hpp>

#include "daemon/editorial/author_notice.hpp"
#include "daemon/editorial/editorial.hpp"
#include "daemon/store/mail_outbox_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using editorial::Actor;
using model::Role;
using model::Transition;

namespace {

const Actor kContributor{"ctv", Role::contributor, "10.0.0.5"};
const Actor kSecretary{"thuky", Role::secretariat, "10.0.0.7"};
const Actor kChief{"truongban", Role::editor_in_chief, "10.0.0.8"};

struct Desk {
  test::TempStore s;
  const secrets::PersonalDataKey key = secrets::PersonalDataKey::generate();
  const mail::Outbox outbox{&key};
  const store::Tables& t = s.store.tables();

  Desk() {
    store::WriteTxn txn = s.store.write();
    model::User ctv;
    ctv.username = "ctv";
    ctv.display_name = "Lê Thị Cúc";
    ctv.role = Role::contributor;
    ctv.email = "le.thi.cuc@soyte.example.vn";
    store::put_user(txn, t, ctv);
    model::User chief;
    chief.username = "truongban";
    chief.display_name = "Phạm Văn Dũng";
    chief.role = Role::editor_in_chief;
    chief.email = "pham.van.dung@example.vn";
    store::put_user(txn, t, chief);
    auto site = store::get_site_settings(txn, t);
    site.public_url = "https://portal.example.vn/";
    site.portal_name = "Cổng thông tin điện tử tỉnh Thử Nghiệm";
    store::put_site_settings(txn, t, site);
    txn.commit();
  }
  std::uint64_t create(const Actor& author, const std::string& title) {
    store::WriteTxn txn = s.store.write();
    const auto r = editorial::save_content(txn, t, 0,
                                           {.title = title,
                                            .summary = "",
                                            .body_html = "<p>x</p>",
                                            .category_id = 1,
                                            .agency_id = 0,
                                            .author = "",
                                            .featured = false},
                                           author, 100);
    txn.commit();
    return r.id;
  }
  void step(std::uint64_t id, Transition tr, const Actor& a, const std::string& reason = "", model::UnixTime at = 0) {
    store::WriteTxn txn = s.store.write();
    const auto r = editorial::take_transition(txn, t, id, tr, a, reason, at, 1'796'000'000, outbox);
    BOOST_REQUIRE_MESSAGE((r.outcome == editorial::Outcome::done), model::to_string(tr));
    txn.commit();
  }
  // The messages in the outbox, opened, oldest first.
  std::vector<mail::Message> queued() const {
    const store::ReadTxn txn = s.store.read();
    std::vector<mail::Message> out;
    for (const auto& e : store::list_outbox(txn, t)) out.push_back(mail::unseal(key, e.id, e.sealed).value().message);
    return out;
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(author_notice)

BOOST_AUTO_TEST_CASE(a_return_tells_the_author_what_who_when_why_and_where) {
  Desk d;
  const auto id = d.create(kContributor, "Tiêm chủng mùa thu");
  d.step(id, Transition::submit, kContributor);
  BOOST_TEST(d.queued().empty());  // submitting is the author's own step
  d.step(id, Transition::return_to_author, kSecretary, "  Cần bổ sung số liệu  ");
  const auto q = d.queued();
  BOOST_REQUIRE(q.size() == 1u);
  BOOST_TEST(q[0].to == "le.thi.cuc@soyte.example.vn");
  BOOST_TEST(q[0].to_name == "Lê Thị Cúc");
  BOOST_TEST(q[0].subject == "Bài viết bị trả lại: Tiêm chủng mùa thu");
  BOOST_TEST(has(q[0].body, "Kính gửi Lê Thị Cúc,"));
  BOOST_TEST(has(q[0].body, "Bài viết \"Tiêm chủng mùa thu\" đã bị trả lại để chỉnh sửa."));
  BOOST_TEST(has(q[0].body, "Người thực hiện: thuky\n"));  // an actor without an account record: the name
  BOOST_TEST(has(q[0].body, "Thời gian: " + model::format_datetime_vn(1'796'000'000) + "\n"));
  BOOST_TEST(has(q[0].body, "Lý do: Cần bổ sung số liệu\n"));
  BOOST_TEST(has(q[0].body, "https://portal.example.vn/quan-tri/bai-viet/" + std::to_string(id) + "\n"));
  BOOST_TEST(has(q[0].body, "Cổng thông tin điện tử tỉnh Thử Nghiệm"));
}

BOOST_AUTO_TEST_CASE(approval_and_withdrawal_are_told_and_the_middle_steps_are_not) {
  Desk d;
  const auto id = d.create(kContributor, "Lịch tiếp công dân");
  d.step(id, Transition::submit, kContributor);
  d.step(id, Transition::take_for_editing, kSecretary);
  d.step(id, Transition::send_for_approval, kSecretary);
  BOOST_TEST(d.queued().empty());
  d.step(id, Transition::approve, kChief);
  d.step(id, Transition::withdraw, kChief, "Thông tin chưa chính xác");
  const auto q = d.queued();
  BOOST_REQUIRE(q.size() == 2u);
  BOOST_TEST(q[0].subject == "Bài viết đã được duyệt: Lịch tiếp công dân");
  BOOST_TEST(has(q[0].body, "đã được duyệt và xuất bản."));
  BOOST_TEST(has(q[0].body, "Người thực hiện: Phạm Văn Dũng (truongban)\n"));
  BOOST_TEST(!has(q[0].body, "Lý do:"));
  BOOST_TEST(q[1].subject == "Bài viết bị gỡ: Lịch tiếp công dân");
  BOOST_TEST(has(q[1].body, "Lý do: Thông tin chưa chính xác\n"));
}

// Issue 16, Điều 8.2: the question goes to the author, the answer to the board member who asked.
BOOST_AUTO_TEST_CASE(a_request_to_clarify_tells_the_author_and_the_answer_tells_who_asked) {
  Desk d;
  const auto id = d.create(kContributor, "Giá dịch vụ khám bệnh");
  d.step(id, Transition::submit, kContributor);
  d.step(id, Transition::take_for_editing, kSecretary);
  d.step(id, Transition::send_for_approval, kSecretary);
  d.step(id, Transition::ask_clarification, kChief, "Bảng giá áp dụng từ ngày nào?");
  d.step(id, Transition::answer_clarification, kContributor, "Từ ngày 01/01/2026.\nTheo Nghị quyết của HĐND.");
  const auto q = d.queued();
  BOOST_REQUIRE(q.size() == 2u);
  BOOST_TEST(q[0].to == "le.thi.cuc@soyte.example.vn");
  BOOST_TEST(q[0].subject == "Đề nghị làm rõ bài viết: Giá dịch vụ khám bệnh");
  BOOST_TEST(has(q[0].body, "được Ban biên tập đề nghị làm rõ trước khi xử lý tiếp."));
  BOOST_TEST(has(q[0].body, "Nội dung đề nghị làm rõ: Bảng giá áp dụng từ ngày nào?\n"));
  BOOST_TEST(q[1].to == "pham.van.dung@example.vn");
  BOOST_TEST(q[1].subject == "Tác giả đã trả lời đề nghị làm rõ: Giá dịch vụ khám bệnh");
  BOOST_TEST(has(q[1].body, "Kính gửi Phạm Văn Dũng,"));
  BOOST_TEST(has(q[1].body, "Người thực hiện: Lê Thị Cúc (ctv)\n"));
  BOOST_TEST(has(q[1].body, "Trả lời của tác giả: Từ ngày 01/01/2026.\nTheo Nghị quyết của HĐND.\n"));
}

BOOST_AUTO_TEST_CASE(scheduled_publication_is_told_by_the_system) {
  Desk d;
  const auto id = d.create(kContributor, "Thông báo tuyển dụng");
  d.step(id, Transition::submit, kContributor);
  d.step(id, Transition::take_for_editing, kSecretary);
  d.step(id, Transition::send_for_approval, kSecretary);
  d.step(id, Transition::schedule, kChief, "", 1'796'100'000);
  {
    store::WriteTxn txn = d.s.store.write();
    BOOST_TEST(editorial::publish_due(txn, d.t, 1'796'100'000, d.outbox) == 1u);
    txn.commit();
  }
  const auto q = d.queued();
  BOOST_REQUIRE(q.size() == 2u);
  BOOST_TEST(has(q[0].body, "Thời điểm xuất bản: " + model::format_datetime_vn(1'796'100'000)));
  BOOST_TEST(q[1].subject == "Bài viết đã được xuất bản: Thông báo tuyển dụng");
  BOOST_TEST(has(q[1].body, "Người thực hiện: Hệ thống (xuất bản theo lịch hẹn)"));
}

BOOST_AUTO_TEST_CASE(no_address_own_action_or_mail_off_queue_nothing) {
  Desk d;
  // The chief's own article, withdrawn by the chief: nobody to tell.
  const auto own = d.create(kChief, "Bài của trưởng ban");
  d.step(own, Transition::submit, kChief);
  d.step(own, Transition::return_to_author, kChief, "Tự trả lại");
  BOOST_TEST(d.queued().empty());
  // An author without a work e-mail.
  const Actor nomail{"phongvien", Role::reporter, "10.0.0.9"};
  {
    store::WriteTxn txn = d.s.store.write();
    model::User u;
    u.username = "phongvien";
    u.role = Role::reporter;
    store::put_user(txn, d.t, u);
    txn.commit();
  }
  const auto id = d.create(nomail, "Bài không có địa chỉ");
  d.step(id, Transition::submit, nomail);
  d.step(id, Transition::return_to_author, kSecretary, "Thiếu ảnh");
  BOOST_TEST(d.queued().empty());
  // Mail off: the transition happens, no notice is stored.
  const auto off = d.create(kContributor, "Khi tắt thư");
  store::WriteTxn txn = d.s.store.write();
  BOOST_TEST((editorial::take_transition(txn, d.t, off, Transition::submit, kContributor, "", 0, 200).outcome ==
              editorial::Outcome::done));
  BOOST_TEST(
      (editorial::take_transition(txn, d.t, off, Transition::return_to_author, kSecretary, "x", 0, 200, mail::Outbox{})
           .outcome == editorial::Outcome::done));
  txn.commit();
  BOOST_TEST(d.queued().empty());
}

BOOST_AUTO_TEST_SUITE_END()
