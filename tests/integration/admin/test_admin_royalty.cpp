// Royalties (issue 13) against the real daemon over HTTP: the board grades an article, sets the rate,
// makes October's sheet, the editor-in-chief approves and locks it (a locked sheet refuses to be made
// again; a later regrade lands in November as a correction), the XLSX is read back by Debian's python3-openpyxl and
// the CSV carries the same figures. A contributor can neither grade nor approve; a deputy grades and makes
// sheets but does not approve; the operator sets the rates and reads the sheets.
#include <nlohmann/json.hpp>

#include "daemon/model/url_encoding.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/xlsx_reader.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

model::UnixTime at(std::string_view local) { return *model::parse_rfc3339(std::string(local) + ":00+07:00"); }

// One article published on 6 October 2025 under Sở Y tế, by-line "Nguyễn Văn An"; returns its id.
std::uint64_t write_article(const std::filesystem::path& data) {
  store::Store live(data, {.map_size = std::size_t(256) << 20, .create = false});
  const auto& t = live.tables();
  auto txn = live.write();
  model::Article a;
  a.slug = "tin-thang-muoi";
  a.title = "Tin tháng Mười";
  a.body_html = "<p>x</p>";
  a.agency_id = store::ensure_agency(txn, t, "Sở Y tế");
  a.category_id = store::ensure_category(txn, t, "Y tế");
  a.author = "Nguyễn Văn An";
  a.status = model::ArticleStatus::published;
  a.created_at = at("2025-10-06T07:00");
  a.updated_at = a.created_at;
  a.published_at = at("2025-10-06T08:00");
  const auto id = store::put_article(txn, t, a);
  txn.commit();
  return id;
}

struct RoyaltySite {
  test::AdminSite site;
  std::uint64_t article = 0;
  RoyaltySite() {
    const auto r = test::portaldctl(site.data, {"user", "add", "--role", "deputy", "--password-stdin", "phoban"},
                                    test::kPassword + "\n");
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    article = write_article(site.data);
  }
};

test::Fields grade_fields(int points) {
  return {
      {"the_loai", "bai"}, {"diem", std::to_string(points)}, {"tac_gia_1", "Nguyễn Văn An"}, {"co_quan_1", "Sở Y tế"},
      {"ty_le_1", "50"},   {"tac_gia_2", "Trần Thị Chi"},    {"co_quan_2", "Báo tỉnh"},      {"ty_le_2", "50"},
      {"ngoai_2", "1"}};
}

std::string row(const std::string& html, const std::string& name) {
  const auto p = html.find("<th scope=\"row\">" + name + "</th>");
  if (p == std::string::npos) return {};
  return html.substr(p, html.find("</tr>", p) - p);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_royalty)

