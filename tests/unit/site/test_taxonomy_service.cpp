// Categories, agencies and topics through the site service: the name rule, the manage-taxonomy rule,
// the audit entries exactly as the admin has always written them, and the change-log entries.
#include <boost/test/unit_test.hpp>

#include "daemon/site/taxonomy.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using model::Role;
using site::Refusal;
using store::ChangeKind;

namespace {

const model::Actor kOperator{"quantri", Role::operator_, "10.0.0.1"};
const model::Actor kChief{"truongban", Role::editor_in_chief, "10.0.0.8"};

model::AuditEntry last_audit(const store::Store& s) { return test::audit_entries(s).back(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(taxonomy_service)

BOOST_AUTO_TEST_CASE(adding_a_category_or_agency_is_audited_and_logged) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const auto c = site::add_category(s.store, "Giáo dục", kOperator, 700);
  BOOST_TEST_REQUIRE((c.refusal == Refusal::none));
  const auto a = site::add_agency(s.store, "Sở Y tế", kOperator, 710);
  BOOST_TEST_REQUIRE((a.refusal == Refusal::none));
  const auto changes = test::changes_after(s.store, mark);
  BOOST_TEST(test::has_change(changes, ChangeKind::category, c.id));
  BOOST_TEST(test::has_change(changes, ChangeKind::agency, a.id));
  const auto log = test::audit_entries(s.store);
  BOOST_TEST_REQUIRE(log.size() == 2u);
  BOOST_TEST(log[0].action == "taxonomy.category");
  BOOST_TEST(log[0].object == "category/" + std::to_string(c.id));
  BOOST_TEST(log[0].from.empty());
  BOOST_TEST(log[0].to == "Giáo dục");
  BOOST_TEST(log[0].actor == "quantri");
  BOOST_TEST(log[0].address == "10.0.0.1");
  BOOST_TEST(log[0].at == 700);
  BOOST_TEST(log[1].action == "taxonomy.agency");
  BOOST_TEST(log[1].object == "agency/" + std::to_string(a.id));
}

BOOST_AUTO_TEST_CASE(the_same_name_folded_gives_the_same_category) {
  test::TempStore s;
  const auto first = site::add_category(s.store, "Văn hoá", kOperator, 700).id;
  BOOST_TEST(site::add_category(s.store, "Văn hóa", kOperator, 710).id == first);
  const store::ReadTxn txn = s.store.read();
  BOOST_TEST(store::list_categories(txn, s.store.tables()).size() == 1u);
}

BOOST_AUTO_TEST_CASE(names_must_be_one_to_two_hundred_characters) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  BOOST_TEST((site::add_category(s.store, "", kOperator, 700).refusal == Refusal::invalid));
  BOOST_TEST((site::add_agency(s.store, "\xff", kOperator, 700).refusal == Refusal::invalid));
  BOOST_TEST((site::add_category(s.store, std::string(201, 'a'), kOperator, 700).refusal == Refusal::invalid));
  BOOST_TEST((site::add_category(s.store, std::string(200, 'a'), kOperator, 700).refusal == Refusal::none));
  BOOST_TEST(test::changes_after(s.store, mark).size() == 1u);
  BOOST_TEST(test::audit_entries(s.store).size() == 1u);
}

BOOST_AUTO_TEST_CASE(updating_a_category_keeps_the_old_audit_wording) {
  test::TempStore s;
  const auto yte = site::add_category(s.store, "Y tế", kOperator, 700).id;
  site::add_category(s.store, "Giáo dục", kOperator, 700);
  const auto mark = test::change_mark(s.store);
  BOOST_TEST_REQUIRE(
      (site::update_category(s.store, yte, "Y tế - Dân số", 5, kOperator, 720).refusal == Refusal::none));
  BOOST_TEST(test::has_change(test::changes_after(s.store, mark), ChangeKind::category, yte));
  auto e = last_audit(s.store);
  BOOST_TEST(e.action == "taxonomy.update-category");
  BOOST_TEST(e.object == "update-category/" + std::to_string(yte));
  BOOST_TEST(e.from == "Y tế (vị trí " + std::to_string(yte) + ")");
  BOOST_TEST(e.to == "Y tế - Dân số");
  // Without a position the category stays where it is.
  BOOST_TEST_REQUIRE(
      (site::update_category(s.store, yte, "Y tế", std::nullopt, kOperator, 730).refusal == Refusal::none));
  BOOST_TEST(last_audit(s.store).from == "Y tế - Dân số (vị trí 5)");
  {
    const store::ReadTxn txn = s.store.read();
    BOOST_TEST(store::get_category(txn, s.store.tables(), yte)->position == 5u);
  }
  const auto audited = test::audit_entries(s.store).size();
  BOOST_TEST((site::update_category(s.store, yte, "giáo dục", 1, kOperator, 740).refusal == Refusal::taken));
  BOOST_TEST((site::update_category(s.store, 999, "Mới", 1, kOperator, 740).refusal == Refusal::not_found));
  BOOST_TEST(test::audit_entries(s.store).size() == audited);
}

BOOST_AUTO_TEST_CASE(renaming_an_agency_keeps_the_old_audit_wording) {
  test::TempStore s;
  const auto id = site::add_agency(s.store, "Sở GD", kOperator, 700).id;
  site::add_agency(s.store, "Sở Y tế", kOperator, 700);
  const auto mark = test::change_mark(s.store);
  BOOST_TEST_REQUIRE(
      (site::rename_agency(s.store, id, "Sở Giáo dục và Đào tạo", kOperator, 720).refusal == Refusal::none));
  BOOST_TEST(test::has_change(test::changes_after(s.store, mark), ChangeKind::agency, id));
  const auto e = last_audit(s.store);
  BOOST_TEST(e.action == "taxonomy.rename-agency");
  BOOST_TEST(e.object == "rename-agency/" + std::to_string(id));
  BOOST_TEST(e.from == "Sở GD");
  BOOST_TEST((site::rename_agency(s.store, id, "sở y tế", kOperator, 730).refusal == Refusal::taken));
  BOOST_TEST((site::rename_agency(s.store, 999, "Sở mới", kOperator, 730).refusal == Refusal::not_found));
}

BOOST_AUTO_TEST_CASE(topics_are_created_then_updated_by_slug_keeping_their_articles) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const auto r =
      site::save_topic(s.store, {.name = "Chuyển đổi số", .description = "Tin về chuyển đổi số"}, kOperator, 800);
  BOOST_TEST_REQUIRE((r.refusal == Refusal::none));
  BOOST_TEST(test::has_change(test::changes_after(s.store, mark), ChangeKind::topic, r.id));
  auto e = last_audit(s.store);
  BOOST_TEST(e.action == "taxonomy.topic");
  BOOST_TEST(e.object == "topic/" + std::to_string(r.id));
  BOOST_TEST(e.from.empty());
  BOOST_TEST(e.to == "Chuyển đổi số");
  {
    store::WriteTxn txn = s.store.write();
    auto tp = *store::find_topic(txn, s.store.tables(), "chuyen-doi-so");
    tp.article_ids = {7, 3};
    tp.position = 2;
    store::put_topic(txn, s.store.tables(), tp);
    txn.commit();
  }
  const auto again = site::save_topic(
      s.store, {.slug = "chuyen-doi-so", .name = "Chuyển đổi số 2025", .description = "", .featured = true}, kOperator,
      810);
  BOOST_TEST(again.id == r.id);
  BOOST_TEST(last_audit(s.store).from == "Chuyển đổi số");
  const store::ReadTxn txn = s.store.read();
  const auto tp = store::find_topic(txn, s.store.tables(), "chuyen-doi-so");
  BOOST_TEST(tp->name == "Chuyển đổi số 2025");
  BOOST_TEST(tp->featured);
  BOOST_TEST(tp->updated_at == 810);
  BOOST_TEST(tp->article_ids == (std::vector<std::uint64_t>{7, 3}), boost::test_tools::per_element());
  BOOST_TEST(tp->position == 2u);
}

