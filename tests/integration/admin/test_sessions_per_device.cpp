// Sessions per device over real HTTP (issue 16): two logins of one user are both listed with their device
// and address, "Phiên này" marked; ending the other one invalidates its cookie at once; "all the others"
// keeps the current one; an operator ends every session of another account; each step is audited.
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

const std::string kAndroidChrome =
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile "
    "Safari/537.36";
const std::string kWindowsFirefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";

// The data-session ids on the sessions page, in page order.
std::vector<std::string> session_ids(const std::string& page) {
  std::vector<std::string> out;
  for (auto p = page.find("data-session=\""); p != std::string::npos; p = page.find("data-session=\"", p + 1)) {
    const auto start = p + 14;
    out.push_back(page.substr(start, page.find('"', start) - start));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sessions_per_device)

BOOST_AUTO_TEST_CASE(a_user_sees_both_sessions_and_ends_the_other_one) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient desk{daemon.port()}, phone{daemon.port()}, op{daemon.port()};
  desk.user_agent = kWindowsFirefox;
  phone.user_agent = kAndroidChrome;
  desk.login("phongvien", test::kPassword);
  phone.login("phongvien", test::kPassword);
  BOOST_TEST(has(desk.get("/quan-tri").body, "href=\"/quan-tri/phien-dang-nhap\""));

  const auto page = desk.get("/quan-tri/phien-dang-nhap");
  BOOST_TEST_REQUIRE(page.status == 200);
  BOOST_TEST(has(page.body, "Firefox trên Windows"));
  BOOST_TEST(has(page.body, "Chrome trên Android"));
  BOOST_TEST(has(page.body, "Địa chỉ: 127.0.0.1"));
  BOOST_TEST(has(page.body, "Phiên này"));
  const auto ids = session_ids(page.body);
  BOOST_TEST_REQUIRE(ids.size() == 2u);
  // The current session comes first and has no button of its own: the phone's is the second.
  const auto first = page.body.find("data-session=\"" + ids[0] + "\"");
  BOOST_TEST(page.body.find("Firefox trên Windows", first) < page.body.find("Chrome trên Android", first));
  BOOST_TEST(!has(page.body, "name=\"id\" value=\"" + ids[0] + "\""));
  BOOST_TEST(has(page.body, "name=\"id\" value=\"" + ids[1] + "\""));

  // No CSRF token, the current session's id, an id that is not one of the user's: refused, nothing ends.
  BOOST_TEST(desk.post("/quan-tri/phien-dang-nhap/dang-xuat", {{"id", ids[1]}}, false).status == 403);
  BOOST_TEST(desk.post("/quan-tri/phien-dang-nhap/dang-xuat", {{"id", ids[0]}}).status == 422);
  BOOST_TEST(desk.post("/quan-tri/phien-dang-nhap/dang-xuat", {{"id", "khongphai"}}).status == 404);
  BOOST_TEST(phone.get("/quan-tri").status == 200);
  // Another user cannot end it either.
  op.login("quantri", test::kPassword);
  BOOST_TEST(op.post("/quan-tri/phien-dang-nhap/dang-xuat", {{"id", ids[1]}}).status == 404);
  BOOST_TEST(phone.get("/quan-tri").status == 200);

  const auto ended = desk.post("/quan-tri/phien-dang-nhap/dang-xuat", {{"id", ids[1]}});
  BOOST_TEST(ended.status == 303);
  BOOST_TEST(phone.get("/quan-tri").status == 303);  // its cookie no longer opens anything
  BOOST_TEST(desk.get("/quan-tri").status == 200);
  const auto after = desk.get("/quan-tri/phien-dang-nhap?da-dang-xuat=1").body;
  BOOST_TEST(session_ids(after).size() == 1u);
  BOOST_TEST(has(after, "Đã đăng xuất 1 phiên."));
  BOOST_TEST(has(op.get("/quan-tri/nhat-ky?thao-tac=logout.session").body, "Chrome trên Android, 127.0.0.1"));
}

BOOST_AUTO_TEST_CASE(ending_the_other_sessions_keeps_this_one) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient a{daemon.port()}, b{daemon.port()}, c{daemon.port()};
  for (auto* who : {&a, &b, &c}) who->login("thuky", test::kPassword);
  const auto r = a.post("/quan-tri/phien-dang-nhap/dang-xuat-cac-phien-khac", {});
  BOOST_TEST(r.status == 303);
  BOOST_TEST(std::string(r.header("Location").value_or("")) == "/quan-tri/phien-dang-nhap?da-dang-xuat=2");
  BOOST_TEST(a.get("/quan-tri").status == 200);
  BOOST_TEST(b.get("/quan-tri").status == 303);
  BOOST_TEST(c.get("/quan-tri").status == 303);
  BOOST_TEST(session_ids(a.get("/quan-tri/phien-dang-nhap").body).size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_operator_ends_every_session_of_a_user) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()}, desk{daemon.port()}, phone{daemon.port()}, secretary{daemon.port()};
  op.login("quantri", test::kPassword);
  desk.login("phongvien", test::kPassword);
  phone.login("phongvien", test::kPassword);
  secretary.login("thuky", test::kPassword);

  const auto users = op.get("/quan-tri/nguoi-dung").body;
  BOOST_TEST(has(users, "data-confirm=\"Đăng xuất mọi phiên của phongvien?"));
  BOOST_TEST(!has(users, "Đăng xuất mọi phiên của quantri?"));
  // Operators only; not on the operator's own account; an unknown account is a 404.
  BOOST_TEST(secretary.post("/quan-tri/nguoi-dung/phongvien", {{"what", "end-sessions"}}).status == 403);
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "end-sessions"}}, false).status == 403);
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/quantri", {{"what", "end-sessions"}}).status == 422);
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/khongco", {{"what", "end-sessions"}}).status == 404);
  BOOST_TEST(desk.get("/quan-tri").status == 200);

  const auto done = op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "end-sessions"}});
  BOOST_TEST(done.status == 200);
  BOOST_TEST(has(done.body, "Đã đăng xuất mọi phiên của phongvien (2 phiên)."));
  BOOST_TEST(desk.get("/quan-tri").status == 303);
  BOOST_TEST(phone.get("/quan-tri").status == 303);
  BOOST_TEST(secretary.get("/quan-tri").status == 200);
  BOOST_TEST(op.get("/quan-tri").status == 200);
  BOOST_TEST(has(op.get("/quan-tri/nhat-ky?thao-tac=user.sessions-end").body, "2 phiên"));
  // The account itself is untouched: it logs in again.
  AdminClient again{daemon.port()};
  again.login("phongvien", test::kPassword);
}

BOOST_AUTO_TEST_SUITE_END()
