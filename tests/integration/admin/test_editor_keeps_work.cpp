// Issue 15 over real HTTP against the real daemon: the workflow buttons send the edits on the screen, a
// post whose session expired is carried through the login (and the second factor) and shown again
// unsaved, autosaves are private drafts offered back, a save on an overtaken version gets a 409 conflict
// page with both versions, and the editor page tells its script the body limit.
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::Fields;
using test::has;

namespace {

const std::string kDeadSession(64, 'a');

// The editor form's fields for `title` (summary, body, category, author), without the CSRF token.
Fields article_fields(const std::string& category, const std::string& title, const std::string& body) {
  return {{"title", title}, {"summary", "Sapo"}, {"body", body}, {"category", category}, {"author", "Tác giả"}};
}

std::string category_of(const AdminClient& c) {
  return test::first_option(c.get("/quan-tri/bai-viet/moi").body, "category");
}

std::string create_article(const AdminClient& author, const std::string& title) {
  const auto r = author.post("/quan-tri/bai-viet/moi", article_fields(category_of(author), title, "<p>Bản đầu.</p>"));
  BOOST_REQUIRE_MESSAGE(r.status == 303, r.status << r.body);
  const std::string loc(r.header("Location").value_or(""));
  const std::string prefix = "/quan-tri/bai-viet/";
  return loc.substr(prefix.size(), loc.find('?') - prefix.size());
}

void transition(const AdminClient& who, const std::string& id, const std::string& key) {
  const auto r = who.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", key}});
  BOOST_REQUIRE_MESSAGE(r.status == 303, key << ": " << r.status << r.body);
}

// The value of the hidden base_revision of an editor page.
std::string base_of(const std::string& page) { return test::input_value(page, "base_revision"); }

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
  return n;
}

// An attribute value as the browser reads it (the references the pages write).
std::string decoded(std::string v) {
  for (const auto& [ref, ch] : std::vector<std::pair<std::string, std::string>>{{"&lt;", "<"},
                                                                                {"&gt;", ">"},
                                                                                {"&quot;", "\""},
                                                                                {"&#39;", "'"},
                                                                                {"&#10;", "\n"},
                                                                                {"&#13;", "\r"},
                                                                                {"&amp;", "&"}})
    for (auto p = v.find(ref); p != std::string::npos; p = v.find(ref, p + ch.size())) v.replace(p, ref.size(), ch);
  return v;
}

// A login POST carrying what the in-place login page carried: its hidden fields, the password typed.
test::HttpResponse login_carrying(std::uint16_t port, const test::HttpResponse& login_page, const std::string& user,
                                  const std::string& password) {
  Fields fields{{"csrf", test::input_value(login_page.body, "csrf")},
                {"username", user},
                {"password", password},
                {"tiep-tuc", test::input_value(login_page.body, "tiep-tuc")}};
  for (const std::string name : {"title", "summary", "body", "category", "author", "base_revision"})
    if (has(login_page.body, "name=\"giu." + name + "\""))
      fields.emplace_back("giu." + name, decoded(test::input_value(login_page.body, "giu." + name)));
  return test::http_request("127.0.0.1", port, "POST", "/quan-tri/dang-nhap",
                            {{"Cookie", "portald_login=" + test::set_cookie_value(login_page, "portald_login")},
                             {"Content-Type", "application/x-www-form-urlencoded"}},
                            test::encode_form(fields));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(editor_keeps_work)

// Story 1: before issue 15 the button's own form sent only the transition and the edits were dropped.
BOOST_AUTO_TEST_CASE(a_workflow_button_sends_the_edits_on_the_screen_with_it) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient pv{daemon.port()};
  pv.login("phongvien", test::kPassword);
  const std::string id = create_article(pv, "Bản đầu tiên");
  const auto page = pv.get("/quan-tri/bai-viet/" + id);
  BOOST_TEST(base_of(page.body) == "1");
  // The button is part of the edit form: it posts the fields to the transition's address.
  BOOST_TEST(
      has(page.body, "name=\"transition\" value=\"submit\" formaction=\"/quan-tri/bai-viet/" + id + "/chuyen\""));
  auto fields = article_fields(category_of(pv), "Bản đã sửa trước khi gửi", "<p>Đoạn mới gõ.</p>");
  fields.emplace_back("base_revision", "1");
  fields.emplace_back("transition", "submit");
  const auto r = pv.post("/quan-tri/bai-viet/" + id + "/chuyen", fields);
  BOOST_TEST_REQUIRE(r.status == 303);
  BOOST_TEST(std::string(r.header("Location").value_or("")) ==
             "/quan-tri/bai-viet/" + id + "?da-luu=1&da-chuyen=submit");
  const auto after = pv.get(std::string(r.header("Location").value_or("")));
  BOOST_TEST(has(after.body, "data-state=\"submitted\""));
  BOOST_TEST(has(after.body, "Bài viết: Bản đã sửa trước khi gửi"));
  BOOST_TEST(has(after.body, "Đã lưu phiên bản mới."));
  BOOST_TEST(has(after.body, "Đã thực hiện: Gửi duyệt."));
  AdminClient thuky{daemon.port()};
  thuky.login("thuky", test::kPassword);
  const auto preview = thuky.get("/quan-tri/bai-viet/" + id + "/xem-truoc");
  BOOST_TEST(has(preview.body, "Đoạn mới gõ."));
  // The same form unchanged takes the step without a new version.
  const auto editing = thuky.get("/quan-tri/bai-viet/" + id);
  auto same = article_fields(category_of(thuky), "Bản đã sửa trước khi gửi", "<p>Đoạn mới gõ.</p>");
  same.emplace_back("base_revision", base_of(editing.body));
  same.emplace_back("transition", "take-for-editing");
  const auto taken = thuky.post("/quan-tri/bai-viet/" + id + "/chuyen", same);
  BOOST_TEST(std::string(taken.header("Location").value_or("")) ==
             "/quan-tri/bai-viet/" + id + "?da-chuyen=take-for-editing");
  BOOST_TEST(count(thuky.get("/quan-tri/bai-viet/" + id).body, "Khôi phục thành bản nháp mới") == 1u);  // 2 versions
}

