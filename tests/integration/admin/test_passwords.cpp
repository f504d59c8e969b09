// Passwords over real HTTP (issue 15): a user changes their own with the current one (other devices are
// logged out, this one stays); an operator's reset gives a one-time password shown once, ends the
// account's sessions and forces a change before any other admin page; no reset of one's own account.
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

const std::string kNewPassword = "mật-khẩu-mới-của-phóng-viên-2026";

// The one-time password in the users page's message.
std::string one_time_password(const std::string& page) {
  const std::string before = "hãy trao tận tay): ";
  const auto p = page.find(before);
  if (p == std::string::npos) return "";
  const auto start = p + before.size();
  return page.substr(start, page.find(' ', start) - start);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(passwords)

BOOST_AUTO_TEST_CASE(a_user_changes_their_own_password_and_other_devices_are_logged_out) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient desk{daemon.port()}, phone{daemon.port()};
  desk.login("phongvien", test::kPassword);
  phone.login("phongvien", test::kPassword);
  BOOST_TEST(has(desk.get("/quan-tri").body, "href=\"/quan-tri/mat-khau\""));  // in every admin header

  const auto wrong =
      desk.post("/quan-tri/mat-khau", {{"current", "không phải"}, {"new", kNewPassword}, {"repeat", kNewPassword}});
  BOOST_TEST(wrong.status == 422);
  BOOST_TEST(has(wrong.body, "Mật khẩu hiện tại không đúng."));
  const auto weak =
      desk.post("/quan-tri/mat-khau", {{"current", test::kPassword}, {"new", "ngắn"}, {"repeat", "ngắn"}});
  BOOST_TEST(weak.status == 422);
  BOOST_TEST(has(weak.body, "ít nhất 12 ký tự"));
  const auto differ = desk.post("/quan-tri/mat-khau",
                                {{"current", test::kPassword}, {"new", kNewPassword}, {"repeat", kNewPassword + "x"}});
  BOOST_TEST(differ.status == 422);
  BOOST_TEST(has(differ.body, "Hai lần nhập mật khẩu mới không giống nhau."));
  BOOST_TEST(desk.post("/quan-tri/mat-khau",
                       {{"current", test::kPassword}, {"new", kNewPassword}, {"repeat", kNewPassword}},
                       false)
                 .status == 403);  // no CSRF token
  // None of the refusals changed anything: the old password still logs in.
  BOOST_TEST(AdminClient{daemon.port()}.try_login("phongvien", test::kPassword).status == 303);

  const auto done =
      desk.post("/quan-tri/mat-khau", {{"current", test::kPassword}, {"new", kNewPassword}, {"repeat", kNewPassword}});
  BOOST_TEST(done.status == 303);
  BOOST_TEST(std::string(done.header("Location").value_or("")) == "/quan-tri/mat-khau?da-doi=1");
  BOOST_TEST(has(desk.get("/quan-tri/mat-khau?da-doi=1").body, "Đã đổi mật khẩu."));
  BOOST_TEST(desk.get("/quan-tri").status == 200);   // the device that changed it stays in
  BOOST_TEST(phone.get("/quan-tri").status == 303);  // the other one is logged out
  BOOST_TEST(AdminClient{daemon.port()}.try_login("phongvien", test::kPassword).status != 303);
  BOOST_TEST(AdminClient{daemon.port()}.try_login("phongvien", kNewPassword).status == 303);

  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  BOOST_TEST(has(op.get("/quan-tri/nhat-ky").body, "Đổi mật khẩu"));
}

