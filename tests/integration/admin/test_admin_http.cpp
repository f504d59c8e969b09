// The admin over real HTTP against the real daemon: sessions, CSRF, roles, login limits, suspension,
// maintenance mode and the editorial path down to 410 Gone.
#include <algorithm>
#include <string_view>

#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

// Creates an article as `author` and returns its id.
std::string create_article(const AdminClient& author, const std::string& title) {
  const auto form = author.get("/quan-tri/bai-viet/moi");
  BOOST_REQUIRE_EQUAL(form.status, 200);
  const std::string category = test::first_option(form.body, "category");
  const auto r = author.post("/quan-tri/bai-viet/moi", {{"title", title},
                                                        {"summary", "Sapo thử"},
                                                        {"body", "<p>Nội dung <script>alert(1)</script>thử</p>"},
                                                        {"category", category},
                                                        {"author", "Tác giả"}});
  BOOST_REQUIRE_MESSAGE(r.status == 303, r.status << r.body);
  const std::string loc(r.header("Location").value_or(""));
  return loc.substr(std::string("/quan-tri/bai-viet/").size(),
                    loc.find('?') - std::string("/quan-tri/bai-viet/").size());
}

void transition(const AdminClient& who, const std::string& id, const std::string& key, const std::string& reason = "") {
  test::Fields f{{"transition", key}};
  if (!reason.empty()) f.emplace_back("reason", reason);
  const auto r = who.post("/quan-tri/bai-viet/" + id + "/chuyen", f);
  BOOST_REQUIRE_MESSAGE(r.status == 303, key << " by " << who.session.substr(0, 6) << ": " << r.status << r.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_http)

BOOST_AUTO_TEST_CASE(no_session_redirects_and_wrong_role_gets_403) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  const auto anon = daemon.get("/quan-tri/nguoi-dung");
  BOOST_TEST(anon.status == 303);
  BOOST_TEST(std::string(anon.header("Location").value_or("")) == "/quan-tri/dang-nhap?tiep=%2Fquan-tri%2Fnguoi-dung");
  AdminClient reporter{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  const auto r = reporter.get("/quan-tri/nguoi-dung");
  BOOST_TEST(r.status == 403);
  BOOST_TEST(has(r.body, "Vai trò của bạn không được truy cập trang này."));
  BOOST_TEST(reporter.get("/quan-tri/nhat-ky").status == 403);
  BOOST_TEST(reporter.get("/quan-tri").status == 200);
}

BOOST_AUTO_TEST_CASE(session_cookie_attributes) {
  test::AdminSite site;
  // The test client plays the TLS proxy (issue 17: only a trusted proxy's X-Forwarded-Proto counts).
  test::RunningDaemon daemon(site.data, {"--trusted-proxies", "127.0.0.1"});
  AdminClient c{daemon.port()};
  const auto plain = c.try_login("phongvien", test::kPassword);
  const std::string cookie = test::set_cookie_header(plain, "portald_session");
  BOOST_TEST(has(cookie, "HttpOnly"));
  BOOST_TEST(has(cookie, "SameSite=Strict"));
  BOOST_TEST(has(cookie, "Path=/"));
  BOOST_TEST(!has(cookie, "Secure"));
  BOOST_TEST(test::set_cookie_value(plain, "portald_session").size() == 64u);
  // Behind a TLS proxy the cookie is __Host- and Secure.
  const auto page =
      test::http_request("127.0.0.1", daemon.port(), "GET", "/quan-tri/dang-nhap", {{"X-Forwarded-Proto", "https"}});
  const std::string login_cookie = test::set_cookie_value(page, "__Host-portald_login");
  BOOST_REQUIRE(!login_cookie.empty());
  const auto tls = test::http_request(
      "127.0.0.1", daemon.port(), "POST", "/quan-tri/dang-nhap",
      {{"X-Forwarded-Proto", "https"},
       {"Cookie", "__Host-portald_login=" + login_cookie},
       {"Content-Type", "application/x-www-form-urlencoded"}},
      test::encode_form(
          {{"csrf", test::input_value(page.body, "csrf")}, {"username", "phongvien"}, {"password", test::kPassword}}));
  BOOST_TEST(tls.status == 303);
  const std::string secure_cookie = test::set_cookie_header(tls, "__Host-portald_session");
  BOOST_TEST(has(secure_cookie, "; Secure"));
  BOOST_TEST(has(secure_cookie, "HttpOnly"));
}

// Issue 16 finding 6: a newline in the login form's `next` once reached the Location header, and the
// answer was a bare 500 without security headers after the session and its login.ok entry were
// written. `next` is checked first: anything but a plain path under /quan-tri goes to /quan-tri.
BOOST_AUTO_TEST_CASE(login_next_with_a_newline_or_another_site_goes_to_the_admin_home) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient c{daemon.port()};
  const auto has_control = [](std::string_view v) {
    return std::any_of(v.begin(), v.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; });
  };
  for (const std::string next :
       {"/quan-tri/bai-viet\n", "/quan-tri\r\nSet-Cookie: evil=1", "/quan-tri/bai-viet\r", "/quan-tri/\x01",
        "/quan-tri/bai viet", "/quan-tri/bài-viết", "https://evil.example/quan-tri", "//evil.example/quan-tri",
        "/quan-tri-gia", "/quan-tri/../", "/quan-tri/\\evil.example", "quan-tri", ""}) {
    const auto r = c.try_login("phongvien", test::kPassword, {{"next", next}});
    BOOST_TEST(r.status == 303, next);
    BOOST_TEST(r.header("Location").value_or("-") == "/quan-tri", next);
    BOOST_TEST(!has_control(r.header("Location").value_or("")), next);
    BOOST_TEST(!test::set_cookie_value(r, "portald_session").empty(), next);
    BOOST_TEST(test::set_cookie_value(r, "evil").empty(), next);
    BOOST_TEST(r.header("Content-Security-Policy").has_value(), next);
    BOOST_TEST(r.header("X-Content-Type-Options").value_or("-") == "nosniff", next);
    BOOST_TEST(r.header("X-Frame-Options").value_or("-") == "DENY", next);
  }
  // A plain path under the admin is still where the login goes on to.
  const auto r = c.try_login("phongvien", test::kPassword, {{"next", "/quan-tri/bai-viet?trang=2"}});
  BOOST_TEST(r.status == 303);
  BOOST_TEST(r.header("Location").value_or("-") == "/quan-tri/bai-viet?trang=2");
}

