// The board manages itself (issue 16; Quy chế Điều 6.1a, 11.1b), over real HTTP: the operator's change
// of the board's membership waits for the editor-in-chief or a deputy, who approve it or reject it with
// a reason; a board member ("Thành viên") edits but neither approves nor publishes; the board list is
// the chief's and the deputies', not a reporter's.
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

void add_user(const test::AdminSite& site, const std::string& name, const std::string& role) {
  const auto r =
      test::portaldctl(site.data, {"user", "add", "--role", role, "--password-stdin", name}, test::kPassword + "\n");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

std::string create_article(const AdminClient& author, const std::string& title) {
  const auto form = author.get("/quan-tri/bai-viet/moi");
  BOOST_REQUIRE_EQUAL(form.status, 200);
  const auto r = author.post("/quan-tri/bai-viet/moi", {{"title", title},
                                                        {"summary", "Sapo"},
                                                        {"body", "<p>Nội dung</p>"},
                                                        {"category", test::first_option(form.body, "category")},
                                                        {"author", "Tác giả"}});
  BOOST_REQUIRE_MESSAGE(r.status == 303, r.status << r.body);
  const std::string loc(r.header("Location").value_or(""));
  const std::string prefix = "/quan-tri/bai-viet/";
  return loc.substr(prefix.size(), loc.find('?') - prefix.size());
}

// The role label in the users page's row of `name`.
std::string role_in_users_page(const std::string& page, const std::string& name) {
  const auto row = page.find("data-user=\"" + name + "\"");
  if (row == std::string::npos) return "";
  std::string label = test::text_after(page.substr(row), "data-label=\"Vai trò\">");
  while (!label.empty() && label.back() == ' ') label.pop_back();  // before a pending change's marker
  return label;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(editorial_board)

BOOST_AUTO_TEST_CASE(an_operator_proposes_a_deputy_and_it_waits_for_the_chief) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()}, chief{daemon.port()};
  op.login("quantri", test::kPassword);
  chief.login("truongban", test::kPassword);

  // A new account with a board role: proposed, not made.
  const auto proposed = op.post("/quan-tri/nguoi-dung", {{"username", "phoban"},
                                                         {"display_name", "Phó Trưởng ban mới"},
                                                         {"role", "deputy"},
                                                         {"password", test::kPassword}});
  BOOST_TEST(proposed.status == 200);
  BOOST_TEST(has(proposed.body, "Chờ Ban biên tập duyệt"));
  BOOST_TEST(AdminClient{daemon.port()}.try_login("phoban", test::kPassword).status == 401);
  // An existing account moved into the board: still a reporter until approved.
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "role"}, {"role", "deputy"}}).status == 303);
  const auto users = op.get("/quan-tri/nguoi-dung").body;
  BOOST_TEST(role_in_users_page(users, "phongvien") == "Phóng viên");
  BOOST_TEST(has(users, "Chờ Ban biên tập duyệt"));
  AdminClient reporter{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  BOOST_TEST(reporter.get("/quan-tri/ban-bien-tap").status == 403);

  const auto board = chief.get("/quan-tri/ban-bien-tap");
  BOOST_TEST(board.status == 200);
  BOOST_TEST(has(board.body, "data-pending=\"phoban\""));
  BOOST_TEST(has(board.body, "data-pending=\"phongvien\""));
  BOOST_TEST(chief.post("/quan-tri/ban-bien-tap/phoban", {{"what", "approve"}}).status == 303);
  BOOST_TEST(chief.post("/quan-tri/ban-bien-tap/phongvien", {{"what", "approve"}}).status == 303);
  BOOST_TEST(role_in_users_page(op.get("/quan-tri/nguoi-dung").body, "phongvien") == "Phó trưởng ban biên tập");
  AdminClient deputy{daemon.port()};
  deputy.login("phoban", test::kPassword);  // exists now, and passes the deputy's second factor
  const auto list = deputy.get("/quan-tri/ban-bien-tap");
  BOOST_TEST(list.status == 200);
  BOOST_TEST(has(list.body, "data-member=\"phoban\""));
  BOOST_TEST(has(list.body, "data-member=\"truongban\""));
  BOOST_TEST(has(list.body, "data-member=\"thuky\""));
  BOOST_TEST(!has(list.body, "data-member=\"congtacvien\""));
  BOOST_TEST(has(list.body, "Không có đề nghị nào đang chờ."));
  const auto audit = chief.get("/quan-tri/nhat-ky?thao-tac=user.board");
  BOOST_TEST(has(audit.body, "user.board-propose"));
  BOOST_TEST(has(audit.body, "user.board-approve"));
}

