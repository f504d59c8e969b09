// Legal documents managed in the browser (issue 14), over real HTTP against the real daemon: who may
// create and who may approve, CSRF, validation in Vietnamese with nothing written and the form kept,
// approval making a document public (page, list, sitemap, search), validity marks linked on both public
// pages, withdrawal hiding it, revisions listed with who and when, imported documents still published.
#include <chrono>
#include <thread>

#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using namespace std::chrono_literals;
using test::AdminClient;
using test::has;

namespace {

const std::string kPdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

struct FilePart {
  std::string field, name, bytes;
};

// A multipart/form-data POST, as the document form sends it (csrf added unless told not to).
test::HttpResponse post_multipart(const AdminClient& c, const std::string& target, test::Fields fields,
                                  const std::vector<FilePart>& files = {}, bool with_csrf = true) {
  if (with_csrf) fields.emplace_back("csrf", c.csrf);
  const std::string b = "----portaldvanban";
  std::string body;
  for (const auto& [k, v] : fields)
    body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  for (const auto& f : files)
    body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" + f.name +
            "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + f.bytes + "\r\n";
  body += "--" + b + "--\r\n";
  auto headers = c.cookie_headers();
  headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + b);
  return test::http_request("127.0.0.1", c.port, "POST", target, headers, body);
}

test::Fields fields(const std::string& number, const std::string& abstract = "Ban hành quy định quản lý chợ") {
  return {{"number", number},          {"type", "Quyết định"},         {"issuer", "UBND tỉnh"}, {"signer", "Lê Văn C"},
          {"issued_on", "2025-01-10"}, {"effective_on", "2025-01-20"}, {"expires_on", ""},      {"field", "Thương mại"},
          {"abstract", abstract},      {"national_db_url", ""},        {"library", ""}};
}

// The id in a Location such as /quan-tri/van-ban/12?da-luu=1.
std::string id_in(const test::HttpResponse& r) {
  const std::string loc(r.header("Location").value_or(""));
  const std::string prefix = "/quan-tri/van-ban/";
  BOOST_REQUIRE_MESSAGE(loc.starts_with(prefix), "Location: " << loc << " status " << r.status << r.body);
  return loc.substr(prefix.size(), loc.find('?') - prefix.size());
}

std::string create(const AdminClient& who, const std::string& number, const std::vector<FilePart>& files = {},
                   const std::string& abstract = "Ban hành quy định quản lý chợ") {
  const auto r = post_multipart(who, "/quan-tri/van-ban/moi", fields(number, abstract), files);
  BOOST_REQUIRE_MESSAGE(r.status == 303, "create " << number << ": " << r.status << r.body);
  return id_in(r);
}

test::HttpResponse step(const AdminClient& who, const std::string& id, const std::string& key,
                        const std::string& reason = "") {
  test::Fields f{{"transition", key}};
  if (!reason.empty()) f.emplace_back("reason", reason);
  return who.post("/quan-tri/van-ban/" + id + "/chuyen", f);
}

// The public address of a document: the first link to /van-ban/...-ID on its admin page.
std::string public_url(const AdminClient& who, const std::string& id) {
  const auto page = who.get("/quan-tri/van-ban/" + id);
  const auto p = page.body.find("<a href=\"/van-ban/");
  BOOST_REQUIRE_MESSAGE(p != std::string::npos, "no public link on the admin page of " << id);
  const auto start = p + 9;
  return page.body.substr(start, page.body.find('"', start) - start);
}

