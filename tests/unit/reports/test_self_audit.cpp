// The compliance self-audit (issue 13) over a real LMDB store written here at known times: a portal that
// fails every item the software can fail (the log retention, which portald never prunes, can only be
// "cần kiểm tra thủ công" while the portal is younger than 12 months) and one that passes them all. The
// expected states and figures are worked out by hand below, not recomputed.
#include <boost/test/unit_test.hpp>

#include "daemon/health/metrics.hpp"
#include "daemon/model/site_page.hpp"
#include "daemon/reports/self_audit.hpp"
#include "daemon/reports/self_audit_metrics.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using reports::AuditState;

namespace portald::reports {
// So that a failed check prints the state.
std::ostream& operator<<(std::ostream& out, AuditState s) { return out << state_key(s); }
}  // namespace portald::reports

namespace {

model::UnixTime at(std::string_view local) { return *model::parse_rfc3339(std::string(local) + ":00+07:00"); }
std::int32_t day(std::string_view iso) { return *model::parse_iso_date(iso); }

// Friday 20 November 2026, 17:00: both of today's windows have closed. The last 30 working days (Monday
// to Friday, no holiday) are the six weeks from Monday 12 October.
const model::UnixTime kNow = at("2026-11-20T17:00");

health::CadencePolicy cadence() {
  health::CadencePolicy p;
  p.windows = {{"morning", 450, 600}, {"afternoon", 810, 960}};  // 07:30-10:00, 13:30-16:00
  return p;
}

struct Portal {
  test::TempStore s;
  const store::Tables& t = s.store.tables();

