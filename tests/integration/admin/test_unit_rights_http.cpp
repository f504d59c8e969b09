// Rights per unit over real HTTP (issue 16): a contributor of one agency cannot file for another, not even
// by a hand-made POST (refused with a message, the typing kept, nothing stored); the board limits an
// agency to some categories and a POST outside them is refused the same way; the contributor's dashboard
// shows its agency's items with their states, colleagues' read-only.
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

// The value of the <option> whose text is `name` in the select with this id; "" when absent.
std::string option_value(const std::string& html, const std::string& select_id, const std::string& name) {
  const auto select = html.find("id=\"" + select_id + "\"");
  const auto end = html.find("</select>", select);
  const auto p = html.find(">" + name + "</option>", select);
  if (select == std::string::npos || p == std::string::npos || p > end) return {};
  const auto v = html.rfind("value=\"", p) + 7;
  return html.substr(v, html.find('"', v) - v);
}

// The options of the select with this id, as one string (to look for names in).
std::string select_text(const std::string& html, const std::string& select_id) {
  const auto select = html.find("id=\"" + select_id + "\"");
  if (select == std::string::npos) return {};
  return html.substr(select, html.find("</select>", select) - select);
}

test::HttpResponse post_article(const AdminClient& who, const std::string& title, const std::string& category,
                                const std::string& agency) {
  test::Fields f{{"title", title}, {"summary", "Sapo"}, {"body", "<p>Nội dung</p>"}, {"category", category}};
  if (!agency.empty()) f.emplace_back("agency", agency);
  return who.post("/quan-tri/bai-viet/moi", f);
}

std::string id_of(const test::HttpResponse& created) {
  const std::string loc(created.header("Location").value_or(""));
  const std::string prefix = "/quan-tri/bai-viet/";
  return loc.substr(prefix.size(), loc.find('?') - prefix.size());
}

