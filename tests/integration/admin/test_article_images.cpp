// Images in articles over real HTTP (issue 14): the editor's upload endpoint stores into the media
// library with public copies; copies follow the file's public/private rule and carry no EXIF/GPS, the
// original goes to staff only; a pasted data: image becomes a media link on save; an image without alt
// text stops the submission; the published page offers srcset.
#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/images.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

test::HttpResponse editor_upload(const AdminClient& who, const std::string& name, const std::string& bytes,
                                 bool with_csrf = true) {
  const std::string b = "----portaldimages";
  std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"" + name +
                     "\"\r\nContent-Type: image/jpeg\r\n\r\n" + bytes + "\r\n--" + b + "--\r\n";
  auto headers = who.cookie_headers();
  headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + b);
  if (with_csrf) headers.emplace_back("X-CSRF-Token", who.csrf);
  return test::http_request("127.0.0.1", who.port, "POST", "/quan-tri/thu-vien/anh", headers, body);
}

// The first "/tep/..." address in a JSON answer or a page.
std::string first_media_url(const std::string& text) {
  const auto p = text.find("/tep/");
  return p == std::string::npos ? "" : text.substr(p, text.find_first_of("\"' ", p) - p);
}

std::string with_width(const std::string& url, unsigned width) {
  const auto slash = url.rfind('/');
  return url.substr(0, slash) + "/" + std::to_string(width) + "w" + url.substr(slash);
}

void transition(const AdminClient& who, const std::string& id, const std::string& key) {
  const auto r = who.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", key}});
  BOOST_REQUIRE_MESSAGE(r.status == 303, key << ": " << r.status << r.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(article_images)

BOOST_AUTO_TEST_CASE(upload_copies_alt_text_data_images_and_srcset) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient reporter{daemon.port()}, other{daemon.port()}, thuky{daemon.port()}, chief{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  other.login("congtacvien", test::kPassword);
  thuky.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);

  // The editor's uploader: CSRF required, images only, a JSON answer with the file's address.
  const std::string photo = test::with_gps_exif(test::make_image(1200, 800, ".jpg"));
  BOOST_TEST(editor_upload(reporter, "hien-truong.jpg", photo, false).status == 403);
  const auto pdf = editor_upload(reporter, "a.pdf", "%PDF-1.7 x");
  BOOST_TEST(pdf.status == 200);  // Jodit reads refusals from the JSON (media.cpp says why)
  BOOST_TEST(has(pdf.body, "\"success\":false"));
  const auto broken = editor_upload(reporter, "hong.jpg", photo.substr(0, photo.size() / 2));
  BOOST_TEST(has(broken.body, "\"success\":false"));
  BOOST_TEST(has(broken.body, "Không đọc được ảnh"), broken.body);
  const auto up = editor_upload(reporter, "Hiện trường.jpg", photo);
  BOOST_TEST_REQUIRE(up.status == 200, up.body);
  BOOST_TEST(has(up.body, "\"success\":true"));
  const std::string url = first_media_url(up.body);
  BOOST_TEST_REQUIRE(url.ends_with("/hien-truong.jpg"), up.body);
  const std::string original = url.substr(0, url.rfind('/')) + "/goc/hien-truong.jpg";

  // The picker lists the uploader's own images; another contributor's list does not have it.
  BOOST_TEST(has(reporter.get("/quan-tri/thu-vien/anh").body, url));
  BOOST_TEST(!has(other.get("/quan-tri/thu-vien/anh").body, url));

  // Before publication: nobody outside, the uploader gets copies without GPS and the original with it.
  for (const auto& probe : {url, with_width(url, 480), with_width(url, 960), original})
    BOOST_TEST(daemon.get(probe).status == 404, probe);
  const auto mine = reporter.get(url);
  BOOST_TEST(mine.status == 200);
  BOOST_TEST(!test::has_gps_exif(mine.body));
  BOOST_TEST((test::image_size(mine.body) == std::pair<unsigned, unsigned>{1200, 800}));
  BOOST_TEST((test::image_size(reporter.get(with_width(url, 480)).body).first == 480u));
  BOOST_TEST(reporter.get(with_width(url, 1600)).status == 404);  // not wider than the original
  const auto kept = reporter.get(original);
  BOOST_TEST(kept.status == 200);
  BOOST_TEST(kept.body == photo);
  BOOST_TEST(std::string(kept.header("Cache-Control").value_or("")) == "private, no-store");

  // An article with the uploaded image (no alt yet) and a pasted data: image.
  const std::string pasted = "data:image/png;base64," + test::base64(test::make_image(700, 350, ".png"));
  const auto form = reporter.get("/quan-tri/bai-viet/moi");
  const std::string category = test::first_option(form.body, "category");
  const auto created =
      reporter.post("/quan-tri/bai-viet/moi", {{"title", "Ảnh hiện trường"},
                                               {"body", "<p>Ảnh:</p><p><img src=\"" + url + "\"></p><p><img src=\"" +
                                                            pasted + "\" alt=\"\" role=\"presentation\"></p>"},
                                               {"category", category}});
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string loc(created.header("Location").value_or(""));
  const std::string id = loc.substr(19, loc.find('?') - 19);
  const auto editor = reporter.get("/quan-tri/bai-viet/" + id);
  BOOST_TEST(!has(editor.body, "data:image"));
  BOOST_TEST(has(editor.body, "/anh-dan-1.png"));

  // Submitting with an image without alt text is refused, naming the file; nothing changes.
  const auto refused = reporter.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "submit"}});
  BOOST_TEST(refused.status == 422);
  const std::string message = test::text_after(refused.body, "Chưa thể chuyển bài: ");
  BOOST_TEST(has(message, "1 ảnh chưa có mô tả thay thế (alt): hien-truong.jpg."), refused.body);
  BOOST_TEST(!has(message, "anh-dan-1.png"));  // the decorative one is fine

  // With alt text it goes through and is published; the page offers srcset, no data: URL.
  const auto saved = reporter.post("/quan-tri/bai-viet/" + id,
                                   {{"title", "Ảnh hiện trường"},
                                    {"body", "<p>Ảnh:</p><p><img src=\"" + url + "\" alt=\"Hiện trường vụ việc\"></p>"},
                                    {"category", category}});
  BOOST_REQUIRE_MESSAGE(saved.status == 303, saved.status << saved.body);
  transition(reporter, id, "submit");
  transition(thuky, id, "take-for-editing");
  transition(thuky, id, "send-for-approval");
  transition(chief, id, "approve");
  auto page = daemon.get("/tin-tuc/a-" + id);
  if (page.status == 301) page = daemon.get(std::string(page.header("Location").value_or("")));
  BOOST_TEST_REQUIRE(page.status == 200);
  BOOST_TEST(has(page.body,
                 "srcset=\"" + url + " 1200w, " + with_width(url, 480) + " 480w, " + with_width(url, 960) + " 960w\""),
             page.body);
  BOOST_TEST(has(page.body, "loading=\"lazy\""));
  BOOST_TEST(has(page.body, "width=\"1200\" height=\"800\""));
  BOOST_TEST(!has(page.body, "data:image"));

  // Published: copies are everyone's, still without GPS; the original stays staff-only.
  const auto open = daemon.get(url);
  BOOST_TEST(open.status == 200);
  BOOST_TEST(!test::has_gps_exif(open.body));
  BOOST_TEST(daemon.get(with_width(url, 960)).status == 200);
  BOOST_TEST(daemon.get(original).status == 404);
  BOOST_TEST(thuky.get(original).body == photo);
}