BOOST_AUTO_TEST_CASE(missing_or_wrong_csrf_is_refused) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient c{daemon.port()};
  c.login("phongvien", test::kPassword);
  const auto form = c.get("/quan-tri/bai-viet/moi");
  const std::string category = test::first_option(form.body, "category");
  const test::Fields fields{{"title", "Không được lưu"}, {"body", "<p>x</p>"}, {"category", category}};
  const auto missing = c.post("/quan-tri/bai-viet/moi", fields, false);
  BOOST_TEST(missing.status == 403);
  BOOST_TEST(has(missing.body, "Biểu mẫu đã hết hạn hoặc không hợp lệ"));
  auto wrong_fields = fields;
  wrong_fields.emplace_back("csrf", std::string(64, 'a'));
  BOOST_TEST(c.post("/quan-tri/bai-viet/moi", wrong_fields, false).status == 403);
  // Another session's token does not work either.
  AdminClient other{daemon.port()};
  other.login("thuky", test::kPassword);
  wrong_fields.back().second = other.csrf;
  BOOST_TEST(c.post("/quan-tri/bai-viet/moi", wrong_fields, false).status == 403);
  BOOST_TEST(!has(c.get("/quan-tri").body, "Không được lưu"));
  // Log-out is a state change too.
  BOOST_TEST(c.post("/quan-tri/dang-xuat", {}, false).status == 403);
  const auto ok = c.post("/quan-tri/bai-viet/moi", fields);
  BOOST_TEST(ok.status == 303);
  BOOST_TEST(has(c.get("/quan-tri").body, "Không được lưu"));
  // The login form has its own token.
  const auto login = test::http_request("127.0.0.1", daemon.port(), "POST", "/quan-tri/dang-nhap",
                                        {{"Content-Type", "application/x-www-form-urlencoded"}},
                                        test::encode_form({{"username", "phongvien"}, {"password", test::kPassword}}));
  BOOST_TEST(login.status == 403);
  BOOST_TEST(test::set_cookie_value(login, "portald_session").empty());
}