BOOST_AUTO_TEST_CASE(a_refused_workflow_button_shows_the_typed_text_and_writes_nothing) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient pv{daemon.port()};
  pv.login("phongvien", test::kPassword);
  const std::string id = create_article(pv, "Bài chưa gửi");
  auto fields = article_fields(category_of(pv), "", "<p>Câu trả lời rất dài đã gõ xong.</p>");
  fields.emplace_back("base_revision", "1");
  fields.emplace_back("transition", "submit");
  const auto r = pv.post("/quan-tri/bai-viet/" + id + "/chuyen", fields);
  BOOST_TEST(r.status == 422);
  BOOST_TEST(has(r.body, "Vui lòng nhập tiêu đề."));
  BOOST_TEST(has(r.body, "Câu trả lời rất dài đã gõ xong."));
  BOOST_TEST(has(r.body, "data-unsaved=\"1\""));
  BOOST_TEST(has(pv.get("/quan-tri/bai-viet/" + id).body, "data-state=\"draft\""));
  // A return without its reason, from the secretariat's editor: the edits stay on the page.
  transition(pv, id, "submit");
  AdminClient thuky{daemon.port()};
  thuky.login("thuky", test::kPassword);
  auto back = article_fields(category_of(thuky), "Thư ký đã sửa", "<p>Sửa của thư ký.</p>");
  back.emplace_back("base_revision", "1");
  back.emplace_back("transition", "return");
  back.emplace_back("reason-return", " ");
  const auto refused = thuky.post("/quan-tri/bai-viet/" + id + "/chuyen", back);
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(has(refused.body, "value=\"Thư ký đã sửa\""));
  BOOST_TEST(has(refused.body, "Sửa của thư ký."));
  BOOST_TEST(has(thuky.get("/quan-tri/bai-viet/" + id).body, "Bài viết: Bài chưa gửi"));
  back.back().second = "Thiếu nguồn tin.";
  BOOST_TEST(thuky.post("/quan-tri/bai-viet/" + id + "/chuyen", back).status == 303);
  const auto returned = thuky.get("/quan-tri/bai-viet/" + id);
  BOOST_TEST(has(returned.body, "data-state=\"returned\""));
  BOOST_TEST(has(returned.body, "Bài viết: Thư ký đã sửa"));
}