// The site of admin_client.hpp plus a contributor of a second agency, "Sở Giáo dục".
struct TwoAgencies {
  test::AdminSite site;
  TwoAgencies() {
    const auto r = test::portaldctl(
        site.data,
        {"user", "add", "--role", "contributor", "--agency", "Sở Giáo dục", "--password-stdin", "ctvgiaoduc"},
        test::kPassword + "\n");
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(unit_rights_http)

BOOST_AUTO_TEST_CASE(a_contributor_cannot_file_for_another_agency_even_by_post) {
  TwoAgencies units;
  test::RunningDaemon daemon(units.site.data);
  AdminClient ctv{daemon.port()}, reporter{daemon.port()}, chief{daemon.port()};
  ctv.login("congtacvien", test::kPassword);
  reporter.login("phongvien", test::kPassword);
  chief.login("truongban", test::kPassword);

  // The board's form offers every agency; the contributor's shows its own, fixed.
  const auto board_form = reporter.get("/quan-tri/bai-viet/moi").body;
  const std::string health = option_value(board_form, "agency", "Sở Y tế");
  const std::string education = option_value(board_form, "agency", "Sở Giáo dục");
  const std::string category = option_value(board_form, "category", "Y tế");
  BOOST_TEST_REQUIRE(!health.empty());
  BOOST_TEST_REQUIRE(!education.empty());
  BOOST_TEST_REQUIRE(!category.empty());
  const auto own_form = ctv.get("/quan-tri/bai-viet/moi").body;
  const std::string agencies = select_text(own_form, "agency");
  BOOST_TEST(has(agencies, "value=\"" + health + "\" selected>Sở Y tế"));
  BOOST_TEST(!has(agencies, "Sở Giáo dục"));
  BOOST_TEST(!has(agencies, "— Không —"));
  BOOST_TEST(has(own_form, "Bài của bạn đứng tên đơn vị của bạn."));

  // A POST naming the other agency is refused with a message; what was typed is shown again.
  const auto refused = post_article(ctv, "Tin gửi nhầm đơn vị", category, education);
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(has(refused.body, "Bạn chỉ được đưa tin cho đơn vị của mình (Sở Y tế)"));
  BOOST_TEST(has(refused.body, "value=\"Tin gửi nhầm đơn vị\""));
  BOOST_TEST(!has(chief.get("/quan-tri/bai-viet").body, "Tin gửi nhầm đơn vị"));

  // Its own agency, or none named (the article is then the agency's), is accepted.
  const auto own = post_article(ctv, "Tin của Sở Y tế", category, health);
  BOOST_TEST_REQUIRE(own.status == 303);
  const auto unnamed = post_article(ctv, "Tin không ghi cơ quan", category, "");
  BOOST_TEST_REQUIRE(unnamed.status == 303);
  const auto shown = chief.get("/quan-tri/bai-viet/" + id_of(unnamed)).body;
  BOOST_TEST(has(select_text(shown, "agency"), "value=\"" + health + "\" selected"));

  // Moving a saved draft to the other agency is refused too, and the draft keeps its agency.
  const std::string id = id_of(own);
  const auto moved = ctv.post(
      "/quan-tri/bai-viet/" + id,
      {{"title", "Tin của Sở Y tế"}, {"body", "<p>Nội dung</p>"}, {"category", category}, {"agency", education}});
  BOOST_TEST(moved.status == 422);
  BOOST_TEST(has(moved.body, "Bạn chỉ được đưa tin cho đơn vị của mình"));
  BOOST_TEST(
      has(select_text(chief.get("/quan-tri/bai-viet/" + id).body, "agency"), "value=\"" + health + "\" selected"));
  // The same through a workflow button posted with the fields: the service's save-and-submit refuses it
  // (this path has no check in the page handler), and the draft is neither changed nor submitted.
  const auto submitted = ctv.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "submit"},
                                                                           {"title", "Tin của Sở Y tế"},
                                                                           {"body", "<p>Nội dung</p>"},
                                                                           {"category", category},
                                                                           {"agency", education}});
  BOOST_TEST(submitted.status == 422);
  BOOST_TEST(has(submitted.body, "Bạn chỉ được đưa tin cho đơn vị của mình"));
  const auto board_view = chief.get("/quan-tri/bai-viet/" + id).body;
  BOOST_TEST(has(select_text(board_view, "agency"), "value=\"" + health + "\" selected"));
  BOOST_TEST(has(board_view, "data-state=\"draft\""));
}

BOOST_AUTO_TEST_CASE(the_board_limits_an_agency_to_some_categories) {
  TwoAgencies units;
  test::RunningDaemon daemon(units.site.data);
  AdminClient op{daemon.port()}, ctv{daemon.port()}, other{daemon.port()}, chief{daemon.port()};
  op.login("quantri", test::kPassword);
  ctv.login("congtacvien", test::kPassword);
  other.login("ctvgiaoduc", test::kPassword);
  chief.login("truongban", test::kPassword);
  BOOST_TEST(op.post("/quan-tri/danh-muc", {{"kind", "category"}, {"name", "Giáo dục"}}).status == 303);
  const auto board_form = chief.get("/quan-tri/bai-viet/moi").body;
  const std::string health_news = option_value(board_form, "category", "Y tế");
  const std::string schools = option_value(board_form, "category", "Giáo dục");
  const std::string health = option_value(board_form, "agency", "Sở Y tế");
  BOOST_TEST_REQUIRE(!schools.empty());

  // Only those who manage the taxonomy set the limit.
  BOOST_TEST(
      chief.post("/quan-tri/danh-muc", {{"kind", "agency-categories"}, {"id", health}, {"category", schools}}).status ==
      403);
  const auto set =
      op.post("/quan-tri/danh-muc", {{"kind", "agency-categories"}, {"id", health}, {"category", health_news}});
  BOOST_TEST(has(std::string(set.header("Location").value_or("")), "da-luu=1"));
  BOOST_TEST(has(op.get("/quan-tri/danh-muc").body, "Chuyên mục cộng tác viên của cơ quan được viết: 1 chuyên mục"));
  BOOST_TEST(has(op.get("/quan-tri/nhat-ky?thao-tac=taxonomy.agency-categories").body, "(mọi chuyên mục)"));

  // The contributor's select offers the allowed category only; a POST outside it is refused.
  const std::string offered = select_text(ctv.get("/quan-tri/bai-viet/moi").body, "category");
  BOOST_TEST(has(offered, ">Y tế</option>"));
  BOOST_TEST(!has(offered, "Giáo dục"));
  const auto refused = post_article(ctv, "Tin trường học", schools, health);
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(has(refused.body, "Đơn vị của bạn chỉ được đưa tin vào các chuyên mục: Y tế."));
  BOOST_TEST(!has(chief.get("/quan-tri/bai-viet").body, "Tin trường học"));
  BOOST_TEST(post_article(ctv, "Tin bệnh viện", health_news, health).status == 303);
  // Another agency without a limit writes in any category.
  BOOST_TEST(post_article(other, "Tin khai giảng", schools, "").status == 303);
}

