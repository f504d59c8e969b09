// Admin features beyond the basic path: scheduled publishing across a restart, the media library,
// log out everywhere, restoring an old revision, the audit page's labels.
#include <thread>

#include "daemon/store/audit_table.hpp"
#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/images.hpp"

using namespace portald;
using namespace std::chrono_literals;
using test::AdminClient;
using test::has;

namespace {

std::string create_and_send(const AdminClient& thuky, const std::string& title) {
  const auto form = thuky.get("/quan-tri/bai-viet/moi");
  const auto r = thuky.post(
      "/quan-tri/bai-viet/moi",
      {{"title", title}, {"body", "<p>Phiên bản một</p>"}, {"category", test::first_option(form.body, "category")}});
  BOOST_REQUIRE_EQUAL(r.status, 303);
  const std::string loc(r.header("Location").value_or(""));
  const std::string id = loc.substr(19, loc.find('?') - 19);
  for (const std::string key : {"submit", "take-for-editing", "send-for-approval"})
    BOOST_REQUIRE_EQUAL(thuky.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", key}}).status, 303);
  return id;
}

// "YYYY-MM-DDTHH:MM:SS" in Vietnam time.
std::string local_time(model::UnixTime t) {
  const std::string rfc = model::format_rfc3339(t);  // "...+07:00"
  return rfc.substr(0, 19);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_extras)

BOOST_AUTO_TEST_CASE(scheduled_publishing_survives_a_restart) {
  test::AdminSite site;
  std::string id, chief_secret;
  std::int64_t chief_step = 0;
  {
    test::RunningDaemon daemon(site.data);
    AdminClient thuky{daemon.port()}, chief{daemon.port()};
    thuky.login("thuky", test::kPassword);
    chief.login("truongban", test::kPassword);
    id = create_and_send(thuky, "Thông báo hẹn giờ");
    const auto past = chief.post("/quan-tri/bai-viet/" + id + "/chuyen",
                                 {{"transition", "schedule"}, {"scheduled_at", local_time(model::now() - 60)}});
    BOOST_TEST(past.status == 422);
    BOOST_TEST(has(past.body, "Vui lòng chọn thời điểm xuất bản trong tương lai."));
    const auto at = model::now() + 3;
    const auto r = chief.post("/quan-tri/bai-viet/" + id + "/chuyen",
                              {{"transition", "schedule"}, {"scheduled_at", local_time(at)}});
    BOOST_REQUIRE_EQUAL(r.status, 303);
    // The approval queue says when it goes online.
    BOOST_TEST(has(chief.get("/quan-tri/hang-doi/cho-duyet").body,
                   "<span class=\"scheduled-at\">xuất bản lúc " + model::format_datetime_vn(at) + "</span>"));
    BOOST_TEST(daemon.get("/tin-tuc/thong-bao-hen-gio-" + id).status == 404);
    chief_secret = chief.totp_secret;
    chief_step = chief.last_step;
    BOOST_TEST(daemon.stop() == 0);
  }
  std::this_thread::sleep_for(4s);  // the time passes while the daemon is down
  test::RunningDaemon daemon(site.data);
  int status = 0;
  for (int i = 0; i < 100 && status != 200; ++i) {
    status = daemon.get("/tin-tuc/thong-bao-hen-gio-" + id).status;
    if (status != 200) std::this_thread::sleep_for(100ms);
  }
  BOOST_TEST(status == 200);
  AdminClient chief{daemon.port()};
  chief.totp_secret = chief_secret;  // enrolled before the restart
  chief.last_step = chief_step;
  chief.login("truongban", test::kPassword);
  const auto audit = chief.get("/quan-tri/nhat-ky?doi-tuong=article/" + id);
  BOOST_TEST(has(audit.body, "article.publish-scheduled"));
  BOOST_TEST(has(audit.body, "(hệ thống)"));
}

BOOST_AUTO_TEST_CASE(media_library_sniffs_types_and_serves_the_uploader_privately) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient reporter{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  const auto upload = [&](const std::string& name, const std::string& claimed, const std::string& bytes) {
    const std::string b = "----portaldtest";
    std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + reporter.csrf + "\r\n";
    body += "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
            "\"\r\nContent-Type: " + claimed + "\r\n\r\n" + bytes + "\r\n--" + b + "--\r\n";
    auto headers = reporter.cookie_headers();
    headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + b);
    return test::http_request("127.0.0.1", daemon.port(), "POST", "/quan-tri/thu-vien", headers, body);
  };
  const std::string png = test::make_image(20, 10, ".png");  // real: images are decoded on upload (issue 14)
  BOOST_TEST(upload("ảnh hội nghị.png", "image/png", png).status == 303);
  // An SVG (script-capable) claimed to be a PNG is refused: the bytes decide.
  const auto svg =
      upload("x.png", "image/png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
  BOOST_TEST(svg.status == 415);
  BOOST_TEST(has(svg.body, "Không nhận dạng được loại tệp."));
  const auto page = reporter.get("/quan-tri/thu-vien");
  const std::string url = test::text_after(page.body, "<code>");
  BOOST_TEST_REQUIRE(url.starts_with("/tep/"));
  BOOST_TEST(url.ends_with("/anh-hoi-nghi.png"));
  // Unpublished, the file is the uploader's (and the editors'): see test_media_access.cpp.
  BOOST_TEST(daemon.get(url).status == 404);
  const auto served = reporter.get(url);
  BOOST_TEST(served.status == 200);
  BOOST_TEST(std::string(served.header("Content-Type").value_or("")) == "image/png");
  BOOST_TEST(std::string(served.header("Cache-Control").value_or("")) == "private, no-store");
  BOOST_TEST((test::image_size(served.body) == std::pair<unsigned, unsigned>{20, 10}));
  // Without the CSRF token nothing is stored.
  auto headers = reporter.cookie_headers();
  headers.emplace_back("Content-Type", "multipart/form-data; boundary=x");
  BOOST_TEST(test::http_request("127.0.0.1", daemon.port(), "POST", "/quan-tri/thu-vien", headers,
                                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n" +
                                    png + "\r\n--x--\r\n")
                 .status == 403);
}

BOOST_AUTO_TEST_CASE(log_out_everywhere_ends_every_session_of_the_user) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient laptop{daemon.port()}, phone{daemon.port()};
  laptop.login("phongvien", test::kPassword);
  phone.login("phongvien", test::kPassword);
  BOOST_TEST(phone.get("/quan-tri").status == 200);
  BOOST_TEST(laptop.post("/quan-tri/dang-xuat-moi-noi", {}).status == 303);
  BOOST_TEST(phone.get("/quan-tri").status == 303);
  BOOST_TEST(laptop.get("/quan-tri").status == 303);
}

// The audit page names each action in Vietnamese above its stored name; a name this version does not
// know (written by a newer one, say) shows as stored. The CSV keeps the stored names.
BOOST_AUTO_TEST_CASE(audit_page_labels_actions_in_vietnamese_and_shows_unknown_ones_as_stored) {
  test::AdminSite site;
  {
    store::Store s(site.data, {.map_size = std::size_t(256) << 20});
    store::WriteTxn txn = s.write();
    store::append_audit(txn, s.tables(), {.actor = "ai-do", .action = "survey.answer", .object = "survey/1"});
    txn.commit();
  }
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  const auto page = op.get("/quan-tri/nhat-ky");
  BOOST_TEST(page.status == 200);
  BOOST_TEST(has(page.body, "Đăng nhập thành công<br><code>login.ok</code>"));
  BOOST_TEST(has(page.body, "Tạo tài khoản<br><code>user.create</code>"));  // portaldctl user add (AdminSite)
  BOOST_TEST(has(page.body, "<td class=\"action\" data-label=\"Thao tác\">survey.answer</td>"));
  const auto csv = op.get("/quan-tri/nhat-ky.csv");
  BOOST_TEST(has(csv.body, "\"login.ok\",\"user/quantri\""));
  BOOST_TEST(has(csv.body, "\"portaldctl\",\"user.create\",\"user/phongvien\""));
  BOOST_TEST(!has(csv.body, "Đăng nhập thành công"));
}

BOOST_AUTO_TEST_CASE(restore_an_old_revision_as_a_new_draft) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient thuky{daemon.port()};
  thuky.login("thuky", test::kPassword);
  const auto form = thuky.get("/quan-tri/bai-viet/moi");
  const std::string category = test::first_option(form.body, "category");
  const auto r =
      thuky.post("/quan-tri/bai-viet/moi", {{"title", "Bản gốc"}, {"body", "<p>Một</p>"}, {"category", category}});
  const std::string loc(r.header("Location").value_or(""));
  const std::string id = loc.substr(19, loc.find('?') - 19);
  BOOST_TEST(
      thuky.post("/quan-tri/bai-viet/" + id, {{"title", "Bản sửa"}, {"body", "<p>Hai</p>"}, {"category", category}})
          .status == 303);
  BOOST_TEST(thuky.post("/quan-tri/bai-viet/" + id + "/phien-ban/1/khoi-phuc", {}).status == 303);
  const auto page = thuky.get("/quan-tri/bai-viet/" + id);
  BOOST_TEST(test::input_value(page.body, "title") == "Bản gốc");
  BOOST_TEST(has(page.body, "<td>3 (đang làm việc)</td>"));
  // An empty title is refused with a message, and what was typed is kept.
  const auto bad = thuky.post("/quan-tri/bai-viet/" + id,
                              {{"title", ""}, {"body", "<p>Giữ lại nội dung này</p>"}, {"category", category}});
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(has(bad.body, "Vui lòng nhập tiêu đề."));
  BOOST_TEST(has(bad.body, "Giữ lại nội dung này"));
}