// Story 3: before issue 15 the guard answered 303 to a bare login page and the post was gone.
BOOST_AUTO_TEST_CASE(an_expired_session_shows_the_login_in_place_and_carries_the_post) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient pv{daemon.port()};
  pv.login("phongvien", test::kPassword);
  const std::string id = create_article(pv, "Bài đang viết");
  const std::string old_csrf = pv.csrf;
  const Fields fields{{"title", "Tiêu đề viết trong lúc phiên hết hạn"},
                      {"summary", "Dòng một\nDòng hai"},
                      {"body", "<p>Bài dài <strong>không được mất</strong> & \"ngoặc\".</p>"},
                      {"category", category_of(pv)},
                      {"author", "\"><script>alert(1)</script>"},
                      {"base_revision", "1"}};
  pv.session = kDeadSession;  // the session ended (idle timeout, log-out elsewhere)
  const auto page = pv.post("/quan-tri/bai-viet/" + id, fields);
  BOOST_TEST_REQUIRE(page.status == 401);
  BOOST_TEST(has(page.body, "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại; nội dung bạn vừa gửi vẫn được giữ."));
  BOOST_TEST(test::input_value(page.body, "tiep-tuc") == "/quan-tri/bai-viet/" + id);
  BOOST_TEST(test::input_value(page.body, "giu.title") == "Tiêu đề viết trong lúc phiên hết hạn");
  BOOST_TEST(test::input_value(page.body, "giu.summary") == "Dòng một\nDòng hai");  // line breaks kept
  BOOST_TEST(!has(page.body, "giu.csrf"));
  BOOST_TEST(!has(page.body, "<script>alert(1)"));
  BOOST_TEST(test::input_value(page.body, "giu.author") == "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  BOOST_TEST(!has(page.body, old_csrf));
  // A wrong password keeps carrying it.
  const auto wrong = login_carrying(daemon.port(), page, "phongvien", "sai");
  BOOST_TEST(wrong.status == 401);
  BOOST_TEST(test::input_value(wrong.body, "giu.title") == "Tiêu đề viết trong lúc phiên hết hạn");
  // Logged in: the editor again, filled in, unsaved, under the new session's token.
  const auto back = login_carrying(daemon.port(), page, "phongvien", test::kPassword);
  BOOST_TEST_REQUIRE(back.status == 200);
  pv.session = test::set_cookie_value(back, "portald_session");
  BOOST_TEST_REQUIRE(!pv.session.empty());
  BOOST_TEST(has(back.body, "Nội dung bạn gửi trước khi phiên hết hạn đã được khôi phục. Bấm Lưu để lưu lại."));
  BOOST_TEST(test::input_value(back.body, "title") == "Tiêu đề viết trong lúc phiên hết hạn");
  BOOST_TEST(has(back.body, "Dòng một\nDòng hai</textarea>"));
  BOOST_TEST(has(back.body, "&lt;strong&gt;không được mất&lt;/strong&gt; &amp; &quot;ngoặc&quot;"));
  BOOST_TEST(has(back.body, "data-unsaved=\"1\""));
  BOOST_TEST(!has(back.body, "<script>alert(1)"));
  const std::string fresh = test::input_value(back.body, "csrf");
  BOOST_TEST(!fresh.empty());
  BOOST_TEST(fresh != old_csrf);
  // Nothing was written on the user's behalf.
  BOOST_TEST(has(pv.get("/quan-tri/bai-viet/" + id).body, "Bài viết: Bài đang viết"));
  pv.csrf = fresh;
  BOOST_TEST(pv.post("/quan-tri/bai-viet/" + id, fields).status == 303);
  BOOST_TEST(has(pv.get("/quan-tri/bai-viet/" + id).body, "Bài viết: Tiêu đề viết trong lúc phiên hết hạn"));
}

