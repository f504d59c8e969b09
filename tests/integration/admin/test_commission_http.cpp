// The board's commissions over real HTTP (issue 16, Quy chế Điều 6.1c, 6.1d): the secretariat commissions
// an agency, the agency's contributor finds it on the dashboard and delivers it with an article; another
// agency's contributor gets 404 for it everywhere; the board cancels another with a reason; a POST without
// the CSRF token is refused; refused forms keep what was typed; the calendar shows the due day and the
// audit log the steps.
#include "daemon/model/commission.hpp"
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

// The value of the <option> whose text starts with `label` in the select with this id; "" when absent.
std::string option_value(const std::string& html, const std::string& select_id, const std::string& label) {
  const auto select = html.find("id=\"" + select_id + "\"");
  const auto end = html.find("</select>", select);
  const auto p = html.find(">" + label, select);
  if (select == std::string::npos || p == std::string::npos || p > end) return {};
  const auto v = html.rfind("value=\"", p) + 7;
  return html.substr(v, html.find('"', v) - v);
}

std::string today() { return model::format_iso_date(model::commission_day(model::now())); }

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

BOOST_AUTO_TEST_SUITE(commission_http)

BOOST_AUTO_TEST_CASE(the_board_commissions_an_agency_and_its_contributor_delivers) {
  Desk desk;
  test::RunningDaemon daemon(desk.site.data);
  AdminClient thuky{daemon.port()}, ctv{daemon.port()}, other{daemon.port()}, chief{daemon.port()};
  thuky.login("thuky", test::kPassword);
  ctv.login("congtacvien", test::kPassword);
  other.login("ctvgiaoduc", test::kPassword);
  chief.login("truongban", test::kPassword);

  // The board has the page in its menu and a create form listing agencies and accounts.
  const auto list = thuky.get("/quan-tri/dat-hang");
  BOOST_REQUIRE_EQUAL(list.status, 200);
  BOOST_TEST(has(list.body, "href=\"/quan-tri/dat-hang\">Đặt hàng, giao việc</a>"));
  const std::string health = option_value(list.body, "c-assignee", "Sở Y tế");
  BOOST_TEST_REQUIRE(health.starts_with("agency:"));
  BOOST_TEST(option_value(list.body, "c-assignee", "phongvien") == "user:phongvien");
  BOOST_TEST(!has(ctv.get("/quan-tri").body, "href=\"/quan-tri/dat-hang\">Đặt hàng, giao việc</a>"));

  // Refused (a past due date): 422, nothing stored, everything typed comes back escaped.
  const auto refused = thuky.post("/quan-tri/dat-hang", {{"loai", "event"},
                                                         {"tieu-de", "Hội nghị <b>tiêm chủng</b>"},
                                                         {"noi-dung", "Dòng một\nDòng hai"},
                                                         {"giao-cho", health},
                                                         {"han", "2020-01-01"}});
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(has(refused.body, "Hạn hoàn thành không được trước hôm nay."));
  BOOST_TEST(has(refused.body, "value=\"Hội nghị &lt;b&gt;tiêm chủng&lt;/b&gt;\""));
  BOOST_TEST(has(refused.body, ">Dòng một\nDòng hai</textarea>"));
  BOOST_TEST(has(refused.body, "value=\"" + health + "\" selected"));
  BOOST_TEST(has(refused.body, "value=\"event\" checked"));
  BOOST_TEST(has(refused.body, "value=\"2020-01-01\""));
  // Without the CSRF token: refused, nothing stored.
  BOOST_TEST(thuky
                 .post("/quan-tri/dat-hang",
                       {{"loai", "item"}, {"tieu-de", "Không có CSRF"}, {"giao-cho", health}, {"han", today()}}, false)
                 .status == 403);
  // A contributor may not create.
  BOOST_TEST(
      ctv.post("/quan-tri/dat-hang", {{"loai", "item"}, {"tieu-de", "Tự giao"}, {"giao-cho", health}, {"han", today()}})
          .status == 403);
  BOOST_TEST(has(thuky.get("/quan-tri/dat-hang").body, "Đang thực hiện: <span id=\"so-dang-thuc-hien\">0</span>"));
  // Nothing commissioned yet: the message, and no header row over an empty table.
  BOOST_TEST(has(thuky.get("/quan-tri/dat-hang").body, "<table class=\"list cards\" hidden>"));

  const auto created = thuky.post("/quan-tri/dat-hang", {{"loai", "item"},
                                                         {"tieu-de", "Tin chiến dịch tiêm chủng"},
                                                         {"noi-dung", "Số liệu đến hết tháng."},
                                                         {"giao-cho", health},
                                                         {"han", today()}});
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string loc(created.header("Location").value_or(""));
  BOOST_TEST(loc == "/quan-tri/dat-hang/1?da-tao=1");
  const std::string page = "/quan-tri/dat-hang/1";
  BOOST_TEST(has(thuky.get("/quan-tri/dat-hang").body, "Đang thực hiện: <span id=\"so-dang-thuc-hien\">1</span>"));
  BOOST_TEST(has(thuky.get("/quan-tri/dat-hang").body, "<table class=\"list cards\">"));

  // The agency's contributor sees it on the dashboard and on its page, with the deliver form only.
  const auto dash = ctv.get("/quan-tri").body;
  BOOST_TEST(has(dash, "Việc được giao"));
  BOOST_TEST(has(dash, "<a href=\"/quan-tri/dat-hang/1\">Tin chiến dịch tiêm chủng</a>"));
  const auto seen = ctv.get(page);
  BOOST_REQUIRE_EQUAL(seen.status, 200);
  BOOST_TEST(has(seen.body, "Số liệu đến hết tháng."));
  BOOST_TEST(has(seen.body, "action=\"/quan-tri/dat-hang/1/giao-nop\""));
  BOOST_TEST(!has(seen.body, "action=\"/quan-tri/dat-hang/1/huy\""));
  BOOST_TEST(has(ctv.get("/quan-tri/dat-hang").body, "Tin chiến dịch tiêm chủng"));

  // Another agency's contributor learns nothing.
  BOOST_TEST(other.get(page).status == 404);
  BOOST_TEST(other.post(page + "/giao-nop", {{"bai-viet", "1"}}).status == 404);
  BOOST_TEST(other.post(page + "/huy", {{"ly-do", "x"}}).status == 403);
  BOOST_TEST(!has(other.get("/quan-tri").body, "Tin chiến dịch tiêm chủng"));
  BOOST_TEST(!has(other.get("/quan-tri/dat-hang").body, "Tin chiến dịch tiêm chủng"));

  // The contributor writes the article.
  const auto form = thuky.get("/quan-tri/bai-viet/moi").body;
  const std::string category = option_value(form, "category", "Y tế");
  const std::string agency = option_value(form, "agency", "Sở Y tế");
  const auto article = ctv.post("/quan-tri/bai-viet/moi", {{"title", "Tiêm chủng mở rộng tháng 12"},
                                                           {"summary", "Sapo"},
                                                           {"body", "<p>Nội dung</p>"},
                                                           {"category", category},
                                                           {"agency", agency}});
  BOOST_REQUIRE_EQUAL(article.status, 303);
  const std::string article_loc(article.header("Location").value_or(""));
  const std::string article_page = article_loc.substr(0, article_loc.find('?'));

  // A delivery that names no article is refused and keeps what was typed; without CSRF it is refused.
  const auto garbage = ctv.post(page + "/giao-nop", {{"bai-viet", "bài \"số\" bảy"}});
  BOOST_TEST(garbage.status == 422);
  BOOST_TEST(has(garbage.body, "Vui lòng nhập số bài viết hoặc địa chỉ của bài trong trang quản trị"));
  BOOST_TEST(has(garbage.body, "value=\"bài &quot;số&quot; bảy\""));
  BOOST_TEST(ctv.post(page + "/giao-nop", {{"bai-viet", article_page}}, false).status == 403);

  const auto delivered = ctv.post(page + "/giao-nop", {{"bai-viet", "http://127.0.0.1" + article_page}});
  BOOST_REQUIRE_MESSAGE(delivered.status == 303, delivered.status << delivered.body);
  const auto done = thuky.get(page).body;
  BOOST_TEST(has(done, "data-state=\"delivered\">Đã giao nộp</span>"));
  BOOST_TEST(has(done, "<a href=\"" + article_page + "\">Tiêm chủng mở rộng tháng 12</a>"));
  BOOST_TEST(!has(done, "action=\"/quan-tri/dat-hang/1/giao-nop\""));
  BOOST_TEST(!has(ctv.get("/quan-tri").body, "<a href=\"/quan-tri/dat-hang/1\">"));  // no longer waiting

  // The calendar shows it on its due day.
  const auto calendar = thuky.get("/quan-tri/lich-bien-tap").body;
  BOOST_TEST(has(calendar, "data-commission=\"1\""));
  BOOST_TEST(has(calendar, "<a href=\"/quan-tri/dat-hang/1\">Tin chiến dịch tiêm chủng</a> (Sở Y tế, Đã giao nộp)"));

  // The audit log has both steps under the commission.
  const auto audit = chief.get("/quan-tri/nhat-ky?doi-tuong=commission/1").body;
  BOOST_TEST(has(audit, "data-label=\"Thao tác\">Đặt hàng, giao việc"));
  BOOST_TEST(has(audit, "data-label=\"Thao tác\">Giao nộp sản phẩm đặt hàng"));
  BOOST_TEST(has(audit, "<a href=\"/quan-tri/dat-hang/1\">Đặt hàng, giao việc: Tin chiến dịch tiêm chủng</a>"));
  BOOST_TEST(has(audit, "data-label=\"Thành\">Đã giao nộp</td>"));
  BOOST_TEST(!has(audit, "Không có CSRF"));
}

