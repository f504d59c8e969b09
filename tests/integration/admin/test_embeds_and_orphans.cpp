// Issue 14, media and embeds, over real HTTP: the embed allow-list in the settings page (validated,
// in Vietnamese), iframes that survive saving only from an allowed origin, video with captions from
// the media library (public once published, served in ranges), and the operator's list of files
// nothing refers to, removed only when confirmed and never while referenced.
#include <string>

#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/images.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

const std::string kMp4 = std::string(
                             "\0\0\0\x20"
                             "ftypisom\0\0\x02\0isomiso2avc1mp41",
                             32) +
                         std::string(400, '\x07');
const std::string kVtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào quý vị\n";
// A real PNG: uploads are decoded (libvips) before they are stored.
const std::string& png() {
  static const std::string bytes = test::make_image(64, 48, ".png");
  return bytes;
}

test::HttpResponse upload(const AdminClient& who, const std::string& name, const std::string& bytes) {
  const std::string b = "----portaldembeds";
  std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + who.csrf + "\r\n";
  body += "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + b + "--\r\n";
  auto headers = who.cookie_headers();
  headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + b);
  return test::http_request("127.0.0.1", who.port, "POST", "/quan-tri/thu-vien", headers, body);
}

// The library address (in the listing's <code>) that ends with `/name`.
std::string library_url(const AdminClient& who, const std::string& name) {
  const auto page = who.get("/quan-tri/thu-vien").body;
  const auto end = page.find("/" + name + "</code>");
  if (end == std::string::npos) return {};
  const auto start = page.rfind("<code>", end) + 6;
  return page.substr(start, end + 1 + name.size() - start);
}

std::string media_id(const std::string& url) { return url.substr(5, url.find('-', 5) - 5); }

void transition(const AdminClient& who, const std::string& id, const std::string& key) {
  const auto r = who.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", key}});
  BOOST_REQUIRE_MESSAGE(r.status == 303, key << ": " << r.status << r.body);
}

// Creates an article with this body as the contributor and takes it through to published; its id.
std::string publish(AdminClient& ctv, AdminClient& thuky, AdminClient& chief, const std::string& title,
                    const std::string& body) {
  const auto form = ctv.get("/quan-tri/bai-viet/moi");
  const auto created =
      ctv.post("/quan-tri/bai-viet/moi",
               {{"title", title}, {"body", body}, {"category", test::first_option(form.body, "category")}});
  BOOST_REQUIRE_MESSAGE(created.status == 303, created.status << created.body);
  const std::string loc(created.header("Location").value_or(""));
  const std::string id = loc.substr(19, loc.find('?') - 19);
  transition(ctv, id, "submit");
  transition(thuky, id, "take-for-editing");
  transition(thuky, id, "send-for-approval");
  transition(chief, id, "approve");
  return id;
}

// The public page of article `id` (its address is found through the canonical redirect).
test::HttpResponse public_article(test::RunningDaemon& daemon, const std::string& id) {
  const auto moved = daemon.get("/tin-tuc/x-" + id);
  BOOST_REQUIRE_MESSAGE(moved.status == 301, moved.status);
  return daemon.get(std::string(moved.header("Location").value_or("")));
}

const char* const kSettingKeys[] = {"portal_name",
                                    "english_name",
                                    "governing_agency",
                                    "responsible_person",
                                    "responsible_title",
                                    "licence",
                                    "licence_issuer",
                                    "licence_date",
                                    "address",
                                    "phone",
                                    "email",
                                    "source_notice",
                                    "logo_url",
                                    "public_url",
                                    "national_service_url",
                                    "provincial_service_url",
                                    "national_legal_db_url",
                                    "data_portal_url",
                                    "emc_script_url",
                                    "locality",
                                    "embed_origins"};

test::Fields settings_with(const AdminClient& who, const std::string& embed_origins) {
  const auto page = who.get("/quan-tri/cai-dat").body;
  test::Fields f;
  for (const char* key : kSettingKeys)
    f.emplace_back(key, std::string(key) == "embed_origins" ? embed_origins : test::input_value(page, key));
  return f;
}

std::string csp(const test::HttpResponse& r) { return std::string(r.header("Content-Security-Policy").value_or("")); }

}  // namespace

BOOST_AUTO_TEST_SUITE(embeds_and_orphans)

