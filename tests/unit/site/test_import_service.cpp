// portaldctl's bulk imports of section pages and topics through the site service: the rule, one audit
// entry per record in the caller's transaction, and the change-log entries the index follows.
#include <boost/test/unit_test.hpp>

#include "daemon/site/imports.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using model::Role;
using site::Refusal;
using store::ChangeKind;

namespace {

model::SitePage page(std::string lang, std::string slug, std::string title) {
  model::SitePage p;
  p.lang = std::move(lang);
  p.slug = std::move(slug);
  p.title = std::move(title);
  return p;
}

model::Topic topic(std::string slug, std::string name) {
  model::Topic t;
  t.slug = std::move(slug);
  t.name = std::move(name);
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_service)

BOOST_AUTO_TEST_CASE(pages_from_the_console_are_saved_audited_and_logged) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  {
    store::WriteTxn txn = s.store.write();
    const auto r =
        site::import_pages(txn, s.store.tables(), {page("vi", "lien-he", "Liên hệ"), page("en", "contact", "Contact")},
                           model::console_actor(), 900);
    BOOST_TEST_REQUIRE((r == Refusal::none));
    txn.commit();
  }
  const store::ReadTxn txn = s.store.read();
  const auto saved = store::find_site_page(txn, s.store.tables(), "vi", "lien-he");
  BOOST_TEST_REQUIRE(saved.has_value());
  BOOST_TEST(saved->updated_at == 900);
  BOOST_TEST(test::has_change(test::changes_after(s.store, mark), ChangeKind::page, saved->id));
  const auto log = test::audit_entries(s.store);
  BOOST_TEST_REQUIRE(log.size() == 2u);
  BOOST_TEST(log[0].action == "page.import");
  BOOST_TEST(log[0].object == "page/vi/lien-he");
  BOOST_TEST(log[0].to == "Liên hệ");
  BOOST_TEST(log[0].actor == "portaldctl");
  BOOST_TEST(log[0].address == "local");
  BOOST_TEST(log[1].object == "page/en/contact");
}

BOOST_AUTO_TEST_CASE(topics_from_the_console_are_audited_as_the_admin_writes_them) {
  test::TempStore s;
  {
    store::WriteTxn txn = s.store.write();
    BOOST_TEST_REQUIRE((site::import_topics(txn, s.store.tables(), {topic("chuyen-doi-so", "Chuyển đổi số")},
                                            model::console_actor(), 910) == Refusal::none));
    txn.commit();
  }
  const store::ReadTxn txn = s.store.read();
  const auto saved = store::find_topic(txn, s.store.tables(), "chuyen-doi-so");
  BOOST_TEST_REQUIRE(saved.has_value());
  const auto log = test::audit_entries(s.store);
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].action == "taxonomy.topic");
  BOOST_TEST(log[0].object == "topic/" + std::to_string(saved->id));
  BOOST_TEST(log[0].to == "Chuyển đổi số");
}

BOOST_AUTO_TEST_CASE(a_role_without_the_right_writes_nothing) {
  test::TempStore s;
  const model::Actor reporter{"phongvien", Role::reporter, "10.0.0.5"};
  store::WriteTxn txn = s.store.write();
  BOOST_TEST((site::import_pages(txn, s.store.tables(), {page("vi", "gioi-thieu", "Giới thiệu")}, reporter, 920) ==
              Refusal::not_allowed));
  BOOST_TEST((site::import_topics(txn, s.store.tables(), {topic("a", "A")}, reporter, 920) == Refusal::not_allowed));
  BOOST_TEST(store::list_site_pages(txn, s.store.tables()).empty());
  BOOST_TEST(!store::find_topic(txn, s.store.tables(), "a").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