BOOST_AUTO_TEST_CASE(a_refused_pasted_image_keeps_the_form_and_names_the_image) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient reporter{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  const auto form = reporter.get("/quan-tri/bai-viet/moi");
  const std::string bad = "data:image/png;base64," + test::base64(std::string("\x89PNG\r\n\x1a\n", 8) + "hỏng");
  const auto r =
      reporter.post("/quan-tri/bai-viet/moi", {{"title", "Tiêu đề giữ lại"},
                                               {"body", "<p>Chữ đã gõ</p><img alt=\"x\" src=\"" + bad + "\">"},
                                               {"category", test::first_option(form.body, "category")}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Ảnh dán thứ 1 trong nội dung không được nhận"), r.body);
  BOOST_TEST(has(r.body, "Tiêu đề giữ lại"));
  BOOST_TEST(has(r.body, "Chữ đã gõ"));
  BOOST_TEST(!has(reporter.get("/quan-tri/thu-vien").body, "anh-dan"));
}

// A phone photo over max-body (1 MiB by default; issue 15's 1.09 MB photo): a signed-in reporter's
// upload may reach max-upload-body, the same bytes from someone not signed in, or to a public form,
// are refused with 413 before the body is read.
BOOST_AUTO_TEST_CASE(a_photo_over_max_body_goes_through_for_staff_only) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient reporter{daemon.port()}, stranger{daemon.port()};
  reporter.login("phongvien", test::kPassword);
  // Cameras write large metadata blocks; here comment segments (FF FE, at most 64 KiB each) after SOI.
  const std::string jpeg = test::make_image(800, 600, ".jpg");
  std::string photo = jpeg.substr(0, 2);
  for (int i = 0; i < 20; ++i) {
    const std::size_t len = 60000;
    photo += "\xFF\xFE";
    photo += static_cast<char>((len + 2) >> 8);
    photo += static_cast<char>((len + 2) & 0xff);
    photo += std::string(len, 'c');
  }
  photo += jpeg.substr(2);
  BOOST_TEST_REQUIRE(photo.size() > std::size_t(1) << 20);

  const auto taken = editor_upload(reporter, "anh-dien-thoai.jpg", photo);
  BOOST_TEST(taken.status == 200);
  BOOST_TEST(has(taken.body, "\"success\":true"), taken.body);
  const std::string url = first_media_url(taken.body);
  BOOST_TEST_REQUIRE(!url.empty());
  const auto served =
      test::image_size(test::http_request("127.0.0.1", daemon.port(), "GET", url, reporter.cookie_headers()).body);
  BOOST_TEST(served.first == 800u);
  BOOST_TEST(served.second == 600u);

  // Not signed in: the ordinary limit, answered before the upload is read.
  BOOST_TEST(editor_upload(stranger, "anh-dien-thoai.jpg", photo, false).status == 413);
  // Signed in, but a route that takes no files: the ordinary limit too.
  auto form_headers = reporter.cookie_headers();
  form_headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  BOOST_TEST(test::http_request("127.0.0.1", daemon.port(), "POST", "/hoi-dap/du-lieu-ca-nhan", form_headers,
                                std::string(photo.size(), 'a'))
                 .status == 413);
}

BOOST_AUTO_TEST_SUITE_END()
