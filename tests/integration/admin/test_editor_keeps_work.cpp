// Issue 15 over real HTTP against the real daemon: the workflow buttons send the edits on the screen.
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::Fields;
using test::has;

namespace {

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

BOOST_AUTO_TEST_SUITE_END()