BOOST_AUTO_TEST_CASE(the_second_factor_step_carries_the_post_too) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient chief{daemon.port()};
  chief.login("truongban", test::kPassword);  // enrols TOTP
  const std::string id = create_article(chief, "Bài của trưởng ban");
  const std::string category = category_of(chief);
  chief.session = kDeadSession;
  const auto page = chief.post(
      "/quan-tri/bai-viet/moi",
      {{"title", "Bài mới viết khi phiên hết hạn"}, {"body", "<p>Nội dung bài mới.</p>"}, {"category", category}});
  BOOST_TEST_REQUIRE(page.status == 401);
  BOOST_TEST(test::input_value(page.body, "tiep-tuc") == "/quan-tri/bai-viet/moi");
  const auto totp = login_carrying(daemon.port(), page, "truongban", test::kPassword);
  BOOST_TEST_REQUIRE(totp.status == 200);
  BOOST_TEST(has(totp.body, "Mã xác thực (6 chữ số)"));
  BOOST_TEST(test::input_value(totp.body, "giu.title") == "Bài mới viết khi phiên hết hạn");
  chief.session = test::set_cookie_value(totp, "portald_session");
  chief.csrf = test::input_value(totp.body, "csrf");
  // Before the code, the session may not use the admin.
  BOOST_TEST(chief.get("/quan-tri").status == 303);
  const auto done = chief.post("/quan-tri/xac-thuc", {{"code", chief.code()},
                                                      {"tiep-tuc", "/quan-tri/bai-viet/moi"},
                                                      {"giu.title", "Bài mới viết khi phiên hết hạn"},
                                                      {"giu.body", "<p>Nội dung bài mới.</p>"},
                                                      {"giu.category", category}});
  BOOST_TEST_REQUIRE(done.status == 200);
  BOOST_TEST(has(done.body, "Nội dung bạn gửi trước khi phiên hết hạn đã được khôi phục. Bấm Lưu để lưu lại."));
  BOOST_TEST(test::input_value(done.body, "title") == "Bài mới viết khi phiên hết hạn");
  BOOST_TEST(has(done.body, "action=\"/quan-tri/bai-viet/moi\""));
  chief.refresh_csrf();
  BOOST_TEST(test::input_value(done.body, "csrf") == chief.csrf);
  BOOST_TEST(!has(chief.get("/quan-tri/bai-viet").body, "Bài mới viết khi phiên hết hạn"));  // not saved
  BOOST_TEST(has(chief.get("/quan-tri/bai-viet/" + id).body, "Bài viết: Bài của trưởng ban"));
}

// Any other admin form comes back as a page that sends the same fields again, never with a password.
BOOST_AUTO_TEST_CASE(other_admin_forms_come_back_ready_to_send_again_without_passwords) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  op.session = kDeadSession;
  const std::string secret = "Mật-khẩu-mới-rất-dài-2025!";
  const auto page = op.post(
      "/quan-tri/nguoi-dung",
      {{"username", "bientapmoi"}, {"display_name", "Biên tập viên mới"}, {"role", "reporter"}, {"password", secret}});
  BOOST_TEST_REQUIRE(page.status == 401);
  BOOST_TEST(test::input_value(page.body, "giu.username") == "bientapmoi");
  BOOST_TEST(!has(page.body, "giu.password"));
  BOOST_TEST(!has(page.body, secret));
  Fields login{{"csrf", test::input_value(page.body, "csrf")},
               {"username", "quantri"},
               {"password", test::kPassword},
               {"tiep-tuc", test::input_value(page.body, "tiep-tuc")}};
  for (const std::string name : {"username", "display_name", "role"})
    login.emplace_back("giu." + name, decoded(test::input_value(page.body, "giu." + name)));
  const auto totp = test::http_request("127.0.0.1", daemon.port(), "POST", "/quan-tri/dang-nhap",
                                       {{"Cookie", "portald_login=" + test::set_cookie_value(page, "portald_login")},
                                        {"Content-Type", "application/x-www-form-urlencoded"}},
                                       test::encode_form(login));
  BOOST_TEST_REQUIRE(totp.status == 200);
  BOOST_TEST(test::input_value(totp.body, "giu.display_name") == "Biên tập viên mới");
  op.session = test::set_cookie_value(totp, "portald_session");
  op.csrf = test::input_value(totp.body, "csrf");
  const auto resend = op.post("/quan-tri/xac-thuc", {{"code", op.code()},
                                                     {"tiep-tuc", "/quan-tri/nguoi-dung"},
                                                     {"giu.username", "bientapmoi"},
                                                     {"giu.display_name", "Biên tập viên mới"},
                                                     {"giu.role", "reporter"}});
  BOOST_TEST_REQUIRE(resend.status == 200);
  BOOST_TEST(has(resend.body, "Nội dung bạn gửi trước khi phiên hết hạn đã được khôi phục. Bấm “Gửi lại” để gửi."));
  BOOST_TEST(has(resend.body, "<form method=\"post\" action=\"/quan-tri/nguoi-dung\""));
  BOOST_TEST(test::input_value(resend.body, "username") == "bientapmoi");
  op.refresh_csrf();
  BOOST_TEST(test::input_value(resend.body, "csrf") == op.csrf);
  BOOST_TEST(!has(op.get("/quan-tri/nguoi-dung").body, "bientapmoi"));  // nothing done yet
  const auto created =
      op.post("/quan-tri/nguoi-dung",
              {{"username", "bientapmoi"}, {"display_name", "Biên tập viên mới"}, {"role", "reporter"}});
  BOOST_TEST(created.status == 200);
  BOOST_TEST(has(created.body, "Đã tạo tài khoản bientapmoi."));
}