BOOST_AUTO_TEST_CASE(the_board_rejects_a_change_with_a_reason) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()}, chief{daemon.port()};
  op.login("quantri", test::kPassword);
  chief.login("truongban", test::kPassword);
  // Out of the board is a membership change too.
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/thuky", {{"what", "role"}, {"role", "reporter"}}).status == 303);
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/thuky", {{"what", "role"}, {"role", "member"}}).status == 422);  // one waits
  const auto no_reason = chief.post("/quan-tri/ban-bien-tap/thuky", {{"what", "reject"}});
  BOOST_TEST(no_reason.status == 422);
  BOOST_TEST(has(no_reason.body, "Vui lòng ghi lý do từ chối."));
  BOOST_TEST(chief.post("/quan-tri/ban-bien-tap/thuky", {{"what", "reject"}, {"reason", "Tổ thư ký đang thiếu người"}})
                 .status == 303);
  BOOST_TEST(role_in_users_page(op.get("/quan-tri/nguoi-dung").body, "thuky") == "Thư ký, biên tập viên");
  BOOST_TEST(!has(chief.get("/quan-tri/ban-bien-tap").body, "data-pending=\"thuky\""));
  BOOST_TEST(chief.post("/quan-tri/ban-bien-tap/thuky", {{"what", "approve"}}).status == 404);  // nothing waits
  BOOST_TEST(has(chief.get("/quan-tri/nhat-ky?thao-tac=user.board-reject").body, "Tổ thư ký đang thiếu người"));
}

BOOST_AUTO_TEST_CASE(a_member_edits_but_neither_approves_nor_publishes) {
  test::AdminSite site;
  add_user(site, "thanhvien", "member");  // portaldctl applies at once
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()}, member{daemon.port()}, thuky{daemon.port()}, reporter{daemon.port()};
  op.login("quantri", test::kPassword);
  member.login("thanhvien", test::kPassword);
  thuky.login("thuky", test::kPassword);
  reporter.login("phongvien", test::kPassword);
  BOOST_TEST(op.post("/quan-tri/nguoi-dung/phongvien", {{"what", "role"}, {"role", "deputy"}}).status == 303);
  BOOST_TEST(member.get("/quan-tri/ban-bien-tap").status == 403);
  BOOST_TEST(member.post("/quan-tri/ban-bien-tap/phongvien", {{"what", "approve"}}).status == 403);
  BOOST_TEST(thuky.post("/quan-tri/ban-bien-tap/phongvien", {{"what", "approve"}}).status == 403);

  // The queues and any article are the member's to read and edit, not to approve.
  const std::string id = create_article(reporter, "Bài chờ Ban biên tập");
  BOOST_TEST(reporter.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "submit"}}).status == 303);
  BOOST_TEST(thuky.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "take-for-editing"}}).status == 303);
  BOOST_TEST(thuky.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "send-for-approval"}}).status == 303);
  BOOST_TEST(member.get("/quan-tri/hang-doi/cho-duyet").status == 200);
  BOOST_TEST(has(member.get("/quan-tri/hang-doi/cho-duyet").body, "Bài chờ Ban biên tập"));
  BOOST_TEST(member.get("/quan-tri/bai-viet/" + id).status == 200);
  const auto approve = member.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "approve"}});
  BOOST_TEST(approve.status != 303);
  AdminClient chief{daemon.port()};
  chief.login("truongban", test::kPassword);
  // Still waiting for approval: the chief's approval is the one that publishes.
  BOOST_TEST(chief.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "approve"}}).status == 303);
  BOOST_TEST(member.get("/quan-tri/nguoi-dung").status == 403);
}

BOOST_AUTO_TEST_SUITE_END()
