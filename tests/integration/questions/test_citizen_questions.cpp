// Citizens' questions over real HTTP against the real daemon (issue 12, Quy chế Điều 9): a citizen asks
// and follows the item by its code, the data centre assigns it, the agency answers, the board approves
// and publishes it, and readers see it masked; an agency never reaches another agency's item; refused
// forms keep what was typed; a flood from one address is throttled; the raw store never holds a
// citizen's e-mail or phone in clear.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <thread>

#include "daemon/store/data_dir.hpp"
#include "tests/integration/admin/admin_client.hpp"
#include "tests/support/images.hpp"
#include "tests/support/mail_server.hpp"

using namespace portald;
using test::AdminClient;
using test::Fields;
using test::has;

namespace {

const std::string kEmail = "nguoidan.thu.nghiem@example.vn";
const std::string kPhone = "0912 345 678";
const std::string kName = "Nguyễn Văn Thử";

// The admin site plus a second agency and one answerer for each.
struct QuestionSite : test::AdminSite {
  QuestionSite() {
    const auto f = test::write_file(
        dir.path, "b.jsonl",
        R"({"id": "c2", "title": "Bài thứ hai", "body_html": "<p>y</p>", "category": "Xây dựng", "agency": "Sở Xây dựng", "published_at": "2025-01-03T08:00:00+07:00"})"
        "\n");
    const auto imp = test::portaldctl(data, {"import", "articles", f.string()});
    BOOST_REQUIRE_MESSAGE(imp.exit_code == 0, imp.err);
    for (const auto& [name, agency] :
         std::vector<std::pair<std::string, std::string>>{{"traloiyte", "Sở Y tế"}, {"traloixaydung", "Sở Xây dựng"}}) {
      const auto r = test::portaldctl(
          data, {"user", "add", "--role", "agency-answerer", "--agency", agency, "--password-stdin", name},
          test::kPassword + "\n");
      BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
  }
};

std::string raw_store(const std::filesystem::path& data) {
  std::ifstream in(store::DataDir(data).store_dir() / "data.mdb", std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

Fields question_fields(const std::string& token, const std::string& title) {
  return {{"t", token},
          {"ten", kName},
          {"email", kEmail},
          {"dien-thoai", kPhone},
          {"linh-vuc", "Y tế"},
          {"co-quan", ""},
          {"tieu-de", title},
          {"noi-dung", "Tôi muốn hỏi về thủ tục cấp giấy phép hành nghề.\nLiên hệ tôi qua " + kEmail + "."},
          {"cong-khai", "1"},
          {"dong-y", "1"},
          {"website", ""}};
}

test::HttpResponse post_form(std::uint16_t port, const std::string& target, const Fields& fields) {
  return test::http_request("127.0.0.1", port, "POST", target, {{"Content-Type", "application/x-www-form-urlencoded"}},
                            test::encode_form(fields));
}

std::string form_token(std::uint16_t port) {
  const auto page = test::http_request("127.0.0.1", port, "GET", "/hoi-dap/gui-cau-hoi");
  BOOST_REQUIRE_EQUAL(page.status, 200);
  const auto token = test::input_value(page.body, "t");
  BOOST_REQUIRE(!token.empty());
  return token;
}

// Submits a question and returns its tracking code (from the redirect).
std::string ask(std::uint16_t port, const std::string& title) {
  const auto r = post_form(port, "/hoi-dap/gui-cau-hoi", question_fields(form_token(port), title));
  BOOST_REQUIRE_MESSAGE(r.status == 303, "submit: " << r.status << " " << r.body.substr(0, 2000));
  const std::string location(r.header("Location").value_or(""));
  BOOST_REQUIRE(location.starts_with("/hoi-dap/tra-cuu?ma="));
  return location.substr(20, location.find('&') - 20);
}

// The id of the admin queue's first row with this title.
std::string queue_id(const AdminClient& c, const std::string& title) {
  const auto page = c.get("/quan-tri/hoi-dap");
  BOOST_REQUIRE_EQUAL(page.status, 200);
  const auto p = page.body.find(">" + title + "</a>");
  if (p == std::string::npos) return {};
  const auto href = page.body.rfind("/quan-tri/hoi-dap/", p);
  return page.body.substr(href + 18, page.body.find('"', href) - href - 18);
}

// The value of the <option> labelled `label` (an agency's id in the assignment select).
std::string option_value(const std::string& html, const std::string& label) {
  const auto at = html.find(">" + label + "</option>");
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no option " << label);
  const auto start = html.rfind("value=\"", at) + 7;
  return html.substr(start, html.find('"', start) - start);
}

const std::vector<std::string> kNoWait{"--question-min-fill-time", "0"};

// A scan a citizen attaches: its marker must never be in the store in clear.
const std::string kScanMarker = "so-can-cuoc-079088001234";
const std::string kScan = "%PDF-1.4\n% " + kScanMarker + "\n%%EOF\n";
const std::string kScanName = "CCCD Nguyễn Văn Thử.pdf";

test::HttpResponse post_with_files(std::uint16_t port, const Fields& fields, const std::vector<test::FilePart>& files) {
  return test::http_request("127.0.0.1", port, "POST", "/hoi-dap/gui-cau-hoi",
                            {{"Content-Type", test::multipart_type()}}, test::encode_multipart(fields, files));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(citizen_questions)

BOOST_AUTO_TEST_CASE(a_question_goes_from_the_citizen_to_the_agency_to_the_board_and_is_published_masked) {
  QuestionSite site;
  test::RunningDaemon daemon(site.data, kNoWait);
  const auto port = daemon.port();
  const std::string title = "Thủ tục cấp giấy phép hành nghề y";
  const std::string code = ask(port, title);
  // The citizen's status page: the state, never the contacts or the question.
  const auto status = daemon.get("/hoi-dap/tra-cuu?ma=" + code + "&da-gui=1");
  BOOST_TEST(status.status == 200);
  BOOST_TEST(has(status.body, code));
  BOOST_TEST(has(status.body, "Đã tiếp nhận"));
  BOOST_TEST(!has(status.body, kEmail));
  BOOST_TEST(!has(status.body, "Nguyễn Văn"));
  BOOST_TEST(!has(status.body, title));
  BOOST_TEST(status.header("Referrer-Policy").value_or("") == "no-referrer");
  // Typed in lower case with spaces, the code still finds it.
  std::string typed = code;
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  BOOST_TEST(daemon.get("/hoi-dap/tra-cuu?ma=" + model::url_encode_component(typed)).status == 200);
  BOOST_TEST(daemon.get("/hoi-dap/tra-cuu?ma=AAAA-BBBB-CCCC").status == 404);
  const auto metrics = daemon.get("/metrics").body;
  BOOST_TEST(has(metrics, "portald_questions_open 1"));
  BOOST_TEST(has(metrics, "portald_questions_overdue 0"));

  AdminClient secretariat{port};
  secretariat.login("thuky", test::kPassword);
  const std::string id = queue_id(secretariat, title);
  BOOST_REQUIRE(!id.empty());
  const auto item = secretariat.get("/quan-tri/hoi-dap/" + id);
  BOOST_TEST(item.status == 200);
  BOOST_TEST(!has(item.body, kEmail));  // contacts only behind the audited button
  BOOST_TEST(has(item.body, "[email đã ẩn]"));
  // Assigning needs an agency: refused with the reason kept.
  auto r = secretariat.post("/quan-tri/hoi-dap/" + id + "/buoc",
                            {{"buoc", "assign"}, {"ly-do", "Ghi chú giao"}, {"co-quan", ""}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Ghi chú giao"));
  // The Sở Y tế option: find its value by label.
  const std::string yte = option_value(item.body, "Sở Y tế");
  r = secretariat.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "assign"}, {"ly-do", ""}, {"co-quan", yte}});
  BOOST_TEST(r.status == 303);

  // The other agency's answerer: not in its queue, 404 on the page and on every post.
  AdminClient other{port};
  other.login("traloixaydung", test::kPassword);
  BOOST_TEST(queue_id(other, title).empty());
  BOOST_TEST(other.get("/quan-tri/hoi-dap/" + id).status == 404);
  BOOST_TEST(other.post("/quan-tri/hoi-dap/" + id + "/tra-loi", {{"tra-loi", "x"}, {"gui", "1"}}).status == 404);
  BOOST_TEST(other.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "return-not-ours"}, {"ly-do", "x"}}).status ==
             404);
  BOOST_TEST(other.post("/quan-tri/hoi-dap/" + id + "/lien-he", {}).status == 404);

