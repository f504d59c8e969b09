// Rights per unit (issue 16): a contributor files for its own agency only and, where the board set a
// limit, only in its agency's categories; the rule holds in the service whatever the form showed, and a
// refusal writes nothing. Agencies follow their own items read-only; the board is not bound.
#include <boost/test/unit_test.hpp>

#include "daemon/editorial/article_service.hpp"
#include "daemon/editorial/unit_rights.hpp"
#include "daemon/site/taxonomy.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using editorial::Actor;
using editorial::SaveRefusal;
using model::Role;

namespace {

// Two agencies (health, education), two categories (health, schools), a contributor of each agency.
struct Units {
  test::TempStore s;
  std::uint64_t health = 0, education = 0, health_news = 0, schools = 0;
  Actor ctv_health, ctv_education;
  const Actor reporter{"pv", Role::reporter, "10.0.0.5"};
  const Actor op = model::console_actor();
  Units() {
    store::WriteTxn txn = s.store.write();
    const auto& t = s.store.tables();
    health = store::ensure_agency(txn, t, "Sở Y tế");
    education = store::ensure_agency(txn, t, "Sở Giáo dục và Đào tạo");
    health_news = store::ensure_category(txn, t, "Y tế");
    schools = store::ensure_category(txn, t, "Giáo dục");
    txn.commit();
    ctv_health = {.username = "ctv-yte", .role = Role::contributor, .address = "10.0.0.8", .agency_id = health};
    ctv_education = {.username = "ctv-gd", .role = Role::contributor, .address = "10.0.0.9", .agency_id = education};
  }
  editorial::Content text(std::uint64_t agency, std::uint64_t category) const {
    return {.title = "Tin đơn vị",
            .summary = "Sapo",
            .body_html = "<p>Nội dung</p>",
            .category_id = category,
            .agency_id = agency,
            .author = "Tác giả",
            .featured = false};
  }
  std::optional<editorial::Item> item(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return editorial::load_item(txn, s.store.tables(), id);
  }
  std::uint64_t mark() const { return test::change_mark(s.store); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(unit_rights)

BOOST_AUTO_TEST_CASE(a_contributor_cannot_file_for_another_agency_and_nothing_is_written) {
  Units u;
  const auto before = u.mark();
  const auto r = editorial::save_article(u.s.store, 0, u.text(u.education, u.health_news), {}, u.ctv_health, 1000);
  BOOST_TEST((r.refusal == SaveRefusal::invalid));
  BOOST_TEST_REQUIRE(r.errors.size() == 1u);
  BOOST_TEST(r.errors[0] == "Bạn chỉ được đưa tin cho đơn vị của mình (Sở Y tế): không chọn được cơ quan khác.");
  BOOST_TEST(test::changes_after(u.s.store, before).empty());
  BOOST_TEST(test::audit_entries(u.s.store).empty());
}

BOOST_AUTO_TEST_CASE(a_contributor_files_for_its_own_agency_and_none_means_its_own) {
  Units u;
  const auto own = editorial::save_article(u.s.store, 0, u.text(u.health, u.health_news), {}, u.ctv_health, 1000);
  BOOST_TEST_REQUIRE((own.refusal == SaveRefusal::none));
  BOOST_TEST(u.item(own.id)->article.agency_id == u.health);
  const auto none = editorial::save_article(u.s.store, 0, u.text(0, u.health_news), {}, u.ctv_health, 1000);
  BOOST_TEST_REQUIRE((none.refusal == SaveRefusal::none));
  BOOST_TEST(u.item(none.id)->article.agency_id == u.health);
  // Moving one's own draft to another agency later is refused the same way, and leaves it as it was.
  const auto moved =
      editorial::save_article(u.s.store, own.id, u.text(u.education, u.health_news), {}, u.ctv_health, 1001);
  BOOST_TEST((moved.refusal == SaveRefusal::invalid));
  BOOST_TEST(u.item(own.id)->work.agency_id == u.health);
  const auto with_submit =
      editorial::save_and_transition(u.s.store, own.id, u.text(u.education, u.health_news), {}, std::nullopt,
                                     model::Transition::submit, u.ctv_health, "", 0, 1002);
  BOOST_TEST((with_submit.save.refusal == SaveRefusal::invalid));
  BOOST_TEST((u.item(own.id)->state.state == model::ArticleStatus::draft));
}

BOOST_AUTO_TEST_CASE(the_board_and_reporters_attribute_to_any_agency) {
  Units u;
  const auto r = editorial::save_article(u.s.store, 0, u.text(u.education, u.schools), {}, u.reporter, 1000);
  BOOST_TEST((r.refusal == SaveRefusal::none));
  BOOST_TEST(
      editorial::unit_rights_errors(u.s.store.read(), u.s.store.tables(), u.text(0, u.schools), u.reporter).empty());
}

BOOST_AUTO_TEST_CASE(the_category_limit_binds_the_agencys_contributors_only) {
  Units u;
  BOOST_TEST(
      (site::set_agency_categories(u.s.store, u.health, {u.health_news}, u.op, 1000).refusal == site::Refusal::none));
  const auto outside = editorial::save_article(u.s.store, 0, u.text(u.health, u.schools), {}, u.ctv_health, 1001);
  BOOST_TEST((outside.refusal == SaveRefusal::invalid));
  BOOST_TEST_REQUIRE(outside.errors.size() == 1u);
  BOOST_TEST(outside.errors[0] == "Đơn vị của bạn chỉ được đưa tin vào các chuyên mục: Y tế.");
  BOOST_TEST((editorial::save_article(u.s.store, 0, u.text(u.health, u.health_news), {}, u.ctv_health, 1002).refusal ==
              SaveRefusal::none));
  // Another agency without a limit, and the board, write anywhere.
  BOOST_TEST(
      (editorial::save_article(u.s.store, 0, u.text(u.education, u.schools), {}, u.ctv_education, 1003).refusal ==
       SaveRefusal::none));
  BOOST_TEST((editorial::save_article(u.s.store, 0, u.text(u.health, u.schools), {}, u.reporter, 1004).refusal ==
              SaveRefusal::none));
  const store::ReadTxn txn = u.s.store.read();
  BOOST_TEST((editorial::allowed_categories(txn, u.s.store.tables(), u.ctv_health) ==
              std::optional(std::vector<std::uint64_t>{u.health_news})));
  BOOST_TEST(!editorial::allowed_categories(txn, u.s.store.tables(), u.ctv_education));
  BOOST_TEST(!editorial::allowed_categories(txn, u.s.store.tables(), u.reporter));
}

BOOST_AUTO_TEST_CASE(setting_a_limit_is_for_the_taxonomy_managers_and_is_audited) {
  Units u;
  BOOST_TEST((site::set_agency_categories(u.s.store, u.health, {u.schools}, u.ctv_health, 1000).refusal ==
              site::Refusal::not_allowed));
  BOOST_TEST((site::set_agency_categories(u.s.store, u.health, {999}, u.op, 1000).refusal == site::Refusal::invalid));
  BOOST_TEST((site::set_agency_categories(u.s.store, 999, {}, u.op, 1000).refusal == site::Refusal::not_found));
  BOOST_TEST(test::audit_entries(u.s.store).empty());
  BOOST_TEST((site::set_agency_categories(u.s.store, u.health, {u.schools, u.health_news}, u.op, 1000).refusal ==
              site::Refusal::none));
  const auto log = test::audit_entries(u.s.store);
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].action == "taxonomy.agency-categories");
  BOOST_TEST(log[0].from == "(mọi chuyên mục)");
  BOOST_TEST(log[0].to == "Y tế, Giáo dục");
}

BOOST_AUTO_TEST_CASE(an_agency_reads_its_colleagues_items_but_edits_only_its_own) {
  Units u;
  const auto by_reporter = editorial::save_article(u.s.store, 0, u.text(u.health, u.health_news), {}, u.reporter, 1000);
  BOOST_TEST_REQUIRE((by_reporter.refusal == SaveRefusal::none));
  const auto item = u.item(by_reporter.id);
  BOOST_TEST(editorial::may_view(*item, u.ctv_health));
  BOOST_TEST(!editorial::may_edit(*item, u.ctv_health));
  BOOST_TEST(!editorial::may_view(*item, u.ctv_education));
  BOOST_TEST(
      (editorial::save_article(u.s.store, by_reporter.id, u.text(u.health, u.health_news), {}, u.ctv_health, 1001)
           .refusal == SaveRefusal::not_allowed));
  BOOST_TEST(
      (editorial::transition_article(u.s.store, by_reporter.id, model::Transition::submit, u.ctv_health, "", 0, 1002)
           .outcome == editorial::Outcome::refused));
}

BOOST_AUTO_TEST_SUITE_END()
