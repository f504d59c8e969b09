// The section pages in the admin over real HTTP against the real daemon (issue 14): who may open and
// post, CSRF, validation errors in Vietnamese with nothing written and the form as typed, and approval
// by the board as the only way a change reaches the public page.
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <thread>

#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

// Polls `pred` every 20 ms until it holds or `limit` has passed.
bool wait_for(const std::function<bool()>& pred, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return pred();
}

// The admin id of the page titled `title` in the list at /quan-tri/trang.
std::string page_id(const AdminClient& c, const std::string& title) {
  const auto list = c.get("/quan-tri/trang");
  BOOST_REQUIRE_EQUAL(list.status, 200);
  const auto p = list.body.find("\">" + title + "</a>");
  BOOST_REQUIRE_MESSAGE(p != std::string::npos, "no page " << title);
  const auto start = list.body.rfind("/quan-tri/trang/", p) + 16;
  return list.body.substr(start, p - start);
}

// How many "page.*" entries the audit log holds, as the board's CSV export lists them.
std::size_t page_audit_entries(const AdminClient& chief) {
  const auto csv = chief.get("/quan-tri/nhat-ky.csv?thao-tac=page.");
  BOOST_REQUIRE_EQUAL(csv.status, 200);
  std::size_t n = 0;
  for (auto p = csv.body.find(",\"page."); p != std::string::npos; p = csv.body.find(",\"page.", p + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_pages)

BOOST_AUTO_TEST_CASE(only_editors_open_the_pages_and_only_the_board_approves) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient reporter{daemon.port()}, operator_{daemon.port()}, editor{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  operator_.login("quantri", test::kPassword);
  editor.login("thuky", test::kPassword);
  BOOST_TEST(reporter.get("/quan-tri/trang").status == 403);
  BOOST_TEST(operator_.get("/quan-tri/trang").status == 403);
  BOOST_TEST(reporter.post("/quan-tri/trang/moi", {{"title", "X"}, {"lang", "vi"}, {"kind", "text"}}).status == 403);
  const auto list = editor.get("/quan-tri/trang");
  BOOST_TEST(list.status == 200);
  BOOST_TEST(has(list.body, "Điều ước, thỏa thuận quốc tế"));
  BOOST_TEST(has(list.body, "About the Provincial People"));
  BOOST_TEST(has(list.body, "href=\"/quan-tri/trang\">Trang chuyên mục</a>"));  // in the admin menu
  // The editor's page has the WYSIWYG editor and the keep-work script, and no approval button.
  const std::string id = page_id(editor, "Điều ước, thỏa thuận quốc tế");
  const auto form = editor.get("/quan-tri/trang/" + id);
  BOOST_TEST(form.status == 200);
  BOOST_TEST(has(form.body, "data-editor=\"wysiwyg\""));
  BOOST_TEST(has(form.body, "/static/admin-editor.js"));
  BOOST_TEST(has(form.body, "/static/admin-keep.js"));
  BOOST_TEST(!has(form.body, "name=\"approve\""));
  // A pending revision can only be approved by the board.
  const auto saved = editor.post(
      "/quan-tri/trang/" + id,
      {{"title", "Điều ước, thỏa thuận quốc tế"}, {"body", "<p>Hiệp định hợp tác kết nghĩa</p>"}, {"position", "8"}});
  BOOST_TEST_REQUIRE(saved.status == 303);
  const auto refused = editor.post("/quan-tri/trang/" + id + "/duyet", {{"revision", "2"}});
  BOOST_TEST(refused.status == 403);
  BOOST_TEST(has(refused.body, "Vai trò của bạn không được thực hiện thao tác này."));
  BOOST_TEST(!has(daemon.get("/trang/dieu-uoc-quoc-te").body, "kết nghĩa"));
}

BOOST_AUTO_TEST_CASE(posts_without_the_csrf_token_write_nothing) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient editor{daemon.port()}, chief{daemon.port()};
  editor.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  const test::Fields fields{
      {"lang", "vi"}, {"kind", "text"}, {"slug", "khong-duoc"}, {"title", "Không được tạo"}, {"body", "<p>x</p>"}};
  const auto missing = editor.post("/quan-tri/trang/moi", fields, false);
  BOOST_TEST(missing.status == 403);
  BOOST_TEST(has(missing.body, "Biểu mẫu đã hết hạn hoặc không hợp lệ"));
  auto wrong = fields;
  wrong.emplace_back("csrf", std::string(64, 'b'));
  BOOST_TEST(editor.post("/quan-tri/trang/moi", wrong, false).status == 403);
  const std::string id = page_id(editor, "Liên hệ");
  BOOST_TEST(editor.post("/quan-tri/trang/" + id, {{"title", "Sửa trộm"}, {"body", "<p>x</p>"}}, false).status == 403);
  BOOST_TEST(!has(editor.get("/quan-tri/trang").body, "Không được tạo"));
  BOOST_TEST(page_audit_entries(chief) == 0u);
}

BOOST_AUTO_TEST_CASE(validation_errors_are_vietnamese_nothing_is_written_and_the_form_keeps_what_was_typed) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient editor{daemon.port()}, chief{daemon.port()};
  editor.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  // A new page without a title, and a taken address.
  auto r = editor.post("/quan-tri/trang/moi", {{"lang", "vi"},
                                               {"kind", "links"},
                                               {"slug", "lien-he"},
                                               {"title", ""},
                                               {"summary", "Tóm tắt đã gõ"},
                                               {"body", "<p>Nội dung đã gõ dài</p>"}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Vui lòng nhập tiêu đề trang."));
  BOOST_TEST(has(r.body, "Địa chỉ /trang/lien-he đã có trang khác dùng"));
  BOOST_TEST(has(r.body, "Tóm tắt đã gõ"));
  BOOST_TEST(has(r.body, "&lt;p&gt;Nội dung đã gõ dài&lt;/p&gt;"));
  BOOST_TEST(has(r.body, "value=\"links\" selected"));
  // An edit with a bad row: the rows come back as typed.
  const std::string id = page_id(editor, "Liên kết cổng thông tin");
  r = editor.post("/quan-tri/trang/" + id, {{"title", "Liên kết cổng thông tin"},
                                            {"body", "<p>Các cổng</p>"},
                                            {"e.0.name", "Cổng A"},
                                            {"e.0.url", "javascript:alert(1)"},
                                            {"e.1.name", ""},
                                            {"e.1.url", "https://b.example"},
                                            {"position", "3"}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Dòng 1: địa chỉ phải bắt đầu bằng https://, http:// hoặc /"));
  BOOST_TEST(has(r.body, "Dòng 2: thiếu “Tên”."));
  BOOST_TEST(has(r.body, "value=\"javascript:alert(1)\""));
  BOOST_TEST(has(r.body, "value=\"https://b.example\""));
  // A return without a reason.
  BOOST_TEST(page_audit_entries(chief) == 0u);
  BOOST_REQUIRE(editor.post("/quan-tri/trang/" + id, {{"title", "Liên kết"}, {"body", "<p>Các cổng</p>"}}).status ==
                303);
  BOOST_TEST(page_audit_entries(chief) == 1u);
  r = chief.post("/quan-tri/trang/" + id + "/tra-lai", {{"revision", "1"}, {"reason", "  "}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Vui lòng nhập lý do trả lại"));
  BOOST_TEST(page_audit_entries(chief) == 1u);
  BOOST_TEST(has(chief.get("/quan-tri/trang/" + id).body, "Có bản sửa chờ duyệt"));
}

BOOST_AUTO_TEST_CASE(approval_by_the_board_makes_the_change_public_with_its_date) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient editor{daemon.port()}, chief{daemon.port()};
  editor.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  const std::string id = page_id(editor, "Cán bộ đầu mối liên hệ");
  const auto before = daemon.get("/trang/dau-moi-lien-he");
  BOOST_TEST_REQUIRE(before.status == 200);
  // The editor changes the body and adds a row of the contacts table.
  const auto form = editor.get("/quan-tri/trang/" + id);
  const std::string base = test::input_value(form.body, "base_revision");
  test::Fields f{{"title", "Cán bộ đầu mối liên hệ"},
                 {"summary", "Đầu mối liên hệ của tỉnh"},
                 {"body", "<p>Danh sách đầu mối cập nhật tháng chín</p>"},
                 {"base_revision", base},
                 {"position", "3"}};
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string row = "e." + std::to_string(i) + ".";
    const std::string name = test::input_value(form.body, row + "name");
    for (const char* key : {"name", "position", "unit", "phone", "email"})
      f.emplace_back(row + key, test::input_value(form.body, row + key));
    BOOST_TEST(!name.empty());
  }
  f.insert(f.end(), {{"e.3.name", "Phạm Thị Mới"},
                     {"e.3.position", "Chuyên viên"},
                     {"e.3.unit", "Văn phòng"},
                     {"e.3.phone", "0000 000 009"},
                     {"e.3.email", "moi@example.invalid"}});
  const auto saved = editor.post("/quan-tri/trang/" + id, f);
  BOOST_TEST_REQUIRE(saved.status == 303, saved.body);
  const auto pending = editor.get(std::string(saved.header("Location").value_or("")));
  BOOST_TEST(has(pending.body, "Có bản sửa chờ duyệt"));
  BOOST_TEST(has(pending.body, "Trang công khai chưa thay đổi"));
  // Not public yet, but the preview shows it as readers will get it.
  BOOST_TEST(!has(daemon.get("/trang/dau-moi-lien-he").body, "Phạm Thị Mới"));
  const auto preview = editor.get("/quan-tri/trang/" + id + "/xem-truoc");
  BOOST_TEST(preview.status == 200);
  BOOST_TEST(has(preview.body, "Phạm Thị Mới"));
  BOOST_TEST(has(preview.body, "<a href=\"/quan-tri/trang/" + id + "\">Quay lại trang biên tập</a>"));
  BOOST_TEST(has(preview.body, "<td><a href=\"tel:0000000009\">0000 000 009</a></td>"));  // tap to call
  // The board sees the approval buttons and approves.
  const auto board_view = chief.get("/quan-tri/trang/" + id);
  BOOST_TEST(has(board_view.body, "Duyệt và công khai phiên bản"));
  const std::string n = test::input_value(board_view.body.substr(board_view.body.find("/duyet")), "revision");
  // Searchable within a second of the approval, like an article (the index is ready first).
  const auto hits = [&] {
    const auto r = daemon.get("/api/v1/search?type=page&q=" + model::url_encode_component("cập nhật tháng chín"));
    return r.status == 200 ? nlohmann::json::parse(r.body).at("total").get<int>() : -1;
  };
  BOOST_REQUIRE(wait_for([&] { return hits() == 0; }, std::chrono::seconds(60)));
  const auto approved = chief.post("/quan-tri/trang/" + id + "/duyet", {{"revision", n}});
  BOOST_TEST_REQUIRE(approved.status == 303, approved.body);
  const auto t0 = std::chrono::steady_clock::now();
  BOOST_TEST_REQUIRE(wait_for([&] { return hits() == 1; }, std::chrono::seconds(10)));
  const auto took = std::chrono::steady_clock::now() - t0;
  BOOST_TEST_MESSAGE(
      "approved page -> searchable: " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
  BOOST_TEST((took < std::chrono::seconds(1)));
  const auto after = daemon.get("/trang/dau-moi-lien-he");
  BOOST_TEST(has(after.body, "Phạm Thị Mới"));
  BOOST_TEST(has(after.body, "mailto:moi%40example.invalid"));
  BOOST_TEST(has(after.body, "Danh sách đầu mối cập nhật"));
  BOOST_TEST(has(after.body, "Cập nhật lần cuối: <time"));
  BOOST_TEST(has(after.body, ">" + model::format_date_vn(model::now()) + "</time>"));
  // The revisions list both, with who approved.
  const auto history = chief.get("/quan-tri/trang/" + id);
  BOOST_TEST(has(history.body, "Đã duyệt, công khai"));
  BOOST_TEST(has(history.body, "truongban lúc"));
  // The audit log names each step in Vietnamese.
  const auto audit = chief.get("/quan-tri/nhat-ky");
  BOOST_TEST(has(audit.body, "Sửa trang chuyên mục"));
  BOOST_TEST(has(audit.body, "Duyệt trang chuyên mục"));
  // A board member can also save and approve in one step.
  const auto direct = chief.post("/quan-tri/trang/" + id, {{"title", "Cán bộ đầu mối liên hệ"},
                                                           {"body", "<p>Bản duyệt ngay</p>"},
                                                           {"e.0.name", "Một người"},
                                                           {"approve", "1"}});
  BOOST_TEST_REQUIRE(direct.status == 303);
  BOOST_TEST(has(daemon.get("/trang/dau-moi-lien-he").body, "Bản duyệt ngay"));
}

BOOST_AUTO_TEST_CASE(a_new_page_is_created_and_published_after_approval) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient editor{daemon.port()}, chief{daemon.port()};
  editor.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  const auto r = editor.post("/quan-tri/trang/moi", {{"lang", "en"},
                                                     {"kind", "text"},
                                                     {"slug", ""},
                                                     {"title", "Investment opportunities"},
                                                     {"body", "<p>Industrial parks welcome investors.</p>"}});
  BOOST_TEST_REQUIRE(r.status == 303, r.body);
  BOOST_TEST(daemon.get("/en/investment-opportunities").status == 404);
  const std::string id = page_id(chief, "Investment opportunities");
  BOOST_TEST(has(chief.get("/quan-tri/trang").body, "Trang mới chờ duyệt (do thuky)"));
  BOOST_TEST_REQUIRE(chief.post("/quan-tri/trang/" + id + "/duyet", {{"revision", "1"}}).status == 303);
  const auto page = daemon.get("/en/investment-opportunities");
  BOOST_TEST(page.status == 200);
  BOOST_TEST(has(page.body, "Industrial parks welcome investors."));
  BOOST_TEST(has(daemon.get("/en").body, "href=\"/en/investment-opportunities\""));
}

BOOST_AUTO_TEST_SUITE_END()