BOOST_AUTO_TEST_CASE(login_limits_and_one_answer_for_unknown_or_wrong) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient c{daemon.port()};
  const auto unknown = c.try_login("khong-ton-tai", "bất kỳ");
  const auto wrong = c.try_login("phongvien", "sai mật khẩu");
  BOOST_TEST(unknown.status == 401);
  BOOST_TEST(wrong.status == 401);
  BOOST_TEST(test::text_after(unknown.body, "role=\"alert\">") == "Tên đăng nhập hoặc mật khẩu không đúng.");
  BOOST_TEST(test::text_after(wrong.body, "role=\"alert\">") == test::text_after(unknown.body, "role=\"alert\">"));
  for (int i = 0; i < 4; ++i) BOOST_TEST(c.try_login("phongvien", "sai mật khẩu").status == 401);
  // Five failures: even the right password is held now, with a Vietnamese explanation.
  const auto held = c.try_login("phongvien", test::kPassword);
  BOOST_TEST(held.status == 429);
  BOOST_TEST(has(held.body, "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút."));
  BOOST_TEST(test::set_cookie_value(held, "portald_session").empty());
  // Another account from the same address still gets in (the address limit is higher).
  BOOST_TEST(c.try_login("thuky", test::kPassword).status == 303);
  // Every attempt is in the audit log.
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  const auto csv = op.get("/quan-tri/nhat-ky.csv?thao-tac=login");
  BOOST_TEST(csv.status == 200);
  BOOST_TEST(has(csv.body, "\"login.failed\",\"user/phongvien\""));
  BOOST_TEST(has(csv.body, "\"login.limited\",\"user/phongvien\""));
  BOOST_TEST(has(csv.body, "\"login.failed\",\"user/khong-ton-tai\""));
}

BOOST_AUTO_TEST_CASE(a_held_account_stays_held_after_a_restart) {
  test::AdminSite site;
  {
    test::RunningDaemon daemon(site.data);
    AdminClient c{daemon.port()};
    for (int i = 0; i < 5; ++i) BOOST_TEST(c.try_login("phongvien", "sai mật khẩu").status == 401);
    BOOST_TEST(c.try_login("phongvien", test::kPassword).status == 429);
  }
  test::RunningDaemon daemon(site.data);  // the limits live in the store, not in the process
  AdminClient c{daemon.port()};
  const auto held = c.try_login("phongvien", test::kPassword);
  BOOST_TEST(held.status == 429);
  BOOST_TEST(test::set_cookie_value(held, "portald_session").empty());
  BOOST_TEST(c.try_login("thuky", test::kPassword).status == 303);
}

BOOST_AUTO_TEST_CASE(suspended_user_is_locked_out_at_once) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient reporter{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  BOOST_TEST(reporter.get("/quan-tri").status == 200);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  const auto list = op.get("/quan-tri/nguoi-dung");
  BOOST_TEST(list.status == 200);
  BOOST_TEST(has(list.body, "data-user=\"phongvien\""));
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "suspend"}}).status == 422);  // a reason is required
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "suspend"}, {"reason", "Nghỉ việc"}}).status == 303);
  const auto after = reporter.get("/quan-tri");
  BOOST_TEST(after.status == 303);
  BOOST_TEST(has(std::string(after.header("Location").value_or("")), "/quan-tri/dang-nhap"));
  BOOST_TEST(reporter.try_login("phongvien", test::kPassword).status == 401);
  const auto audit = op.get("/quan-tri/nhat-ky?thao-tac=user.");
  BOOST_TEST(has(audit.body, "user.suspend"));
  BOOST_TEST(has(audit.body, "Nghỉ việc"));
}

