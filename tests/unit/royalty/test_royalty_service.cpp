// The royalty service over a real store (issue 13): who may grade, set the rates and take each step of a
// monthly sheet; draft -> approved -> locked, a locked sheet refusing every change (even the store's own
// write), a regrade after the lock landing in the next month with its note, and the audit entries.
#include <boost/test/unit_test.hpp>

#include "daemon/royalty/royalty_service.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/royalty_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using model::Role;
using model::RoyaltySheetState;
using royalty::Refusal;

namespace {

const model::Actor kChief{"truongban", Role::editor_in_chief, "10.0.0.1"};
const model::Actor kDeputy{"phoban", Role::deputy, "10.0.0.2"};
const model::Actor kOperator{"quantri", Role::operator_, "10.0.0.3"};
const model::Actor kContributor{"congtacvien", Role::contributor, "10.0.0.4"};
constexpr model::RoyaltyMonth kOctober = 202510;
constexpr model::RoyaltyMonth kNovember = 202511;

model::UnixTime at(const char* rfc3339) { return *model::parse_rfc3339(rfc3339); }

std::uint64_t published(const store::Store& s, const char* when) {
  auto txn = s.write();
  model::Article a;
  a.slug = std::string("bai-") + when;
  a.title = std::string("Bài ") + when;
  a.status = model::ArticleStatus::published;
  a.published_at = at(when);
  const auto id = store::put_article(txn, s.tables(), a);
  txn.commit();
  return id;
}

model::RoyaltyGrade grade(std::uint64_t id, int points, const char* author = "Nguyễn Văn An") {
  return {.article_id = id, .work_type = "tin", .points = points, .authors = {{author, "Sở Y tế", false, 100}}};
}

std::optional<model::RoyaltySheet> sheet(const store::Store& s, model::RoyaltyMonth m) {
  const store::ReadTxn txn = s.read();
  return store::get_royalty_sheet(txn, s.tables(), m);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(royalty_service)

BOOST_AUTO_TEST_CASE(only_the_board_grades_and_only_published_articles) {
  test::TempStore s;
  const auto id = published(s.store, "2025-10-06T08:00:00+07:00");
  BOOST_TEST((royalty::grade_article(s.store, grade(id, 5), kContributor, 10).refusal == Refusal::not_allowed));
  BOOST_TEST((royalty::grade_article(s.store, grade(id, 5), kOperator, 10).refusal == Refusal::not_allowed));
  BOOST_TEST((royalty::grade_article(s.store, grade(999, 5), kDeputy, 10).refusal == Refusal::not_found));
  BOOST_TEST((royalty::grade_article(s.store, grade(id, 50), kDeputy, 10).refusal == Refusal::invalid));
  BOOST_TEST(test::audit_entries(s.store).empty());  // nothing refused is written
  BOOST_TEST((royalty::grade_article(s.store, grade(id, 5), kDeputy, 10).refusal == Refusal::none));
  const auto log = test::audit_entries(s.store);
  BOOST_REQUIRE_EQUAL(log.size(), 1u);
  BOOST_TEST(log[0].action == "royalty.grade");
  BOOST_TEST(log[0].object == "article/" + std::to_string(id));
  BOOST_TEST(log[0].to == "tin, 5 điểm; Nguyễn Văn An 100%");
  BOOST_TEST(log[0].actor == "phoban");
  {
    auto txn = s.store.write();
    model::Article draft;
    draft.slug = "nhap";
    draft.title = "Nháp";
    const auto draft_id = store::put_article(txn, s.store.tables(), draft);
    txn.commit();
    BOOST_TEST((royalty::grade_article(s.store, grade(draft_id, 5), kDeputy, 10).refusal == Refusal::not_published));
  }
}

BOOST_AUTO_TEST_CASE(the_rates_are_the_boards_and_a_made_sheet_keeps_its_own) {
  test::TempStore s;
  const auto id = published(s.store, "2025-10-06T08:00:00+07:00");
  BOOST_TEST_REQUIRE((royalty::grade_article(s.store, grade(id, 5), kChief, 10).refusal == Refusal::none));
  BOOST_TEST_REQUIRE((royalty::make_sheet(s.store, kOctober, kDeputy, 20).refusal == Refusal::none));
  BOOST_TEST(sheet(s.store, kOctober)->point_value == 100000);  // the default rate
  auto rates =
      model::RoyaltySettings{.point_value = 150000, .decision = "QĐ 7/2025", .work_types = model::default_work_types()};
  BOOST_TEST((royalty::change_royalty_settings(s.store, rates, kContributor, 30).refusal == Refusal::not_allowed));
  BOOST_TEST((royalty::change_royalty_settings(s.store, rates, kOperator, 30).refusal == Refusal::none));
  BOOST_TEST(sheet(s.store, kOctober)->point_value == 100000);  // made before: unchanged
  BOOST_TEST(model::sheet_total(*sheet(s.store, kOctober)) == 500000);
  BOOST_TEST_REQUIRE((royalty::make_sheet(s.store, kOctober, kDeputy, 40).refusal == Refusal::none));
  BOOST_TEST(model::sheet_total(*sheet(s.store, kOctober)) == 750000);  // made again: the new rate
  BOOST_TEST(sheet(s.store, kOctober)->decision == "QĐ 7/2025");
  rates.point_value = 0;
  const auto bad = royalty::change_royalty_settings(s.store, rates, kChief, 50);
  BOOST_TEST((bad.refusal == Refusal::invalid));
  BOOST_TEST(bad.errors.at(0) == "Giá trị một điểm phải là số đồng từ 1 đến 100.000.000.");
}

BOOST_AUTO_TEST_CASE(a_sheet_goes_draft_approved_locked_and_a_locked_sheet_never_changes) {
  test::TempStore s;
  const auto id = published(s.store, "2025-10-06T08:00:00+07:00");
  BOOST_TEST_REQUIRE((royalty::grade_article(s.store, grade(id, 5), kChief, 10).refusal == Refusal::none));
  BOOST_TEST((royalty::approve_sheet(s.store, kOctober, kChief, 15).refusal == Refusal::not_found));
  BOOST_TEST((royalty::make_sheet(s.store, kOctober, kContributor, 20).refusal == Refusal::not_allowed));
  BOOST_TEST_REQUIRE((royalty::make_sheet(s.store, kOctober, kDeputy, 20).refusal == Refusal::none));
  BOOST_TEST((royalty::lock_sheet(s.store, kOctober, kChief, 25).refusal == Refusal::wrong_state));  // a draft
  BOOST_TEST((royalty::approve_sheet(s.store, kOctober, kDeputy, 30).refusal == Refusal::not_allowed));
  BOOST_TEST_REQUIRE((royalty::approve_sheet(s.store, kOctober, kChief, 30).refusal == Refusal::none));
  BOOST_TEST((sheet(s.store, kOctober)->state == RoyaltySheetState::approved));
  BOOST_TEST(sheet(s.store, kOctober)->approved_by == "truongban");
  BOOST_TEST((royalty::make_sheet(s.store, kOctober, kDeputy, 35).refusal == Refusal::wrong_state));  // reopen first
  BOOST_TEST_REQUIRE((royalty::reopen_sheet(s.store, kOctober, kChief, 36).refusal == Refusal::none));
  BOOST_TEST((sheet(s.store, kOctober)->state == RoyaltySheetState::draft));
  BOOST_TEST_REQUIRE((royalty::approve_sheet(s.store, kOctober, kChief, 37).refusal == Refusal::none));
  BOOST_TEST_REQUIRE((royalty::lock_sheet(s.store, kOctober, kChief, 40).refusal == Refusal::none));
  const auto locked = *sheet(s.store, kOctober);
  BOOST_TEST((locked.state == RoyaltySheetState::locked));
  BOOST_TEST(locked.locked_at == 40);
  // Every step on a locked sheet is refused, and the store itself will not overwrite it.
  BOOST_TEST((royalty::make_sheet(s.store, kOctober, kChief, 50).refusal == Refusal::locked));
  BOOST_TEST((royalty::approve_sheet(s.store, kOctober, kChief, 50).refusal == Refusal::locked));
  BOOST_TEST((royalty::reopen_sheet(s.store, kOctober, kChief, 50).refusal == Refusal::locked));
  BOOST_TEST((royalty::lock_sheet(s.store, kOctober, kChief, 50).refusal == Refusal::locked));
  {
    auto txn = s.store.write();
    auto changed = locked;
    changed.lines.clear();
    changed.state = RoyaltySheetState::draft;
    BOOST_TEST(!store::put_royalty_sheet(txn, s.store.tables(), changed));
    txn.commit();
  }
  BOOST_TEST(sheet(s.store, kOctober)->lines == locked.lines);
  BOOST_TEST((sheet(s.store, kOctober)->state == RoyaltySheetState::locked));
  std::vector<std::string> actions;
  for (const auto& e : test::audit_entries(s.store, {.action_prefix = "royalty.sheet"})) actions.push_back(e.action);
  // In the order they were taken.
  BOOST_TEST(actions == (std::vector<std::string>{"royalty.sheet-make", "royalty.sheet-approve", "royalty.sheet-reopen",
                                                  "royalty.sheet-approve", "royalty.sheet-lock"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_regrade_after_the_lock_lands_in_the_next_month_with_a_note) {
  test::TempStore s;
  const auto october_item = published(s.store, "2025-10-06T08:00:00+07:00");
  const auto november_item = published(s.store, "2025-11-03T08:00:00+07:00");
  BOOST_TEST_REQUIRE((royalty::grade_article(s.store, grade(october_item, 5), kChief, 10).refusal == Refusal::none));
  BOOST_TEST_REQUIRE((royalty::grade_article(s.store, grade(november_item, 2), kChief, 10).refusal == Refusal::none));
  BOOST_TEST_REQUIRE((royalty::make_sheet(s.store, kOctober, kChief, 20).refusal == Refusal::none));
  BOOST_TEST_REQUIRE((royalty::approve_sheet(s.store, kOctober, kChief, 21).refusal == Refusal::none));
  BOOST_TEST_REQUIRE((royalty::lock_sheet(s.store, kOctober, kChief, 22).refusal == Refusal::none));
  // 5 -> 8 points after the lock: October keeps 500 000; November pays 300 000 more, at October's rate.
  BOOST_TEST_REQUIRE((royalty::grade_article(s.store, grade(october_item, 8), kChief, 30).refusal == Refusal::none));
  BOOST_TEST(model::sheet_total(*sheet(s.store, kOctober)) == 500000);
  BOOST_TEST_REQUIRE((royalty::make_sheet(s.store, kNovember, kChief, 40).refusal == Refusal::none));
  const auto november = *sheet(s.store, kNovember);
  BOOST_REQUIRE_EQUAL(november.lines.size(), 2u);
  BOOST_TEST(november.lines[0].article_id == november_item);
  BOOST_TEST(november.lines[0].amount == 200000);
  BOOST_TEST(november.lines[1].article_id == october_item);
  BOOST_TEST(november.lines[1].for_month == kOctober);
  BOOST_TEST(november.lines[1].amount == 300000);
  BOOST_TEST(november.lines[1].note.starts_with("Điều chỉnh cho bảng tháng 10/2025 đã khóa: đã trả 500.000 đồng"));
  // A sheet whose correction another sheet paid meanwhile must be made again before approval: December's
  // draft carries the same correction; once November is locked, approving December is refused.
  BOOST_TEST_REQUIRE((royalty::make_sheet(s.store, 202512, kChief, 41).refusal == Refusal::none));
  BOOST_TEST(model::sheet_total(*sheet(s.store, 202512)) == 300000);
  BOOST_TEST_REQUIRE((royalty::approve_sheet(s.store, kNovember, kChief, 42).refusal == Refusal::none));
  BOOST_TEST_REQUIRE((royalty::lock_sheet(s.store, kNovember, kChief, 43).refusal == Refusal::none));
  BOOST_TEST((royalty::approve_sheet(s.store, 202512, kChief, 44).refusal == Refusal::stale));
  BOOST_TEST_REQUIRE((royalty::make_sheet(s.store, 202512, kChief, 45).refusal == Refusal::none));
  BOOST_TEST(sheet(s.store, 202512)->lines.empty());
  BOOST_TEST((royalty::approve_sheet(s.store, 202512, kChief, 46).refusal == Refusal::none));
}

BOOST_AUTO_TEST_SUITE_END()
