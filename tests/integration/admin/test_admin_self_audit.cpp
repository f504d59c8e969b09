// The compliance self-audit (issue 13) against the real daemon over HTTP: the page and its JSON answer
// the board and the operator and refuse (403) the other roles, the page shows the Vietnamese states and
// escapes what it quotes from the store, the JSON parses back to the same text, the reports list and the
// menu link the page, and /metrics carries one series per item.
#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "daemon/store/document_table.hpp"
#include "daemon/store/store.hpp"
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

// A number no statute allows, with characters HTML and JSON must escape.
const std::string kOddNumber = "12/\"QĐ\" <b>&";

struct AuditSite {
  test::AdminSite site;
  AuditSite() {
    store::Store live(site.data, {.map_size = std::size_t(256) << 20, .create = false});
    auto txn = live.write();
    model::LegalDocument d;
    d.number = kOddNumber;
    d.type = "Quyết định";
    d.issuer = "UBND tỉnh";
    d.issued_on = *model::parse_iso_date("2026-05-04");
    d.abstract_text = "Không có người ký";
    d.status = model::ArticleStatus::published;
    store::put_document(txn, live.tables(), d);
    txn.commit();
  }
};

const nlohmann::json* json_item(const nlohmann::json& audit, const std::string& key) {
  for (const auto& i : audit["items"])
    if (i["key"] == key) return &i;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_self_audit)

BOOST_AUTO_TEST_CASE(the_board_and_the_operator_open_it_and_others_get_403) {
  AuditSite s;
  test::RunningDaemon daemon(s.site.data);
  for (const auto& [user, code] : std::vector<std::pair<std::string, int>>{
           {"quantri", 200}, {"truongban", 200}, {"thuky", 403}, {"phongvien", 403}, {"congtacvien", 403}}) {
    AdminClient c{daemon.port()};
    c.login(user, test::kPassword);
    for (const std::string target :
         {"/quan-tri/tu-kiem-tra", "/quan-tri/tu-kiem-tra.json", "/quan-tri/tu-kiem-tra?dinh-dang=json"})
      BOOST_TEST(c.get(target).status == code, user << " " << target);
    BOOST_TEST(has(c.get("/quan-tri").body, "href=\"/quan-tri/tu-kiem-tra\"") == (code == 200), user);
  }
  BOOST_TEST(daemon.get("/quan-tri/tu-kiem-tra").status == 303);  // no session: the login page
  BOOST_TEST(daemon.get("/quan-tri/tu-kiem-tra.json").status == 303);
}

BOOST_AUTO_TEST_CASE(the_page_shows_each_item_with_its_vietnamese_state_and_escapes_what_it_quotes) {
  AuditSite s;
  test::RunningDaemon daemon(s.site.data);
  AdminClient board{daemon.port()};
  board.login("truongban", test::kPassword);
  const auto r = board.get("/quan-tri/tu-kiem-tra");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(std::string(r.header("Cache-Control").value_or("")) == "no-store");
  const std::string& html = r.body;
  BOOST_TEST(has(html, "<h1>Tự kiểm tra việc tuân thủ quy định</h1>"));
  // A fresh portal: never backed up (chưa đạt), its audit log younger than 12 months (thủ công).
  BOOST_TEST(has(html, "id=\"muc-backups\""));
  const auto backups = html.substr(html.find("id=\"muc-backups\""));
  BOOST_TEST(backups.substr(0, backups.find("</li>")).find("Trạng thái: <strong>chưa đạt</strong>") !=
             std::string::npos);
  BOOST_TEST(has(html, "Chưa có bản sao lưu nào được kiểm tra"));
  const auto logs = html.substr(html.find("id=\"muc-log_retention\""));
  BOOST_TEST(logs.substr(0, logs.find("</li>")).find("Trạng thái: <strong>cần kiểm tra thủ công</strong>") !=
             std::string::npos);
  BOOST_TEST(has(html, "Căn cứ: Nghị định 42/2022/NĐ-CP, Điều 4 khoản 1"));
  BOOST_TEST(has(html, "Căn cứ: Nghị định 53/2022/NĐ-CP"));
  // The document's number, escaped, with the link that fixes it.
  BOOST_TEST(has(html, "12/&quot;QĐ&quot; &lt;b&gt;&amp;: thiếu số ký hiệu đúng dạng, người ký"));
  BOOST_TEST(!has(html, "<b>&"));
  BOOST_TEST(has(html, "Khắc phục tại: <a href=\"/quan-tri/van-ban\">Văn bản</a>"));
  for (const std::string key : {"mandatory_sections", "english_section", "legal_documents", "footer_facts",
                                "update_cadence", "overdue_questions", "backups", "log_retention", "dormant_accounts"})
    BOOST_TEST(has(html, "id=\"muc-" + key + "\""), key);
  // A list, not a table: it reads on a phone.
  BOOST_TEST(!has(html, "<table"));
  // The reports list links it.
  BOOST_TEST(has(board.get("/quan-tri/bao-cao").body, "href=\"/quan-tri/tu-kiem-tra\""));
}

BOOST_AUTO_TEST_CASE(the_json_carries_the_same_items_correctly_escaped) {
  AuditSite s;
  test::RunningDaemon daemon(s.site.data);
  AdminClient op{daemon.port()};
  op.login("quantri", test::kPassword);
  for (const std::string target : {"/quan-tri/tu-kiem-tra.json", "/quan-tri/tu-kiem-tra?dinh-dang=json"}) {
    const auto r = op.get(target);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(std::string(r.header("Content-Type").value_or("")) == "application/json; charset=utf-8");
    const auto j = nlohmann::json::parse(r.body);  // throws (fails the test) on bad escaping
    BOOST_REQUIRE_EQUAL(j["items"].size(), 9u);
    BOOST_TEST(j["failed"].get<int>() + j["passed"].get<int>() + j["manual"].get<int>() == 9);
    const auto* docs = json_item(j, "legal_documents");
    BOOST_REQUIRE(docs);
    BOOST_TEST((*docs)["state"] == "failed");
    BOOST_TEST((*docs)["state_label"] == "chưa đạt");
    bool listed = false;
    for (const auto& d : (*docs)["details"])
      listed = listed || d["text"] == kOddNumber + ": thiếu số ký hiệu đúng dạng, người ký";
    BOOST_TEST(listed);
    const auto* logs = json_item(j, "log_retention");
    BOOST_REQUIRE(logs);
    BOOST_TEST((*logs)["state"] == "manual");
    BOOST_TEST((*logs)["clause"] == "Nghị định 53/2022/NĐ-CP");
  }
}

BOOST_AUTO_TEST_CASE(metrics_carry_one_series_per_item) {
  AuditSite s;
  test::RunningDaemon daemon(s.site.data);
  // The slow checks compute the audit at start, on their own thread: wait for their first pass.
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text = daemon.get("/metrics").body;
    if (has(text, "portald_compliance_failed{")) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  BOOST_TEST(has(text, "portald_compliance_failed{item=\"backups\"} 1"));
  BOOST_TEST(has(text, "portald_compliance_failed{item=\"legal_documents\"} 1"));
  BOOST_TEST(has(text, "portald_compliance_failed{item=\"log_retention\"} 0"));
  BOOST_TEST(has(text, "portald_compliance_manual{item=\"log_retention\"} 1"));
}

BOOST_AUTO_TEST_SUITE_END()