  // The agency answers and sends it to the board.
  AdminClient answerer{port};
  answerer.login("traloiyte", test::kPassword);
  BOOST_TEST(queue_id(answerer, title) == id);
  const std::string answer = "Hồ sơ nộp tại Bộ phận một cửa của Sở Y tế, thời hạn giải quyết 20 ngày.";
  r = answerer.post("/quan-tri/hoi-dap/" + id + "/tra-loi", {{"tra-loi", answer}, {"gui", "1"}});
  BOOST_TEST(r.status == 303);
  // A second send is refused (no longer at the agency) and shows what was typed.
  r = answerer.post("/quan-tri/hoi-dap/" + id + "/tra-loi", {{"tra-loi", "bản sửa muộn"}, {"gui", "1"}});
  BOOST_TEST(r.status == 403);

  // The board approves and publishes.
  AdminClient chief{port};
  chief.login("truongban", test::kPassword);
  BOOST_TEST(chief.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "approve"}, {"ly-do", ""}}).status == 303);
  BOOST_TEST(chief.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "publish"}, {"ly-do", ""}}).status == 303);

  // Readers: masked name, masked e-mail in the text, the answer; never the contacts.
  const auto list = daemon.get("/hoi-dap");
  BOOST_TEST(list.status == 200);
  BOOST_TEST(has(list.body, title));
  BOOST_TEST(has(list.body, "Nguyễn V. T."));
  const auto page = daemon.get("/hoi-dap/" + id);
  BOOST_TEST(page.status == 200);
  BOOST_TEST(has(page.body, answer));
  BOOST_TEST(has(page.body, "Nguyễn V. T."));
  BOOST_TEST(!has(page.body, kName));
  BOOST_TEST(!has(page.body, kEmail));
  BOOST_TEST(!has(page.body, "0912"));
  BOOST_TEST(has(page.body, "[email đã ẩn]"));
  const auto done = daemon.get("/hoi-dap/tra-cuu?ma=" + code);
  BOOST_TEST(has(done.body, answer));
  BOOST_TEST(has(done.body, "/hoi-dap/" + id));

  // The contacts: shown to the handler on request, and the view is in the audit log.
  const auto contact = secretariat.post("/quan-tri/hoi-dap/" + id + "/lien-he", {});
  BOOST_TEST(contact.status == 200);
  BOOST_TEST(has(contact.body, kEmail));
  BOOST_TEST(has(contact.body, kPhone));
  AdminClient op{port};
  op.login("quantri", test::kPassword);
  const auto audit = op.get("/quan-tri/nhat-ky.csv");
  for (const char* action : {"question.submit", "question.assign", "question.answer", "question.approve",
                             "question.publish", "question.contact-view"})
    BOOST_TEST(has(audit.body, action), action);

  // This month's report: the board sees every agency and the total; an agency only its own row.
  const auto report = chief.get("/quan-tri/hoi-dap/bao-cao");
  BOOST_TEST(report.status == 200);
  BOOST_TEST(has(report.body, "<th scope=\"row\">Sở Y tế</th><td>1</td><td>1</td><td>1</td><td>0</td><td>0</td>"));
  BOOST_TEST(has(report.body, "Tổng cộng"));
  const auto csv = chief.get("/quan-tri/hoi-dap/bao-cao.csv");
  BOOST_TEST(csv.status == 200);
  BOOST_TEST(csv.header("Content-Type").value_or("") == "text/csv; charset=utf-8");
  BOOST_TEST(has(csv.body, "\r\n\"Sở Y tế\",1,1,1,0,0,\"0,0\",0\r\n"), csv.body);
  BOOST_TEST(has(csv.body, "\"Tổng cộng\",1,1,1,0,0,"));
  const auto own = answerer.get("/quan-tri/hoi-dap/bao-cao");
  BOOST_TEST(has(own.body, ">Sở Y tế</th>"));
  BOOST_TEST(!has(own.body, "Tổng cộng"));
  const auto others = other.get("/quan-tri/hoi-dap/bao-cao.csv");
  BOOST_TEST(others.status == 200);
  BOOST_TEST(!has(others.body, "Sở Y tế"));
  BOOST_TEST(!has(others.body, "Tổng cộng"));
  BOOST_TEST(chief.get("/quan-tri/hoi-dap/bao-cao?thang=2026-13").status == 400);
}

