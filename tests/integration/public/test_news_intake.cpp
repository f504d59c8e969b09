// The news intake form over real HTTP against the real daemon (issue 16, Quy chế Điều 8.1): a person
// without an account sends a news item, is redirected to the thank-you page with its reference code, and
// the item waits in the board's queue "Chờ biên tập" under the sender's name, with the source on its
// admin page; refused forms keep what was typed with a message by each field; the questions' guard
// (token, honeypot, rate limit) stands in front of it; the site setting turns the form and its footer
// link off; the raw store never holds the sender's contacts in clear.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include "daemon/store/data_dir.hpp"
#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/http_client.hpp"

using namespace portald;
using test::AdminClient;
using test::Fields;
using test::has;

namespace {

const std::string kName = "Lê Hoàng Phương";
const std::string kOrganisation = "Trường THCS Hòa Bình";
const std::string kEmail = "hoangphuong.le@example.vn";
const std::string kPhone = "0905 112 233";
const std::string kBody =
    "Chiều 15/4, nhà trường tổ chức ngày hội đọc sách với sự tham gia của hơn 600 học sinh và giáo viên.\n\n"
    "Các lớp trưng bày sách, kể chuyện theo sách và giao lưu với tác giả địa phương.";
const std::vector<std::string> kNoWait{"--question-min-fill-time", "0"};

std::string raw_store(const std::filesystem::path& data) {
  std::ifstream in(store::DataDir(data).store_dir() / "data.mdb", std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

test::HttpResponse post_form(std::uint16_t port, const Fields& fields) {
  return test::http_request("127.0.0.1", port, "POST", "/gui-tin-bai",
                            {{"Content-Type", "application/x-www-form-urlencoded"}}, test::encode_form(fields));
}

// The form page's token and the value of its first category (the demo data's "Y tế").
struct FormPage {
  std::string token;
  std::string category;
};
FormPage form_page(std::uint16_t port) {
  const auto page = test::http_request("127.0.0.1", port, "GET", "/gui-tin-bai");
  BOOST_REQUIRE_EQUAL(page.status, 200);
  FormPage f{test::input_value(page.body, "t"), {}};
  BOOST_REQUIRE(!f.token.empty());
  const auto at = page.body.find(">Y tế</option>");
  BOOST_REQUIRE(at != std::string::npos);
  const auto start = page.body.rfind("value=\"", at) + 7;
  f.category = page.body.substr(start, page.body.find('"', start) - start);
  return f;
}

Fields news_fields(const FormPage& f, const std::string& title) {
  return {{"t", f.token},
          {"ten", kName},
          {"to-chuc", kOrganisation},
          {"email", kEmail},
          {"dien-thoai", kPhone},
          {"chuyen-muc", f.category},
          {"tieu-de", title},
          {"tom-tat", "Hơn 600 học sinh và giáo viên tham gia ngày hội đọc sách của nhà trường."},
          {"noi-dung", kBody},
          {"dong-y", "1"},
          {"website", ""}};
}

void set(Fields& fields, const std::string& key, const std::string& value) {
  for (auto& [k, v] : fields)
    if (k == key) v = value;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(news_intake)

BOOST_AUTO_TEST_CASE(a_sent_item_reaches_the_boards_queue_with_its_sender_and_a_reference) {
  test::AdminSite site;
  const std::string title = "Ngày hội đọc sách tại Trường THCS Hòa Bình";
  {
    test::RunningDaemon daemon(site.data, kNoWait);
    const auto port = daemon.port();
    // The footer links to the form; the form is a page of the public site, never cached.
    BOOST_TEST(has(daemon.get("/").body, "<a href=\"/gui-tin-bai\">Gửi tin bài</a>"));
    const auto page = daemon.get("/gui-tin-bai");
    BOOST_TEST(page.status == 200);
    BOOST_TEST(has(page.body, "<h1>Gửi tin bài cho Cổng thông tin</h1>"));
    BOOST_TEST(has(page.body, "name=\"website\""));  // the honeypot
    BOOST_TEST(page.header("Cache-Control").value_or("") == "no-store");
    // Send it: 303 to the thank-you page with the code.
    const auto r = post_form(port, news_fields(form_page(port), title));
    BOOST_REQUIRE_MESSAGE(r.status == 303, "submit: " << r.status << " " << r.body.substr(0, 3000));
    const std::string location(r.header("Location").value_or(""));
    BOOST_REQUIRE(location.starts_with("/gui-tin-bai/da-gui?ma="));
    const std::string code = location.substr(23);
    BOOST_TEST(code.size() == 14u);
    const auto thanks = daemon.get(location);
    BOOST_TEST(thanks.status == 200);
    BOOST_TEST(has(thanks.body, "<strong>" + code + "</strong>"));
    BOOST_TEST(has(thanks.body, "Tin bài đã được gửi đến Ban Biên tập"));
    BOOST_TEST(!has(thanks.body, kEmail));
    BOOST_TEST(thanks.header("Referrer-Policy").value_or("") == "no-referrer");
    BOOST_TEST(daemon.get("/gui-tin-bai/da-gui?ma=AAAA-AAAA-AAAA").status == 404);
    // Not public: the article is only submitted.
    BOOST_TEST(!has(daemon.get("/").body, title));
    // The board's queue shows it, under the sender.
    AdminClient secretariat{port};
    secretariat.login("thuky", test::kPassword);
    const auto queue = secretariat.get("/quan-tri/hang-doi/cho-bien-tap");
    BOOST_TEST(queue.status == 200);
    BOOST_TEST(has(queue.body, ">" + title + "</a>"));
    BOOST_TEST(has(queue.body, "Gửi từ cổng · Người gửi: " + kName + " (" + kOrganisation + ")"));
    // Its admin page shows the source with the contacts.
    const auto at = queue.body.find(">" + title + "</a>");
    const auto href = queue.body.rfind("/quan-tri/bai-viet/", at);
    const std::string url = queue.body.substr(href, queue.body.find('"', href) - href);
    const auto item = secretariat.get(url);
    BOOST_TEST(item.status == 200);
    BOOST_TEST(has(item.body, "Nguồn tin: gửi từ cổng"));
    BOOST_TEST(has(item.body, code));
    BOOST_TEST(has(item.body, kEmail));
    BOOST_TEST(has(item.body, kPhone));
    BOOST_TEST(has(item.body, "Chờ biên tập"));
    // A reporter neither sees the queue's item nor opens it.
    AdminClient reporter{port};
    reporter.login("phongvien", test::kPassword);
    BOOST_TEST(reporter.get(url).status == 404);
    // The audit log names the intake.
    AdminClient chief{port};
    chief.login("truongban", test::kPassword);
    BOOST_TEST(has(chief.get("/quan-tri/nhat-ky.csv").body, "article.intake"));
  }
  // The store file holds neither contacts nor the name in clear.
  const std::string raw = raw_store(site.data);
  BOOST_REQUIRE(has(raw, "Ngày hội đọc sách"));
  BOOST_TEST(!has(raw, kEmail));
  BOOST_TEST(!has(raw, kPhone));
  BOOST_TEST(!has(raw, kName));
}

BOOST_AUTO_TEST_CASE(refused_forms_keep_what_was_typed_and_reach_no_queue) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);  // the default minimum fill time (5 s)
  const auto port = daemon.port();
  const auto f = form_page(port);
  // A bad e-mail, no consent, a short title: each named by its field, everything typed kept.
  auto fields = news_fields(f, "Ngắn");
  set(fields, "email", "không-phải-thư");
  set(fields, "dong-y", "");
  auto r = post_form(port, fields);
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "id=\"n-email-loi\">Địa chỉ thư điện tử không đúng dạng"));
  BOOST_TEST(has(r.body, "id=\"n-tieu-de-loi\">Tiêu đề quá ngắn (ít nhất 10 ký tự).</p>"));
  BOOST_TEST(has(r.body, "id=\"n-dong-y-loi\">Vui lòng đồng ý"));
  BOOST_TEST(has(r.body, "aria-invalid=\"true\""));
  BOOST_TEST(has(r.body, "value=\"không-phải-thư\""));
  BOOST_TEST(has(r.body, "value=\"" + kName + "\""));
  BOOST_TEST(has(r.body, "value=\"" + kOrganisation + "\""));
  BOOST_TEST(has(r.body, "tổ chức ngày hội đọc sách với sự tham gia của hơn 600 học sinh và giáo viên.\n\nCác lớp"));
  BOOST_TEST(has(r.body, "value=\"" + f.category + "\" selected"));
  // Too fast after the form was given out: the guard's words speak of news.
  r = post_form(port, news_fields(f, "Tin bài gửi quá nhanh sau khi mở"));
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Tin bài được gửi quá nhanh sau khi mở trang"));
  BOOST_TEST(has(r.body, "Tin bài gửi quá nhanh sau khi mở"));
  // The honeypot, after the minimum time: refused, the typing kept.
  std::this_thread::sleep_for(std::chrono::seconds(6));
  fields = news_fields(f, "Tin bài của máy gửi tự động");
  set(fields, "website", "http://spam.example");
  r = post_form(port, fields);
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Không gửi được tin bài"));
  BOOST_TEST(has(r.body, "Tin bài của máy gửi tự động"));
  // A forged token.
  fields = news_fields(f, "Tin bài với mã giả mạo");
  set(fields, "t", "1.00");
  r = post_form(port, fields);
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Biểu mẫu đã hết hạn"));
  // Nothing reached the board's queue.
  AdminClient secretariat{port};
  secretariat.login("thuky", test::kPassword);
  BOOST_TEST(has(secretariat.get("/quan-tri/hang-doi/cho-bien-tap").body, "Không có bài nào."));
  // The same token, now old enough, is accepted.
  BOOST_TEST(post_form(port, news_fields(f, "Tin bài hợp lệ sau khi chờ đủ lâu")).status == 303);
}