  void section(std::string lang, std::string slug, std::string body, model::UnixTime updated) {
    store::WriteTxn txn = s.store.write();
    model::SitePage p;
    p.lang = std::move(lang);
    p.slug = std::move(slug);
    p.title = "Trang " + p.slug;
    p.body_html = std::move(body);
    p.updated_at = updated;
    store::put_site_page(txn, t, p);
    txn.commit();
  }
  void every_section(std::string_view skip_vi = {}, std::string_view skip_en = {}) {
    for (const auto& spec : model::mandatory_sections())
      if (spec.slug != (spec.lang == "vi" ? skip_vi : skip_en))
        section(std::string(spec.lang), std::string(spec.slug), "<p>Nội dung</p>", at("2026-03-15T09:00"));
  }
  void document(std::string number, std::string signer) {
    store::WriteTxn txn = s.store.write();
    model::LegalDocument d;
    d.number = std::move(number);
    d.type = "Quyết định";
    d.issuer = "UBND tỉnh";
    d.signer = std::move(signer);
    d.issued_on = day("2026-05-04");
    d.abstract_text = "Ban hành quy chế";
    d.status = model::ArticleStatus::published;
    store::put_document(txn, t, d);
    txn.commit();
  }
  void settings(bool complete) {
    store::WriteTxn txn = s.store.write();
    model::SiteSettings st;
    st.governing_agency = "UBND tỉnh";
    if (complete) {
      st.responsible_person = "Nguyễn Văn An";
      st.licence = "12/GP-TTĐT";
      st.licence_date = "2024-03-05";
      st.address = "1 Đường Lê Lợi";
      st.phone = "0261 3000000";
      st.email = "cong@tinh.gov.vn";
    }
    store::put_site_settings(txn, t, st);
    txn.commit();
  }
  // Articles at 08:00 and 14:00 of every weekday from 12 October to 20 November 2026, except `skip`.
  void publish_every_window(model::UnixTime skip = 0) {
    store::WriteTxn txn = s.store.write();
    int n = 0;
    for (std::int32_t d = day("2026-10-12"); d <= day("2026-11-20"); ++d) {
      if (health::weekday(d) > 4) continue;
      for (const char* clock : {"T08:00", "T14:00"}) {
        const model::UnixTime when = at(model::format_iso_date(d) + clock);
        if (when == skip) continue;
        model::Article a;
        a.slug = "bai-" + std::to_string(++n);
        a.title = "Bài " + std::to_string(n);
        a.body_html = "<p>x</p>";
        a.status = model::ArticleStatus::published;
        a.created_at = when;
        a.updated_at = when;
        a.published_at = when;
        store::put_article(txn, t, a);
      }
    }
    txn.commit();
  }
  void question(std::uint64_t id, model::QuestionState state, std::string_view due) {
    store::WriteTxn txn = s.store.write();
    model::Question q;
    q.id = id;
    q.code = "MA" + std::to_string(id);
    q.title = "Câu hỏi " + std::to_string(id);
    q.state = state;
    q.received_at = at("2026-11-02T09:00");
    q.due_day = day(due);
    store::put_question(txn, t, q, std::nullopt);
    txn.commit();
  }
  void backups(model::UnixTime verified, model::UnixTime drill) {
    store::WriteTxn txn = s.store.write();
    model::BackupState b;
    b.last_snapshot = model::BackupOutcome{"portald-snap", verified - 3600, true, {}};
    b.verified["portald-snap"] = model::BackupOutcome{"portald-snap", verified, true, {}};
    b.verified["portald-bad"] = model::BackupOutcome{"portald-bad", kNow - 3600, false, "chữ ký sai"};
    b.last_drill = model::BackupOutcome{"portald-snap", drill, true, {}};
    store::put_backup_state(txn, t, b);
    txn.commit();
  }
  void audit(model::UnixTime when, std::string actor, std::string action) {
    store::WriteTxn txn = s.store.write();
    store::append_audit(txn, t, {.seq = 0, .at = when, .actor = std::move(actor), .action = std::move(action)});
    txn.commit();
  }
  void user(std::string name, model::UnixTime created, bool suspended = false) {
    store::WriteTxn txn = s.store.write();
    model::User u;
    u.username = std::move(name);
    u.display_name = "Người " + u.username;
    u.role = model::Role::reporter;
    u.created_at = created;
    u.suspended = suspended;
    store::put_user(txn, t, u);
    txn.commit();
  }
  reports::SelfAudit run() {
    const store::ReadTxn txn = s.store.read();
    return reports::self_audit(txn, t, cadence(), kNow);
  }
};

const reports::AuditItem& item(const reports::SelfAudit& a, std::string_view key) {
  for (const auto& i : a.items)
    if (i.key == key) return i;
  BOOST_FAIL("no item " << key);
  throw std::logic_error("unreachable");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(self_audit)

BOOST_AUTO_TEST_CASE(a_portal_failing_every_item_is_told_what_and_how_many) {
  Portal p;
  // The oldest audit entry: 1 June 2026, less than 12 months before.
  p.audit(at("2026-06-01T08:00"), "quantri", "settings.site");
  // Sections: "Giới thiệu chung" blank, the 13 other Vietnamese ones absent; English "about" only.
  p.section("vi", "gioi-thieu", "<p>&nbsp; </p>", at("2026-03-01T09:00"));
  p.section("en", "about", "<p>About the province</p>", at("2026-03-15T09:00"));
  p.document("15/2026/QĐ-UBND", "Nguyễn Văn B");
  p.document("abc", "");  // malformed number, no signer
  p.settings(false);
  p.publish_every_window(at("2026-11-17T14:00"));               // Tuesday 17 November's afternoon missed
  p.question(1, model::QuestionState::assigned, "2026-11-18");  // overdue since Thursday
  p.question(2, model::QuestionState::received, "2026-11-25");
  p.backups(kNow - 10 * 86400, kNow - 100 * 86400);
  p.user("cu", at("2026-01-05T08:00"));
  p.audit(at("2026-08-01T08:00"), "cu", "login.ok");  // 111 days before
  p.user("moi", at("2026-11-02T08:00"));
  p.audit(at("2026-11-19T08:00"), "moi", "login.ok");
  p.user("nghi", at("2025-01-05T08:00"), true);  // suspended: not listed
  p.user("chuadung", at("2026-06-01T08:00"));    // never logged in, created 172 days before

  const auto a = p.run();
  BOOST_TEST(a.at == kNow);
  BOOST_REQUIRE_EQUAL(a.items.size(), 9u);
  BOOST_TEST(a.count(AuditState::failed) == 8u);
  BOOST_TEST(a.count(AuditState::manual) == 1u);
  BOOST_TEST(a.count(AuditState::passed) == 0u);

  const auto& sections = item(a, "mandatory_sections");
  BOOST_TEST(sections.state == AuditState::failed);
  BOOST_TEST(sections.clause == "Nghị định 42/2022/NĐ-CP, Điều 4 khoản 1; Luật Tiếp cận thông tin, Điều 19");
  BOOST_TEST(sections.explanation ==
             "0/14 chuyên mục bắt buộc đã đăng và có nội dung; 13 chưa có trang, 1 trang trống.");
  BOOST_REQUIRE_EQUAL(sections.details.size(), 14u);
  BOOST_TEST(sections.details[0].text == "Trang gioi-thieu: trang trống");
  BOOST_TEST(sections.details[1].text == "Chức năng, nhiệm vụ và cơ cấu tổ chức: chưa có trang");
  BOOST_TEST(sections.details[1].href ==
             "/quan-tri/trang/moi?ngon-ngu=vi&dia-chi=co-cau-to-chuc&loai=text&tieu-de="
             "Ch%E1%BB%A9c%20n%C4%83ng%2C%20nhi%E1%BB%87m%20v%E1%BB%A5%20v%C3%A0%20c%C6%A1%20c%E1%BA%A5u%20t%E1%BB%95"
             "%20ch%E1%BB%A9c");

  const auto& english = item(a, "english_section");
  BOOST_TEST(english.state == AuditState::failed);
  BOOST_TEST(english.clause == "Nghị định 42/2022/NĐ-CP, Điều 7 khoản 2");
  BOOST_TEST(english.explanation ==
             "1 trang tiếng Anh đã đăng, cập nhật gần nhất 15/03/2026; 1/2 trang bắt buộc (giới thiệu, liên hệ) có "
             "nội dung.");
  BOOST_REQUIRE_EQUAL(english.details.size(), 2u);
  BOOST_TEST(english.details[0].text == "Contacts: chưa có trang");
  BOOST_TEST(english.details[1].text == "Trang about (/en/about): cập nhật lần cuối 15/03/2026");

  const auto& docs = item(a, "legal_documents");
  BOOST_TEST(docs.state == AuditState::failed);
  BOOST_TEST(docs.explanation ==
             "2 văn bản đã đăng; 1 văn bản thiếu trường bắt buộc (số ký hiệu, loại, cơ quan ban hành, người ký, "
             "ngày ban hành, trích yếu).");
  BOOST_REQUIRE_EQUAL(docs.details.size(), 1u);
  BOOST_TEST(docs.details[0].text == "abc: thiếu số ký hiệu đúng dạng, người ký");
  BOOST_TEST(docs.details[0].href.starts_with("/quan-tri/van-ban/"));

  const auto& footer = item(a, "footer_facts");
  BOOST_TEST(footer.state == AuditState::failed);
  BOOST_TEST(footer.explanation ==
             "Còn thiếu 6/7: người chịu trách nhiệm, số giấy phép, ngày cấp giấy phép, địa chỉ liên hệ, điện "
             "thoại, thư điện tử.");
  BOOST_TEST(footer.fix_href == "/quan-tri/cai-dat");

  const auto& cadence_item = item(a, "update_cadence");
  BOOST_TEST(cadence_item.state == AuditState::failed);
  BOOST_TEST(cadence_item.explanation ==
             "30 ngày làm việc từ 12/10/2026 đến 20/11/2026: 59 khung giờ đạt, 1 khung giờ bị lỡ (1 ngày).");
  BOOST_REQUIRE_EQUAL(cadence_item.details.size(), 1u);
  BOOST_TEST(cadence_item.details[0].text == "17/11/2026: bị lỡ buổi chiều");
  BOOST_TEST(cadence_item.fix_href == "/quan-tri/bao-cao/nhip-dang-tin?tu=2026-10-12&den=2026-11-20");

  const auto& questions = item(a, "overdue_questions");
  BOOST_TEST(questions.state == AuditState::failed);
  BOOST_TEST(questions.explanation == "2 câu hỏi đang chờ trả lời; 1 câu hỏi đã quá hạn trả lời.");
  BOOST_REQUIRE_EQUAL(questions.details.size(), 1u);
  BOOST_TEST(questions.details[0].text == "Câu hỏi MA1: hạn trả lời 18/11/2026");
  BOOST_TEST(questions.details[0].href == "/quan-tri/hoi-dap/1");

  const auto& backups = item(a, "backups");
  BOOST_TEST(backups.state == AuditState::failed);
  BOOST_TEST(backups.explanation ==
             "Bản sao lưu đã kiểm tra gần nhất: portald-snap lúc 10/11/2026 (10 ngày trước), cần trong vòng 7 ngày; "
             "diễn tập khôi phục gần nhất 12/08/2026 (100 ngày trước, thành công), cần một lần thành công trong "
             "vòng 90 ngày.");

  const auto& logs = item(a, "log_retention");
  BOOST_TEST(logs.state == AuditState::manual);
  BOOST_TEST(logs.clause == "Nghị định 53/2022/NĐ-CP");
  BOOST_TEST(logs.explanation.starts_with("Cổng mới có nhật ký từ 01/06/2026, chưa đủ 12 tháng;"));

  const auto& accounts = item(a, "dormant_accounts");
  BOOST_TEST(accounts.state == AuditState::failed);
  BOOST_TEST(accounts.explanation.starts_with("2/3 tài khoản đang hoạt động không đăng nhập từ 90 ngày trở lên"));
  BOOST_REQUIRE_EQUAL(accounts.details.size(), 2u);  // by username
  BOOST_TEST(accounts.details[0].text ==
             "chuadung (Người chuadung, Phóng viên): chưa đăng nhập lần nào, tạo ngày 01/06/2026");
  BOOST_TEST(accounts.details[1].text == "cu (Người cu, Phóng viên): đăng nhập lần cuối 01/08/2026");

  // One metric per item: 1 for each failed one, and the manual one apart.
  health::Registry metrics;
  reports::publish_self_audit_metrics(a, metrics);
  const std::string text = metrics.render();
  BOOST_TEST(text.find("portald_compliance_failed{item=\"backups\"} 1") != std::string::npos);
  BOOST_TEST(text.find("portald_compliance_failed{item=\"log_retention\"} 0") != std::string::npos);
  BOOST_TEST(text.find("portald_compliance_manual{item=\"log_retention\"} 1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_portal_passing_every_item) {
  Portal p;
  p.audit(at("2025-10-01T08:00"), "quantri", "settings.site");  // 415 days before: over 12 months
  p.every_section();
  p.document("15/2026/QĐ-UBND", "Nguyễn Văn B");
  p.settings(true);
  p.publish_every_window();
  p.question(1, model::QuestionState::assigned, "2026-11-20");   // due today: not overdue yet
  p.question(2, model::QuestionState::published, "2026-11-02");  // answered: never overdue
  p.backups(kNow - 2 * 86400, kNow - 30 * 86400);
  p.user("bientap", at("2026-01-05T08:00"));
  p.audit(at("2026-09-01T08:00"), "bientap", "login.ok");
  p.audit(at("2026-10-01T08:00"), "bientap", "login.ok");  // 50 days before: the newest counts
  p.user("moi", at("2026-10-01T08:00"));                   // never logged in, created 50 days before
  p.user("nghi", at("2025-01-05T08:00"), true);            // left, suspended

  const auto a = p.run();
  BOOST_REQUIRE_EQUAL(a.items.size(), 9u);
  for (const auto& i : a.items) BOOST_TEST((i.state == AuditState::passed), i.key << ": " << i.explanation);
  BOOST_TEST(item(a, "mandatory_sections").explanation ==
             "14/14 chuyên mục bắt buộc đã đăng và có nội dung; 0 chưa có trang, 0 trang trống.");
  BOOST_TEST(item(a, "mandatory_sections").details.empty());
  BOOST_TEST(item(a, "english_section").details.size() == 2u);  // each English page with its date
  BOOST_TEST(item(a, "footer_facts").explanation == "Đủ 7/7 thông tin chân trang.");
  BOOST_TEST(item(a, "update_cadence").explanation ==
             "30 ngày làm việc từ 12/10/2026 đến 20/11/2026: 60 khung giờ đạt, 0 khung giờ bị lỡ (0 ngày).");
  BOOST_TEST(item(a, "overdue_questions").explanation == "1 câu hỏi đang chờ trả lời; 0 câu hỏi đã quá hạn trả lời.");
  BOOST_TEST(item(a, "log_retention").explanation.starts_with("Nhật ký kiểm tra giữ đủ từ 01/10/2025 (hơn 12 tháng)"));
  BOOST_TEST(item(a, "dormant_accounts").explanation.starts_with("0/2 tài khoản"));

  health::Registry metrics;
  reports::publish_self_audit_metrics(a, metrics);
  const std::string text = metrics.render();
  for (const auto& i : a.items)
    BOOST_TEST(text.find("portald_compliance_failed{item=\"" + i.key + "\"} 0\n") != std::string::npos, i.key);
}

BOOST_AUTO_TEST_CASE(cadence_off_and_empty_log_need_a_person) {
  Portal p;
  const store::ReadTxn txn = p.s.store.read();
  const auto a = reports::self_audit(txn, p.t, health::CadencePolicy{}, kNow);
  BOOST_TEST((item(a, "update_cadence").state == AuditState::manual));
  BOOST_TEST((item(a, "log_retention").state == AuditState::manual));
  BOOST_TEST(item(a, "log_retention").explanation.starts_with("Nhật ký kiểm tra chưa có mục nào."));
  BOOST_TEST((item(a, "legal_documents").state == AuditState::passed));  // none published: none lacking
}

BOOST_AUTO_TEST_SUITE_END()