BOOST_AUTO_TEST_CASE(a_contributor_can_neither_grade_nor_approve_and_a_deputy_does_not_approve) {
  RoyaltySite s;
  test::RunningDaemon daemon(s.site.data);
  const std::string grade = "/quan-tri/nhuan-but/bai/" + std::to_string(s.article);
  AdminClient contributor{daemon.port()};
  contributor.login("congtacvien", test::kPassword);
  BOOST_TEST(contributor.get(grade).status == 403);
  BOOST_TEST(contributor.post(grade, grade_fields(8)).status == 403);
  BOOST_TEST(contributor.get("/quan-tri/nhuan-but").status == 403);
  BOOST_TEST(contributor.get("/quan-tri/nhuan-but/bang/2025-10").status == 403);
  BOOST_TEST(contributor.post("/quan-tri/nhuan-but/bang/2025-10/lap", {}).status == 403);
  BOOST_TEST(contributor.post("/quan-tri/nhuan-but/bang/2025-10/duyet", {}).status == 403);
  BOOST_TEST(!has(contributor.get("/quan-tri").body, "href=\"/quan-tri/nhuan-but\""));
  AdminClient reporter{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  BOOST_TEST(reporter.post(grade, grade_fields(8)).status == 403);

  AdminClient deputy{daemon.port()};
  deputy.login("phoban", test::kPassword);
  BOOST_TEST(has(deputy.get("/quan-tri").body, "href=\"/quan-tri/nhuan-but\""));
  BOOST_TEST(deputy.post(grade, grade_fields(8), /*with_csrf=*/false).status == 403);  // CSRF
  BOOST_TEST(deputy.post(grade, grade_fields(8)).status == 303);
  BOOST_TEST(deputy.post("/quan-tri/nhuan-but/bang/2025-10/lap", {}).status == 303);
  const auto refused = deputy.post("/quan-tri/nhuan-but/bang/2025-10/duyet", {});
  BOOST_TEST(refused.status == 403);
  BOOST_TEST(deputy.get("/quan-tri/nhuan-but/cai-dat").status == 403);  // the rates: the chief and the operator
  BOOST_TEST(!has(deputy.get("/quan-tri/nhuan-but/bang/2025-10").body, "/quan-tri/nhuan-but/bang/2025-10/duyet"));
}

BOOST_AUTO_TEST_CASE(grade_make_approve_lock_and_download_the_sheet) {
  RoyaltySite s;
  test::RunningDaemon daemon(s.site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  // The rate of the province's decision: 120 000 đồng a point, typed as people write it.
  const auto settings = op.get("/quan-tri/nhuan-but/cai-dat");
  BOOST_REQUIRE_EQUAL(settings.status, 200);
  BOOST_TEST(has(settings.body, "bai | Bài | 5 | 30"));
  BOOST_TEST(op.post("/quan-tri/nhuan-but/cai-dat", {{"gia_tri_diem", "120.000"},
                                                     {"quyet_dinh", "Quyết định số 12/2025/QĐ-UBND"},
                                                     {"the_loai", "tin | Tin | 1 | 10\nbai | Bài | 5 | 30\n"}})
                 .status == 303);
  const auto bad = op.post("/quan-tri/nhuan-but/cai-dat", {{"gia_tri_diem", "mười"}, {"the_loai", "tin | Tin"}});
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(has(bad.body, "Giá trị một điểm phải là số đồng, ví dụ 100.000."));
  BOOST_TEST(has(bad.body, "Dòng 1 của danh sách thể loại phải có dạng: mã | Tên | điểm tối thiểu | điểm tối đa."));
  BOOST_TEST(op.get("/quan-tri/nhuan-but/bai/" + std::to_string(s.article)).status == 403);  // operators do not grade

  AdminClient chief{daemon.port()};
  chief.login("truongban", test::kPassword);
  const auto month = chief.get("/quan-tri/nhuan-but?thang=2025-10");
  BOOST_REQUIRE_EQUAL(month.status, 200);
  BOOST_TEST(has(month.body, "Tin tháng Mười"));
  BOOST_TEST(has(month.body, "Chưa chấm"));
  BOOST_TEST(has(month.body, "120.000 đồng"));
  const std::string grade = "/quan-tri/nhuan-but/bai/" + std::to_string(s.article);
  BOOST_TEST(has(chief.get("/quan-tri/bai-viet/" + std::to_string(s.article)).body, "href=\"" + grade + "\""));
  const auto form = chief.get(grade);
  BOOST_REQUIRE_EQUAL(form.status, 200);
  BOOST_TEST(test::input_value(form.body, "tac_gia_1") == "Nguyễn Văn An");  // the by-line, first guess
  // 8 points x 120 000 = 960 000, half each; 40 points is over the 30 "bài" allows.
  const auto over = chief.post(grade, grade_fields(40));
  BOOST_TEST(over.status == 422);
  BOOST_TEST(has(over.body, "Điểm của thể loại Bài phải từ 5 đến 30."));
  BOOST_TEST(chief.post(grade, grade_fields(8)).status == 303);

  const std::string sheet = "/quan-tri/nhuan-but/bang/2025-10";
  const auto preview = chief.get(sheet);
  BOOST_REQUIRE_EQUAL(preview.status, 200);
  BOOST_TEST(has(preview.body, "Chưa lập (số liệu tạm tính)"));
  BOOST_TEST(chief.post(sheet + "/lap", {}).status == 303);
  BOOST_TEST(chief.post(sheet + "/duyet", {}).status == 303);
  const auto approved = chief.get(sheet);
  BOOST_TEST(has(approved.body, "Đã duyệt"));
  BOOST_TEST(has(approved.body, "data-confirm=\"Khóa bảng nhuận bút tháng 10/2025?"));
  BOOST_TEST(chief.post(sheet + "/khoa", {}).status == 303);

  const auto page = chief.get(sheet);
  BOOST_REQUIRE_EQUAL(page.status, 200);
  BOOST_TEST(std::string(page.header("Cache-Control").value_or("")) == "no-store");
  const std::string& html = page.body;
  BOOST_TEST(has(html, "Bảng thanh toán nhuận bút tháng 10/2025"));
  BOOST_TEST(has(html, "Đã khóa"));
  BOOST_TEST(has(html, "Quyết định số 12/2025/QĐ-UBND"));
  BOOST_TEST(has(html, "<td class=\"number\" id=\"tong-cong\">960.000</td>"));
  BOOST_TEST(has(html, "<strong id=\"bang-chu\">Chín trăm sáu mươi nghìn đồng</strong>"));
  BOOST_TEST(
      row(html, "Nguyễn Văn An") ==
      "<th scope=\"row\">Nguyễn Văn An</th><td>Sở Y tế</td><td>1</td><td class=\"number\">480.000</td><td></td>");
  BOOST_TEST(has(row(html, "Báo tỉnh"), "<td class=\"number\">480.000</td>"));
  for (const std::string sign : {"Người lập biểu", "Kế toán", "Trưởng ban biên tập", "(Ký, ghi rõ họ tên)"})
    BOOST_TEST(has(html, sign), sign);
  BOOST_TEST(!has(html, sheet + "/lap"));  // no step is offered on a locked sheet
  // A locked sheet is never made again.
  const auto again = chief.post(sheet + "/lap", {});
  BOOST_TEST(again.status == 409);
  BOOST_TEST(has(again.body, "Bảng đã khóa: không thể thay đổi. Điều chỉnh sẽ vào bảng của tháng sau."));

  const auto csv = chief.get(sheet + ".csv");
  BOOST_REQUIRE_EQUAL(csv.status, 200);
  BOOST_TEST(std::string(csv.header("Content-Disposition").value_or("")) ==
             "attachment; filename=\"bang-nhuan-but-2025-10.csv\"");
  BOOST_TEST(
      csv.body.starts_with("\xEF\xBB\xBF"
                           "stt,ngay_xuat_ban,tin_bai,the_loai,diem,tac_gia,co_quan,trong_ngoai,ty_le,thanh_tien,"
                           "ghi_chu\r\n"));
  BOOST_TEST(has(csv.body,
                 "\r\n1,\"06/10/2025\",\"Tin tháng Mười\",\"Bài\",8,\"Nguyễn Văn An\",\"Sở Y tế\",\"Trong cơ "
                 "quan\",50,480000,\"\"\r\n"));

  const auto xlsx = chief.get(sheet + ".xlsx");
  BOOST_REQUIRE_EQUAL(xlsx.status, 200);
  BOOST_TEST(std::string(xlsx.header("Content-Type").value_or("")) ==
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const auto book = test::read_xlsx(s.site.dir.path, xlsx.body);
  const auto& sheets = book["sheets"];
  BOOST_REQUIRE_EQUAL(sheets.size(), 3u);
  BOOST_TEST(sheets[0]["title"] == "Chi tiết");
  BOOST_TEST(sheets[1]["title"] == "Theo tác giả");
  BOOST_TEST(sheets[2]["title"] == "Theo cơ quan");
  BOOST_TEST(test::xlsx_has(sheets[0], 480000));
  BOOST_TEST(test::xlsx_has(sheets[0], 960000));  // the total
  BOOST_TEST(sheets[0]["freeze"] == "A2");
  BOOST_TEST(test::xlsx_has(sheets[2], 480000));  // Sở Y tế and Báo tỉnh: 480 000 each
  for (const std::string text : {"Nguyễn Văn An", "Trần Thị Chi", "Thành tiền (đồng)", "Người lập biểu", "Kế toán",
                                 "Trưởng ban biên tập", "Số tiền bằng chữ: Chín trăm sáu mươi nghìn đồng."})
    BOOST_TEST(test::xlsx_book_has(book, text), text);

  // Each agency's own part, to sign apart: only its authors' lines, its own total, the same signatures.
  const std::string part = sheet + "?co-quan=" + model::url_encode_component("Báo tỉnh");
  BOOST_TEST(
      has(html, "href=\"" + std::string("/quan-tri/nhuan-but/bang/2025-10?co-quan=B%C3%A1o%20t%E1%BB%89nh") + "\""));
  const auto own = chief.get(part);
  BOOST_REQUIRE_EQUAL(own.status, 200);
  BOOST_TEST(has(own.body, "Bảng thanh toán nhuận bút tháng 10/2025 – Báo tỉnh"));
  BOOST_TEST(has(own.body, "id=\"tong-cong\">480.000</td>"));
  BOOST_TEST(!has(own.body, "<th scope=\"row\">Nguyễn Văn An</th>"));
  BOOST_TEST(has(own.body, "Trưởng ban biên tập"));
  const auto own_xlsx =
      chief.get("/quan-tri/nhuan-but/bang/2025-10.xlsx?co-quan=" + model::url_encode_component("Báo tỉnh"));
  BOOST_TEST(std::string(own_xlsx.header("Content-Disposition").value_or("")) ==
             "attachment; filename=\"bang-nhuan-but-2025-10-bao-tinh.xlsx\"");

  // A regrade after the lock: October keeps 960 000; November owes the difference at October's rate.
  BOOST_TEST(chief.post(grade, grade_fields(10)).status == 303);
  BOOST_TEST(has(chief.get(sheet).body, "id=\"tong-cong\">960.000</td>"));
  const auto november = chief.get("/quan-tri/nhuan-but/bang/2025-11");
  BOOST_TEST(
      has(november.body, "Điều chỉnh cho bảng tháng 10/2025 đã khóa: đã trả 480.000 đồng, nay tính 600.000 đồng"));
  BOOST_TEST(has(november.body, "id=\"tong-cong\">240.000</td>"));

  // The reports list links the month's sheet; the audit log names each step in Vietnamese.
  const auto reports = chief.get("/quan-tri/bao-cao?thang=2025-10");
  BOOST_TEST(has(reports.body, "href=\"/quan-tri/nhuan-but/bang/2025-10.xlsx\""));
  const auto audit = chief.get("/quan-tri/nhat-ky");
  for (const std::string label : {"Chấm điểm nhuận bút", "Lập bảng nhuận bút", "Duyệt bảng nhuận bút",
                                  "Khóa bảng nhuận bút", "Sửa cài đặt nhuận bút"})
    BOOST_TEST(has(audit.body, label), label);
}

BOOST_AUTO_TEST_SUITE_END()
