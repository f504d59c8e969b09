// Online dialogues over real HTTP against the real daemon (issue 12, Quy chế Điều 5.5): the data centre
// schedules one (a stream off the embed allow-list is refused), a citizen asks through the ordinary form
// with the dialogue's id, the moderator accepts one question and rejects another, starts the event and
// types the official's answer; the event page and its JSON show the masked question and the answer, never
// the rejected one or a contact; the page's CSP frames exactly the allow-list; after the end the page
// stays as the record and takes no new questions.
#include <boost/test/unit_test.hpp>

#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::Fields;
using test::has;

namespace {

const std::string kEmail = "nguoidan.doithoai@example.vn";
const std::string kName = "Nguyễn Văn Thử";
const std::string kOrigin = "https://www.youtube-nocookie.com";
const std::string kOfficial = "Ông Trần Văn Bình, Giám đốc Sở Y tế";
const std::vector<std::string> kNoWait{"--question-min-fill-time", "0"};

test::HttpResponse post_form(std::uint16_t port, const std::string& target, const Fields& fields) {
  return test::http_request("127.0.0.1", port, "POST", target, {{"Content-Type", "application/x-www-form-urlencoded"}},
                            test::encode_form(fields));
}

Fields dialogue_fields(const std::string& agency, const std::string& stream) {
  return {{"tieu-de", "Đối thoại trực tuyến về khám chữa bệnh bảo hiểm y tế"},
          {"co-quan", agency},
          {"nguoi-tra-loi", kOfficial + "\nBà Lê Thị Hoa, Phó Giám đốc"},
          {"bat-dau", "2026-12-10T09:00"},
          {"ket-thuc", "2026-12-10T11:00"},
          {"gioi-thieu", "Lãnh đạo Sở Y tế trả lời câu hỏi của người dân."},
          {"phat-truc-tiep", stream}};
}

// Asks through /hoi-dap/gui-cau-hoi?doi-thoai=ID (the form carries the id) and returns the POST's answer.
// `open`: the dialogue still takes questions, so the form shows it (a late one is refused on the post).
test::HttpResponse ask(std::uint16_t port, const std::string& dialogue, const std::string& title, bool open = true) {
  const auto form = test::http_request("127.0.0.1", port, "GET", "/hoi-dap/gui-cau-hoi?doi-thoai=" + dialogue);
  BOOST_REQUIRE_EQUAL(form.status, 200);
  BOOST_TEST(test::input_value(form.body, "doi-thoai") == (open ? dialogue : std::string()));
  return post_form(port, "/hoi-dap/gui-cau-hoi",
                   {{"t", test::input_value(form.body, "t")},
                    {"ten", kName},
                    {"email", kEmail},
                    {"dien-thoai", ""},
                    {"linh-vuc", "Y tế"},
                    {"co-quan", ""},
                    {"tieu-de", title},
                    {"noi-dung", "Xin hỏi về thủ tục thanh toán bảo hiểm y tế. Liên hệ " + kEmail + "."},
                    {"cong-khai", "1"},
                    {"dong-y", "1"},
                    {"website", ""},
                    {"doi-thoai", dialogue}});
}

// The question id of the moderation entry titled `title` on the admin page.
std::string entry_id(const std::string& page, const std::string& title) {
  const auto at = page.find("<strong>" + title + "</strong>");
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no entry " << title);
  const auto li = page.rfind("id=\"cau-hoi-", at) + 12;
  return page.substr(li, page.find('"', li) - li);
}

std::string id_from_location(const test::HttpResponse& r) {
  const std::string loc(r.header("Location").value_or(""));
  const std::string prefix = "/quan-tri/doi-thoai/";
  BOOST_REQUIRE_MESSAGE(loc.starts_with(prefix), "location " << loc);
  return loc.substr(prefix.size(), loc.find('?') - prefix.size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(online_dialogues)

BOOST_AUTO_TEST_CASE(a_dialogue_runs_from_scheduling_to_the_record_with_moderated_masked_questions) {
  test::AdminSite site;
  BOOST_REQUIRE_EQUAL(test::portaldctl(site.data, {"settings", "set", "embed_origins", kOrigin}).exit_code, 0);
  test::RunningDaemon daemon(site.data, kNoWait);
  const auto port = daemon.port();
  AdminClient centre{port};
  centre.login("thuky", test::kPassword);
  const auto blank = centre.get("/quan-tri/doi-thoai/moi");
  BOOST_REQUIRE_EQUAL(blank.status, 200);
  const std::string agency = test::first_option(blank.body, "d-agency");

  // A stream from an origin off the allow-list: refused in Vietnamese, the form keeps what was typed.
  auto r = centre.post("/quan-tri/doi-thoai/moi", dialogue_fields(agency, "https://www.youtube.com/embed/abc"));
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "nguồn được phép nhúng (" + kOrigin + ")"));
  BOOST_TEST(has(r.body, "Đối thoại trực tuyến về khám chữa bệnh bảo hiểm y tế"));
  BOOST_TEST(!has(daemon.get("/doi-thoai").body, "khám chữa bệnh"));
  r = centre.post("/quan-tri/doi-thoai/moi", dialogue_fields(agency, kOrigin + "/embed/abc"));
  BOOST_REQUIRE_EQUAL(r.status, 303);
  const std::string id = id_from_location(r);

  // Public: listed as upcoming, linked from /hoi-dap; the stream framed under a CSP of the allow-list only.
  BOOST_TEST(has(daemon.get("/hoi-dap").body, "href=\"/doi-thoai\""));
  const auto list = daemon.get("/doi-thoai");
  BOOST_TEST(list.status == 200);
  BOOST_TEST(has(list.body, "Sắp diễn ra"));
  BOOST_TEST(has(list.body, "/doi-thoai/" + id));
  const auto sitemap = daemon.get("/sitemap.xml").body;  // search engines find the event and the list
  BOOST_TEST(has(sitemap, "/doi-thoai/" + id + "</loc>"), sitemap);
  BOOST_TEST(has(sitemap, "/doi-thoai</loc>"));
  auto page = daemon.get("/doi-thoai/" + id);
  BOOST_TEST(page.status == 200);
  BOOST_TEST(has(page.body, "<iframe src=\"" + kOrigin + "/embed/abc\""));
  BOOST_TEST(has(page.body, "/hoi-dap/gui-cau-hoi?doi-thoai=" + id));
  BOOST_TEST(has(page.body, "/static/dialogue.js"));
  BOOST_TEST(!has(page.body, "<script>"));  // no inline script
  const std::string csp(page.header("Content-Security-Policy").value_or(""));
  BOOST_TEST(has(csp, "frame-src " + kOrigin + ";"), csp);
  BOOST_TEST(has(csp, "default-src 'self'"), csp);
  BOOST_TEST(has(std::string(page.header("xkey").value_or("")), "dialogue-" + id));

  // Two citizens' questions through the ordinary form, with the dialogue's id.
  const std::string kept = "Thanh toán bảo hiểm y tế khi khám trái tuyến";
  const std::string dropped = "Câu hỏi không phù hợp với buổi đối thoại";
  r = ask(port, id, kept);
  BOOST_REQUIRE_MESSAGE(r.status == 303, r.status << " " << r.body.substr(0, 1500));
  BOOST_TEST(r.header("Location").value_or("").starts_with("/hoi-dap/tra-cuu?ma="));
  BOOST_REQUIRE_EQUAL(ask(port, id, dropped).status, 303);
  // Not in the agencies' queue: moderated on the dialogue's page.
  BOOST_TEST(!has(centre.get("/quan-tri/hoi-dap").body, kept));
  auto admin = centre.get("/quan-tri/doi-thoai/" + id);
  BOOST_REQUIRE_EQUAL(admin.status, 200);
  BOOST_TEST(has(admin.body, "2 chờ duyệt"));
  BOOST_TEST(!has(admin.body, kEmail));
  const std::string kept_id = entry_id(admin.body, kept);
  const std::string dropped_id = entry_id(admin.body, dropped);
  // Nothing public before moderation.
  BOOST_TEST(!has(daemon.get("/doi-thoai/" + id).body, kept));
  const std::string moderate = "/quan-tri/doi-thoai/" + id + "/cau-hoi/";
  BOOST_TEST(centre.post(moderate + kept_id, {{"thao-tac", "accept"}}).status == 303);
  BOOST_TEST(centre.post(moderate + dropped_id, {{"thao-tac", "reject"}}).status == 303);
  // Answering before the start is refused.
  BOOST_TEST(centre.post(moderate + kept_id, {{"thao-tac", "answer"}, {"nguoi-tra-loi", kOfficial}, {"tra-loi", "x"}})
                 .status == 403);
  BOOST_TEST(centre.post("/quan-tri/doi-thoai/" + id + "/buoc", {{"buoc", "start"}}).status == 303);
  // An official off the dialogue's list: refused, and the answer comes back as typed.
  r = centre.post(
      moderate + kept_id,
      {{"thao-tac", "answer"}, {"nguoi-tra-loi", "Ông Không Có Tên"}, {"tra-loi", "Bản trả lời đang gõ dở"}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Bản trả lời đang gõ dở"));
  const std::string answer = "Người bệnh khám trái tuyến được quỹ bảo hiểm y tế thanh toán theo tỷ lệ quy định.";
  BOOST_TEST(
      centre.post(moderate + kept_id, {{"thao-tac", "answer"}, {"nguoi-tra-loi", kOfficial}, {"tra-loi", answer}})
          .status == 303);

  // The event page and its JSON: the accepted question masked, the answer, never the rejected one.
  page = daemon.get("/doi-thoai/" + id);
  BOOST_TEST(has(page.body, "Đang diễn ra"));
  BOOST_TEST(has(page.body, "data-state=\"live\""));
  BOOST_TEST(has(page.body, kept));
  BOOST_TEST(has(page.body, answer));
  BOOST_TEST(has(page.body, kOfficial));
  BOOST_TEST(has(page.body, "Nguyễn V. T."));
  BOOST_TEST(has(page.body, "[email đã ẩn]"));
  BOOST_TEST(!has(page.body, kName));
  BOOST_TEST(!has(page.body, kEmail));
  BOOST_TEST(!has(page.body, dropped));
  const auto json = daemon.get("/doi-thoai/" + id + "/hoi-dap.json");
  BOOST_TEST(json.status == 200);
  BOOST_TEST(has(std::string(json.header("Content-Type").value_or("")), "application/json"));
  BOOST_TEST(json.header("Cache-Control").value_or("") == "public, max-age=5, s-maxage=5");
  BOOST_TEST(has(json.body, "\"state\":\"live\""));
  BOOST_TEST(has(json.body, kept));
  BOOST_TEST(has(json.body, answer));
  BOOST_TEST(has(json.body, "Nguyễn V. T."));
  BOOST_TEST(!has(json.body, kEmail));
  BOOST_TEST(!has(json.body, kName));
  BOOST_TEST(!has(json.body, dropped));
  // A poller's conditional request: 304 while nothing changed.
  const auto again = test::http_request("127.0.0.1", port, "GET", "/doi-thoai/" + id + "/hoi-dap.json",
                                        {{"If-None-Match", std::string(json.header("ETag").value_or(""))}});
  BOOST_TEST(again.status == 304);

  // The end: the page stays as the record, the form no longer takes questions for it.
  BOOST_TEST(centre.post("/quan-tri/doi-thoai/" + id + "/buoc", {{"buoc", "end"}}).status == 303);
  page = daemon.get("/doi-thoai/" + id);
  BOOST_TEST(has(page.body, "Đã kết thúc"));
  BOOST_TEST(has(page.body, answer));
  BOOST_TEST(!has(page.body, "/hoi-dap/gui-cau-hoi?doi-thoai="));
  BOOST_TEST(has(daemon.get("/doi-thoai").body, "Đã diễn ra"));
  r = ask(port, id, "Một câu hỏi gửi muộn sau buổi đối thoại", false);
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "không còn nhận câu hỏi"));

  // Only the board and the data centre run dialogues.
  AdminClient reporter{port};
  reporter.login("phongvien", test::kPassword);
  BOOST_TEST(reporter.get("/quan-tri/doi-thoai").status == 403);
  BOOST_TEST(reporter.post(moderate + dropped_id, {{"thao-tac", "accept"}}).status == 403);
}

BOOST_AUTO_TEST_CASE(with_no_allow_listed_origin_every_stream_is_refused_and_frames_are_none) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data, kNoWait);
  AdminClient centre{daemon.port()};
  centre.login("thuky", test::kPassword);
  const std::string agency = test::first_option(centre.get("/quan-tri/doi-thoai/moi").body, "d-agency");
  auto r = centre.post("/quan-tri/doi-thoai/moi", dialogue_fields(agency, kOrigin + "/embed/abc"));
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "embed_origins"));
  r = centre.post("/quan-tri/doi-thoai/moi", dialogue_fields(agency, ""));
  BOOST_REQUIRE_EQUAL(r.status, 303);
  const auto page = daemon.get("/doi-thoai/" + id_from_location(r));
  BOOST_TEST(page.status == 200);
  BOOST_TEST(!has(page.body, "<iframe"));
  BOOST_TEST(has(std::string(page.header("Content-Security-Policy").value_or("")), "frame-src 'none'"));
}

BOOST_AUTO_TEST_SUITE_END()
