// Editable section pages: stored per language and slug, sanitised, in the change log.
#include <boost/test/unit_test.hpp>

#include "daemon/store/change_log.hpp"
#include "daemon/store/page_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

namespace {

model::SitePage contacts_page() {
  model::SitePage p;
  p.lang = "vi";
  p.slug = "lien-he";
  p.title = "Liên hệ";
  p.body_html = "<p>Địa chỉ</p><script>alert(1)</script>";
  p.kind = model::PageKind::contacts;
  p.entries = {{"Nguyễn Văn A", "Chánh Văn phòng"}};  // short rows are padded to the kind's columns
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(page_table)

BOOST_AUTO_TEST_CASE(put_find_and_replace_by_language_and_slug) {
  test::TempStore s;
  const auto& t = s.store.tables();
  std::uint64_t id = 0;
  {
    auto txn = s.store.write();
    id = store::put_site_page(txn, t, contacts_page());
    auto en = contacts_page();
    en.lang = "en";
    en.title = "Contacts";
    store::put_site_page(txn, t, en);
    txn.commit();
  }
  {
    const auto txn = s.store.read();
    const auto p = store::find_site_page(txn, t, "vi", "lien-he");
    BOOST_REQUIRE(p);
    BOOST_TEST(p->id == id);
    BOOST_TEST(p->body_html == "<p>Địa chỉ</p>");
    BOOST_TEST(p->updated_at > 0);
    BOOST_REQUIRE(p->entries.size() == 1u);
    BOOST_TEST(p->entries[0].size() == 5u);
    BOOST_TEST(store::find_site_page(txn, t, "en", "lien-he")->title == "Contacts");
    BOOST_TEST(!store::find_site_page(txn, t, "vi", "khong-co"));
    BOOST_TEST(store::list_site_pages(txn, t).size() == 2u);
    const auto changes = store::changes_since(txn, t, 0, 10);
    BOOST_REQUIRE(!changes.empty());
    BOOST_TEST(store::to_string(changes.back().kind) == "page");
  }
  {
    auto txn = s.store.write();
    auto again = contacts_page();
    again.title = "Liên hệ (sửa)";
    BOOST_TEST(store::put_site_page(txn, t, again) == id);  // same slug, same record
    txn.commit();
  }
  const auto txn = s.store.read();
  BOOST_TEST(store::find_site_page(txn, t, "vi", "lien-he")->title == "Liên hệ (sửa)");
  BOOST_TEST(store::list_site_pages(txn, t).size() == 2u);
}

BOOST_AUTO_TEST_CASE(bad_language_or_slug_is_refused) {
  test::TempStore s;
  auto txn = s.store.write();
  auto p = contacts_page();
  p.slug = "Có Dấu";
  BOOST_CHECK_THROW(store::put_site_page(txn, s.store.tables(), p), std::invalid_argument);
  p = contacts_page();
  p.lang = "fr";
  BOOST_CHECK_THROW(store::put_site_page(txn, s.store.tables(), p), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