BOOST_AUTO_TEST_CASE(operators_make_topics_editors_file_articles_under_them) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()}, thuky{daemon.port()}, chief{daemon.port()};
  op.login("quantri", test::kPassword);
  thuky.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  BOOST_TEST(
      op.post("/quan-tri/chuyen-de", {{"name", "Chuyển đổi số"}, {"description", "Tin về chuyển đổi số"}}).status ==
      303);
  BOOST_TEST(thuky.get("/quan-tri/chuyen-de").status == 403);  // operators only
  BOOST_TEST(has(op.get("/quan-tri/chuyen-de").body, "/chuyen-de/chuyen-doi-so"));
  const auto form = thuky.get("/quan-tri/bai-viet/moi");
  BOOST_TEST(has(form.body, "name=\"topic\" value=\"chuyen-doi-so\""));
  const auto r = thuky.post("/quan-tri/bai-viet/moi", {{"title", "Dịch vụ công trực tuyến mới"},
                                                       {"body", "<p>x</p>"},
                                                       {"category", test::first_option(form.body, "category")},
                                                       {"topic", "chuyen-doi-so"}});
  BOOST_REQUIRE_EQUAL(r.status, 303);
  const std::string loc(r.header("Location").value_or(""));
  const std::string id = loc.substr(19, loc.find('?') - 19);
  BOOST_TEST(has(thuky.get("/quan-tri/bai-viet/" + id).body, "value=\"chuyen-doi-so\" checked"));
  BOOST_TEST(!has(daemon.get("/chuyen-de/chuyen-doi-so").body, "Dịch vụ công trực tuyến mới"));  // not yet published
  for (const auto& [who, key] : std::vector<std::pair<AdminClient*, std::string>>{
           {&thuky, "submit"}, {&thuky, "take-for-editing"}, {&thuky, "send-for-approval"}, {&chief, "approve"}})
    BOOST_REQUIRE_EQUAL(who->post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", key}}).status, 303);
  BOOST_TEST(has(daemon.get("/chuyen-de/chuyen-doi-so").body, "Dịch vụ công trực tuyến mới"));
}

