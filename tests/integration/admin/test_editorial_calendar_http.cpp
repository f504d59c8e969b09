// The editorial calendar over real HTTP (issue 16): a month of hand-made data (articles published, one
// scheduled through the workflow, a holiday in the holidays file) shows each day's articles with links,
// days off, and the cadence windows nothing fills: ahead ("còn trống") or past ("đã bị lỡ"). Board only.
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

// The <tr> of day `iso` ("2027-03-01"); "" when absent.
std::string day_row(const std::string& html, const std::string& iso) {
  const auto p = html.find("<tr id=\"ngay-" + iso + "\"");
  if (p == std::string::npos) return {};
  return html.substr(p, html.find("</tr>", p) - p);
}

struct CalendarSite {
  test::AdminSite site;
  std::filesystem::path holidays = test::write_file(site.dir.path, "holidays", "2027-03-03 ngày nghỉ thử\n");
  CalendarSite() {
    const auto f = test::write_file(
        site.dir.path, "more.jsonl",
        R"({"id": "m1", "title": "Tin sáng thứ Hai", "body_html": "<p>x</p>", "category": "Y tế", "published_at": "2027-03-01T08:00:00+07:00"})"
        "\n"
        R"({"id": "m2", "title": "Tin buổi trưa", "body_html": "<p>x</p>", "category": "Y tế", "published_at": "2027-03-04T11:00:00+07:00"})"
        "\n");
    const auto imp = test::portaldctl(site.data, {"import", "articles", f.string()});
    BOOST_REQUIRE_MESSAGE(imp.exit_code == 0, imp.err);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(editorial_calendar_http)

BOOST_AUTO_TEST_CASE(a_month_shows_articles_days_off_and_the_empty_windows_ahead) {
  CalendarSite s;
  test::RunningDaemon daemon(s.site.data, {"--holidays-file", s.holidays.string()});
  AdminClient chief{daemon.port()}, thuky{daemon.port()}, ctv{daemon.port()};
  chief.login("truongban", test::kPassword);
  thuky.login("thuky", test::kPassword);
  ctv.login("congtacvien", test::kPassword);

  // One article scheduled for Tuesday afternoon through the workflow.
  const auto form = thuky.get("/quan-tri/bai-viet/moi");
  const auto created = thuky.post("/quan-tri/bai-viet/moi", {{"title", "Tin chiều thứ Ba hẹn giờ"},
                                                             {"summary", "Sapo"},
                                                             {"body", "<p>Nội dung</p>"},
                                                             {"category", test::first_option(form.body, "category")}});
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string loc(created.header("Location").value_or(""));
  const std::string page = loc.substr(0, loc.find('?'));
  for (const std::string step : {"submit", "take-for-editing", "send-for-approval"})
    BOOST_REQUIRE_EQUAL(thuky.post(page + "/chuyen", {{"transition", step}}).status, 303);
  BOOST_REQUIRE_EQUAL(
      chief.post(page + "/chuyen", {{"transition", "schedule"}, {"scheduled_at", "2027-03-02T14:00"}}).status, 303);

  const auto r = thuky.get("/quan-tri/lich-bien-tap?thang=2027-03");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(has(r.body, "<h1>Lịch biên tập tháng 3/2027</h1>"));
  BOOST_TEST(has(r.body, "href=\"/quan-tri/lich-bien-tap\""));  // in the navigation

  const auto monday = day_row(r.body, "2027-03-01");
  BOOST_TEST(has(monday, "Thứ Hai 01/03"));
  BOOST_TEST(has(monday, "08:00 · Đã xuất bản: <a href=\""));
  BOOST_TEST(has(monday, ">Tin sáng thứ Hai</a>"));
  BOOST_TEST(has(monday, "data-window=\"morning\">Buổi sáng (07:30–10:00): có tin"));
  BOOST_TEST(
      has(monday,
          "data-window=\"afternoon\" data-gap=\"ahead\">Buổi chiều (13:30–16:00): <strong class=\"gap\">còn trống"));

  const auto tuesday = day_row(r.body, "2027-03-02");
  BOOST_TEST(has(tuesday, "14:00 · Hẹn giờ: <a href=\"" + page + "\">Tin chiều thứ Ba hẹn giờ</a>"));
  BOOST_TEST(has(tuesday, "data-window=\"morning\" data-gap=\"ahead\""));
  BOOST_TEST(has(tuesday, "data-window=\"afternoon\">Buổi chiều (13:30–16:00): có tin"));

  // The holiday and the weekend are days off, with no window to fill.
  for (const std::string off : {"2027-03-03", "2027-03-06", "2027-03-07"}) {
    const auto row = day_row(r.body, off);
    BOOST_TEST(has(row, "data-off=\"1\""), off);
    BOOST_TEST(!has(row, "data-window"), off);
  }
  // Published between the windows fills neither.
  const auto thursday = day_row(r.body, "2027-03-04");
  BOOST_TEST(has(thursday, ">Tin buổi trưa</a>"));
  BOOST_TEST(has(thursday, "data-window=\"morning\" data-gap=\"ahead\""));
  BOOST_TEST(has(thursday, "data-window=\"afternoon\" data-gap=\"ahead\""));
  BOOST_TEST(day_row(r.body, "2027-03-31").size() > 0u);
  BOOST_TEST(day_row(r.body, "2027-04-01").empty());
  // 23 working days in March 2027 less the holiday: 22 days, 44 windows, 2 filled.
  BOOST_TEST(has(r.body, "<strong id=\"khung-trong\">42</strong>"));

  // A past month: what was not filled was missed.
  const auto past = day_row(chief.get("/quan-tri/lich-bien-tap?thang=2025-01").body, "2025-01-02");
  BOOST_TEST(has(past, ">Bài có sẵn</a>"));
  BOOST_TEST(has(past, "data-window=\"afternoon\" data-gap=\"past\""));
  BOOST_TEST(has(past, "đã bị lỡ"));

  // A bad month is said so and the current month shown; contributors do not see the calendar.
  const auto bad = thuky.get("/quan-tri/lich-bien-tap?thang=2027-13");
  BOOST_TEST(bad.status == 200);
  BOOST_TEST(has(bad.body, "Tháng không hợp lệ"));
  BOOST_TEST(ctv.get("/quan-tri/lich-bien-tap").status == 403);
  BOOST_TEST(!has(ctv.get("/quan-tri").body, "/quan-tri/lich-bien-tap"));
}

BOOST_AUTO_TEST_SUITE_END()