BOOST_AUTO_TEST_CASE(carried_posts_stay_in_the_admin_and_on_this_site) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  const Fields fields{{"title", "x"}, {"body", "<p>y</p>"}};
  const auto post = [&](const std::string& target, Fields headers) {
    headers.emplace_back("Cookie", "portald_session=" + kDeadSession);
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return test::http_request("127.0.0.1", daemon.port(), "POST", target, headers, test::encode_form(fields));
  };
  // From another site: the plain way to the login page, nothing carried.
  for (const Fields& foreign : {Fields{{"Origin", "http://evil.example"}}, Fields{{"Sec-Fetch-Site", "cross-site"}}}) {
    const auto r = post("/quan-tri/bai-viet/moi", foreign);
    BOOST_TEST(r.status == 303);
    BOOST_TEST(std::string(r.header("Location").value_or("")) == "/quan-tri/dang-nhap");
  }
  const auto same_site =
      post("/quan-tri/bai-viet/moi",
           {{"Origin", "http://127.0.0.1:" + std::to_string(daemon.port())}, {"Sec-Fetch-Site", "same-origin"}});
  BOOST_TEST(same_site.status == 401);
  // A script asking for JSON gets JSON.
  const auto json = post("/quan-tri/bai-viet/1/tu-dong-luu", {{"Accept", "application/json"}});
  BOOST_TEST(json.status == 401);
  BOOST_TEST(has(json.body, "\"error\":\"session\""));
  // A target sent back by the login form must be a plain admin path, else the login just goes on.
  AdminClient c{daemon.port()};
  for (const std::string target : {"//evil.example/x", "https://evil.example/", "/quan-tri/../tin-tuc/x",
                                   "/quan-tri/bai-viet/1\r\nX: y", "/quan-tri/bai-viet/1?a=b", "/quan-tri/dang-xuat"}) {
    const auto login_page = test::http_request("127.0.0.1", daemon.port(), "GET", "/quan-tri/dang-nhap");
    const auto r =
        test::http_request("127.0.0.1", daemon.port(), "POST", "/quan-tri/dang-nhap",
                           {{"Cookie", "portald_login=" + test::set_cookie_value(login_page, "portald_login")},
                            {"Content-Type", "application/x-www-form-urlencoded"}},
                           test::encode_form({{"csrf", test::input_value(login_page.body, "csrf")},
                                              {"username", "phongvien"},
                                              {"password", test::kPassword},
                                              {"tiep-tuc", target},
                                              {"giu.title", "x"}}));
    BOOST_TEST(r.status == 303, target);
    BOOST_TEST(std::string(r.header("Location").value_or("")) == "/quan-tri", target);
  }
}