BOOST_AUTO_TEST_CASE(refused_forms_keep_what_was_typed_and_store_nothing) {
  QuestionSite site;
  test::RunningDaemon daemon(site.data);  // the default minimum fill time (5 s)
  const auto port = daemon.port();
  const std::string token = form_token(port);
  // Too fast: the form comes back with everything typed.
  auto r = post_form(port, "/hoi-dap/gui-cau-hoi", question_fields(token, "Câu hỏi gửi quá nhanh"));
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Câu hỏi gửi quá nhanh"));
  BOOST_TEST(has(r.body, kEmail));
  BOOST_TEST(has(r.body, "thủ tục cấp giấy phép"));
  // Missing consent and a bad e-mail: both named, nothing lost.
  auto fields = question_fields(token, "Câu hỏi thiếu đồng ý");
  std::erase_if(fields, [](const auto& kv) { return kv.first == "dong-y" || kv.first == "email"; });
  fields.emplace_back("email", "không-phải-email");
  r = post_form(port, "/hoi-dap/gui-cau-hoi", fields);
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Câu hỏi thiếu đồng ý"));
  BOOST_TEST(has(r.body, "không-phải-email"));
  BOOST_TEST(has(r.body, "đồng ý cho cổng thông tin xử lý dữ liệu cá nhân"));
  // The honeypot, after the minimum time: refused too.
  std::this_thread::sleep_for(std::chrono::seconds(6));
  fields = question_fields(token, "Câu hỏi của máy");
  for (auto& [k, v] : fields)
    if (k == "website") v = "http://spam.example";
  r = post_form(port, "/hoi-dap/gui-cau-hoi", fields);
  BOOST_TEST(r.status == 422);
  // A forged token: refused as a stale form, what was typed kept.
  r = post_form(port, "/hoi-dap/gui-cau-hoi", question_fields("1.00", "Câu hỏi với mã giả"));
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Câu hỏi với mã giả"));
  // Nothing of the above reached the data centre's queue.
  AdminClient secretariat{port};
  secretariat.login("thuky", test::kPassword);
  BOOST_TEST(has(secretariat.get("/quan-tri/hoi-dap").body, "Không có câu hỏi nào."));
  // The same token, now old enough, is accepted.
  r = post_form(port, "/hoi-dap/gui-cau-hoi", question_fields(token, "Câu hỏi hợp lệ sau khi chờ"));
  BOOST_TEST(r.status == 303);
}

