// The royalty computation (issue 13): money in whole đồng with Vietnamese separators, months at UTC+7,
// the split between authors, the rules of a grade and of the rates, the monthly sheet and its corrections
// of locked months. Every expected figure is worked out by hand in the comments.
#include <boost/test/unit_test.hpp>

#include "daemon/model/royalty.hpp"

using namespace portald::model;

namespace {

UnixTime at(const char* rfc3339) { return *parse_rfc3339(rfc3339); }

RoyaltySettings rates(std::int64_t point_value) {
  return {.point_value = point_value, .decision = "QĐ 12/2025", .work_types = default_work_types()};
}

GradedItem item(std::uint64_t id, const char* published, const char* type, int points,
                std::vector<RoyaltyAuthor> authors) {
  return {.grade = {.article_id = id, .work_type = type, .points = points, .authors = std::move(authors)},
          .title = "Bài " + std::to_string(id),
          .published_at = at(published)};
}

RoyaltySheet locked(RoyaltySheet s) {
  s.state = RoyaltySheetState::locked;
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(royalty)

BOOST_AUTO_TEST_CASE(money_is_whole_dong_with_dots_between_thousands) {
  BOOST_TEST(format_vnd(0) == "0");
  BOOST_TEST(format_vnd(999) == "999");
  BOOST_TEST(format_vnd(1000) == "1.000");
  BOOST_TEST(format_vnd(1250000) == "1.250.000");
  BOOST_TEST(format_vnd(-50000) == "-50.000");
}

BOOST_AUTO_TEST_CASE(the_amount_in_words_reads_as_a_voucher_writes_it) {
  BOOST_TEST(vnd_in_words(0) == "Không đồng");
  BOOST_TEST(vnd_in_words(10) == "Mười đồng");
  BOOST_TEST(vnd_in_words(15) == "Mười lăm đồng");
  BOOST_TEST(vnd_in_words(21) == "Hai mươi mốt đồng");
  BOOST_TEST(vnd_in_words(24) == "Hai mươi tư đồng");
  BOOST_TEST(vnd_in_words(105) == "Một trăm linh năm đồng");
  BOOST_TEST(vnd_in_words(960000) == "Chín trăm sáu mươi nghìn đồng");
  BOOST_TEST(vnd_in_words(1250000) == "Một triệu hai trăm năm mươi nghìn đồng");
  BOOST_TEST(vnd_in_words(1000005) == "Một triệu không trăm linh năm đồng");
  BOOST_TEST(vnd_in_words(2015300000) == "Hai tỷ không trăm mười lăm triệu ba trăm nghìn đồng");
  BOOST_TEST(vnd_in_words(-200000) == "Âm hai trăm nghìn đồng");
}

BOOST_AUTO_TEST_CASE(months_are_the_portals_local_months) {
  BOOST_TEST(royalty_month_of(at("2025-10-31T23:30:00+07:00")) == 202510);
  BOOST_TEST(royalty_month_of(at("2025-10-31T17:10:00Z")) == 202511);  // 00:10 on 1 November in Vietnam
  BOOST_TEST(parse_royalty_month("2025-10").value_or(0) == 202510);
  BOOST_TEST(!parse_royalty_month("2025-13"));
  BOOST_TEST(!parse_royalty_month("1999-12"));
  BOOST_TEST(!parse_royalty_month("2025-1"));
  BOOST_TEST(royalty_month_key(202501) == "2025-01");
  BOOST_TEST(royalty_month_label(202501) == "tháng 01/2025");
  BOOST_TEST(next_royalty_month(202512) == 202601);
  BOOST_TEST(next_royalty_month(202510) == 202511);
}

BOOST_AUTO_TEST_CASE(the_authors_amounts_add_up_to_the_items_the_first_takes_the_remainder) {
  // 10 points x 1 001 đồng = 10 010; 34% = 3 403.4 -> 3 403, 33% = 3 303.3 -> 3 303 twice; 3 403 + 2 x 3 303
  // = 10 009: the one đồng left goes to the first author.
  const auto lines =
      item_lines(item(1, "2025-10-06T08:00:00+07:00", "bai", 10,
                      {{"An", "Sở Y tế", false, 34}, {"Bình", "Sở Y tế", false, 33}, {"Chi", "Báo tỉnh", true, 33}}),
                 rates(1001), 1001);
  BOOST_REQUIRE_EQUAL(lines.size(), 3u);
  BOOST_TEST(lines[0].amount == 3404);
  BOOST_TEST(lines[1].amount == 3303);
  BOOST_TEST(lines[2].amount == 3303);
  BOOST_TEST(lines[0].work_type == "Bài");
  BOOST_TEST(lines[2].external);
}

BOOST_AUTO_TEST_CASE(a_grade_needs_a_known_type_points_in_range_and_shares_of_one_hundred) {
  const auto s = rates(100000);
  RoyaltyGrade g{.article_id = 1, .work_type = "tin", .points = 4, .authors = {{"An", "", false, 100}}};
  BOOST_TEST(grade_problems(g, s).empty());
  g.points = 11;  // "tin": 1..10
  BOOST_TEST(grade_problems(g, s) == std::vector<std::string>{"Điểm của thể loại Tin phải từ 1 đến 10."});
  g.points = 4;
  g.work_type = "phong-su";
  BOOST_TEST(grade_problems(g, s) == std::vector<std::string>{"Hãy chọn thể loại trong danh sách."});
  g.work_type = "tin";
  g.authors = {{"An", "", false, 60}, {"Bình", "", true, 30}};
  const auto problems = grade_problems(g, s);
  BOOST_TEST(problems == (std::vector<std::string>{"Tác giả ngoài cơ quan phải ghi cơ quan, đơn vị của mình.",
                                                   "Tổng tỷ lệ hưởng của các tác giả phải bằng 100%."}),
             boost::test_tools::per_element());
  g.authors.clear();
  BOOST_TEST(grade_problems(g, s) == std::vector<std::string>{"Hãy ghi ít nhất một tác giả."});
}

BOOST_AUTO_TEST_CASE(the_rates_read_from_the_settings_form_and_are_checked) {
  std::vector<int> bad;
  const auto types =
      parse_work_type_lines("tin | Tin | 1 | 10\r\n\nanh|Ảnh|2|8\nsai dòng\nvideo | Video | x | 4\n", bad);
  BOOST_REQUIRE_EQUAL(types.size(), 2u);
  BOOST_TEST(types[1].key == "anh");
  BOOST_TEST(types[1].name == "Ảnh");
  BOOST_TEST(types[1].min_points == 2);
  BOOST_TEST(types[1].max_points == 8);
  BOOST_TEST(bad == (std::vector<int>{4, 5}), boost::test_tools::per_element());
  BOOST_TEST(work_type_lines(types) == "tin | Tin | 1 | 10\nanh | Ảnh | 2 | 8\n");
  RoyaltySettings s{.point_value = 0, .work_types = {{"Tin", "Tin", 5, 2}, {"anh", "", 1, 2}, {"anh", "Ảnh", 1, 2}}};
  const auto problems = royalty_settings_problems(s);
  BOOST_TEST(problems == (std::vector<std::string>{
                             "Giá trị một điểm phải là số đồng từ 1 đến 100.000.000.",
                             "Thể loại thứ 1: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.",
                             "Thể loại thứ 1: điểm tối thiểu và tối đa phải thỏa 0 ≤ tối thiểu ≤ tối đa ≤ 1000.",
                             "Thể loại thứ 2: hãy ghi tên thể loại.", "Thể loại thứ 3: mã \"anh\" bị trùng."}),
             boost::test_tools::per_element());
  BOOST_TEST(royalty_settings_problems(rates(100000)).empty());
}

BOOST_AUTO_TEST_CASE(a_months_sheet_holds_its_items_with_totals_per_author_and_agency) {
  // October at 100 000 đồng a point: item 1, 5 points, An (Sở Y tế) alone: 500 000; item 2, 8 points,
  // An 50% and Chi (Báo tỉnh, external) 50%: 400 000 each. Item 3 is November's and stays out.
  const std::vector<GradedItem> items{
      item(2, "2025-10-20T09:00:00+07:00", "bai", 8, {{"An", "Sở Y tế", false, 50}, {"Chi", "Báo tỉnh", true, 50}}),
      item(1, "2025-10-06T08:00:00+07:00", "tin", 5, {{"An", "Sở Y tế", false, 100}}),
      item(3, "2025-11-02T08:00:00+07:00", "tin", 3, {{"Bình", "Sở Y tế", false, 100}})};
  const auto sheet = compute_royalty_sheet(202510, items, {}, rates(100000));
  BOOST_TEST(sheet.point_value == 100000);
  BOOST_TEST(sheet.decision == "QĐ 12/2025");
  BOOST_TEST((sheet.state == RoyaltySheetState::draft));
  BOOST_REQUIRE_EQUAL(sheet.lines.size(), 3u);
  BOOST_TEST(sheet.lines[0].article_id == 1u);  // by publication time
  BOOST_TEST(sheet.lines[0].amount == 500000);
  BOOST_TEST(sheet.lines[1].amount == 400000);
  BOOST_TEST(sheet.lines[2].author == "Chi");
  BOOST_TEST(sheet_total(sheet) == 1300000);
  const auto authors = totals_by_author(sheet);
  BOOST_REQUIRE_EQUAL(authors.size(), 2u);
  BOOST_TEST(authors[0].name == "An");
  BOOST_TEST(authors[0].lines == 2);
  BOOST_TEST(authors[0].amount == 900000);
  BOOST_TEST(authors[1].amount == 400000);
  const auto agencies = totals_by_agency(sheet);
  BOOST_REQUIRE_EQUAL(agencies.size(), 2u);
  BOOST_TEST(agencies[0].name == "Sở Y tế");
  BOOST_TEST(agencies[0].amount == 900000);
  BOOST_TEST(agencies[1].name == "Báo tỉnh");
}

BOOST_AUTO_TEST_CASE(a_change_to_a_locked_month_lands_in_the_next_sheet_at_the_old_rate_with_a_note) {
  // October was locked at 100 000 đồng a point with item 1 at 5 points (An: 500 000). Since: item 1 was
  // regraded to 7 points, item 4 (October too) was graded late at 2 points, and the rate went up to
  // 120 000. November's sheet: item 3 at the new rate (3 x 120 000 = 360 000), then the corrections at
  // October's rate: item 1 +200 000 (700 000 - 500 000), item 4 +200 000 (2 x 100 000, nothing paid).
  std::vector<GradedItem> items{item(1, "2025-10-06T08:00:00+07:00", "tin", 5, {{"An", "Sở Y tế", false, 100}})};
  const auto october = locked(compute_royalty_sheet(202510, items, {}, rates(100000)));
  BOOST_TEST(sheet_total(october) == 500000);
  items[0].grade.points = 7;
  items.push_back(item(4, "2025-10-09T08:00:00+07:00", "tin", 2, {{"Bình", "Sở Y tế", false, 100}}));
  items.push_back(item(3, "2025-11-02T08:00:00+07:00", "tin", 3, {{"Bình", "Sở Y tế", false, 100}}));
  const auto november = compute_royalty_sheet(202511, items, {october}, rates(120000));
  BOOST_REQUIRE_EQUAL(november.lines.size(), 3u);
  BOOST_TEST(november.lines[0].article_id == 3u);
  BOOST_TEST(november.lines[0].amount == 360000);
  BOOST_TEST(november.lines[0].for_month == 0);
  BOOST_TEST(november.lines[1].article_id == 1u);
  BOOST_TEST(november.lines[1].amount == 200000);
  BOOST_TEST(november.lines[1].for_month == 202510);
  BOOST_TEST(november.lines[1].note ==
             "Điều chỉnh cho bảng tháng 10/2025 đã khóa: đã trả 500.000 đồng, nay tính 700.000 đồng (giá trị một "
             "điểm 100.000 đồng).");
  BOOST_TEST(november.lines[2].article_id == 4u);
  BOOST_TEST(november.lines[2].amount == 200000);
  BOOST_TEST(sheet_total(november) == 760000);
  // The locked October itself is untouched by all this (it is a value the caller keeps).
  BOOST_TEST(sheet_total(october) == 500000);
  // Once November is locked too, December owes nothing more for October.
  const auto december = compute_royalty_sheet(202512, items, {october, locked(november)}, rates(120000));
  BOOST_TEST(december.lines.empty());
}

BOOST_AUTO_TEST_CASE(an_author_taken_off_a_locked_item_gets_a_negative_correction) {
  // October locked: item 1, 4 points x 100 000, An 50% and Bình 50% (200 000 each). Regraded: An alone.
  // November: An +200 000 (400 000 - 200 000), Bình -200 000.
  std::vector<GradedItem> items{
      item(1, "2025-10-06T08:00:00+07:00", "tin", 4, {{"An", "Sở Y tế", false, 50}, {"Bình", "Sở Y tế", false, 50}})};
  const auto october = locked(compute_royalty_sheet(202510, items, {}, rates(100000)));
  items[0].grade.authors = {{"An", "Sở Y tế", false, 100}};
  const auto corrections = royalty_corrections(202511, items, {october}, rates(100000));
  BOOST_REQUIRE_EQUAL(corrections.size(), 2u);
  BOOST_TEST(corrections[0].author == "An");
  BOOST_TEST(corrections[0].amount == 200000);
  BOOST_TEST(corrections[1].author == "Bình");
  BOOST_TEST(corrections[1].amount == -200000);
  BOOST_TEST(corrections[1].note ==
             "Điều chỉnh cho bảng tháng 10/2025 đã khóa: đã trả 200.000 đồng, nay tính 0 đồng (giá trị một điểm "
             "100.000 đồng).");
}

BOOST_AUTO_TEST_CASE(an_open_months_items_are_not_corrections_elsewhere) {
  // October's sheet is only a draft: its items belong to it, not to November's corrections.
  const std::vector<GradedItem> items{item(1, "2025-10-06T08:00:00+07:00", "tin", 5, {{"An", "", false, 100}})};
  auto draft = compute_royalty_sheet(202510, items, {}, rates(100000));
  BOOST_TEST(royalty_corrections(202511, items, {draft}, rates(100000)).empty());
}

BOOST_AUTO_TEST_SUITE_END()