BOOST_AUTO_TEST_CASE(the_embed_allow_list_is_validated_in_vietnamese_and_sets_the_csp) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  const auto refused = op.post("/quan-tri/cai-dat", settings_with(op, "https://video.example.vn/embed https://*.x.vn"));
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(has(refused.body, "“https://video.example.vn/embed” không phải một nguồn hợp lệ"), refused.body);
  BOOST_TEST(test::input_value(refused.body, "embed_origins") == "https://video.example.vn/embed https://*.x.vn");
  BOOST_TEST(has(csp(daemon.get("/")), "frame-src 'none'"));  // nothing changed
  const auto saved =
      op.post("/quan-tri/cai-dat", settings_with(op, "https://Video.example.vn, https://live.example.vn:443"));
  BOOST_TEST_REQUIRE(saved.status == 303, saved.body);
  BOOST_TEST(test::input_value(op.get("/quan-tri/cai-dat").body, "embed_origins") ==
             "https://video.example.vn https://live.example.vn");
  BOOST_TEST(has(csp(daemon.get("/")), "frame-src https://video.example.vn https://live.example.vn;"),
             csp(daemon.get("/")));
  BOOST_TEST(has(op.get("/quan-tri/nhat-ky").body, "settings/embed_origins"));
  // Only the operator changes settings; a post without the CSRF token changes nothing.
  AdminClient thuky{daemon.port()};
  thuky.login("thuky", test::kPassword);
  BOOST_TEST(thuky.post("/quan-tri/cai-dat", settings_with(op, "https://evil.example")).status == 403);
  BOOST_TEST(op.post("/quan-tri/cai-dat", settings_with(op, "https://evil.example"), false).status == 403);
  BOOST_TEST(!has(csp(daemon.get("/")), "evil.example"));
}

BOOST_AUTO_TEST_CASE(an_embed_survives_saving_only_from_an_allowed_origin_and_video_plays_in_ranges) {
  test::AdminSite site;
  BOOST_REQUIRE_EQUAL(
      test::portaldctl(site.data, {"settings", "set", "embed_origins", "https://video.example.vn"}).exit_code, 0);
  test::RunningDaemon daemon(site.data);
  AdminClient ctv{daemon.port()}, thuky{daemon.port()}, chief{daemon.port()};
  ctv.login("congtacvien", test::kPassword);
  thuky.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  BOOST_REQUIRE_EQUAL(upload(ctv, "họp báo.mp4", kMp4).status, 303);
  BOOST_REQUIRE_EQUAL(upload(ctv, "phụ đề.vtt", kVtt).status, 303);
  BOOST_TEST(upload(ctv, "giả.vtt", "<script>alert(1)</script>").status == 415);  // not WebVTT
  const std::string video = library_url(ctv, "hop-bao.mp4");
  const std::string captions = library_url(ctv, "phu-de.vtt");
  BOOST_TEST_REQUIRE(video.starts_with("/tep/"));
  BOOST_TEST_REQUIRE(captions.starts_with("/tep/"));
  BOOST_TEST(daemon.get(video).status == 404);  // private until published

  const std::string id =
      publish(ctv, thuky, chief, "Phát trực tiếp kỳ họp",
              "<p>Trực tiếp:</p><iframe src=\"https://video.example.vn/embed/42\" title=\"Kỳ họp HĐND tỉnh\" "
              "sandbox=\"allow-top-navigation\"></iframe><iframe src=\"https://evil.example/x\" title=\"Lạ\"></iframe>"
              "<video src=\"" +
                  video + "\" autoplay><track kind=\"captions\" src=\"" + captions +
                  "\" srclang=\"vi\" label=\"Tiếng Việt\"></video>");
  const auto page = public_article(daemon, id);
  BOOST_TEST_REQUIRE(page.status == 200);
  BOOST_TEST(has(page.body,
                 "<iframe src=\"https://video.example.vn/embed/42\" title=\"Kỳ họp HĐND tỉnh\" "
                 "sandbox=\"allow-scripts allow-same-origin allow-presentation\" "
                 "referrerpolicy=\"strict-origin-when-cross-origin\" loading=\"lazy\" allowfullscreen=\"\"></iframe>"),
             page.body);
  BOOST_TEST(!has(page.body, "evil.example"));
  BOOST_TEST(!has(page.body, "allow-top-navigation"));
  BOOST_TEST(has(page.body, "<video src=\"" + video +
                                "\" controls=\"\" preload=\"metadata\"><track kind=\"captions\" src=\"" + captions +
                                "\" srclang=\"vi\" label=\"Tiếng Việt\"></video>"));
  BOOST_TEST(has(csp(page), "frame-src https://video.example.vn;"));
  BOOST_TEST(has(csp(page), "media-src 'self'"));

  // Published, the files are everyone's (media_uses records video and track links as it does images).
  const auto whole = daemon.get(video);
  BOOST_TEST(whole.status == 200);
  BOOST_TEST(whole.body == kMp4);
  BOOST_TEST(std::string(whole.header("Content-Type").value_or("")) == "video/mp4");
  BOOST_TEST(std::string(whole.header("Accept-Ranges").value_or("")) == "bytes");
  const auto vtt = daemon.get(captions);
  BOOST_TEST(vtt.status == 200);
  BOOST_TEST(std::string(vtt.header("Content-Type").value_or("")).starts_with("text/vtt"));
  const auto part = test::http_request("127.0.0.1", daemon.port(), "GET", video, {{"Range", "bytes=4-11"}});
  BOOST_TEST(part.status == 206);
  BOOST_TEST(part.body == "ftypisom");
  BOOST_TEST(std::string(part.header("Content-Range").value_or("")) == "bytes 4-11/" + std::to_string(kMp4.size()));
  const auto tail = test::http_request("127.0.0.1", daemon.port(), "GET", video, {{"Range", "bytes=-3"}});
  BOOST_TEST(tail.status == 206);
  BOOST_TEST(tail.body == kMp4.substr(kMp4.size() - 3));
  const auto past = test::http_request("127.0.0.1", daemon.port(), "GET", video,
                                       {{"Range", "bytes=" + std::to_string(kMp4.size()) + "-"}});
  BOOST_TEST(past.status == 416);
  BOOST_TEST(std::string(past.header("Content-Range").value_or("")) == "bytes */" + std::to_string(kMp4.size()));
}

