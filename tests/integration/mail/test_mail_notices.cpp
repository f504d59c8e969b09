// E-mail end to end with the real binaries and a real SMTP server on 127.0.0.1 (aiosmtpd; msmtp as the
// sendmail program): `portaldctl mail test` says whether the machine's mail works; the daemon refuses a
// sendmail without a usable mail-from; an article returned over HTTP reaches its author's mailbox in
// Vietnamese with the reason and the admin link, counted in /metrics; a request to clarify reaches the
// author and the answer the board member who asked (issue 16, Điều 8.2).
#include <boost/test/unit_test.hpp>
#include <thread>

#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/mail_server.hpp"

using namespace portald;
using namespace std::chrono_literals;
using test::AdminClient;
using test::has;

namespace {

const std::string kFrom = "no-reply@portal.example.vn";

std::vector<std::string> mail_args(const std::filesystem::path& sendmail) {
  return {"--sendmail", sendmail.string(), "--mail-from", kFrom};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mail_notices)

BOOST_AUTO_TEST_CASE(portaldctl_mail_test_says_whether_mail_works) {
  test::TempDir dir;
  test::SmtpServer smtp;
  const auto sendmail = test::write_msmtp_sendmail(dir.path, smtp.port());
  auto args = mail_args(sendmail);
  args.insert(args.end(), {"mail", "test", "quantri@example.org"});
  const auto ok = test::portaldctl(dir.path, args);
  BOOST_TEST(ok.exit_code == 0, ok.err);
  BOOST_TEST(has(ok.out, "accepted the message to quantri@example.org"), ok.out);
  const auto got = smtp.wait_for_messages(1, 20s);
  BOOST_TEST(got[0].subject == "Thư thử từ cổng thông tin (portald mail test)");
  BOOST_TEST(got[0].rcpt_tos == std::vector<std::string>{"quantri@example.org"});
  BOOST_TEST(got[0].mail_from == kFrom);
  BOOST_TEST(has(got[0].body, "Nếu bạn nhận được thư này, cổng thông tin gửi được thư điện tử."));

  smtp.stop();
  const auto down = test::portaldctl(dir.path, args);
  BOOST_TEST(down.exit_code == 1);
  BOOST_TEST(has(down.err, "mail test: FAILED: " + sendmail.string() + " exited with status"), down.err);
  BOOST_TEST(has(down.err, "said:"), down.err);  // msmtp's own words about the refused connection

  const auto off = test::portaldctl(dir.path, {"mail", "test", "quantri@example.org"});
  BOOST_TEST(off.exit_code == 1);
  BOOST_TEST(has(off.err, "mail is off"), off.err);
  args.back() = "not an address";
  BOOST_TEST(test::portaldctl(dir.path, args).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(the_daemon_refuses_sendmail_without_a_usable_mail_from) {
  test::InitialisedDataDir site;
  const auto sendmail = test::write_msmtp_sendmail(site.dir.path, 25);
  auto r = test::run_daemon_expecting_exit({"--data-dir", site.data.string(), "--listen", "127.0.0.1:0", "--sendmail",
                                            sendmail.string(), "--mail-from", "portal"});
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(has(r.err, "mail-from: \\\"portal\\\" is not an e-mail address"), r.err);
  r = test::run_daemon_expecting_exit({"--data-dir", site.data.string(), "--listen", "127.0.0.1:0", "--sendmail",
                                       (site.dir.path / "no-such-sendmail").string(), "--mail-from", kFrom});
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(has(r.err, "is not an executable program"), r.err);
}

BOOST_AUTO_TEST_CASE(an_article_returned_over_http_reaches_its_authors_mailbox) {
  test::AdminSite site;
  test::SmtpServer smtp;
  const auto sendmail = test::write_msmtp_sendmail(site.dir.path, smtp.port());
  BOOST_REQUIRE_EQUAL(
      test::portaldctl(site.data, {"user", "email", "phongvien", "phong.vien@baotinh.example.vn"}).exit_code, 0);
  BOOST_REQUIRE_EQUAL(
      test::portaldctl(site.data, {"settings", "set", "public_url", "https://portal.example.vn"}).exit_code, 0);
  auto args = mail_args(sendmail);
  test::RunningDaemon daemon(site.data, args);
  AdminClient reporter{daemon.port()}, thuky{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  thuky.login("thuky", test::kPassword);
  const auto form = reporter.get("/quan-tri/bai-viet/moi");
  const auto created = reporter.post("/quan-tri/bai-viet/moi", {{"title", "Khai trương cầu Bến Thủy mới"},
                                                                {"summary", "Sapo"},
                                                                {"body", "<p>Nội dung</p>"},
                                                                {"category", test::first_option(form.body, "category")},
                                                                {"author", "Phóng viên"}});
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string loc(created.header("Location").value_or(""));
  const std::string id =
      loc.substr(std::string("/quan-tri/bai-viet/").size(), loc.find('?') - std::string("/quan-tri/bai-viet/").size());
  BOOST_REQUIRE_EQUAL(reporter.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "submit"}}).status, 303);
  const auto returned = thuky.post("/quan-tri/bai-viet/" + id + "/chuyen",
                                   {{"transition", "return"}, {"reason", "Cần bổ sung ảnh và số liệu"}});
  BOOST_REQUIRE_EQUAL(returned.status, 303);

  const auto got = smtp.wait_for_messages(1, 20s);
  BOOST_TEST(got[0].rcpt_tos == std::vector<std::string>{"phong.vien@baotinh.example.vn"});
  BOOST_TEST(got[0].subject == "Bài viết bị trả lại: Khai trương cầu Bến Thủy mới");
  BOOST_TEST(has(got[0].body, "đã bị trả lại để chỉnh sửa."), got[0].body);
  BOOST_TEST(has(got[0].body, "Người thực hiện: thuky"));
  BOOST_TEST(has(got[0].body, "Lý do: Cần bổ sung ảnh và số liệu"));
  BOOST_TEST(has(got[0].body, "https://portal.example.vn/quan-tri/bai-viet/" + id));
  BOOST_TEST(got[0].mail_from == kFrom);
  BOOST_TEST(got[0].auto_submitted == "auto-generated");
  // Delivered once, counted, and the outbox is empty again.
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  std::string metrics;
  while (std::chrono::steady_clock::now() < deadline) {
    metrics = daemon.get("/metrics").body;
    if (has(metrics, "portald_mail_sent_total 1") && has(metrics, "portald_mail_queued 0")) break;
    std::this_thread::sleep_for(100ms);
  }
  BOOST_TEST(has(metrics, "portald_mail_sent_total 1"), metrics);
  BOOST_TEST(has(metrics, "portald_mail_queued 0"));
  BOOST_TEST(has(metrics, "portald_mail_failed_total 0"));
  BOOST_TEST(smtp.messages().size() == 1u);
  BOOST_TEST(has(daemon.log(), "mail.sent"));
}

BOOST_AUTO_TEST_CASE(a_request_to_clarify_and_its_answer_reach_the_author_and_who_asked) {
  test::AdminSite site;
  test::SmtpServer smtp;
  const auto sendmail = test::write_msmtp_sendmail(site.dir.path, smtp.port());
  BOOST_REQUIRE_EQUAL(
      test::portaldctl(site.data, {"user", "email", "phongvien", "phong.vien@baotinh.example.vn"}).exit_code, 0);
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"user", "email", "thuky", "thu.ky@baotinh.example.vn"}).exit_code,
                      0);
  BOOST_REQUIRE_EQUAL(
      test::portaldctl(site.data, {"settings", "set", "public_url", "https://portal.example.vn"}).exit_code, 0);
  test::RunningDaemon daemon(site.data, mail_args(sendmail));
  AdminClient reporter{daemon.port()}, thuky{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  thuky.login("thuky", test::kPassword);
  const auto form = reporter.get("/quan-tri/bai-viet/moi");
  const auto created = reporter.post("/quan-tri/bai-viet/moi", {{"title", "Hội chợ nông sản cuối năm"},
                                                                {"summary", "Sapo"},
                                                                {"body", "<p>Nội dung</p>"},
                                                                {"category", test::first_option(form.body, "category")},
                                                                {"author", "Phóng viên"}});
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string loc(created.header("Location").value_or(""));
  const std::string page = loc.substr(0, loc.find('?'));
  BOOST_REQUIRE_EQUAL(reporter.post(page + "/chuyen", {{"transition", "submit"}}).status, 303);
  BOOST_REQUIRE_EQUAL(
      thuky.post(page + "/chuyen", {{"transition", "ask-clarification"}, {"reason", "Hội chợ mở cửa đến mấy giờ?"}})
          .status,
      303);
  const auto asked = smtp.wait_for_messages(1, 20s);
  BOOST_TEST(asked[0].rcpt_tos == std::vector<std::string>{"phong.vien@baotinh.example.vn"});
  BOOST_TEST(asked[0].subject == "Đề nghị làm rõ bài viết: Hội chợ nông sản cuối năm");
  BOOST_TEST(has(asked[0].body, "Nội dung đề nghị làm rõ: Hội chợ mở cửa đến mấy giờ?"), asked[0].body);
  BOOST_TEST(has(asked[0].body, "https://portal.example.vn" + page));

  BOOST_REQUIRE_EQUAL(reporter
                          .post(page + "/chuyen",
                                {{"transition", "answer-clarification"}, {"reason", "Từ 7 giờ đến 21 giờ hằng ngày."}})
                          .status,
                      303);
  const auto both = smtp.wait_for_messages(2, 20s);
  BOOST_TEST(both[1].rcpt_tos == std::vector<std::string>{"thu.ky@baotinh.example.vn"});
  BOOST_TEST(both[1].subject == "Tác giả đã trả lời đề nghị làm rõ: Hội chợ nông sản cuối năm");
  BOOST_TEST(has(both[1].body, "Trả lời của tác giả: Từ 7 giờ đến 21 giờ hằng ngày."), both[1].body);
  BOOST_TEST(has(both[1].body, "Người thực hiện: phongvien"));
}