// Attachments (issue 12): a photo and a scan go with the question, sealed; the handlers download them
// (audited), another agency never; a wrong type or a file over the limit is refused with the form kept;
// a body far over the limit is cut short with 413.
BOOST_AUTO_TEST_CASE(attachments_reach_the_handlers_only_and_refusals_keep_the_form) {
  QuestionSite site;
  test::RunningDaemon daemon(site.data, kNoWait);
  const auto port = daemon.port();
  const auto form = daemon.get("/hoi-dap/gui-cau-hoi");
  BOOST_TEST(has(form.body, "enctype=\"multipart/form-data\""));
  BOOST_TEST(has(form.body, "name=\"tep\" type=\"file\" multiple"));
  BOOST_TEST(has(form.body, "mỗi tệp không quá 5 MB"));

  // A page posing as a photo: refused, what was typed kept, and the person told to choose files again.
  const std::string title = "Phản ánh rác thải tại chợ";
  auto r = post_with_files(port, question_fields(form_token(port), title),
                           {{"tep", "anh.png", "image/png", "<html><script>alert(1)</script></html>"}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Tệp &quot;anh.png&quot; không phải ảnh (JPEG, PNG, WebP) hoặc tệp PDF."), r.body);
  BOOST_TEST(has(r.body, title));
  BOOST_TEST(has(r.body, kEmail));
  BOOST_TEST(has(r.body, "Vui lòng chọn lại tệp đính kèm"));
  // Over the 5 MB limit but within what the form may send: the form's own refusal.
  const std::string big = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(6 << 20, 'x');
  r = post_with_files(port, question_fields(form_token(port), title), {{"tep", "lon.png", "image/png", big}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "quá lớn"));
  BOOST_TEST(has(r.body, title));
  // Far over it (4 such files, 24 MB): answered 413 from the headers, before a byte of the body is read.
  {
    test::RawConnection c("127.0.0.1", port);
    BOOST_TEST_REQUIRE(
        c.send("POST /hoi-dap/gui-cau-hoi HTTP/1.1\r\nHost: x\r\nContent-Type: " + test::multipart_type() +
               "\r\nContent-Length: " + std::to_string(4 * big.size()) + "\r\n\r\n"));
    const auto cut = c.read_response(std::chrono::seconds(5));
    BOOST_TEST_REQUIRE(cut.has_value());
    BOOST_TEST(cut->status == 413);
  }

  // A real photo and a scan.
  const std::string photo = test::make_image(40, 30, ".png");
  r = post_with_files(port, question_fields(form_token(port), title),
                      {{"tep", "hien-truong.png", "image/png", photo}, {"tep", kScanName, "application/pdf", kScan}});
  BOOST_REQUIRE_MESSAGE(r.status == 303, r.status << " " << r.body.substr(0, 2000));
  // The citizen's own export lists the files by name.
  const std::string location(r.header("Location").value_or(""));
  const std::string code = location.substr(20, location.find('&') - 20);
  const auto mine =
      post_form(port, "/hoi-dap/du-lieu-ca-nhan", {{"ma", code}, {"lien-he", kEmail}, {"dinh-dang", "json"}});
  BOOST_TEST(mine.status == 200);
  const auto exported = nlohmann::json::parse(mine.body);
  BOOST_TEST_REQUIRE(exported["attachments"].size() == 2u);
  BOOST_TEST(exported["attachments"][0]["type"] == "image/png");
  BOOST_TEST(exported["attachments"][1]["name"] == kScanName);

  AdminClient secretariat{port};
  secretariat.login("thuky", test::kPassword);
  const std::string id = queue_id(secretariat, title);
  BOOST_REQUIRE(!id.empty());
  const auto item = secretariat.get("/quan-tri/hoi-dap/" + id);
  BOOST_TEST(has(item.body, "Tệp đính kèm"));
  BOOST_TEST(has(item.body, "Tải tệp 2</button> tệp PDF"));
  BOOST_TEST(!has(item.body, "CCCD"));  // the name only with the download
  const auto scan = secretariat.post("/quan-tri/hoi-dap/" + id + "/tep", {{"so", "1"}});
  BOOST_TEST(scan.status == 200);
  BOOST_TEST(scan.body == kScan);
  BOOST_TEST(has(std::string(scan.header("Content-Disposition").value_or("")),
                 "attachment; filename=\"cccd-nguyen-van-thu.pdf\"; filename*=UTF-8''CCCD%20Nguy"));
  BOOST_TEST(scan.header("Cache-Control").value_or("") == "no-store");
  BOOST_TEST(secretariat.post("/quan-tri/hoi-dap/" + id + "/tep", {{"so", "0"}}).body == photo);
  BOOST_TEST(secretariat.post("/quan-tri/hoi-dap/" + id + "/tep", {{"so", "2"}}).status == 409);
  BOOST_TEST(secretariat.post("/quan-tri/hoi-dap/" + id + "/tep", {{"so", "x"}}).status == 400);

  // Assigned to Sở Y tế: the other agency gets 404, never the file.
  const std::string yte = option_value(item.body, "Sở Y tế");
  BOOST_TEST(
      secretariat.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "assign"}, {"ly-do", ""}, {"co-quan", yte}})
          .status == 303);
  AdminClient other{port};
  other.login("traloixaydung", test::kPassword);
  const auto refused = other.post("/quan-tri/hoi-dap/" + id + "/tep", {{"so", "1"}});
  BOOST_TEST(refused.status == 404);
  BOOST_TEST(!has(refused.body, kScanMarker));
  AdminClient answerer{port};
  answerer.login("traloiyte", test::kPassword);
  BOOST_TEST(answerer.post("/quan-tri/hoi-dap/" + id + "/tep", {{"so", "1"}}).body == kScan);

  AdminClient op{port};
  op.login("quantri", test::kPassword);
  const auto audit = op.get("/quan-tri/nhat-ky.csv").body;
  BOOST_TEST(has(audit, "question.file-view"));
  BOOST_TEST(!has(raw_store(site.data), kScanMarker));
}