// Story 4 on the server: a private draft per user and article, offered back, never a version or public.
BOOST_AUTO_TEST_CASE(autosave_keeps_a_private_draft_that_the_editor_offers_back) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient thuky{daemon.port()};
  thuky.login("thuky", test::kPassword);
  // The imported, published article.
  const auto live = thuky.get("/quan-tri/bai-viet/1");
  BOOST_TEST_REQUIRE(has(live.body, "Bài viết: Bài có sẵn"));
  auto fields = article_fields(category_of(thuky), "Tiêu đề nháp tựđộnglưu", "<p>Đoạn nháp tựđộnglưu.</p>");
  fields.emplace_back("base_revision", base_of(live.body));
  const auto saved = thuky.post("/quan-tri/bai-viet/1/tu-dong-luu", fields);
  BOOST_TEST_REQUIRE(saved.status == 200);
  BOOST_TEST(has(saved.body, "\"saved\":true"));
  BOOST_TEST(thuky.post("/quan-tri/bai-viet/1/tu-dong-luu", fields, false).status == 403);  // CSRF
  // JSON with the token in a header works too.
  const auto json =
      test::http_request("127.0.0.1", daemon.port(), "POST", "/quan-tri/bai-viet/1/tu-dong-luu",
                         {{"Cookie", "portald_session=" + thuky.session},
                          {"Content-Type", "application/json"},
                          {"X-CSRF-Token", thuky.csrf}},
                         R"({"title":"Tiêu đề nháp tựđộnglưu","body":"<p>Đoạn nháp tựđộnglưu.</p>","category":")" +
                             test::first_option(thuky.get("/quan-tri/bai-viet/moi").body, "category") +
                             R"(","summary":"Sapo","author":"Tác giả","topics":[],"base_revision":0})");
  BOOST_TEST(json.status == 200);
  BOOST_TEST(has(json.body, "\"saved\":true"));
  // Offered back on the editor, and loaded into the form on request, unsaved.
  const auto page = thuky.get("/quan-tri/bai-viet/1");
  BOOST_TEST(has(page.body, "Có bản tự động lưu trên máy chủ lúc"));
  BOOST_TEST(has(page.body, "href=\"/quan-tri/bai-viet/1?ban-nhap=1\""));
  BOOST_TEST(test::input_value(page.body, "title") == "Bài có sẵn");
  const auto restored = thuky.get("/quan-tri/bai-viet/1?ban-nhap=1");
  BOOST_TEST(test::input_value(restored.body, "title") == "Tiêu đề nháp tựđộnglưu");
  BOOST_TEST(has(restored.body, "Đã nạp bản tự động lưu lúc"));
  BOOST_TEST(has(restored.body, "data-unsaved=\"1\""));
  // Private: no version, nothing public, other editors see nothing.
  BOOST_TEST(!has(page.body, "Khôi phục thành bản nháp mới"));
  const auto reader = daemon.get("/tin-tuc/bai-co-san-1");
  BOOST_TEST(reader.status == 200);
  BOOST_TEST(!has(reader.body, "tựđộnglưu"));
  BOOST_TEST(!has(daemon.get("/tim-kiem?q=t%E1%BB%B1%C4%91%E1%BB%99ngl%C6%B0u").body, "Bài có sẵn"));
  AdminClient chief{daemon.port()};
  chief.login("truongban", test::kPassword);
  BOOST_TEST(!has(chief.get("/quan-tri/bai-viet/1").body, "Có bản tự động lưu"));
  // Someone who may not even see the article cannot keep a draft of it.
  AdminClient pv{daemon.port()};
  pv.login("phongvien", test::kPassword);
  BOOST_TEST(pv.post("/quan-tri/bai-viet/1/tu-dong-luu", fields).status == 404);
  // "Bỏ qua" drops it; a save drops it too.
  const auto skip = thuky.post("/quan-tri/bai-viet/1/bo-nhap", {});
  BOOST_TEST(std::string(skip.header("Location").value_or("")) == "/quan-tri/bai-viet/1?bo-nhap=1");
  BOOST_TEST(has(thuky.get("/quan-tri/bai-viet/1?bo-nhap=1").body, "data-discard-local=\"1\""));
  BOOST_TEST(!has(thuky.get("/quan-tri/bai-viet/1").body, "Có bản tự động lưu"));
  BOOST_TEST(thuky.post("/quan-tri/bai-viet/1/tu-dong-luu", fields).status == 200);
  BOOST_TEST(thuky.post("/quan-tri/bai-viet/1", fields).status == 303);
  BOOST_TEST(!has(thuky.get("/quan-tri/bai-viet/1").body, "Có bản tự động lưu"));
}