BOOST_AUTO_TEST_CASE(bad_topics_and_other_roles_write_nothing) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  BOOST_TEST((site::save_topic(s.store, {.name = ""}, kOperator, 800).refusal == Refusal::invalid));
  BOOST_TEST(
      (site::save_topic(s.store, {.name = "Tên", .description = std::string(2001, 'x')}, kOperator, 800).refusal ==
       Refusal::invalid));
  BOOST_TEST((site::save_topic(s.store, {.slug = "---", .name = "Tên"}, kOperator, 800).refusal == Refusal::invalid));
  BOOST_TEST((site::save_topic(s.store, {.name = "Tên"}, kChief, 800).refusal == Refusal::not_allowed));
  BOOST_TEST((site::add_category(s.store, "Tên", kChief, 800).refusal == Refusal::not_allowed));
  BOOST_TEST((site::add_agency(s.store, "Tên", kChief, 800).refusal == Refusal::not_allowed));
  BOOST_TEST((site::update_category(s.store, 1, "Tên", 1, kChief, 800).refusal == Refusal::not_allowed));
  BOOST_TEST((site::rename_agency(s.store, 1, "Tên", kChief, 800).refusal == Refusal::not_allowed));
  BOOST_TEST(test::changes_after(s.store, mark).empty());
  BOOST_TEST(test::audit_entries(s.store).empty());
}

BOOST_AUTO_TEST_SUITE_END()