BOOST_AUTO_TEST_CASE(a_flood_from_one_address_is_throttled_with_the_form_kept) {
  QuestionSite site;
  std::vector<std::string> args = kNoWait;
  args.insert(args.end(), {"--question-limit-per-address", "3"});
  test::RunningDaemon daemon(site.data, args);
  const auto port = daemon.port();
  const std::string token = form_token(port);
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(
        post_form(port, "/hoi-dap/gui-cau-hoi", question_fields(token, "Câu hỏi số " + std::to_string(i))).status ==
        303);
  const auto r = post_form(port, "/hoi-dap/gui-cau-hoi", question_fields(token, "Câu hỏi thứ tư bị chặn"));
  BOOST_TEST(r.status == 429);
  BOOST_TEST(r.header("Retry-After").has_value());
  BOOST_TEST(has(r.body, "Câu hỏi thứ tư bị chặn"));
  // Readers are not slowed down or refused meanwhile.
  BOOST_TEST(daemon.get("/hoi-dap").status == 200);
}

BOOST_AUTO_TEST_CASE(the_raw_store_never_holds_a_citizens_email_or_phone) {
  QuestionSite site;
  {
    test::RunningDaemon daemon(site.data, kNoWait);
    ask(daemon.port(), "Câu hỏi để kiểm tra dữ liệu thô");
  }
  const std::string raw = raw_store(site.data);
  BOOST_REQUIRE(raw.size() > 4096);
  BOOST_TEST(has(raw, "Câu hỏi để kiểm tra dữ liệu thô"));  // the store does hold the question
  BOOST_TEST(!has(raw, kEmail));
  BOOST_TEST(!has(raw, "0912 345 678"));
  BOOST_TEST(!has(raw, "0912345678"));
  BOOST_TEST(!has(raw, kName));

  // A snapshot of that store (unencrypted: LMDB's own copy, data.mdb as it is) holds the question and no contact.
  const auto keys = site.dir.path / "snapshot-keys", target = site.dir.path / "snapshots";
  std::filesystem::create_directories(target);
  const auto made =
      test::portaldctl(site.data, {"--backup-dir", target.string(), "--backup-key", (keys / "s.key").string(),
                                   "--backup-public-key", (keys / "s.pub").string(), "backup"});
  BOOST_REQUIRE_MESSAGE(made.exit_code == 0, made.err);
  std::string snapshot;
  for (const auto& e : std::filesystem::recursive_directory_iterator(target)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    snapshot.append(std::istreambuf_iterator<char>(in), {});
  }
  BOOST_REQUIRE(snapshot.size() > 4096);
  BOOST_TEST(has(snapshot, "Câu hỏi để kiểm tra dữ liệu thô"));
  BOOST_TEST(!has(snapshot, kEmail));
  BOOST_TEST(!has(snapshot, "0912 345 678"));
  BOOST_TEST(!has(snapshot, kName));
}