BOOST_AUTO_TEST_CASE(an_operator_reset_gives_a_one_time_password_that_must_be_changed) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()}, reporter{daemon.port()}, writer{daemon.port()};
  op.login("quantri", test::kPassword);
  reporter.login("phongvien", test::kPassword);
  writer.login("thuky", test::kPassword);

  // Not for other roles, and not on the operator's own account (the row offers nothing that locks out).
  BOOST_TEST(writer.post("/quan-tri/nguoi-dung/phongvien", {{"what", "reset-password"}}).status == 403);
  const auto users = op.get("/quan-tri/nguoi-dung");
  BOOST_TEST(has(users.body, "action=\"/quan-tri/nguoi-dung/phongvien\""));
  BOOST_TEST(!has(users.body, "Đặt lại mật khẩu của quantri?"));
  BOOST_TEST(!has(users.body, "Đình chỉ tài khoản quantri?"));
  BOOST_TEST(has(users.body, "Tài khoản của bạn"));
  BOOST_TEST(has(users.body, "data-confirm=\"Đặt lại mật khẩu của phongvien?"));
  const auto self = op.post("/quan-tri/nguoi-dung/quantri", {{"what", "reset-password"}});
  BOOST_TEST(self.status == 422);
  BOOST_TEST(has(self.body, "Không tự đặt lại mật khẩu của chính mình"));
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/khongco", {{"what", "reset-password"}}).status == 404);

  const auto reset =
      op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "reset-password"}, {"reason", "Quên mật khẩu"}});
  BOOST_TEST_REQUIRE(reset.status == 200);
  const std::string once = one_time_password(reset.body);
  BOOST_TEST_REQUIRE(once.size() >= 12u, reset.body);
  BOOST_TEST(reporter.get("/quan-tri").status == 303);  // every session of the account ended
  BOOST_TEST(AdminClient{daemon.port()}.try_login("phongvien", test::kPassword).status != 303);
  BOOST_TEST(has(op.get("/quan-tri/nhat-ky").body, "Đặt lại mật khẩu (mật khẩu dùng một lần)"));

  // The one-time password logs in, but every admin page sends to the password page first.
  AdminClient back{daemon.port()};
  const auto in = back.try_login("phongvien", once);
  BOOST_TEST_REQUIRE(in.status == 303);
  back.session = test::set_cookie_value(in, "portald_session");
  for (const std::string page : {"/quan-tri", "/quan-tri/bai-viet/moi", "/quan-tri/thu-vien"}) {
    const auto r = back.get(page);
    BOOST_TEST(r.status == 303, page);
    BOOST_TEST(std::string(r.header("Location").value_or("")) == "/quan-tri/mat-khau", page);
  }
  const auto form = back.get("/quan-tri/mat-khau");
  BOOST_TEST_REQUIRE(form.status == 200);
  BOOST_TEST(has(form.body, "do hệ thống cấp"));
  back.csrf = test::input_value(form.body, "csrf");
  const auto changed =
      back.post("/quan-tri/mat-khau", {{"current", once}, {"new", kNewPassword}, {"repeat", kNewPassword}});
  BOOST_TEST(changed.status == 303);
  BOOST_TEST(std::string(changed.header("Location").value_or("")) == "/quan-tri");
  BOOST_TEST(back.get("/quan-tri").status == 200);
  BOOST_TEST(!has(back.get("/quan-tri/mat-khau").body, "do hệ thống cấp"));
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 15: an admin 403 or 404 keeps the admin's frame for someone signed in; strangers get the public page.
BOOST_AUTO_TEST_SUITE(admin_errors)

BOOST_AUTO_TEST_CASE(errors_inside_the_admin_keep_its_frame) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient reporter{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  const auto refused = reporter.get("/quan-tri/nguoi-dung");
  BOOST_TEST(refused.status == 403);
  BOOST_TEST(has(refused.body, "<body class=\"admin\">"));
  BOOST_TEST(has(refused.body, "<h1>Không có quyền truy cập</h1>"));
  BOOST_TEST(has(refused.body, "Vai trò của bạn không được truy cập trang này."));
  BOOST_TEST(has(refused.body, "<a href=\"/quan-tri\">Về bảng điều khiển</a>"));
  BOOST_TEST(has(refused.body, "name=\"csrf\" value=\"" + reporter.csrf + "\""));  // log-out still works
  BOOST_TEST(std::string(refused.header("Cache-Control").value_or("")) == "no-store");
  const auto missing = reporter.get("/quan-tri/bai-viet/999999");
  BOOST_TEST(missing.status == 404);
  BOOST_TEST(has(missing.body, "<body class=\"admin\">"));
  // Not signed in: the public error page, nothing of the admin.
  const auto stranger = daemon.get("/quan-tri/khong-co-trang-nay");
  BOOST_TEST(stranger.status == 404);
  BOOST_TEST(!has(stranger.body, "<body class=\"admin\">"));
}

BOOST_AUTO_TEST_SUITE_END()