BOOST_AUTO_TEST_CASE(maintenance_mode_closes_the_public_site_only) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  BOOST_TEST(daemon.get("/").status == 200);
  // Turning it on asks first (admin-confirm.js); turning it off does not.
  BOOST_TEST(has(op.get("/quan-tri/cai-dat").body, "data-confirm=\"Bật chế độ bảo trì?"));
  BOOST_TEST(op.post("/quan-tri/bao-tri",
                     {{"on", "1"}, {"message", "Bảo trì định kỳ, quay lại sau 10 phút."}, {"retry_after_min", "10"}})
                 .status == 303);
  const auto home = daemon.get("/");
  BOOST_TEST(home.status == 503);
  BOOST_TEST(std::string(home.header("Retry-After").value_or("")) == "600");
  BOOST_TEST(has(home.body, "Bảo trì định kỳ, quay lại sau 10 phút."));
  BOOST_TEST(daemon.get("/tin-tuc/bai-co-san-1").status == 503);
  BOOST_TEST(daemon.get("/healthz").status == 200);
  BOOST_TEST(op.get("/quan-tri").status == 200);
  BOOST_TEST(!has(op.get("/quan-tri/cai-dat").body, "data-confirm"));
  BOOST_TEST(op.post("/quan-tri/bao-tri", {{"on", "0"}}).status == 303);
  BOOST_TEST(daemon.get("/").status == 200);
}

BOOST_AUTO_TEST_CASE(editorial_path_publishes_then_withdraw_answers_410) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient ctv{daemon.port()}, thuky{daemon.port()}, chief{daemon.port()};
  ctv.login("congtacvien", test::kPassword);
  thuky.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  const std::string id = create_article(ctv, "Tiêm chủng mùa thu");
  // The contributor cannot approve their own work.
  BOOST_TEST(ctv.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "approve"}}).status == 403);
  transition(ctv, id, "submit");
  transition(thuky, id, "take-for-editing");
  transition(thuky, id, "send-for-approval");
  const auto no_reason = chief.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "return"}});
  BOOST_TEST(no_reason.status == 422);
  BOOST_TEST(has(no_reason.body, "Vui lòng ghi rõ lý do."));
  transition(chief, id, "return", "Cần bổ sung số liệu");
  BOOST_TEST(has(ctv.get("/quan-tri/hang-doi/bi-tra-lai").body, "Cần bổ sung số liệu"));
  transition(ctv, id, "submit");
  transition(thuky, id, "take-for-editing");
  transition(thuky, id, "send-for-approval");
  // The preview is the public template, with the sanitised body.
  const auto preview = chief.get("/quan-tri/bai-viet/" + id + "/xem-truoc");
  BOOST_TEST(preview.status == 200);
  BOOST_TEST(has(preview.body, "<h1>Tiêm chủng mùa thu</h1>"));
  BOOST_TEST(!has(preview.body, "<script>alert"));
  // Marked as a preview at the top of the main content, with the way back to the editor.
  BOOST_TEST(has(preview.body,
                 "<main id=\"noi-dung\" class=\"wrap\">\n<div class=\"preview-banner\" role=\"note\"><strong>Bản xem "
                 "trước</strong>"));
  BOOST_TEST(has(preview.body, "<a href=\"/quan-tri/bai-viet/" + id + "\">Quay lại trang biên tập</a>"));
  BOOST_TEST(!has(daemon.get("/").body, "preview-banner"));
  transition(chief, id, "approve");
  const std::string url = "/tin-tuc/tiem-chung-mua-thu-" + id;
  const auto live = daemon.get(url);
  BOOST_TEST(live.status == 200);
  BOOST_TEST(has(live.body, "Tiêm chủng mùa thu"));
  const auto no_withdraw_reason = chief.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "withdraw"}});
  BOOST_TEST(no_withdraw_reason.status == 422);
  transition(chief, id, "withdraw", "Thông tin chưa chính xác");
  const auto gone = daemon.get(url);
  BOOST_TEST(gone.status == 410);
  BOOST_TEST(has(gone.body, "đã được gỡ"));
  BOOST_TEST(!has(daemon.get("/").body, "Tiêm chủng mùa thu"));
}