BOOST_AUTO_TEST_CASE(the_board_cancels_with_a_reason_that_a_refusal_keeps) {
  Desk desk;
  test::RunningDaemon daemon(desk.site.data);
  AdminClient thuky{daemon.port()}, pv{daemon.port()};
  thuky.login("thuky", test::kPassword);
  pv.login("phongvien", test::kPassword);
  const auto created = thuky.post(
      "/quan-tri/dat-hang",
      {{"loai", "event"}, {"tieu-de", "Đoàn công tác của tỉnh"}, {"giao-cho", "user:phongvien"}, {"han", today()}});
  BOOST_REQUIRE_EQUAL(created.status, 303);
  const std::string page = "/quan-tri/dat-hang/1";
  BOOST_TEST(has(pv.get("/quan-tri").body, "<a href=\"/quan-tri/dat-hang/1\">Đoàn công tác của tỉnh</a>"));
  BOOST_TEST(pv.post(page + "/huy", {{"ly-do", "Tôi bận"}}).status == 403);

  const std::string long_reason = "Lý do <i>dài</i>\n" + std::string(1000, 'x');
  const auto too_long = thuky.post(page + "/huy", {{"ly-do", long_reason}});
  BOOST_TEST(too_long.status == 422);
  BOOST_TEST(has(too_long.body, "Lý do hủy quá dài (tối đa 1000 ký tự)."));
  BOOST_TEST(has(too_long.body, ">Lý do &lt;i&gt;dài&lt;/i&gt;\n" + std::string(1000, 'x') + "</textarea>"));
  const auto empty = thuky.post(page + "/huy", {{"ly-do", "  "}});
  BOOST_TEST(empty.status == 422);
  BOOST_TEST(has(empty.body, "Vui lòng ghi lý do hủy."));

  BOOST_REQUIRE_EQUAL(thuky.post(page + "/huy", {{"ly-do", "Đoàn hoãn chuyến đi."}}).status, 303);
  const auto cancelled = pv.get(page).body;
  BOOST_TEST(has(cancelled, "data-state=\"cancelled\">Đã hủy</span>"));
  BOOST_TEST(has(cancelled, "Đoàn hoãn chuyến đi."));
  BOOST_TEST(!has(cancelled, "action=\"/quan-tri/dat-hang/1/giao-nop\""));
  BOOST_TEST(!has(pv.get("/quan-tri").body, "<a href=\"/quan-tri/dat-hang/1\">"));
  BOOST_TEST(pv.post(page + "/giao-nop", {{"bai-viet", "1"}}).status == 403);
  BOOST_TEST(!has(thuky.get("/quan-tri/lich-bien-tap").body, "data-commission=\"1\""));
}

BOOST_AUTO_TEST_SUITE_END()
