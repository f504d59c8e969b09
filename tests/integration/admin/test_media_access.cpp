// Who may read an uploaded file (issue 16, finding 1): nobody outside the admin until something
// published uses it, then everyone; the address carries a random token and the file's own name, and the
// old numbered addresses lead there only when the file may be read.
#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/images.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

// A real PNG: images are decoded on upload to make their public copies (issue 14).
const std::string kPng = test::make_image(40, 30, ".png");
const std::pair<unsigned, unsigned> kPngSize{40, 30};

test::HttpResponse upload(const AdminClient& who, std::uint16_t port, const std::string& name,
                          const std::string& bytes) {
  const std::string b = "----portaldmedia";
  std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + who.csrf + "\r\n";
  body += "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
          "\"\r\nContent-Type: image/png\r\n\r\n" + bytes + "\r\n--" + b + "--\r\n";
  auto headers = who.cookie_headers();
  headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + b);
  return test::http_request("127.0.0.1", port, "POST", "/quan-tri/thu-vien", headers, body);
}

std::string cache_control(const test::HttpResponse& r) { return std::string(r.header("Cache-Control").value_or("")); }

void transition(const AdminClient& who, const std::string& id, const std::string& key, const std::string& reason = "") {
  test::Fields f{{"transition", key}};
  if (!reason.empty()) f.emplace_back("reason", reason);
  const auto r = who.post("/quan-tri/bai-viet/" + id + "/chuyen", f);
  BOOST_REQUIRE_MESSAGE(r.status == 303, key << ": " << r.status << r.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(media_access)

BOOST_AUTO_TEST_CASE(an_unpublished_upload_is_private_until_a_published_article_uses_it) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient ctv{daemon.port()}, reporter{daemon.port()}, thuky{daemon.port()}, chief{daemon.port()};
  ctv.login("congtacvien", test::kPassword);
  reporter.login("phongvien", test::kPassword);
  thuky.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  BOOST_REQUIRE_EQUAL(upload(ctv, daemon.port(), "ảnh nội bộ.png", kPng).status, 303);
  BOOST_REQUIRE_EQUAL(upload(reporter, daemon.port(), "ảnh phóng viên.png", kPng).status, 303);

  // The library lists a contributor's own files only; an editor sees everyone's.
  const auto mine = ctv.get("/quan-tri/thu-vien");
  const std::string url = test::text_after(mine.body, "<code>");
  BOOST_TEST_REQUIRE(url.starts_with("/tep/"));
  BOOST_TEST(url.ends_with("/anh-noi-bo.png"));
  BOOST_TEST(!has(mine.body, "anh-phong-vien.png"));
  const auto all = thuky.get("/quan-tri/thu-vien");
  BOOST_TEST(has(all.body, url));
  BOOST_TEST(has(all.body, "anh-phong-vien.png"));

  // "/tep/<id>-<token>/<name>": the id alone, another token or another name find nothing.
  const std::string key = url.substr(5, url.find('/', 5) - 5);
  const std::string id = key.substr(0, key.find('-'));
  const std::string token = key.substr(key.find('-') + 1);
  BOOST_TEST(token.size() == 32u);
  for (const std::string& probe :
       {url, "/tep/anh-noi-bo.png-" + id, "/tep/x-" + id, "/tep/" + id + "-" + std::string(32, '0') + "/anh-noi-bo.png",
        "/tep/" + key + "/khac.png", "/tep/" + id + "/anh-noi-bo.png"}) {
    const auto r = daemon.get(probe);
    BOOST_TEST(r.status == 404, probe << " answered " << r.status);
    BOOST_TEST(!has(r.body, kPng.substr(16)));
  }
  // The uploader and the editors may fetch it, never from a shared cache; another reporter may not.
  for (const AdminClient* who : {&ctv, &thuky}) {
    const auto r = who->get(url);
    BOOST_TEST(r.status == 200);
    BOOST_TEST((test::image_size(r.body) == kPngSize));  // its public copy (metadata stripped)
    BOOST_TEST(cache_control(r) == "private, no-store");
  }
  BOOST_TEST(reporter.get(url).status == 404);
  BOOST_TEST(ctv.get("/tep/" + key + "/khac.png").status == 404);

  // Published in an article's body, the file is everyone's; the old address leads to the new one.
  const auto form = ctv.get("/quan-tri/bai-viet/moi");
  const auto created =
      ctv.post("/quan-tri/bai-viet/moi", {{"title", "Ảnh hội nghị"},
                                          {"body", "<p>Ảnh:</p><p><img src=\"" + url + "\" alt=\"Hội nghị\"></p>"},
                                          {"category", test::first_option(form.body, "category")}});
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string loc(created.header("Location").value_or(""));
  const std::string article = loc.substr(19, loc.find('?') - 19);
  transition(ctv, article, "submit");
  BOOST_TEST(daemon.get(url).status == 404);  // submitted is not published
  transition(thuky, article, "take-for-editing");
  transition(thuky, article, "send-for-approval");
  transition(chief, article, "approve");
  const auto open = daemon.get(url);
  BOOST_TEST(open.status == 200);
  BOOST_TEST((test::image_size(open.body) == kPngSize));
  BOOST_TEST(cache_control(open) == "public, max-age=3600");
  const auto old = daemon.get("/tep/anh-noi-bo.png-" + id);
  BOOST_TEST(old.status == 301);
  BOOST_TEST(std::string(old.header("Location").value_or("")) == url);
  BOOST_TEST(daemon.get("/tep/x-" + id).status == 404);  // the name part must match
  BOOST_TEST(daemon.get("/tep/" + key + "/khac.png").status == 404);

  // Withdrawn, it is private again.
  transition(chief, article, "withdraw", "Ảnh chưa được phép đăng");
  BOOST_TEST(daemon.get(url).status == 404);
  BOOST_TEST(daemon.get("/tep/anh-noi-bo.png-" + id).status == 404);
  BOOST_TEST(ctv.get(url).status == 200);
}

// A legal document's attachments are public with the document (imported with it).
BOOST_AUTO_TEST_CASE(files_of_a_legal_document_are_public_through_the_library_address_too) {
  test::AdminSite site;  // portaldctl init --demo brings documents with a PDF attachment
  test::RunningDaemon daemon(site.data);
  AdminClient thuky{daemon.port()};
  thuky.login("thuky", test::kPassword);
  const auto all = thuky.get("/quan-tri/thu-vien");
  const std::string url = test::text_after(all.body, "<code>");
  BOOST_TEST_REQUIRE(url.starts_with("/tep/"));
  const auto r = daemon.get(url);
  BOOST_TEST(r.status == 200);
  BOOST_TEST(cache_control(r) == "public, max-age=3600");
}

BOOST_AUTO_TEST_SUITE_END()