BOOST_AUTO_TEST_CASE(editors_find_imported_articles_and_correct_them) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient thuky{daemon.port()}, ctv{daemon.port()};
  thuky.login("thuky", test::kPassword);
  ctv.login("congtacvien", test::kPassword);
  BOOST_TEST(ctv.get("/quan-tri/bai-viet").status == 403);  // contributors see their own work only
  const auto none = thuky.get("/quan-tri/bai-viet?q=khong+co+bai+nay");
  BOOST_TEST(has(none.body, "Không có bài nào."));
  const auto found = thuky.get("/quan-tri/bai-viet?q=BAI+CO+SAN");  // folded: case and marks do not matter
  BOOST_TEST(found.status == 200);
  const std::string link = test::text_after(found.body, "<td><a href=\"/quan-tri/bai-viet/");
  const std::string id = link.substr(0, link.find('"'));
  BOOST_TEST_REQUIRE(!id.empty());
  BOOST_TEST(has(found.body, "Đang công khai"));
  const auto form = thuky.get("/quan-tri/bai-viet/" + id);
  BOOST_TEST(test::input_value(form.body, "title") == "Bài có sẵn");
  BOOST_TEST(thuky
                 .post("/quan-tri/bai-viet/" + id, {{"title", "Bài có sẵn (đính chính)"},
                                                    {"body", "<p>y</p>"},
                                                    {"category", test::first_option(form.body, "category")}})
                 .status == 303);
  BOOST_TEST(has(daemon.get("/tin-tuc/bai-co-san-" + id).body, "Bài có sẵn"));
  BOOST_TEST(!has(daemon.get("/tin-tuc/bai-co-san-" + id).body, "đính chính"));
  const auto revisions = thuky.get("/quan-tri/bai-viet/" + id);
  BOOST_TEST(has(revisions.body, "(nhập từ hệ thống cũ)"));  // the imported text is kept as revision 1
}