// Story 5: before issue 15 the second save silently replaced the first.
BOOST_AUTO_TEST_CASE(a_save_on_an_overtaken_version_gets_a_conflict_page_and_loses_nothing) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  AdminClient pv{daemon.port()};
  pv.login("phongvien", test::kPassword);
  const std::string id = create_article(pv, "Bài hai người sửa");
  transition(pv, id, "submit");
  AdminClient thuky{daemon.port()};
  thuky.login("thuky", test::kPassword);
  transition(thuky, id, "take-for-editing");
  AdminClient chief{daemon.port()};
  chief.login("truongban", test::kPassword);
  // Both open it: each sees the other.
  const auto chief_page = chief.get("/quan-tri/bai-viet/" + id);
  const auto thuky_page = thuky.get("/quan-tri/bai-viet/" + id);
  BOOST_TEST(has(thuky_page.body, "Đang được mở bởi: truongban (lúc "));
  BOOST_TEST(has(chief.get("/quan-tri/bai-viet/" + id).body, "Đang được mở bởi: thuky (lúc "));
  const std::string base = base_of(thuky_page.body);
  BOOST_TEST(base_of(chief_page.body) == base);
  const std::string category = category_of(thuky);
  auto theirs = article_fields(category, "Bài hai người sửa", "<p>Trưởng ban viết đoạn này vào thứ Bảy.</p>");
  theirs.emplace_back("base_revision", base);
  BOOST_TEST_REQUIRE(chief.post("/quan-tri/bai-viet/" + id, theirs).status == 303);
  auto mine = article_fields(category, "Bài hai người sửa, bản thư ký", "<p>Thư ký viết đoạn này vào Chủ nhật.</p>");
  mine.emplace_back("base_revision", base);
  const auto conflict = thuky.post("/quan-tri/bai-viet/" + id, mine);
  BOOST_TEST_REQUIRE(conflict.status == 409);
  BOOST_TEST(has(conflict.body, "Bài viết đã được lưu bởi người khác trong lúc bạn sửa"));
  BOOST_TEST(has(conflict.body, "truongban đã lưu phiên bản"));
  BOOST_TEST(test::input_value(conflict.body, "title") == "Bài hai người sửa, bản thư ký");  // mine, in the form
  BOOST_TEST(has(conflict.body, "Thư ký viết đoạn này vào Chủ nhật."));
  BOOST_TEST(has(conflict.body, "Trưởng ban viết đoạn này vào thứ Bảy."));  // theirs, shown in full
  BOOST_TEST(has(conflict.body, "<del>thứ Bảy.</del><ins>Chủ nhật.</ins>"));
  BOOST_TEST(has(conflict.body, "Lưu đè bằng bản của tôi"));
  BOOST_TEST(has(conflict.body, "action=\"/quan-tri/bai-viet/" + id + "/bo-nhap\""));
  const std::string now_base = base_of(conflict.body);
  BOOST_TEST(now_base != base);
  // Their save stands until I choose.
  BOOST_TEST(has(thuky.get("/quan-tri/bai-viet/" + id + "/xem-truoc").body, "vào thứ Bảy"));
  // Keep mine: the same form with the base the conflict page gave.
  mine.back().second = now_base;
  BOOST_TEST(thuky.post("/quan-tri/bai-viet/" + id, mine).status == 303);
  BOOST_TEST(has(thuky.get("/quan-tri/bai-viet/" + id + "/xem-truoc").body, "vào Chủ nhật"));
  // Both versions are kept; the comparison shows the same word diff.
  const auto compare = thuky.get("/quan-tri/bai-viet/" + id + "/so-sanh?a=" + now_base +
                                 "&b=" + std::to_string(std::stoi(now_base) + 1));
  BOOST_TEST(compare.status == 200);
  BOOST_TEST(has(compare.body, "<del>thứ Bảy.</del><ins>Chủ nhật.</ins>"));
  // The workflow buttons check the base too.
  auto stale = article_fields(category, "Bản cũ của trưởng ban", "<p>x</p>");
  stale.emplace_back("base_revision", now_base);
  stale.emplace_back("transition", "send-for-approval");
  BOOST_TEST(chief.post("/quan-tri/bai-viet/" + id + "/chuyen", stale).status == 409);
  BOOST_TEST(has(chief.get("/quan-tri/bai-viet/" + id).body, "data-state=\"editing\""));
}

// Story 2: the limit the script checks before sending is the server's own.
BOOST_AUTO_TEST_CASE(the_editor_page_tells_its_script_the_body_limit) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data, {"--max-body", "64K", "--max-upload-body", "64K"});
  AdminClient pv{daemon.port()};
  pv.login("phongvien", test::kPassword);
  const auto page = pv.get("/quan-tri/bai-viet/moi");
  BOOST_TEST(has(page.body, "data-max-body=\"65536\""));
  BOOST_TEST(has(page.body, "<script src=\"/static/admin-keep.js\" defer></script>"));
  BOOST_TEST(daemon.get("/static/admin-keep.js").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