BOOST_AUTO_TEST_CASE(files_nothing_refers_to_are_listed_and_removed_only_when_confirmed) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()}, ctv{daemon.port()}, thuky{daemon.port()}, chief{daemon.port()};
  op.login("quantri", test::kPassword);
  ctv.login("congtacvien", test::kPassword);
  thuky.login("thuky", test::kPassword);
  chief.login("truongban", test::kPassword);
  BOOST_REQUIRE_EQUAL(upload(ctv, "bỏ quên.png", png()).status, 303);
  BOOST_REQUIRE_EQUAL(upload(ctv, "dùng trong bài.png", png()).status, 303);
  BOOST_REQUIRE_EQUAL(upload(ctv, "trong nháp.png", png()).status, 303);
  const std::string orphan = library_url(ctv, "bo-quen.png");
  const std::string used = library_url(ctv, "dung-trong-bai.png");
  const std::string drafted = library_url(ctv, "trong-nhap.png");
  BOOST_TEST_REQUIRE(!orphan.empty());
  publish(ctv, thuky, chief, "Bài có ảnh", "<p><img src=\"" + used + "\" alt=\"Ảnh\"></p>");
  // A draft never submitted still refers to its image.
  const auto form = ctv.get("/quan-tri/bai-viet/moi");
  BOOST_REQUIRE_EQUAL(ctv.post("/quan-tri/bai-viet/moi", {{"title", "Nháp"},
                                                          {"body", "<p><img src=\"" + drafted + "\" alt=\"x\"></p>"},
                                                          {"category", test::first_option(form.body, "category")}})
                          .status,
                      303);

  const auto list = op.get("/quan-tri/tep-tin/khong-dung");
  BOOST_TEST_REQUIRE(list.status == 200);
  BOOST_TEST(has(list.body, "data-media=\"" + media_id(orphan) + "\""));
  BOOST_TEST(!has(list.body, "data-media=\"" + media_id(used) + "\""));
  BOOST_TEST(!has(list.body, "data-media=\"" + media_id(drafted) + "\""));
  BOOST_TEST(thuky.get("/quan-tri/tep-tin/khong-dung").status == 403);  // the operator's housekeeping

  // Without the confirmation, or without the CSRF token, nothing is removed.
  const auto unconfirmed = op.post("/quan-tri/tep-tin/khong-dung/xoa", {{"id", media_id(orphan)}});
  BOOST_TEST(unconfirmed.status == 422);
  BOOST_TEST(has(unconfirmed.body, "Tôi xác nhận xóa vĩnh viễn các tệp đã chọn"));
  BOOST_TEST(op.post("/quan-tri/tep-tin/khong-dung/xoa", {{"id", media_id(orphan)}, {"xac_nhan", "1"}}, false).status ==
             403);
  BOOST_TEST(thuky.post("/quan-tri/tep-tin/khong-dung/xoa", {{"id", media_id(orphan)}, {"xac_nhan", "1"}}).status ==
             403);
  BOOST_TEST(ctv.get(orphan).status == 200);

  // Confirmed: the orphan goes; a referenced file asked for by a stale list stays.
  const auto removed = op.post("/quan-tri/tep-tin/khong-dung/xoa",
                               {{"id", media_id(orphan)}, {"id", media_id(used)}, {"xac_nhan", "1"}});
  BOOST_TEST(removed.status == 409);
  BOOST_TEST(has(removed.body, "Đã xóa 1 tệp. 1 tệp không bị xóa"), removed.body);
  BOOST_TEST(ctv.get(orphan).status == 404);
  BOOST_TEST(!has(ctv.get("/quan-tri/thu-vien").body, "bo-quen.png"));
  BOOST_TEST(daemon.get(used).status == 200);
  BOOST_TEST(ctv.get(drafted).status == 200);
  const auto audit = op.get("/quan-tri/nhat-ky").body;
  BOOST_TEST(has(audit, "Xóa tệp không còn được dùng"));
  BOOST_TEST(has(audit, "bỏ quên.png (image/png"));
}

BOOST_AUTO_TEST_SUITE_END()
