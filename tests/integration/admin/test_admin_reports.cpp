// The reports of issue 13 against the real daemon over HTTP: who may open them (the board and the
// operator; the secretariat, reporters and contributors get the admin's 403), the figures of a fixed
// October 2025 written into the store before start, the CSV's escaping, and the XLSX read back by an
// independent reader (Debian's python3-openpyxl, tests/support/xlsx_reader): Vietnamese headers, a
// frozen header row, number formats, text that stays text.
#include <nlohmann/json.hpp>

#include "daemon/model/audit_action.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/xlsx_reader.hpp"

using namespace portald;
using model::AuditAction;
using test::AdminClient;
using test::has;

namespace {

// The page without the admin frame's own script (the confirmation before destructive actions).
std::string without_frame_script(std::string page) {
  const std::string tag = "<script src=\"/static/admin-confirm.js\" defer></script>";
  if (const auto p = page.find(tag); p != std::string::npos) page.erase(p, tag.size());
  return page;
}

const std::string kTaxAgency = "Sở \"Tài chính\", tỉnh";
const std::string kFormulaReason = "=HYPERLINK(\"http://x\")";

model::UnixTime at(std::string_view local) { return *model::parse_rfc3339(std::string(local) + ":00+07:00"); }

void step(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, AuditAction action, std::string_view local,
          std::string reason = {}) {
  store::append_audit(txn, t, action,
                      {.seq = 0,
                       .at = at(local),
                       .actor = "truongban",
                       .action = {},
                       .object = "article/" + std::to_string(id),
                       .from = {},
                       .to = {},
                       .reason = std::move(reason),
                       .address = {}});
}

std::uint64_t article(store::WriteTxn& txn, const store::Tables& t, std::string slug, std::uint64_t agency,
                      std::uint64_t category, model::ArticleStatus status, std::string_view published) {
  model::Article a;
  a.slug = slug;
  a.title = "Bài " + slug;
  a.body_html = "<p>x</p>";
  a.agency_id = agency;
  a.category_id = category;
  a.status = status;
  a.created_at = at("2025-10-01T07:00");
  a.updated_at = a.created_at;
  a.published_at = at(published);
  return store::put_article(txn, t, a);
}

// October 2025 (1 October is a Wednesday; 6 October a Monday), the daemon's default windows 07:30-10:00
// and 13:30-16:00:
//   1 (Sở Y tế, Y tế): submitted Mon 6 07:00, approved 08:00 (1 h): Monday's morning met.
//   2 (kTaxAgency, Thông báo): submitted Mon 6 09:00, returned 10:00 (kFormulaReason), submitted again
//     Tue 7 08:00, approved Tue 7 14:00 (29 h from the first submission): Tuesday's afternoon met.
//   3 (Sở Y tế, Y tế): submitted Wed 8 08:00, approved 11:00 (3 h, between the windows), withdrawn 20th.
void write_october(const std::filesystem::path& data) {
  store::Store live(data, {.map_size = std::size_t(256) << 20, .create = false});
  const auto& t = live.tables();
  auto txn = live.write();
  const auto health = store::ensure_agency(txn, t, "Sở Y tế");
  const auto tax = store::ensure_agency(txn, t, kTaxAgency);
  const auto news = store::ensure_category(txn, t, "Y tế");
  const auto notices = store::ensure_category(txn, t, "Thông báo");
  const auto a1 = article(txn, t, "mot", health, news, model::ArticleStatus::published, "2025-10-06T08:00");
  step(txn, t, a1, AuditAction::article_submit, "2025-10-06T07:00");
  step(txn, t, a1, AuditAction::article_approve, "2025-10-06T08:00");
  const auto a2 = article(txn, t, "hai", tax, notices, model::ArticleStatus::published, "2025-10-07T14:00");
  step(txn, t, a2, AuditAction::article_submit, "2025-10-06T09:00");
  step(txn, t, a2, AuditAction::article_return, "2025-10-06T10:00", kFormulaReason);
  step(txn, t, a2, AuditAction::article_submit, "2025-10-07T08:00");
  step(txn, t, a2, AuditAction::article_approve, "2025-10-07T14:00");
  const auto a3 = article(txn, t, "ba", health, news, model::ArticleStatus::withdrawn, "2025-10-08T11:00");
  step(txn, t, a3, AuditAction::article_submit, "2025-10-08T08:00");
  step(txn, t, a3, AuditAction::article_approve, "2025-10-08T11:00");
  step(txn, t, a3, AuditAction::article_withdraw, "2025-10-20T09:00", "Trùng lặp");
  txn.commit();
  store::update_backup_state(live, [](model::BackupState& st) {
    st.last_snapshot = model::BackupOutcome{"portald-20251012", at("2025-10-12T02:00"), true, {}};
    st.last_attempt = st.last_snapshot;
    st.verified["portald-20251012"] = model::BackupOutcome{"portald-20251012", at("2025-10-12T03:00"), true, {}};
  });
}

struct ReportSite {
  test::AdminSite site;
  std::filesystem::path holidays = test::write_file(site.dir.path, "holidays", "2025-10-09 ngày nghỉ thử\n");
  ReportSite() {
    const auto r = test::portaldctl(site.data, {"user", "add", "--role", "deputy", "--password-stdin", "phoban"},
                                    test::kPassword + "\n");
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    write_october(site.data);
  }
};

// The <tr> whose row header is `name`; "" when absent.
std::string row(const std::string& html, const std::string& name) {
  const auto p = html.find("<th scope=\"row\">" + name + "</th>");
  if (p == std::string::npos) return {};
  return html.substr(p, html.find("</tr>", p) - p);
}

// The page from the table with this id on (so a row header the chart's table also has is found in this one).
std::string from_table(const std::string& html, const std::string& id) {
  const auto p = html.find("id=\"" + id + "\"");
  return p == std::string::npos ? std::string() : html.substr(p);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_reports)

BOOST_AUTO_TEST_CASE(only_the_board_and_the_operator_open_the_reports) {
  ReportSite s;
  test::RunningDaemon daemon(s.site.data);
  for (const auto& [user, code] : std::vector<std::pair<std::string, int>>{{"quantri", 200},
                                                                           {"truongban", 200},
                                                                           {"phoban", 200},
                                                                           {"thuky", 403},
                                                                           {"phongvien", 403},
                                                                           {"congtacvien", 403}}) {
    AdminClient c{daemon.port()};
    c.login(user, test::kPassword);
    for (const std::string target :
         {"/quan-tri/bao-cao", "/quan-tri/bao-cao/co-quan?thang=2025-10",
          "/quan-tri/bao-cao/nhip-dang-tin.csv?thang=2025-10", "/quan-tri/bao-cao/van-hanh.xlsx?thang=2025-10"})
      BOOST_TEST(c.get(target).status == code, user << " " << target);
    // The menu links the reports exactly for those who may open them.
    BOOST_TEST(has(c.get("/quan-tri").body, "href=\"/quan-tri/bao-cao\"") == (code == 200), user);
  }
  // Without a session: the login page, not the report.
  const auto anonymous = daemon.get("/quan-tri/bao-cao/co-quan.csv?thang=2025-10");
  BOOST_TEST(anonymous.status == 303);
}

BOOST_AUTO_TEST_CASE(the_list_links_every_form_of_every_report_and_refuses_bad_periods_in_vietnamese) {
  ReportSite s;
  test::RunningDaemon daemon(s.site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  const auto list = op.get("/quan-tri/bao-cao?quy=4&nam=2025");
  BOOST_REQUIRE_EQUAL(list.status, 200);
  BOOST_TEST(has(list.body, "Các báo cáo quý IV/2025"));
  for (const std::string slug : {"co-quan", "nhip-dang-tin", "van-hanh"}) {
    BOOST_TEST(has(list.body, "href=\"/quan-tri/bao-cao/" + slug + "?quy=4&amp;nam=2025\""), slug);
    BOOST_TEST(has(list.body, "href=\"/quan-tri/bao-cao/" + slug + ".csv?quy=4&amp;nam=2025\""), slug);
    BOOST_TEST(has(list.body, "href=\"/quan-tri/bao-cao/" + slug + ".xlsx?quy=4&amp;nam=2025\""), slug);
  }
  BOOST_TEST(has(list.body, "<option value=\"4\" selected>Quý IV</option>"));
  BOOST_TEST(!has(without_frame_script(list.body), "<script"));  // the form works without a script
  // Today's month when nothing is asked.
  BOOST_TEST(op.get("/quan-tri/bao-cao").status == 200);

  const auto bad_month = op.get("/quan-tri/bao-cao?thang=2025-13");
  BOOST_TEST(bad_month.status == 400);
  BOOST_TEST(has(bad_month.body, "Tháng không hợp lệ: hãy chọn tháng dạng năm-tháng, ví dụ 2026-11."));
  BOOST_TEST(has(bad_month.body, "value=\"2025-13\""));  // what was typed stays in the field
  BOOST_TEST(!has(bad_month.body, "Các báo cáo"));
  const auto backwards = op.get("/quan-tri/bao-cao/co-quan.xlsx?tu=2025-10-10&den=2025-10-01");
  BOOST_TEST(backwards.status == 400);
  BOOST_TEST(has(backwards.body, "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu."));
  BOOST_TEST(op.get("/quan-tri/bao-cao/khong-co?thang=2025-10").status == 404);
  BOOST_TEST(op.get("/quan-tri/bao-cao/co-quan.pdf?thang=2025-10").status == 404);
}

BOOST_AUTO_TEST_CASE(the_agency_report_counts_october_as_worked_out_by_hand) {
  ReportSite s;
  test::RunningDaemon daemon(s.site.data);
  AdminClient board{daemon.port()};
  board.login("truongban", test::kPassword);
  const auto r = board.get("/quan-tri/bao-cao/co-quan?thang=2025-10");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(std::string(r.header("Cache-Control").value_or("")) == "no-store");
  const std::string& html = r.body;
  BOOST_TEST(has(html, "Báo cáo cung cấp thông tin theo cơ quan tháng 10/2025"));
  BOOST_TEST(has(html, "Kỳ báo cáo: từ 01/10/2025 đến 31/10/2025."));
  // submitted, published, returned, withdrawn, average hours, 90% within (hours)
  BOOST_TEST(row(html, "Sở Y tế") ==
             "<th scope=\"row\">Sở Y tế</th><td>2</td><td>2</td><td>0</td><td>1</td>"
             "<td>2,0</td><td>3,0</td>");
  BOOST_TEST(row(html, "Sở &quot;Tài chính&quot;, tỉnh") ==
             "<th scope=\"row\">Sở &quot;Tài chính&quot;, tỉnh</th><td>1</td><td>1</td><td>1</td><td>0</td>"
             "<td>29,0</td><td>29,0</td>");
  BOOST_TEST(row(html, "Tổng cộng") ==
             "<th scope=\"row\">Tổng cộng</th><td>3</td><td>3</td><td>1</td><td>1</td><td>11,0</td><td>29,0</td>");
  BOOST_TEST(has(html, "<th scope=\"row\">Thông báo</th><td>1</td>"));  // the category under its agency
  BOOST_TEST(has(html, "=HYPERLINK(&quot;http://x&quot;)"));            // the return's reason, escaped
  // Charts drawn here, as inline SVG with the table beside; nothing the strict CSP would block.
  BOOST_TEST(has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""));
  BOOST_TEST(has(html, "<caption>Tin bài theo cơ quan và chuyên mục</caption>"));
  BOOST_TEST(!has(without_frame_script(html), "<script"));  // charts are drawn by the server
  BOOST_TEST(!has(html, "style=\""));
  BOOST_TEST(has(std::string(r.header("Content-Security-Policy").value_or("")), "default-src 'self'"));
  // The print stylesheet: A4, without the admin's header and menu.
  const auto css = daemon.get("/static/admin.css").body;
  BOOST_TEST(has(css, "@page { size: A4;"));
  BOOST_TEST(has(css, "@media print"));
  BOOST_TEST(has(css, ".admin-header, .admin-footer, .skip, .no-print { display: none; }"));
}

BOOST_AUTO_TEST_CASE(csv_and_xlsx_carry_the_same_figures_escaped_for_spreadsheets) {
  ReportSite s;
  test::RunningDaemon daemon(s.site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  const auto csv = op.get("/quan-tri/bao-cao/co-quan.csv?thang=2025-10");
  BOOST_REQUIRE_EQUAL(csv.status, 200);
  BOOST_TEST(std::string(csv.header("Content-Type").value_or("")) == "text/csv; charset=utf-8");
  BOOST_TEST(std::string(csv.header("Content-Disposition").value_or("")) ==
             "attachment; filename=\"bao-cao-co-quan-2025-10.csv\"");
  BOOST_TEST(
      csv.body.starts_with("\xEF\xBB\xBF"
                           "co_quan,chuyen_muc,gui_duyet,xuat_ban,tra_lai,go_bai,tb_gio,p90_gio\r\n"));
  BOOST_TEST(has(csv.body, "\r\n\"Sở \"\"Tài chính\"\", tỉnh\",\"Tất cả chuyên mục\",1,1,1,0,\"29,0\",\"29,0\"\r\n"));
  BOOST_TEST(has(csv.body, "\r\n\"Tổng cộng\",\"\",3,3,1,1,\"11,0\",\"29,0\"\r\n"));

  const auto xlsx = op.get("/quan-tri/bao-cao/co-quan.xlsx?thang=2025-10");
  BOOST_REQUIRE_EQUAL(xlsx.status, 200);
  BOOST_TEST(std::string(xlsx.header("Content-Type").value_or("")) ==
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  BOOST_TEST(std::string(xlsx.header("Content-Disposition").value_or("")) ==
             "attachment; filename=\"bao-cao-co-quan-2025-10.xlsx\"");
  const auto book = test::read_xlsx(s.site.dir.path, xlsx.body);
  const auto& sheets = book["sheets"];
  BOOST_REQUIRE_EQUAL(sheets.size(), 3u);
  BOOST_TEST(sheets[0]["title"] == "Theo cơ quan");
  BOOST_TEST(sheets[1]["title"] == "Bị trả lại");
  BOOST_TEST(sheets[2]["title"] == "Hỏi đáp");
  for (const auto& sheet : sheets) BOOST_TEST(sheet["freeze"] == "A2", sheet["title"]);  // header row frozen
  BOOST_TEST(!test::xlsx_has_formula(book));  // no formula anywhere, not even from "=HYPERLINK(...)"
  for (const std::string header : {"Cơ quan", "Chuyên mục", "Gửi duyệt", "Xuất bản", "Bị trả lại", "Bị gỡ",
                                   "Trung bình từ gửi đến xuất bản (giờ)", "Lý do trả lại", "Tiếp nhận"})
    BOOST_TEST(test::xlsx_book_has(book, header), header);
  BOOST_TEST(test::xlsx_book_has(book, "=HYPERLINK(\"http://x\")"));  // kept as text
  BOOST_TEST(test::xlsx_has_format(book, "#,##0.0"));
  // The total's published figure is a number cell, 29, in the first sheet.
  BOOST_TEST(test::xlsx_has(sheets[0], 29));
}

BOOST_AUTO_TEST_CASE(the_cadence_report_judges_working_days_and_skips_the_holiday) {
  ReportSite s;
  test::RunningDaemon daemon(s.site.data, {"--holidays-file", s.holidays.string()});
  AdminClient op{daemon.port()};
  op.login("truongban", test::kPassword);
  const auto r = op.get("/quan-tri/bao-cao/nhip-dang-tin?tu=2025-10-06&den=2025-10-10");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  const std::string html = from_table(r.body, "bang-ngay");
  // Monday: morning met (article 1 at 08:00); Tuesday: afternoon met (article 2 at 14:00); Wednesday:
  // article 3 was published at 11:00, between the windows, and is withdrawn since; Thursday the holiday;
  // Friday nothing.
  BOOST_TEST(
      has(row(html, "06/10/2025"), "<td class=\"window-met\">Đạt (1)</td><td class=\"window-missed\">Bị lỡ (0)</td>"));
  BOOST_TEST(
      has(row(html, "07/10/2025"), "<td class=\"window-missed\">Bị lỡ (0)</td><td class=\"window-met\">Đạt (1)</td>"));
  BOOST_TEST(has(row(html, "08/10/2025"), "Bị lỡ (0)</td><td class=\"window-missed\">Bị lỡ (0)"));
  BOOST_TEST(row(html, "09/10/2025").empty());
  BOOST_TEST(has(row(html, "10/10/2025"), "Thứ Sáu"));
  BOOST_TEST(has(r.body, "<dt>Khung giờ đạt</dt><dd>2</dd>"));
  BOOST_TEST(has(r.body, "<dt>Khung giờ bị lỡ</dt><dd>6</dd>"));
  BOOST_TEST(has(r.body, "<dt>Ngày nghỉ, ngày lễ được bỏ qua</dt><dd>1</dd>"));
  BOOST_TEST(has(r.body, "<dt>Ngày lễ trong kỳ</dt><dd>09/10/2025 </dd>"));
  BOOST_TEST(has(r.body, "<th scope=\"col\">Buổi sáng (07:30–10:00)</th>"));
  // The chart's table: Monday 1 met, 1 missed.
  BOOST_TEST(row(r.body, "06/10/2025") == "<th scope=\"row\">06/10/2025</th><td>1</td><td>1</td>");
  const auto csv = op.get("/quan-tri/bao-cao/nhip-dang-tin.csv?tu=2025-10-06&den=2025-10-10");
  BOOST_REQUIRE_EQUAL(csv.status, 200);
  BOOST_TEST(has(csv.body, "\r\n\"06/10/2025\",\"Thứ Hai\",\"Đạt\",1,\"Bị lỡ\",0\r\n"));
  BOOST_TEST(!has(csv.body, "09/10/2025"));
}

BOOST_AUTO_TEST_CASE(the_operations_report_shows_what_is_recorded_and_says_what_is_not) {
  ReportSite s;
  test::RunningDaemon daemon(s.site.data);
  AdminClient op{daemon.port()};
  BOOST_TEST(op.try_login("quantri", "sai-mat-khau").status != 303);  // one failed login, this month
  op.login("quantri", test::kPassword);
  const auto october_page = op.get("/quan-tri/bao-cao/van-hanh?thang=2025-10");
  BOOST_REQUIRE_EQUAL(october_page.status, 200);
  BOOST_TEST(row(october_page.body, "Kiểm tra sao lưu đạt") == "<th scope=\"row\">Kiểm tra sao lưu đạt</th><td>1</td>");
  const std::string october = from_table(october_page.body, "bang-van-hanh");
  BOOST_TEST(has(row(october, "Bản sao lưu mới nhất"), "portald-20251012"));
  BOOST_TEST(has(row(october, "Số lần kiểm tra bản sao lưu đạt"), "<td>1</td>"));
  BOOST_TEST(has(row(october, "Diễn tập khôi phục"), "Chưa từng có diễn tập khôi phục."));
  BOOST_TEST(has(row(october, "Số lần khởi động lại"), "chưa ghi nhận"));
  BOOST_TEST(has(row(october, "Thời gian hoạt động (theo watchdog và /healthz)"), "chưa ghi nhận"));
  const auto now_page = op.get("/quan-tri/bao-cao/van-hanh");
  BOOST_REQUIRE_EQUAL(now_page.status, 200);
  const std::string now = from_table(now_page.body, "bang-van-hanh");
  BOOST_TEST(has(row(now, "Đăng nhập sai (mật khẩu hoặc mã xác thực)"), "<td>1</td>"));
  BOOST_TEST(has(row(now, "Bản sao lưu mới nhất"), "lần gần nhất: 12/10/2025"));
  const auto xlsx = op.get("/quan-tri/bao-cao/van-hanh.xlsx?thang=2025-10");
  BOOST_REQUIRE_EQUAL(xlsx.status, 200);
  const auto book = test::read_xlsx(s.site.dir.path, xlsx.body);
  BOOST_TEST(book["sheets"][0]["title"] == "Vận hành");
  BOOST_TEST(test::xlsx_book_has(book, "chưa ghi nhận"));
}

BOOST_AUTO_TEST_SUITE_END()