BOOST_AUTO_TEST_CASE(a_contributor_sees_its_agencys_items_and_their_states) {
  TwoAgencies units;
  test::RunningDaemon daemon(units.site.data);
  AdminClient ctv{daemon.port()}, other{daemon.port()}, reporter{daemon.port()};
  ctv.login("congtacvien", test::kPassword);
  other.login("ctvgiaoduc", test::kPassword);
  reporter.login("phongvien", test::kPassword);
  const auto board_form = reporter.get("/quan-tri/bai-viet/moi").body;
  const std::string category = option_value(board_form, "category", "Y tế");
  const std::string health = option_value(board_form, "agency", "Sở Y tế");

  BOOST_TEST_REQUIRE(post_article(ctv, "Bài của cộng tác viên", category, health).status == 303);
  const auto colleague = post_article(reporter, "Bài phóng viên viết cho Sở Y tế", category, health);
  BOOST_TEST_REQUIRE(colleague.status == 303);
  const std::string id = id_of(colleague);
  BOOST_TEST(reporter.post("/quan-tri/bai-viet/" + id + "/chuyen", {{"transition", "submit"}}).status == 303);
  BOOST_TEST_REQUIRE(post_article(other, "Bài của Sở Giáo dục", category, "").status == 303);

  const auto dashboard = ctv.get("/quan-tri").body;
  BOOST_TEST(has(dashboard, "Bài của đơn vị: Sở Y tế"));
  BOOST_TEST(has(dashboard, "Bài của cộng tác viên"));
  BOOST_TEST(has(dashboard, "Bài phóng viên viết cho Sở Y tế"));
  BOOST_TEST(has(dashboard, "data-state=\"submitted\""));
  BOOST_TEST(!has(dashboard, "Bài của Sở Giáo dục"));
  BOOST_TEST(!has(other.get("/quan-tri").body, "Bài phóng viên viết cho Sở Y tế"));

  // The colleague's item opens read-only; the other agency does not see it; a save is refused.
  const auto view = ctv.get("/quan-tri/bai-viet/" + id);
  BOOST_TEST(view.status == 200);
  BOOST_TEST(has(view.body, "Bài phóng viên viết cho Sở Y tế"));
  BOOST_TEST(!has(view.body, "name=\"title\""));
  BOOST_TEST(other.get("/quan-tri/bai-viet/" + id).status == 404);
  const auto save = ctv.post("/quan-tri/bai-viet/" + id,
                             {{"title", "Sửa trộm"}, {"body", "<p>x</p>"}, {"category", category}, {"agency", health}});
  BOOST_TEST(save.status == 403);
  BOOST_TEST(!has(reporter.get("/quan-tri/bai-viet/" + id).body, "Sửa trộm"));
}

BOOST_AUTO_TEST_SUITE_END()
