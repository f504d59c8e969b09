// Issue 14 over real HTTP: an article's lead image (article page, category list, home page, og:image,
// JSON-LD, RSS enclosure) and gallery chosen in the admin from the media library, private until the
// article is published; an expiry time that takes the article off the site; a correction shown with its
// date only once approved.
#include <thread>

#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/images.hpp"

using namespace portald;
using namespace std::chrono_literals;
using test::AdminClient;
using test::has;

namespace {

// A real PNG: uploads are decoded (libvips) before they are stored.
const std::string& png() {
  static const std::string bytes = test::make_image(64, 48, ".png");
  return bytes;
}

void upload(const AdminClient& who, std::uint16_t port, const std::string& name) {
  const std::string b = "----portaldlead";
  std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + who.csrf + "\r\n";
  body += "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
          "\"\r\nContent-Type: image/png\r\n\r\n" + png() + "\r\n--" + b + "--\r\n";
  auto headers = who.cookie_headers();
  headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + b);
  BOOST_REQUIRE_EQUAL(test::http_request("127.0.0.1", port, "POST", "/quan-tri/thu-vien", headers, body).status, 303);
}

// The library address of the file whose name ends in `name` ("/tep/<id>-<token>/<name>").
std::string media_url(const AdminClient& who, const std::string& name) {
  const auto page = who.get("/quan-tri/thu-vien");
  const auto end = page.body.find("/" + name + "</code>");
  BOOST_REQUIRE(end != std::string::npos);
  const auto start = page.body.rfind("<code>", end) + 6;
  return page.body.substr(start, end + 1 + name.size() - start);
}

std::string media_id(const std::string& url) { return url.substr(5, url.find('-') - 5); }

void transition(const AdminClient& who, const std::string& id, const std::string& key) {
  const auto r = who.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", key}});
  BOOST_REQUIRE_MESSAGE(r.status == 303, key << ": " << r.status << r.body);
}

// "YYYY-MM-DDTHH:MM:SS" in Vietnam time, as <input type="datetime-local"> posts it.
std::string local_time(model::UnixTime t) { return model::format_rfc3339(t).substr(0, 19); }

std::string id_of(const test::HttpResponse& created) {
  const std::string loc(created.header("Location").value_or(""));
  return loc.substr(19, loc.find('?') - 19);
}

// The public page of article `id` (its canonical address, whatever the slug).
test::HttpResponse public_page(test::RunningDaemon& daemon, const std::string& id) {
  auto r = daemon.get("/tin-tuc/x-" + id);
  if (r.status == 301) r = daemon.get(std::string(r.header("Location").value_or("")));
  return r;
}

struct Newsroom {
  test::AdminSite site;
  bool configured = set_public_url(site);  // before the daemon starts
  test::RunningDaemon daemon{site.data};
  AdminClient reporter{daemon.port()}, thuky{daemon.port()}, chief{daemon.port()};
  std::string category;
  Newsroom() {
    reporter.login("phongvien", test::kPassword);
    thuky.login("thuky", test::kPassword);
    chief.login("truongban", test::kPassword);
    category = test::first_option(reporter.get("/quan-tri/bai-viet/moi").body, "category");
  }
  static bool set_public_url(const test::AdminSite& s) {
    return test::portaldctl(s.data, {"settings", "set", "public_url", "https://tinh.gov.vn"}).exit_code == 0;
  }
  void publish(const std::string& id) {
    transition(reporter, id, "submit");
    transition(thuky, id, "take-for-editing");
    transition(thuky, id, "send-for-approval");
    transition(chief, id, "approve");
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(article_media_and_corrections)

BOOST_AUTO_TEST_CASE(lead_image_and_gallery_show_everywhere_and_go_public_with_the_article) {
  Newsroom n;
  BOOST_REQUIRE(n.configured);
  upload(n.reporter, n.daemon.port(), "dai dien.png");
  upload(n.reporter, n.daemon.port(), "bo anh.png");
  const std::string lead = media_url(n.reporter, "dai-dien.png"), pic = media_url(n.reporter, "bo-anh.png");
  // The picker offers the reporter's images.
  const auto form = n.reporter.get("/quan-tri/bai-viet/moi");
  BOOST_TEST(has(form.body, "name=\"lead_media\" value=\"" + media_id(lead) + "\""));
  BOOST_TEST(has(form.body, "name=\"gallery_add\" value=\"" + media_id(pic) + "\""));

  test::Fields fields{{"title", "Hội nghị tổng kết năm"},
                      {"body", "<p>Nội dung hội nghị</p>"},
                      {"category", n.category},
                      {"lead_media", media_id(lead)},
                      {"gallery_id", media_id(pic)},
                      {"gallery_order", "1"},
                      {"gallery_alt", "Đại biểu biểu quyết"},
                      {"gallery_caption", "Biểu quyết thông qua nghị quyết"}};
  // Without alt text nothing is saved and the form keeps what was typed.
  const auto refused = n.reporter.post("/quan-tri/bai-viet/moi", fields);
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(has(refused.body, "Vui lòng nhập mô tả ảnh đại diện (văn bản thay thế)."));
  BOOST_TEST(has(refused.body, "value=\"Biểu quyết thông qua nghị quyết\""));
  fields.emplace_back("lead_alt", "Toàn cảnh hội nghị");
  const auto created = n.reporter.post("/quan-tri/bai-viet/moi", fields);
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string id = id_of(created);

  // Before publication the files stay private.
  n.reporter.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "submit"}});
  BOOST_TEST(n.daemon.get(lead).status == 404);
  BOOST_TEST(n.daemon.get(pic).status == 404);
  transition(n.thuky, id, "take-for-editing");
  transition(n.thuky, id, "send-for-approval");
  transition(n.chief, id, "approve");
  BOOST_TEST(n.daemon.get(lead).status == 200);
  BOOST_TEST(n.daemon.get(pic).status == 200);

  const auto page = public_page(n.daemon, id);
  BOOST_REQUIRE_EQUAL(page.status, 200);
  BOOST_TEST(has(page.body, "<img class=\"lead-image\" src=\"" + lead + "\" alt=\"Toàn cảnh hội nghị\""));
  BOOST_TEST(has(page.body, "<meta property=\"og:image\" content=\"https://tinh.gov.vn" + lead + "\">"));
  BOOST_TEST(has(page.body, "\"image\":\"https://tinh.gov.vn" + lead + "\""));
  BOOST_TEST(has(page.body, "<a href=\"" + pic + "\" title=\"Xem ảnh cỡ lớn\"><img class=\"gallery-image\" src=\"" +
                                pic + "\" alt=\"Đại biểu biểu quyết\""));
  BOOST_TEST(has(page.body, "sizes=\"(max-width: 40rem) 100vw, 24rem\""));  // the gallery's copies, srcset
  BOOST_TEST(has(page.body, "<figcaption>Biểu quyết thông qua nghị quyết</figcaption>"));
  const std::string category_slug = test::text_after(page.body, "<a href=\"/chuyen-muc/");
  const std::string slug = category_slug.substr(0, category_slug.find('"'));
  BOOST_TEST(has(n.daemon.get("/chuyen-muc/" + slug).body, "class=\"list-image\" src=\"" + lead + "\""));
  BOOST_TEST(has(n.daemon.get("/").body, "class=\"list-image\" src=\"" + lead + "\""));
  const auto rss = n.daemon.get("/rss.xml");
  BOOST_TEST(has(rss.body, "<enclosure url=\"https://tinh.gov.vn" + lead + "\" length=\"" +
                               std::to_string(png().size()) + "\" type=\"image/png\"/>"));
}