BOOST_AUTO_TEST_CASE(operators_rename_and_reorder_the_menu_without_restart) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  BOOST_TEST(op.post("/quan-tri/danh-muc", {{"kind", "category"}, {"name", "Giáo dục"}}).status == 303);
  const auto page = op.get("/quan-tri/danh-muc");
  const std::string yte = test::input_value(page.body.substr(page.body.find("value=\"update-category\"")), "id");
  BOOST_TEST_REQUIRE(!yte.empty());
  // "Y tế" becomes "Y tế - Dân số" and moves after "Giáo dục"; its URL stays.
  BOOST_TEST(op.post("/quan-tri/danh-muc",
                     {{"kind", "update-category"}, {"id", yte}, {"name", "Y tế - Dân số"}, {"position", "99"}})
                 .status == 303);
  const auto home = daemon.get("/").body;
  const auto edu = home.find(">Giáo dục</a>"), health = home.find(">Y tế - Dân số</a>");
  BOOST_TEST_REQUIRE(edu != std::string::npos);
  BOOST_TEST_REQUIRE(health != std::string::npos);
  BOOST_TEST(edu < health);
  BOOST_TEST(has(home, "href=\"/chuyen-muc/y-te\""));
  // A name already used by another category is refused.
  const auto clash = op.post("/quan-tri/danh-muc", {{"kind", "update-category"}, {"id", yte}, {"name", "giáo dục"}});
  BOOST_TEST(has(std::string(clash.header("Location").value_or("")), "loi=1"));
  BOOST_TEST(has(op.get("/quan-tri/nhat-ky?thao-tac=taxonomy.").body, "Y tế - Dân số"));
}

BOOST_AUTO_TEST_SUITE_END()