BOOST_AUTO_TEST_CASE(a_flood_from_one_address_is_throttled_and_a_huge_body_is_refused) {
  test::AdminSite site;
  std::vector<std::string> args = kNoWait;
  args.insert(args.end(), {"--question-limit-per-address", "2", "--max-body", "64K"});
  test::RunningDaemon daemon(site.data, args);
  const auto port = daemon.port();
  const auto f = form_page(port);
  for (int i = 0; i < 2; ++i)
    BOOST_TEST(post_form(port, news_fields(f, "Tin bài thứ " + std::to_string(i) + " trong giờ")).status == 303);
  const auto r = post_form(port, news_fields(f, "Tin bài thứ ba bị chặn lại"));
  BOOST_TEST(r.status == 429);
  BOOST_TEST(r.header("Retry-After").has_value());
  BOOST_TEST(has(r.body, "Bạn đã gửi nhiều tin bài trong thời gian ngắn"));
  BOOST_TEST(has(r.body, "Tin bài thứ ba bị chặn lại"));
  // Over the server's body limit: 413 from the headers, as for the questions' form.
  {
    test::RawConnection c("127.0.0.1", port);
    BOOST_TEST_REQUIRE(
        c.send("POST /gui-tin-bai HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
               "Content-Length: 200000\r\n\r\n"));
    const auto cut = c.read_response(std::chrono::seconds(5));
    BOOST_TEST_REQUIRE(cut.has_value());
    BOOST_TEST(cut->status == 413);
  }
  // Readers are not slowed down meanwhile.
  BOOST_TEST(daemon.get("/gui-tin-bai").status == 200);
}