struct Desk {
  test::AdminSite site;
  test::RunningDaemon daemon{site.data};
  AdminClient chief{daemon.port()}, secretary{daemon.port()}, contributor{daemon.port()};
  Desk() {
    chief.login("truongban", test::kPassword);
    secretary.login("thuky", test::kPassword);
    contributor.login("congtacvien", test::kPassword);
  }
  // The board alone takes a document from draft to published.
  std::string published(const std::string& number, const std::string& abstract = "Ban hành quy định quản lý chợ") {
    const auto id = create(chief, number, {}, abstract);
    for (const char* key : {"submit", "take-for-editing", "send-for-approval", "approve"}) {
      const auto r = step(chief, id, key);
      BOOST_REQUIRE_MESSAGE(r.status == 303, key << ": " << r.status << r.body);
    }
    return id;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_documents)

BOOST_AUTO_TEST_CASE(a_contributor_drafts_the_board_approves_and_only_then_is_it_public) {
  Desk d;
  // Linked from the admin navigation for everyone who writes.
  BOOST_TEST(has(d.contributor.get("/quan-tri").body, "href=\"/quan-tri/van-ban\""));
  BOOST_TEST(d.contributor.get("/quan-tri/van-ban/moi").status == 200);
  const auto id = create(d.contributor, "2468/QĐ-UBND", {{"new_file", "quyết định chợ.pdf", kPdf}},
                         "Quy định quản lý chợ đầu mối nông sản");
  const auto edit = d.contributor.get("/quan-tri/van-ban/" + id);
  BOOST_TEST(edit.status == 200);
  BOOST_TEST(has(edit.body, "Bản nháp"));
  BOOST_TEST(has(edit.body, "quyết định chợ.pdf"));
  // A draft is on no public page, list, sitemap or search.
  BOOST_TEST(d.daemon.get("/van-ban/2468-qd-ubnd-" + id).status == 404);
  BOOST_TEST(!has(d.daemon.get("/van-ban").body, "2468/QĐ-UBND"));
  BOOST_TEST(!has(d.daemon.get("/sitemap.xml").body, "-" + id + "<"));
  BOOST_TEST(d.daemon.get("/api/v1/documents/" + id).status == 404);
  // The contributor cannot publish: approving is refused and changes nothing.
  const auto self_approve = step(d.contributor, id, "approve");
  BOOST_TEST(self_approve.status == 403);
  BOOST_TEST(has(self_approve.body, "Văn bản không ở trạng thái cho phép thao tác này."));
  BOOST_TEST(step(d.contributor, id, "submit").status == 303);
  // Once submitted the author may no longer change it, nor may the operator open documents at all.
  BOOST_TEST(post_multipart(d.contributor, "/quan-tri/van-ban/" + id, fields("2468/QĐ-UBND")).status == 403);
  AdminClient op{d.daemon.port()};
  op.login("quantri", test::kPassword);
  BOOST_TEST(op.get("/quan-tri/van-ban").status == 403);
  BOOST_TEST(op.get("/quan-tri/van-ban/" + id).status == 403);
  // The secretariat edits and sends it on but cannot approve.
  BOOST_TEST(step(d.secretary, id, "take-for-editing").status == 303);
  BOOST_TEST(step(d.secretary, id, "send-for-approval").status == 303);
  const auto secretary_approve = step(d.secretary, id, "approve");
  BOOST_TEST(secretary_approve.status == 403);
  BOOST_TEST(has(secretary_approve.body, "Vai trò của bạn không được thực hiện thao tác này."));
  BOOST_TEST(d.daemon.get("/van-ban/2468-qd-ubnd-" + id).status == 404);
  // The board approves: public page, list, sitemap, API, the attachment and search follow.
  const auto board_list = d.chief.get("/quan-tri/van-ban?trang-thai=awaiting-approval");
  BOOST_TEST(has(board_list.body, "2468/QĐ-UBND"));
  BOOST_TEST(step(d.chief, id, "approve").status == 303);
  const auto url = public_url(d.chief, id);
  const auto page = d.daemon.get(url);
  BOOST_TEST(page.status == 200);
  BOOST_TEST(has(page.body, "Quyết định số 2468/QĐ-UBND"));
  BOOST_TEST(has(page.body, "Lê Văn C"));
  BOOST_TEST(has(page.body, "Tải về quyết định chợ.pdf"));
  const auto file_at = page.body.find(url + "/tep/");
  BOOST_TEST_REQUIRE(file_at != std::string::npos);
  const auto file = d.daemon.get(page.body.substr(file_at, page.body.find('"', file_at) - file_at));
  BOOST_TEST(file.status == 200);
  BOOST_TEST(file.body == kPdf);
  BOOST_TEST(has(d.daemon.get("/van-ban").body, "2468/QĐ-UBND"));
  BOOST_TEST(has(d.daemon.get("/sitemap.xml").body, url));
  BOOST_TEST(d.daemon.get("/api/v1/documents/" + id).status == 200);
  bool found = false;
  for (int i = 0; i < 100 && !found; ++i) {
    found = has(d.daemon.get("/api/v1/search?q=cho+dau+moi+nong+san").body, url);
    if (!found) std::this_thread::sleep_for(50ms);
  }
  BOOST_TEST(found);
  // Every step is in the audit log under its own name.
  const auto audit = d.chief.get("/quan-tri/nhat-ky?doi-tuong=document/" + id);
  for (const char* action : {"document.create", "document.submit", "document.take-for-editing",
                             "document.send-for-approval", "document.approve", "Duyệt và công bố văn bản"})
    BOOST_TEST(has(audit.body, action), action);
  // Each entry names the document by its title, linked to its admin page.
  BOOST_TEST(has(audit.body, "<a href=\"/quan-tri/van-ban/" + id + "\">Văn bản: "));
}

BOOST_AUTO_TEST_CASE(a_post_without_the_csrf_token_is_refused_and_writes_nothing) {
  Desk d;
  const auto missing = post_multipart(d.contributor, "/quan-tri/van-ban/moi", fields("11/QĐ-UBND"), {}, false);
  BOOST_TEST(missing.status == 403);
  BOOST_TEST(has(missing.body, "Biểu mẫu đã hết hạn hoặc không hợp lệ"));
  auto wrong = fields("11/QĐ-UBND");
  wrong.emplace_back("csrf", d.secretary.csrf);  // another session's token
  BOOST_TEST(post_multipart(d.contributor, "/quan-tri/van-ban/moi", wrong, {}, false).status == 403);
  BOOST_TEST(!has(d.chief.get("/quan-tri/van-ban").body, "11/QĐ-UBND"));
  // The board's marks are state changes too.
  const auto id = d.published("12/QĐ-UBND");
  BOOST_TEST(
      d.chief.post("/quan-tri/van-ban/" + id + "/het-hieu-luc", {{"on", "2025-02-01"}, {"note", "x"}}, false).status ==
      403);
  BOOST_TEST(!has(d.daemon.get(public_url(d.chief, id)).body, "Hết hiệu lực"));
}

BOOST_AUTO_TEST_CASE(invalid_fields_are_named_in_vietnamese_nothing_is_written_and_the_form_keeps_them) {
  Desk d;
  auto bad = fields("QĐ-1382", "Trích yếu gõ dở");
  for (auto& [k, v] : bad) {
    if (k == "signer") v = "";
    if (k == "effective_on") v = "2025-01-05";  // before the issue date
    if (k == "expires_on") v = "32/13/2025";    // no date at all
  }
  const auto r = post_multipart(d.contributor, "/quan-tri/van-ban/moi", bad, {{"new_file", "a.pdf", kPdf}});
  BOOST_TEST(r.status == 422);
  for (const char* text :
       {"Số ký hiệu “QĐ-1382” không đúng dạng", "1382/QĐ-UBND", "15/2023/NĐ-CP", "Vui lòng nhập người ký văn bản.",
        "Ngày có hiệu lực (05/01/2025) không được trước ngày ban hành (10/01/2025).",
        "Ngày hết hiệu lực “32/13/2025” không phải một ngày", "Các tệp bạn vừa chọn chưa được lưu"})
    BOOST_TEST(has(r.body, text), text);
  // What was typed is back in the form.
  BOOST_TEST(test::input_value(r.body, "number") == "QĐ-1382");
  BOOST_TEST(test::input_value(r.body, "issued_on") == "2025-01-10");
  BOOST_TEST(test::input_value(r.body, "expires_on") == "32/13/2025");
  BOOST_TEST(has(r.body, ">Trích yếu gõ dở</textarea>"));
  // Nothing was stored: no document, no upload, no audit line.
  BOOST_TEST(!has(d.chief.get("/quan-tri/van-ban").body, "Trích yếu gõ dở"));
  BOOST_TEST(!has(d.chief.get("/quan-tri/thu-vien").body, "a.pdf"));
  BOOST_TEST(!has(d.chief.get("/quan-tri/nhat-ky?thao-tac=document.").body, "document.create"));
  // A date order error on an edit keeps the saved version untouched too.
  const auto id = create(d.contributor, "13/QĐ-UBND");
  auto late = fields("13/QĐ-UBND");
  for (auto& [k, v] : late)
    if (k == "expires_on") v = "2025-01-15";  // before it takes effect
  const auto refused = post_multipart(d.contributor, "/quan-tri/van-ban/" + id, late);
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(has(refused.body, "Ngày hết hiệu lực (15/01/2025) không được trước ngày có hiệu lực (20/01/2025)."));
  BOOST_TEST(test::input_value(refused.body, "expires_on") == "2025-01-15");
  BOOST_TEST(test::input_value(d.contributor.get("/quan-tri/van-ban/" + id).body, "expires_on") == "");
}

BOOST_AUTO_TEST_CASE(expiry_and_replacement_show_on_both_public_pages) {
  Desk d;
  const auto old_id = d.published("20/2025/QĐ-UBND", "Quy định cũ về phí chợ");
  const auto new_id = d.published("21/2025/QĐ-UBND", "Quy định mới về phí chợ");
  // Not the secretariat's decision.
  BOOST_TEST(
      d.secretary.post("/quan-tri/van-ban/" + old_id + "/thay-the", {{"by", "21/2025/QĐ-UBND"}, {"on", ""}}).status ==
      403);
  // A number that is nobody's is refused with the form kept.
  const auto unknown =
      d.chief.post("/quan-tri/van-ban/" + old_id + "/thay-the", {{"by", "99/2025/QĐ-UBND"}, {"on", ""}});
  BOOST_TEST(unknown.status == 422);
  BOOST_TEST(has(unknown.body, "Không tìm thấy văn bản đang công bố có số ký hiệu “99/2025/QĐ-UBND”"));
  BOOST_TEST(test::input_value(unknown.body, "by") == "99/2025/QĐ-UBND");
  const auto r = d.chief.post("/quan-tri/van-ban/" + old_id + "/thay-the", {{"by", "21/2025/QĐ-UBND"}, {"on", ""}});
  BOOST_TEST(r.status == 303);
  const auto old_page = d.daemon.get(public_url(d.chief, old_id));
  const auto new_url = public_url(d.chief, new_id);
  BOOST_TEST(has(old_page.body, "Được thay thế bởi"));
  BOOST_TEST(has(old_page.body, "href=\"" + new_url + "\""));
  BOOST_TEST(has(old_page.body, "Hết hiệu lực"));  // from the new one's effective date, in the past
  const auto new_page = d.daemon.get(new_url);
  BOOST_TEST(has(new_page.body, "Thay thế văn bản"));
  BOOST_TEST(has(new_page.body, "href=\"" + public_url(d.chief, old_id) + "\""));
  BOOST_TEST(has(new_page.body, "Còn hiệu lực"));
  // Undo, then mark it expired with a note for readers.
  BOOST_TEST(d.chief.post("/quan-tri/van-ban/" + old_id + "/bo-thay-the", {}).status == 303);
  BOOST_TEST(!has(d.daemon.get(new_url).body, "Thay thế văn bản"));
  const auto before_issue =
      d.chief.post("/quan-tri/van-ban/" + old_id + "/het-hieu-luc", {{"on", "2024-12-31"}, {"note", ""}});
  BOOST_TEST(before_issue.status == 422);
  BOOST_TEST(has(before_issue.body, "không được trước ngày có hiệu lực"));
  BOOST_TEST(d.chief
                 .post("/quan-tri/van-ban/" + old_id + "/het-hieu-luc",
                       {{"on", "2025-03-01"}, {"note", "Bị bãi bỏ bởi Quyết định 30/2025/QĐ-UBND"}})
                 .status == 303);
  const auto expired = d.daemon.get(public_url(d.chief, old_id));
  BOOST_TEST(has(expired.body, "Hết hiệu lực — Bị bãi bỏ bởi Quyết định 30/2025/QĐ-UBND"));
  BOOST_TEST(has(expired.body, "01/03/2025"));
  const auto audit = d.chief.get("/quan-tri/nhat-ky?doi-tuong=document/" + old_id);
  for (const char* action : {"document.replace", "document.unreplace", "document.expire"})
    BOOST_TEST(has(audit.body, action), action);
}

BOOST_AUTO_TEST_CASE(withdrawal_hides_the_document_everywhere) {
  Desk d;
  const auto id = d.published("30/QĐ-UBND");
  const auto url = public_url(d.chief, id);
  BOOST_TEST(d.daemon.get(url).status == 200);
  const auto no_reason = step(d.chief, id, "withdraw");
  BOOST_TEST(no_reason.status == 422);
  BOOST_TEST(has(no_reason.body, "Vui lòng ghi rõ lý do."));
  BOOST_TEST(step(d.secretary, id, "withdraw", "Sai").status == 403);
  BOOST_TEST(step(d.chief, id, "withdraw", "Ban hành nhầm").status == 303);
  BOOST_TEST(d.daemon.get(url).status == 410);
  BOOST_TEST(!has(d.daemon.get("/van-ban").body, "30/QĐ-UBND"));
  BOOST_TEST(!has(d.daemon.get("/sitemap.xml").body, url));
  BOOST_TEST(d.daemon.get("/api/v1/documents/" + id).status == 404);
  const auto admin = d.chief.get("/quan-tri/van-ban/" + id);
  BOOST_TEST(has(admin.body, "Đã gỡ"));
  BOOST_TEST(has(admin.body, "Ban hành nhầm"));
}

BOOST_AUTO_TEST_CASE(every_save_keeps_a_revision_listed_with_who_and_when) {
  Desk d;
  const auto id = create(d.contributor, "40/QĐ-UBND");
  auto second = fields("40/QĐ-UBND", "Trích yếu đã sửa");
  second.emplace_back("base_revision", "1");
  BOOST_TEST(post_multipart(d.contributor, "/quan-tri/van-ban/" + id, second).status == 303);
  // The secretary saves a third version with a file; the contributor's stale form is then a conflict.
  auto third = fields("40/QĐ-UBND", "Trích yếu của thư ký");
  third.emplace_back("base_revision", "2");
  BOOST_TEST(
      post_multipart(d.secretary, "/quan-tri/van-ban/" + id, third, {{"new_file", "phu-luc.pdf", kPdf}}).status == 303);
  auto stale = fields("40/QĐ-UBND", "Bản cũ của cộng tác viên");
  stale.emplace_back("base_revision", "2");
  const auto conflict = post_multipart(d.secretary, "/quan-tri/van-ban/" + id, stale);
  BOOST_TEST(conflict.status == 409);
  BOOST_TEST(has(conflict.body, "người khác đã lưu văn bản này"));
  const auto page = d.secretary.get("/quan-tri/van-ban/" + id);
  BOOST_TEST(has(page.body, "Các phiên bản đã lưu"));
  BOOST_TEST(has(page.body, "<td>congtacvien</td>"));
  BOOST_TEST(has(page.body, "<td>thuky</td>"));
  BOOST_TEST(has(page.body, "3 (đang làm việc)"));
  BOOST_TEST(has(page.body, model::format_date_vn(model::now())));
  BOOST_TEST(has(page.body, "phu-luc.pdf"));
  // Restoring the first version makes it a fourth; the file is gone from it.
  BOOST_TEST(d.secretary.post("/quan-tri/van-ban/" + id + "/phien-ban/1/khoi-phuc", {}).status == 303);
  const auto restored = d.secretary.get("/quan-tri/van-ban/" + id);
  BOOST_TEST(has(restored.body, "4 (đang làm việc)"));
  BOOST_TEST(has(restored.body, "khôi phục từ phiên bản 1"));
  BOOST_TEST(has(restored.body, ">Ban hành quy định quản lý chợ</textarea>"));
}

BOOST_AUTO_TEST_CASE(a_workflow_button_saves_what_is_on_the_screen_with_the_step_or_nothing) {
  Desk d;
  const auto id = create(d.contributor, "50/QĐ-UBND");
  // An invalid edit sent with "Gửi duyệt": neither the edit nor the step is taken.
  auto bad = fields("50/QĐ-UBND", "Trích yếu sửa trước khi gửi");
  bad.emplace_back("transition", "submit");
  for (auto& [k, v] : bad)
    if (k == "issuer") v = "";
  const auto refused = post_multipart(d.contributor, "/quan-tri/van-ban/" + id + "/chuyen", bad);
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(has(refused.body, "Vui lòng nhập cơ quan ban hành."));
  BOOST_TEST(has(refused.body, ">Trích yếu sửa trước khi gửi</textarea>"));
  BOOST_TEST(has(d.contributor.get("/quan-tri/van-ban/" + id).body, "Bản nháp"));
  // The same with the issuing body: saved as a new version and submitted, in one go.
  auto good = fields("50/QĐ-UBND", "Trích yếu sửa trước khi gửi");
  good.emplace_back("transition", "submit");
  const auto r = post_multipart(d.contributor, "/quan-tri/van-ban/" + id + "/chuyen", good);
  BOOST_TEST(r.status == 303);
  BOOST_TEST(std::string(r.header("Location").value_or("")) ==
             "/quan-tri/van-ban/" + id + "?da-luu=1&da-chuyen=submit");
  const auto page = d.secretary.get("/quan-tri/van-ban/" + id);
  BOOST_TEST(has(page.body, "Chờ biên tập"));
  BOOST_TEST(has(page.body, ">Trích yếu sửa trước khi gửi</textarea>"));
  // The preview shows the version under work in the public template, never cached.
  const auto preview = d.secretary.get("/quan-tri/van-ban/" + id + "/xem-truoc");
  BOOST_TEST(preview.status == 200);
  BOOST_TEST(has(preview.body, "Quyết định số 50/QĐ-UBND"));
  BOOST_TEST(has(preview.body, "<strong>Bản xem trước</strong>"));
  BOOST_TEST(std::string(preview.header("Cache-Control").value_or("")) == "no-store");
  BOOST_TEST(d.daemon.get("/van-ban/50-qd-ubnd-" + id).status == 404);
}

BOOST_AUTO_TEST_CASE(imported_documents_stay_published_and_can_be_corrected_in_the_admin) {
  Desk d;
  const auto file = test::write_file(
      d.site.dir.path, "vb.jsonl",
      R"({"id": "vb-1", "number": "77/QĐ-UBND", "type": "Quyết định", "issuer": "UBND tỉnh", "issued_on": "2024-05-02", "abstract": "Văn bản nhập từ hệ thống cũ"})"
      "\n");
  const auto imp = test::portaldctl(d.site.data, {"import", "documents", file.string()});
  BOOST_REQUIRE_MESSAGE(imp.exit_code == 0, imp.err);
  const auto list = d.chief.get("/quan-tri/van-ban?tu-khoa=" + model::url_encode_component("77/QĐ"));
  BOOST_TEST(has(list.body, "Đang công bố"));
  const auto row = list.body.find("<a href=\"/quan-tri/van-ban/");
  BOOST_TEST_REQUIRE(row != std::string::npos);
  const auto start = row + std::string("<a href=\"/quan-tri/van-ban/").size();
  const std::string id = list.body.substr(start, list.body.find('"', start) - start);
  const auto url = public_url(d.chief, id);
  BOOST_TEST(d.daemon.get(url).status == 200);
  // Correcting it (adding the signer the old system lacked) keeps it online until approved.
  auto fix = fields("77/QĐ-UBND", "Văn bản nhập từ hệ thống cũ");
  for (auto& [k, v] : fix) {
    if (k == "issued_on") v = "2024-05-02";
    if (k == "effective_on") v = "";
  }
  BOOST_TEST(post_multipart(d.secretary, "/quan-tri/van-ban/" + id, fix).status == 303);
  BOOST_TEST(!has(d.daemon.get(url).body, "Lê Văn C"));
  BOOST_TEST(has(d.chief.get("/quan-tri/van-ban/" + id).body, "bản gốc"));
  for (const char* key : {"submit", "take-for-editing", "send-for-approval", "approve"})
    BOOST_TEST(step(d.chief, id, key).status == 303, key);
  BOOST_TEST(has(d.daemon.get(url).body, "Lê Văn C"));
}

// Issue 16, finding 1 for the documents' files: a draft's attachment reaches only those who may open the
// draft (through the preview's link too, never from a shared cache), nobody attaches a file they could
// not fetch by its number or address, and approval makes the file everyone's until it is withdrawn.
BOOST_AUTO_TEST_CASE(a_draft_documents_file_is_private_and_no_one_attaches_a_file_they_cannot_fetch) {
  Desk d;
  AdminClient reporter{d.daemon.port()};
  reporter.login("phongvien", test::kPassword);
  const auto id = create(d.contributor, "60/QĐ-UBND", {{"new_file", "dự thảo nội bộ.pdf", kPdf}});
  const auto edit = d.contributor.get("/quan-tri/van-ban/" + id);
  const std::string media = test::input_value(edit.body, "keep");
  BOOST_TEST_REQUIRE(!media.empty());
  const auto at = edit.body.find("<a href=\"/tep/" + media + "-");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  const std::string library_url = edit.body.substr(at + 9, edit.body.find('"', at + 9) - at - 9);
  BOOST_TEST(library_url.ends_with("/du-thao-noi-bo.pdf"));
  const std::string document_file = "/van-ban/60-qd-ubnd-" + id + "/tep/" + media;
  // The preview links the file at the document's address: for the author and the board only.
  BOOST_TEST(has(d.contributor.get("/quan-tri/van-ban/" + id + "/xem-truoc").body, document_file));
  for (const std::string& url : {document_file, library_url}) {
    BOOST_TEST(d.daemon.get(url).status == 404, url);
    BOOST_TEST(reporter.get(url).status == 404, url);
    for (const AdminClient* who : {&d.contributor, &d.secretary}) {
      const auto r = who->get(url);
      BOOST_TEST(r.status == 200, url);
      BOOST_TEST(r.body == kPdf);
      BOOST_TEST(std::string(r.header("Cache-Control").value_or("")) == "private, no-store", url);
    }
  }
  // Another writer cannot take the file into a document of theirs, by number or by address.
  for (const std::string& pick : {media, library_url, "/tep/du-thao-noi-bo.pdf-" + media}) {
    auto f = fields("61/QĐ-UBND");
    for (auto& [k, v] : f)
      if (k == "library") v = pick;
    const auto r = post_multipart(reporter, "/quan-tri/van-ban/moi", f);
    BOOST_TEST(r.status == 422, pick);
    BOOST_TEST(has(r.body, "Không có tệp mã " + media + " trong thư viện."), pick);
  }
  BOOST_TEST(!has(d.chief.get("/quan-tri/van-ban").body, "61/QĐ-UBND"));
  // Approved, the file is everyone's at both addresses; withdrawn, it is private again.
  BOOST_TEST(step(d.contributor, id, "submit").status == 303);
  for (const char* key : {"take-for-editing", "send-for-approval", "approve"})
    BOOST_TEST(step(d.chief, id, key).status == 303, key);
  for (const std::string& url : {document_file, library_url}) {
    const auto r = d.daemon.get(url);
    BOOST_TEST(r.status == 200, url);
    BOOST_TEST(r.body == kPdf);
    BOOST_TEST(std::string(r.header("Cache-Control").value_or("")) == "public, max-age=3600", url);
  }
  // Now public, it may be attached elsewhere.
  auto reuse = fields("62/QĐ-UBND");
  for (auto& [k, v] : reuse)
    if (k == "library") v = library_url;
  BOOST_TEST(post_multipart(reporter, "/quan-tri/van-ban/moi", reuse).status == 303);
  BOOST_TEST(step(d.chief, id, "withdraw", "Ban hành nhầm").status == 303);
  BOOST_TEST(d.daemon.get(library_url).status == 404);
  BOOST_TEST(d.daemon.get(document_file).status == 404);
  BOOST_TEST(d.contributor.get(library_url).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
