// The board's loop of Điều 8.2 over real HTTP (issue 16): the secretariat asks a contributor to clarify
// with a question, the contributor sees it on the article page and in its queue, writes a note and answers,
// the article goes back to the secretariat's queue, every step and note is in the audit log, another
// agency's contributor gets 404 everywhere, and a refused question or note keeps everything typed.
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

// The value of the <option> whose text is `name` in the select with this id; "" when absent.
std::string option_value(const std::string& html, const std::string& select_id, const std::string& name) {
  const auto select = html.find("id=\"" + select_id + "\"");
  const auto end = html.find("</select>", select);
  const auto p = html.find(">" + name + "</option>", select);
  if (select == std::string::npos || p == std::string::npos || p > end) return {};
  const auto v = html.rfind("value=\"", p) + 7;
  return html.substr(v, html.find('"', v) - v);
}

// The data-state of the article page's state heading.
std::string state_key(const std::string& page) {
  const std::string open = "class=\"state\" data-state=\"";
  const auto p = page.find(open);
  if (p == std::string::npos) return {};
  const auto start = p + open.size();
  return page.substr(start, page.find('"', start) - start);
}

// The site of admin_client.hpp plus a contributor of a second agency, "Sở Giáo dục".
struct Desk {
  test::AdminSite site;
  Desk() {
    const auto r = test::portaldctl(
        site.data,
        {"user", "add", "--role", "contributor", "--agency", "Sở Giáo dục", "--password-stdin", "ctvgiaoduc"},
        test::kPassword + "\n");
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(clarification_http)

BOOST_AUTO_TEST_CASE(the_secretariat_asks_the_contributor_answers_and_the_item_goes_back) {
  Desk desk;
  test::RunningDaemon daemon(desk.site.data);
  AdminClient ctv{daemon.port()}, other{daemon.port()}, thuky{daemon.port()}, chief{daemon.port()};
  ctv.login("congtacvien", test::kPassword);
  other.login("ctvgiaoduc", test::kPassword);
  thuky.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  const auto board_form = thuky.get("/quan-tri/bai-viet/moi").body;
  const std::string category = option_value(board_form, "category", "Y tế");
  const std::string health = option_value(board_form, "agency", "Sở Y tế");
  BOOST_TEST_REQUIRE(!category.empty());

  const auto created = ctv.post("/quan-tri/bai-viet/moi", {{"title", "Lịch tiêm chủng tháng 12"},
                                                           {"summary", "Sapo"},
                                                           {"body", "<p>Nội dung</p>"},
                                                           {"category", category},
                                                           {"agency", health}});
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string loc(created.header("Location").value_or(""));
  const std::string page = loc.substr(0, loc.find('?'));
  const std::string id = page.substr(std::string("/quan-tri/bai-viet/").size());
  BOOST_REQUIRE_EQUAL(ctv.post(page + "/chuyen", {{"transition", "submit"}}).status, 303);

  // The secretariat's page offers the step, with its folded box for the question.
  const auto board_view = thuky.get(page).body;
  BOOST_TEST(has(board_view, "value=\"ask-clarification\""));
  BOOST_TEST(has(board_view, "Điều cần tác giả làm rõ (bắt buộc khi bấm “Đề nghị làm rõ”)"));
  // Asked from the editor form without a question: refused, and the edited title and the rest stay typed.
  const auto no_question = thuky.post(page + "/chuyen", {{"title", "Lịch tiêm chủng tháng 12 (đã biên tập)"},
                                                         {"summary", "Sapo"},
                                                         {"body", "<p>Nội dung</p>"},
                                                         {"category", category},
                                                         {"agency", health},
                                                         {"transition", "ask-clarification"},
                                                         {"reason-ask-clarification", "   "},
                                                         {"note", "Ghi chú chưa gửi"}});
  BOOST_TEST(no_question.status == 422);
  BOOST_TEST(has(no_question.body, "Vui lòng ghi rõ lý do."));
  BOOST_TEST(has(no_question.body, "value=\"Lịch tiêm chủng tháng 12 (đã biên tập)\""));
  BOOST_TEST(state_key(thuky.get(page).body) == "submitted");
  BOOST_TEST(!has(thuky.get(page).body, "(đã biên tập)"));  // nothing was saved

  const auto asked = thuky.post(page + "/chuyen", {{"transition", "ask-clarification"},
                                                   {"reason", "Lịch ở xã Hòa Bình là ngày nào?\nXin ghi rõ nguồn."}});
  BOOST_REQUIRE_EQUAL(asked.status, 303);

  // The contributor sees the question, the state, the answer step, and the item in its queue.
  const auto seen = ctv.get(page).body;
  BOOST_TEST(state_key(seen) == "awaiting-clarification");
  BOOST_TEST(has(seen, ">Chờ làm rõ</span>"));
  BOOST_TEST(has(seen, "Đề nghị làm rõ bởi"));
  BOOST_TEST(has(seen, "Lịch ở xã Hòa Bình là ngày nào?"));
  BOOST_TEST(has(seen, "value=\"answer-clarification\""));
  BOOST_TEST(has(seen, "name=\"title\""));  // the provider may correct the text while answering
  BOOST_TEST(has(ctv.get("/quan-tri/hang-doi/cho-lam-ro").body, "Lịch tiêm chủng tháng 12"));
  BOOST_TEST(has(thuky.get("/quan-tri").body, "/quan-tri/hang-doi/cho-lam-ro\">Chờ làm rõ</a>: <strong>1</strong>"));

  // Another agency's contributor learns nothing: the page, a note and the answer all answer 404.
  BOOST_TEST(other.get(page).status == 404);
  BOOST_TEST(other.post(page + "/ghi-chu", {{"note", "Xin chào"}}).status == 404);
  BOOST_TEST(other.post(page + "/chuyen", {{"transition", "answer-clarification"}, {"reason", "Trả lời hộ"}}).status ==
             404);
  BOOST_TEST(!has(other.get("/quan-tri/hang-doi/cho-lam-ro").body, "Lịch tiêm chủng tháng 12"));

  // A note without text is refused with a message; a note too long comes back as typed; no CSRF, no note.
  const auto empty = ctv.post(page + "/ghi-chu", {{"note", " \r\n "}});
  BOOST_TEST(empty.status == 422);
  BOOST_TEST(has(empty.body, "Vui lòng nhập nội dung ghi chú."));
  const std::string long_text = "Dòng một <b>đậm</b>\n" + std::string(2000, 'x');
  const auto too_long = ctv.post(page + "/ghi-chu", {{"note", long_text}});
  BOOST_TEST(too_long.status == 422);
  BOOST_TEST(has(too_long.body, "Nội dung ghi chú quá dài (tối đa 2000 ký tự)."));
  BOOST_TEST(has(too_long.body, "Dòng một &lt;b&gt;đậm&lt;/b&gt;\n" + std::string(2000, 'x') + "</textarea>"));
  BOOST_TEST(ctv.post(page + "/ghi-chu", {{"note", "Không có mã CSRF"}}, false).status == 403);

  const auto noted = ctv.post(page + "/ghi-chu", {{"note", "Tôi đang hỏi lại <b>trạm y tế</b>."}});
  BOOST_REQUIRE_EQUAL(noted.status, 303);
  BOOST_TEST(has(std::string(noted.header("Location").value_or("")), "?da-ghi-chu=1#ghi-chu-2"));
  const auto answered = ctv.post(page + "/chuyen", {{"transition", "answer-clarification"},
                                                    {"reason", "Ngày 15/12, theo thông báo của Trạm Y tế xã."}});
  BOOST_REQUIRE_EQUAL(answered.status, 303);

  // Back in the secretariat's queue, with the whole thread in order, escaped as text.
  const auto back = thuky.get(page).body;
  BOOST_TEST(state_key(back) == "submitted");
  BOOST_TEST(has(thuky.get("/quan-tri/hang-doi/cho-bien-tap").body, "Lịch tiêm chủng tháng 12"));
  const auto q = back.find("data-kind=\"ask\" id=\"ghi-chu-1\"");
  const auto n = back.find("data-kind=\"note\" id=\"ghi-chu-2\"");
  const auto a = back.find("data-kind=\"answer\" id=\"ghi-chu-3\"");
  BOOST_TEST(q != std::string::npos);
  BOOST_TEST(n != std::string::npos);
  BOOST_TEST(a != std::string::npos);
  BOOST_TEST((q < n && n < a));
  BOOST_TEST(has(back, "Tôi đang hỏi lại &lt;b&gt;trạm y tế&lt;/b&gt;."));
  BOOST_TEST(!has(back, "<b>trạm y tế</b>"));
  BOOST_TEST(has(back, "Ngày 15/12, theo thông báo của Trạm Y tế xã."));

  // Every step and note is in the audit log, with its text.
  const auto audit = chief.get("/quan-tri/nhat-ky?doi-tuong=article/" + id).body;
  BOOST_TEST(has(audit, "Đề nghị làm rõ bài viết"));
  BOOST_TEST(has(audit, "Ghi chú trao đổi về bài viết"));
  BOOST_TEST(has(audit, "Trả lời đề nghị làm rõ và gửi lại"));
  BOOST_TEST(has(audit, "Lịch ở xã Hòa Bình là ngày nào?"));
  BOOST_TEST(has(audit, "Tôi đang hỏi lại &lt;b&gt;trạm y tế&lt;/b&gt;."));
  BOOST_TEST(has(audit, "Chờ làm rõ"));  // the state label in the from/to columns
  BOOST_TEST(!has(audit, "Không có mã CSRF"));
  BOOST_TEST(!has(audit, "Xin chào"));
}

BOOST_AUTO_TEST_SUITE_END()