BOOST_AUTO_TEST_CASE(an_agency_returns_what_is_not_its_own_and_the_data_centre_sees_why) {
  QuestionSite site;
  test::RunningDaemon daemon(site.data, kNoWait);
  const auto port = daemon.port();
  const std::string title = "Câu hỏi giao nhầm cơ quan";
  ask(port, title);
  AdminClient secretariat{port};
  secretariat.login("thuky", test::kPassword);
  const std::string id = queue_id(secretariat, title);
  const auto item = secretariat.get("/quan-tri/hoi-dap/" + id);
  const std::string xd = option_value(item.body, "Sở Xây dựng");
  BOOST_TEST(secretariat.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "assign"}, {"co-quan", xd}}).status ==
             303);
  AdminClient answerer{port};
  answerer.login("traloixaydung", test::kPassword);
  // Without a reason: refused, nothing changes.
  auto r = answerer.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "return-not-ours"}, {"ly-do", " "}});
  BOOST_TEST(r.status == 403);
  BOOST_TEST(has(r.body, "Vui lòng ghi rõ lý do."));
  r = answerer.post("/quan-tri/hoi-dap/" + id + "/buoc",
                    {{"buoc", "return-not-ours"}, {"ly-do", "Thuộc thẩm quyền của Sở Y tế."}});
  BOOST_TEST(r.status == 303);
  BOOST_TEST(r.header("Location").value_or("") == "/quan-tri/hoi-dap");  // no longer theirs
  BOOST_TEST(answerer.get("/quan-tri/hoi-dap/" + id).status == 404);
  const auto back = secretariat.get("/quan-tri/hoi-dap?trang-thai=received");
  BOOST_TEST(has(back.body, title));
  BOOST_TEST(has(back.body, "Thuộc thẩm quyền của Sở Y tế."));
}