BOOST_AUTO_TEST_CASE(editing_a_live_article_keeps_it_online_until_approved) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient thuky{daemon.port()}, chief{daemon.port()};
  thuky.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  const std::string id = create_article(thuky, "Bản thứ nhất");
  for (const auto& [who, key] : std::vector<std::pair<AdminClient*, std::string>>{
           {&thuky, "submit"}, {&thuky, "take-for-editing"}, {&thuky, "send-for-approval"}, {&chief, "approve"}})
    transition(*who, id, key);
  const std::string url = "/tin-tuc/ban-thu-nhat-" + id;
  const auto form = thuky.get("/quan-tri/bai-viet/" + id);
  const auto saved = thuky.post("/quan-tri/bai-viet/" + id, {{"title", "Bản thứ nhất"},
                                                             {"body", "<p>Nội dung đã sửa</p>"},
                                                             {"category", test::first_option(form.body, "category")}});
  BOOST_TEST(saved.status == 303);
  BOOST_TEST(!has(daemon.get(url).body, "Nội dung đã sửa"));
  BOOST_TEST(daemon.get(url).status == 200);
  const auto compare = thuky.get("/quan-tri/bai-viet/" + id + "/so-sanh?a=1&b=2");
  BOOST_TEST(compare.status == 200);
  BOOST_TEST(has(compare.body, "Nội dung: khác nhau"));
  for (const auto& [who, key] : std::vector<std::pair<AdminClient*, std::string>>{
           {&thuky, "submit"}, {&thuky, "take-for-editing"}, {&thuky, "send-for-approval"}, {&chief, "approve"}})
    transition(*who, id, key);
  BOOST_TEST(has(daemon.get(url).body, "Nội dung đã sửa"));
}

BOOST_AUTO_TEST_CASE(operators_must_pass_the_second_factor_and_can_be_recovered_from_the_console) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()};
  const auto r = op.try_login("quantri", test::kPassword);
  BOOST_TEST(r.status == 303);
  BOOST_TEST(std::string(r.header("Location").value_or("")) == "/quan-tri/xac-thuc/dang-ky");
  op.session = test::set_cookie_value(r, "portald_session");
  // Password alone opens nothing.
  const auto blocked = op.get("/quan-tri/nguoi-dung");
  BOOST_TEST(blocked.status == 303);
  BOOST_TEST(std::string(blocked.header("Location").value_or("")) == "/quan-tri/xac-thuc/dang-ky");
  const auto enrol = op.get("/quan-tri/xac-thuc/dang-ky");
  BOOST_TEST(has(enrol.body, "otpauth://totp/"));
  op.totp_secret = test::text_after(enrol.body, "id=\"totp-secret\">");
  op.csrf = test::input_value(enrol.body, "csrf");
  const auto wrong = op.post("/quan-tri/xac-thuc/dang-ky", {{"code", "000000"}});
  BOOST_TEST((wrong.status == 401 || op.code() == "000000"));
  const std::string used = op.code();
  BOOST_TEST(op.post("/quan-tri/xac-thuc/dang-ky", {{"code", used}}).status == 303);
  BOOST_TEST(op.get("/quan-tri/nguoi-dung").status == 200);
  // The next login asks for the code, not for enrolment; a code already used is refused (no replay).
  AdminClient again{daemon.port()};
  const auto second = again.try_login("quantri", test::kPassword);
  BOOST_TEST(std::string(second.header("Location").value_or("")) == "/quan-tri/xac-thuc");
  again.session = test::set_cookie_value(second, "portald_session");
  again.csrf = test::input_value(again.get("/quan-tri/xac-thuc").body, "csrf");
  const auto replay = again.post("/quan-tri/xac-thuc", {{"code", used}});
  BOOST_TEST(replay.status == 401);
  BOOST_TEST(has(replay.body, "Mã xác thực không đúng hoặc đã hết hạn."));
  again.totp_secret = op.totp_secret;
  again.last_step = op.last_step;
  BOOST_TEST(again.post("/quan-tri/xac-thuc", {{"code", again.code()}}).status == 303);
  BOOST_TEST(again.get("/quan-tri/nguoi-dung").status == 200);
  // Lost phone: the console clears the second factor and ends the sessions.
  const auto rec = test::portaldctl(site.data, {"user", "recover", "quantri", "--second-factor"});
  BOOST_TEST(rec.exit_code == 0, rec.err);
  BOOST_TEST(op.get("/quan-tri/nguoi-dung").status == 303);
  const auto third = again.try_login("quantri", test::kPassword);
  BOOST_TEST(std::string(third.header("Location").value_or("")) == "/quan-tri/xac-thuc/dang-ky");
}

BOOST_AUTO_TEST_SUITE_END()