BOOST_AUTO_TEST_CASE(the_operator_sets_work_addresses_on_the_accounts_page) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  // A bad address is refused in Vietnamese and changes nothing; CR/LF cannot ride along.
  const auto bad = op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "email"}, {"email", "pv@x.vn\r\nBcc: a@b.vn"}});
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(has(bad.body, "Địa chỉ thư điện tử không hợp lệ"), bad.body);
  const auto ok = op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "email"}, {"email", " pv@baotinh.example.vn "}});
  BOOST_TEST(ok.status == 303);
  BOOST_TEST(has(op.get("/quan-tri/nguoi-dung").body, "value=\"pv@baotinh.example.vn\""));
  // Without the CSRF token nothing changes.
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "email"}, {"email", "x@y.vn"}}, false).status == 403);
  // A new account may come with its address; the list and the audit log show it.
  const auto created = op.post("/quan-tri/nguoi-dung", {{"username", "btv2"},
                                                        {"display_name", "Biên tập viên 2"},
                                                        {"role", "reporter"},
                                                        {"email", "btv2@baotinh.example.vn"}});
  BOOST_TEST(created.status == 200, created.body);
  const auto list = test::portaldctl(site.data, {"user", "list"});
  BOOST_TEST(has(list.out, "\tpv@baotinh.example.vn\n"), list.out);
  BOOST_TEST(has(list.out, "\tbtv2@baotinh.example.vn\n"), list.out);
  BOOST_TEST(has(op.get("/quan-tri/nhat-ky").body, "Đổi thư điện tử công vụ"));
  // portaldctl: set, refuse, clear.
  BOOST_TEST(test::portaldctl(site.data, {"user", "email", "phongvien", "not-an-address"}).exit_code == 1);
  BOOST_TEST(test::portaldctl(site.data, {"user", "email", "phongvien", "--clear"}).exit_code == 0);
  BOOST_TEST(!has(test::portaldctl(site.data, {"user", "list"}).out, "pv@baotinh.example.vn"));
}

BOOST_AUTO_TEST_SUITE_END()