BOOST_AUTO_TEST_CASE(the_setting_turns_the_form_and_its_footer_link_off) {
  test::AdminSite site;
  const auto off = test::portaldctl(site.data, {"settings", "set", "show_intake_form", "0"});
  BOOST_REQUIRE_MESSAGE(off.exit_code == 0, off.err);
  {
    test::RunningDaemon daemon(site.data, kNoWait);
    BOOST_TEST(daemon.get("/gui-tin-bai").status == 404);
    BOOST_TEST(daemon.get("/gui-tin-bai/da-gui?ma=AAAA-AAAA-AAAA").status == 404);
    BOOST_TEST(post_form(daemon.port(), {{"ten", kName}}).status == 404);
    const auto home = daemon.get("/");
    BOOST_TEST(home.status == 200);
    BOOST_TEST(has(home.body, "/trang/lien-he"));  // the footer is there, without the link
    BOOST_TEST(!has(home.body, "/gui-tin-bai"));
  }
  const auto on = test::portaldctl(site.data, {"settings", "set", "show_intake_form", "1"});
  BOOST_REQUIRE_MESSAGE(on.exit_code == 0, on.err);
  test::RunningDaemon daemon(site.data, kNoWait);
  BOOST_TEST(daemon.get("/gui-tin-bai").status == 200);
  BOOST_TEST(has(daemon.get("/").body, "/gui-tin-bai"));
}

BOOST_AUTO_TEST_SUITE_END()