BOOST_AUTO_TEST_CASE(an_expiry_time_takes_the_article_off_the_site_by_the_system) {
  Newsroom n;
  const test::Fields base{
      {"title", "Thông báo tuyển dụng"}, {"body", "<p>Hạn nộp hồ sơ</p>"}, {"category", n.category}};
  auto past = base;
  past.emplace_back("unpublish_at", local_time(model::now() - 60));
  const auto refused = n.reporter.post("/quan-tri/bai-viet/moi", past);
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(has(refused.body, "Thời điểm gỡ bài phải ở trong tương lai."));
  auto soon = base;
  soon.emplace_back("unpublish_at", local_time(model::now() + 8));
  const auto created = n.reporter.post("/quan-tri/bai-viet/moi", soon);
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string id = id_of(created);
  n.publish(id);
  BOOST_TEST(public_page(n.daemon, id).status == 200);
  BOOST_TEST(has(n.daemon.get("/rss.xml").body, "Thông báo tuyển dụng"));
  int status = 200;
  for (int i = 0; i < 250 && status == 200; ++i) {  // the expiry is 8 s away, the scheduler looks every 5 s
    std::this_thread::sleep_for(100ms);
    status = public_page(n.daemon, id).status;
  }
  BOOST_TEST(status == 410);
  BOOST_TEST(!has(n.daemon.get("/rss.xml").body, "Thông báo tuyển dụng"));
  BOOST_TEST(!has(n.daemon.get("/sitemap.xml").body, "thong-bao-tuyen-dung"));
  const auto audit = n.chief.get("/quan-tri/nhat-ky?doi-tuong=article/" + id);
  BOOST_TEST(has(audit.body, "article.unpublish-scheduled"));
  BOOST_TEST(has(audit.body, "(hệ thống)"));
}

BOOST_AUTO_TEST_CASE(a_correction_shows_with_its_date_only_after_approval) {
  Newsroom n;
  const test::Fields base{
      {"title", "Kết quả tuyển sinh"}, {"body", "<p>Có 21 xã đạt chuẩn</p>"}, {"category", n.category}};
  const auto created = n.reporter.post("/quan-tri/bai-viet/moi", base);
  BOOST_REQUIRE_EQUAL(created.status, 303);
  const std::string id = id_of(created);
  n.publish(id);
  // The chief adds a correction to the published article: a pending version, not yet shown.
  const auto editor = n.chief.get("/quan-tri/bai-viet/" + id);
  BOOST_TEST(has(editor.body, "Thêm đính chính mới"));
  auto edit = base;
  edit.emplace_back("correction", "Số xã đạt chuẩn là 12, không phải 21.");
  BOOST_REQUIRE_EQUAL(n.chief.post("/quan-tri/bai-viet/" + id, edit).status, 303);
  BOOST_TEST(!has(public_page(n.daemon, id).body, "Đính chính"));
  transition(n.chief, id, "submit");
  transition(n.chief, id, "take-for-editing");
  transition(n.chief, id, "send-for-approval");
  transition(n.chief, id, "approve");
  const auto page = public_page(n.daemon, id);
  BOOST_TEST(has(page.body, "Đính chính ngày <time datetime=\"" + model::format_rfc3339(model::now()).substr(0, 10)));
  BOOST_TEST(has(page.body, ">" + model::format_date_vn(model::now()) +
                                "</time>:</strong> Số xã đạt chuẩn là 12, không phải 21."));
  // It stays: the editor lists it as published, and the revisions keep it.
  BOOST_TEST(has(n.chief.get("/quan-tri/bai-viet/" + id).body,
                 "Đính chính ngày " + model::format_date_vn(model::now()) + ":</strong> Số xã đạt chuẩn là 12"));
}

BOOST_AUTO_TEST_SUITE_END()
