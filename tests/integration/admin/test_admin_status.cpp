// The system status page (/quan-tri/trang-thai) against the real daemon: the same checks as /healthz in
// Vietnamese, the backup state recorded in the store deciding "Cảnh báo" or "Bình thường", and who may see it.
#include <nlohmann/json.hpp>

#include <thread>

#include "daemon/store/backup_state_table.hpp"
#include "daemon/store/store.hpp"
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using namespace std::chrono_literals;
using test::AdminClient;
using test::has;

namespace {

const std::string kPage = "/quan-tri/trang-thai";

// The <tr> of one check, found by its /healthz name; "" when the page has no such row.
std::string row(const std::string& html, const std::string& check) {
  const auto p = html.find("data-check=\"" + check + "\"");
  if (p == std::string::npos) return {};
  return html.substr(p, html.find("</tr>", p) - p);
}

// /healthz once the slow checks have run (their loop starts with the daemon, first run at once).
nlohmann::json healthz_with_checks(test::RunningDaemon& daemon) {
  nlohmann::json j;
  for (int i = 0; i < 100; ++i) {
    j = nlohmann::json::parse(daemon.get("/healthz").body);
    if (j.contains("checks")) break;
    std::this_thread::sleep_for(50ms);
  }
  BOOST_REQUIRE_MESSAGE(j.contains("checks"), j.dump());
  return j;
}

void set_backup_state(const std::filesystem::path& data, model::UnixTime snapshot_at, model::UnixTime drill_at) {
  store::Store live(data, {.map_size = std::size_t(256) << 20, .create = false});
  store::update_backup_state(live, [&](model::BackupState& st) {
    st.last_snapshot = model::BackupOutcome{"portald-test", snapshot_at, true, {}};
    st.last_attempt = st.last_snapshot;
    st.verified["portald-test"] = model::BackupOutcome{"portald-test", snapshot_at + 60, true, {}};
    st.last_drill = model::BackupOutcome{"portald-test", drill_at, true, {}};
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_status)

BOOST_AUTO_TEST_CASE(operator_sees_every_healthz_check_in_vietnamese_and_a_missing_snapshot_warns) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data);
  const auto health = healthz_with_checks(daemon);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  const auto r = op.get(kPage);
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(std::string(r.header("Cache-Control").value_or("")) == "no-store");
  const std::string& html = r.body;
  BOOST_TEST(has(html, "<h1>Trạng thái hệ thống</h1>"));
  BOOST_TEST(has(html, "<caption>"));
  BOOST_TEST(has(html, "href=\"/quan-tri/trang-thai\""));  // the navigation links it
  // Every slow check /healthz reports has its row, under a Vietnamese name.
  for (const auto& [name, check] : health["checks"].items()) {
    const std::string tr = row(html, name);
    BOOST_TEST(!tr.empty(), "no row for " << name);
    BOOST_TEST(!has(tr, "scope=\"row\">" + name + "<"), name << " has no Vietnamese name");
  }
  BOOST_TEST(has(row(html, "store"), "Kho dữ liệu"));
  BOOST_TEST(has(row(html, "store"), "Bình thường"));
  BOOST_TEST(has(row(html, "disk_data"), "Dung lượng trống của thư mục dữ liệu"));
  BOOST_TEST(has(row(html, "disk_data"), "còn trống"));
  BOOST_TEST(has(row(html, "lmdb_map"), "Mức dùng kho LMDB"));
  BOOST_TEST(has(row(html, "cadence"), "Nhịp đăng tin hôm nay"));
  BOOST_TEST(has(row(html, "search_index"), "Chỉ mục tìm kiếm"));
  // No snapshot and no drill yet: /healthz says warning, so does the page, with the runbook to follow.
  BOOST_TEST(health["backup"]["state"] == "warning");
  const std::string backup = row(html, "backup");
  BOOST_TEST(has(backup, "data-state=\"warning\""), backup);
  BOOST_TEST(has(backup, "Cảnh báo"), backup);
  BOOST_TEST(has(backup, "Chưa có bản sao lưu nào."), backup);
  BOOST_TEST(has(backup, "Chưa diễn tập khôi phục lần nào."), backup);
  BOOST_TEST(has(backup, "docs/backup-restore.md"), backup);
  BOOST_TEST(has(html, "Tổng quát: <strong>Có cảnh báo"));
  BOOST_TEST(has(html, "chạy lần gần nhất lúc"));
}

BOOST_AUTO_TEST_CASE(a_snapshot_older_than_eight_days_warns_and_a_fresh_one_is_normal) {
  test::AdminSite site;
  const model::UnixTime now = model::now();
  set_backup_state(site.data, now - 9 * 86400, now - 9 * 86400);
  test::RunningDaemon daemon(site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  const std::string old = row(op.get(kPage).body, "backup");
  BOOST_TEST(has(old, "Cảnh báo"), old);
  BOOST_TEST(has(old, "9 ngày trước"), old);
  BOOST_TEST(has(old, "đã kiểm chứng"), old);
  BOOST_TEST(has(old, "Quá 8 ngày là cảnh báo."), old);
  BOOST_TEST(has(old, "portaldctl backup"), old);  // the hint

  set_backup_state(site.data, now - 3600, now - 1800);  // as the backup and drill jobs record it
  BOOST_TEST(nlohmann::json::parse(daemon.get("/healthz").body)["backup"]["state"] == "ok");
  const std::string fresh = row(op.get(kPage).body, "backup");
  BOOST_TEST(has(fresh, "data-state=\"ok\""), fresh);
  BOOST_TEST(has(fresh, "Bình thường"), fresh);
  BOOST_TEST(!has(fresh, "portaldctl backup"), fresh);  // no hint when nothing is wrong
}

BOOST_AUTO_TEST_CASE(operator_chief_and_deputy_may_view_others_get_403_and_strangers_log_in) {
  test::AdminSite site;
  const auto add = test::portaldctl(site.data, {"user", "add", "--role", "deputy", "--password-stdin", "phoban"},
                                    test::kPassword + "\n");
  BOOST_REQUIRE_MESSAGE(add.exit_code == 0, add.err);
  test::RunningDaemon daemon(site.data);
  const auto anon = daemon.get(kPage);
  BOOST_TEST(anon.status == 303);
  BOOST_TEST(std::string(anon.header("Location").value_or("")) == "/quan-tri/dang-nhap?tiep=%2Fquan-tri%2Ftrang-thai");
  for (const std::string name : {"truongban", "phoban"}) {
    AdminClient c{daemon.port()};
    c.login(name, test::kPassword);
    const auto r = c.get(kPage);
    BOOST_TEST(r.status == 200, name);
    BOOST_TEST(has(r.body, "Sao lưu và diễn tập khôi phục"), name);
  }
  for (const std::string name : {"phongvien", "congtacvien", "thuky"}) {
    AdminClient c{daemon.port()};
    c.login(name, test::kPassword);
    const auto r = c.get(kPage);
    BOOST_TEST(r.status == 403, name);
    BOOST_TEST(has(r.body, "Vai trò của bạn không được truy cập trang này."), name);
    BOOST_TEST(!has(c.get("/quan-tri").body, "href=\"/quan-tri/trang-thai\""), name);  // not in their menu
  }
}

BOOST_AUTO_TEST_SUITE_END()
