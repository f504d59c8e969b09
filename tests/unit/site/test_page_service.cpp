// The section pages as the board edits them (issue 14): an editor's save is a pending revision and the
// public page stays until the board approves it; returns need a reason; every revision is kept; each
// write is one transaction with its audit entry, and only approval touches the change log.
#include <boost/test/unit_test.hpp>

#include "daemon/site/imports.hpp"
#include "daemon/site/pages.hpp"
#include "daemon/store/page_revision_table.hpp"
#include "daemon/store/page_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using model::PageRevisionState;
using model::Role;
using site::PageRefusal;
using store::ChangeKind;

namespace {

const model::Actor kEditor{"thuky", Role::secretariat, "10.0.0.2"};
const model::Actor kChief{"truongban", Role::editor_in_chief, "10.0.0.3"};
const model::Actor kReporter{"phongvien", Role::reporter, "10.0.0.4"};
const model::Actor kOperator{"quantri", Role::operator_, "10.0.0.5"};

site::PageContent content(std::string title, std::string body) {
  site::PageContent c;
  c.title = std::move(title);
  c.body_html = std::move(body);
  return c;
}

std::optional<model::SitePage> public_page(const store::Store& s, std::string_view lang, std::string_view slug) {
  const store::ReadTxn txn = s.read();
  return store::find_site_page(txn, s.tables(), lang, slug);
}

site::PageItem item(const store::Store& s, std::uint64_t id) {
  const store::ReadTxn txn = s.read();
  return *site::load_page(txn, s.tables(), id);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(page_service)

BOOST_AUTO_TEST_CASE(a_new_page_is_public_only_once_the_board_approves_it) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const auto r =
      site::create_page(s.store, {.lang = "vi", .slug = "", .kind = "text"},
                        content("Điều ước quốc tế", "<p>Danh sách <script>x</script>điều ước</p>"), kEditor, 1000);
  BOOST_TEST_REQUIRE((r.refusal == PageRefusal::none));
  BOOST_TEST(r.revision == 1u);
  BOOST_TEST(!r.published);
  BOOST_TEST(!public_page(s.store, "vi", "dieu-uoc-quoc-te"));
  BOOST_TEST(test::changes_after(s.store, mark).empty());
  auto i = item(s.store, r.id);
  BOOST_TEST(!i.live);
  BOOST_TEST_REQUIRE(i.pending() != nullptr);
  BOOST_TEST(i.work().slug == "dieu-uoc-quoc-te");
  BOOST_TEST(i.work().body_html == "<p>Danh sách điều ước</p>");  // sanitised on the way in
  // The slug is taken while it waits.
  const auto twice = site::create_page(s.store, {.lang = "vi", .slug = "dieu-uoc-quoc-te", .kind = "text"},
                                       content("Khác", "<p>x</p>"), kEditor, 1001);
  BOOST_TEST((twice.refusal == PageRefusal::invalid));
  // An editor may not approve; the board does.
  BOOST_TEST((site::approve_page(s.store, r.id, 1, kEditor, 1002).refusal == PageRefusal::not_allowed));
  const auto ok = site::approve_page(s.store, r.id, 1, kChief, 1003);
  BOOST_TEST_REQUIRE((ok.refusal == PageRefusal::none));
  BOOST_TEST(ok.published);
  const auto p = public_page(s.store, "vi", "dieu-uoc-quoc-te");
  BOOST_TEST_REQUIRE(p.has_value());
  BOOST_TEST(p->id == r.id);
  BOOST_TEST(p->updated_at == 1003);
  BOOST_TEST(test::has_change(test::changes_after(s.store, mark), ChangeKind::page, r.id));
  i = item(s.store, r.id);
  BOOST_TEST((i.revisions.at(0).state == PageRevisionState::approved));
  BOOST_TEST(i.revisions.at(0).decided_by == "truongban");
  const auto log = test::audit_entries(s.store);
  BOOST_TEST_REQUIRE(log.size() == 2u);
  BOOST_TEST(log[0].action == "page.create");
  BOOST_TEST(log[0].actor == "thuky");
  BOOST_TEST(log[0].object == "page/vi/dieu-uoc-quoc-te");
  BOOST_TEST(log[1].action == "page.approve");
  BOOST_TEST(log[1].actor == "truongban");
  // Approving twice is refused.
  BOOST_TEST((site::approve_page(s.store, r.id, 1, kChief, 1004).refusal == PageRefusal::not_pending));
}

BOOST_AUTO_TEST_CASE(an_edit_stays_pending_and_the_public_page_unchanged_until_approved) {
  test::TempStore s;
  const auto created = site::create_page(s.store, {.lang = "vi", .slug = "lien-he", .kind = "contacts"},
                                         content("Liên hệ", "<p>Cũ</p>"), kChief, 1000, true);
  BOOST_TEST_REQUIRE(created.published);
  auto edit = content("Liên hệ", "<p>Mới</p>");
  edit.entries = {{"Nguyễn Văn A", "Chánh Văn phòng", "Văn phòng", "0123", "a@example.invalid"}, {"", "", "", "", ""}};
  const auto mark = test::change_mark(s.store);
  const auto r = site::save_page(s.store, created.id, edit, kEditor, 1100, 1);
  BOOST_TEST_REQUIRE((r.refusal == PageRefusal::none));
  BOOST_TEST(r.revision == 2u);
  BOOST_TEST(public_page(s.store, "vi", "lien-he")->body_html == "<p>Cũ</p>");
  BOOST_TEST(test::changes_after(s.store, mark).empty());
  auto i = item(s.store, created.id);
  BOOST_TEST(i.work().body_html == "<p>Mới</p>");
  BOOST_TEST(i.work().entries.size() == 1u);  // the blank row is dropped
  // A second save supersedes the first pending one.
  edit.body_html = "<p>Mới hơn</p>";
  const auto r2 = site::save_page(s.store, created.id, edit, kEditor, 1200, 2);
  BOOST_TEST(r2.revision == 3u);
  i = item(s.store, created.id);
  BOOST_TEST((i.revisions.at(1).state == PageRevisionState::superseded));
  BOOST_TEST(i.pending()->number == 3u);
  // The board returns it with a reason (none is refused), and the public page stays.
  BOOST_TEST((site::return_page(s.store, created.id, 3, "  ", kChief, 1300).refusal == PageRefusal::invalid));
  BOOST_TEST(
      (site::return_page(s.store, created.id, 3, "Thiếu số điện thoại", kChief, 1300).refusal == PageRefusal::none));
  i = item(s.store, created.id);
  BOOST_TEST(!i.pending());
  BOOST_TEST(i.revisions.back().reason == "Thiếu số điện thoại");
  BOOST_TEST(i.work().body_html == "<p>Cũ</p>");
  // Restoring revision 3 makes it pending again; approving it publishes it with its entries.
  const auto restored = site::restore_page_revision(s.store, created.id, 3, kEditor, 1400);
  BOOST_TEST(restored.revision == 4u);
  BOOST_TEST_REQUIRE((site::approve_page(s.store, created.id, 4, kChief, 1500).refusal == PageRefusal::none));
  const auto p = public_page(s.store, "vi", "lien-he");
  BOOST_TEST(p->body_html == "<p>Mới hơn</p>");
  BOOST_TEST(p->entries.size() == 1u);
  BOOST_TEST(p->updated_at == 1500);
  std::vector<std::string> actions;
  for (const auto& e : test::audit_entries(s.store)) actions.push_back(e.action);
  const std::vector<std::string> expected{"page.create", "page.approve", "page.edit",   "page.edit",
                                          "page.return", "page.restore", "page.approve"};
  BOOST_TEST(actions == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_save_over_a_newer_revision_is_a_conflict) {
  test::TempStore s;
  const auto created = site::create_page(s.store, {.lang = "en", .slug = "about", .kind = "text"},
                                         content("About", "<p>One</p>"), kEditor, 1000);
  BOOST_TEST_REQUIRE((site::save_page(s.store, created.id, content("About", "<p>Two</p>"), kEditor, 1100, 1).refusal ==
                      PageRefusal::none));
  // Someone still on revision 1 saves something else: refused, nothing written.
  const auto r = site::save_page(s.store, created.id, content("About", "<p>Three</p>"), kChief, 1200, 1);
  BOOST_TEST((r.refusal == PageRefusal::conflict));
  BOOST_TEST(r.revision == 2u);
  BOOST_TEST(item(s.store, created.id).revisions.size() == 2u);
}

BOOST_AUTO_TEST_CASE(invalid_content_and_roles_write_nothing) {
  test::TempStore s;
  const auto mark_audit = test::audit_entries(s.store).size();
  site::PageContent bad = content("", "");
  bad.entries = {{"", "https://x.example", ""}, {"Cổng", "javascript:alert(1)", ""}};
  auto r = site::create_page(s.store, {.lang = "fr", .slug = "", .kind = "links"}, bad, kEditor, 1000);
  BOOST_TEST((r.refusal == PageRefusal::invalid));
  const std::string all = [&] {
    std::string out;
    for (const auto& e : r.errors) out += e + "\n";
    return out;
  }();
  BOOST_TEST(all.find("Vui lòng chọn ngôn ngữ") != std::string::npos, all);
  BOOST_TEST(all.find("Vui lòng nhập tiêu đề trang.") != std::string::npos, all);
  BOOST_TEST(all.find("Dòng 1: thiếu “Tên”.") != std::string::npos, all);
  BOOST_TEST(all.find("Dòng 2: địa chỉ phải bắt đầu bằng https://") != std::string::npos, all);
  for (const auto& who : {kReporter, kOperator}) {
    r = site::create_page(s.store, {.lang = "vi", .slug = "x", .kind = "text"}, content("X", "<p>x</p>"), who, 1000);
    BOOST_TEST((r.refusal == PageRefusal::not_allowed));
  }
  // An editor cannot approve while saving.
  r = site::create_page(s.store, {.lang = "vi", .slug = "x", .kind = "text"}, content("X", "<p>x</p>"), kEditor, 1000,
                        true);
  BOOST_TEST((r.refusal == PageRefusal::not_allowed));
  const store::ReadTxn txn = s.store.read();
  BOOST_TEST(store::page_ids_with_revisions(txn, s.store.tables()).empty());
  BOOST_TEST(test::audit_entries(s.store).size() == mark_audit);
}

BOOST_AUTO_TEST_CASE(imports_keep_the_history_and_missing_sections_are_listed) {
  test::TempStore s;
  {
    const store::ReadTxn txn = s.store.read();
    BOOST_TEST(site::missing_sections(txn, s.store.tables()).size() == model::mandatory_sections().size());
  }
  model::SitePage p;
  p.lang = "vi";
  p.slug = "lien-he";
  p.title = "Liên hệ";
  p.body_html = "<p>x</p>";
  {
    store::WriteTxn txn = s.store.write();
    BOOST_TEST_REQUIRE(
        (site::import_pages(txn, s.store.tables(), {p}, model::console_actor(), 900) == site::Refusal::none));
    txn.commit();
  }
  const store::ReadTxn txn = s.store.read();
  const auto id = store::find_site_page(txn, s.store.tables(), "vi", "lien-he")->id;
  const auto revisions = store::list_page_revisions(txn, s.store.tables(), id);
  BOOST_TEST_REQUIRE(revisions.size() == 1u);
  BOOST_TEST((revisions[0].state == PageRevisionState::approved));
  BOOST_TEST(revisions[0].saved_by == "portaldctl");
  const auto missing = site::missing_sections(txn, s.store.tables());
  BOOST_TEST(missing.size() == model::mandatory_sections().size() - 1);
  for (const auto& m : missing) BOOST_TEST(m.slug != "lien-he");
}

BOOST_AUTO_TEST_SUITE_END()