BOOST_AUTO_TEST_CASE(the_citizen_gets_the_receipt_and_the_answer_and_the_agency_its_assignment_by_email) {
  QuestionSite site;
  test::SmtpServer smtp;
  const auto sendmail = test::write_msmtp_sendmail(site.dir.path, smtp.port());
  const auto mail_set = test::portaldctl(site.data, {"user", "email", "traloiyte", "can.bo.yte@example.vn"});
  BOOST_REQUIRE_MESSAGE(mail_set.exit_code == 0, mail_set.err);
  std::vector<std::string> args = kNoWait;
  args.insert(args.end(), {"--sendmail", sendmail.string(), "--mail-from", "no-reply@portal.test"});
  test::RunningDaemon daemon(site.data, args);
  const auto port = daemon.port();
  const std::string title = "Câu hỏi có thư báo";
  const std::string code = ask(port, title);
  auto mail = smtp.wait_for_messages(1, std::chrono::seconds(30));
  BOOST_REQUIRE_EQUAL(mail.size(), 1u);
  BOOST_TEST(mail[0].rcpt_tos == std::vector<std::string>{kEmail});
  BOOST_TEST(has(mail[0].subject, code));
  BOOST_TEST(has(mail[0].body, "/hoi-dap/tra-cuu?ma=" + code));
  BOOST_TEST(has(mail[0].body, title));

  AdminClient secretariat{port};
  secretariat.login("thuky", test::kPassword);
  const std::string id = queue_id(secretariat, title);
  const auto item = secretariat.get("/quan-tri/hoi-dap/" + id);
  const std::string yte = option_value(item.body, "Sở Y tế");
  BOOST_TEST(secretariat.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "assign"}, {"co-quan", yte}}).status ==
             303);
  mail = smtp.wait_for_messages(2, std::chrono::seconds(30));
  BOOST_TEST(mail[1].rcpt_tos == std::vector<std::string>{"can.bo.yte@example.vn"});
  BOOST_TEST(has(mail[1].body, "/quan-tri/hoi-dap/" + id));
  BOOST_TEST(!has(mail[1].body, kEmail));  // the agency's notice carries no contact

  AdminClient answerer{port};
  answerer.login("traloiyte", test::kPassword);
  const std::string answer = "Trả lời chính thức gửi qua thư điện tử.";
  BOOST_TEST(answerer.post("/quan-tri/hoi-dap/" + id + "/tra-loi", {{"tra-loi", answer}, {"gui", "1"}}).status == 303);
  AdminClient chief{port};
  chief.login("truongban", test::kPassword);
  BOOST_TEST(chief.post("/quan-tri/hoi-dap/" + id + "/buoc", {{"buoc", "approve"}, {"ly-do", ""}}).status == 303);
  mail = smtp.wait_for_messages(3, std::chrono::seconds(30));
  BOOST_TEST(mail[2].rcpt_tos == std::vector<std::string>{kEmail});
  BOOST_TEST(has(mail[2].body, answer));
  BOOST_TEST(has(mail[2].subject, code));
  // Nothing addressed to the citizen is in clear in the store while it waited or after.
  daemon.stop();
  BOOST_TEST(!has(raw_store(site.data), kEmail));
}

BOOST_AUTO_TEST_SUITE_END()
