#pragma once
// Royalties (nhuận bút, Quy chế Điều 5.12, 6.2c; issue 13): the grade the board gives a published item,
// the rates set by the province's decision, and the monthly sheet computed from them. Pure: no I/O.
//
// Money is whole Vietnamese đồng (std::int64_t): an item earns points x the value of a point, split
// between its authors by their shares in percent; what the integer division leaves goes to the first
// author, so the authors' amounts always add up to the item's.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::model {

// A kind of work (tin, bài, ảnh, video, bài dịch, ...) and the points the province's decision allows.
struct RoyaltyWorkType {
  std::string key;   // "tin": stored in grades; a-z, 0-9 and '-'
  std::string name;  // "Tin"
  int min_points = 1;
  int max_points = 10;
  bool operator==(const RoyaltyWorkType&) const = default;
};

// What the board's decision sets; a sheet copies the rate it was made with.
struct RoyaltySettings {
  std::int64_t point_value = 100000;  // đồng per point
  std::string decision{};             // "Quyết định số 12/2026/QĐ-UBND": printed on the sheets
  std::vector<RoyaltyWorkType> work_types{};
};

// The work types a fresh portal starts with (the board changes them at /quan-tri/nhuan-but/cai-dat).
std::vector<RoyaltyWorkType> default_work_types();
// The type with this key; nullptr when there is none.
const RoyaltyWorkType* find_work_type(const RoyaltySettings& s, std::string_view key);
// True for a work type key: 1..32 of a-z, 0-9 and '-'.
bool valid_work_type_key(std::string_view key);

struct RoyaltyAuthor {
  std::string name;
  std::string agency{};   // the author's agency (cơ quan, đơn vị), as printed on the sheet
  bool external = false;  // not on the portal's staff (cộng tác viên ngoài)
  int share = 100;        // percent of the item's points
  bool operator==(const RoyaltyAuthor&) const = default;
};

// The grade of one published article, set by the editor-in-chief or a deputy.
struct RoyaltyGrade {
  std::uint64_t article_id = 0;
  std::string work_type{};
  int points = 0;
  std::vector<RoyaltyAuthor> authors{};
  std::string note{};
  std::string graded_by{};
  UnixTime graded_at = 0;
};

// What is wrong with the rates, in Vietnamese, one line each; empty when they are valid: a point worth
// 1..100 000 000 đồng, at least one work type, keys valid and distinct, names given, 0 <= min <= max <= 1000.
std::vector<std::string> royalty_settings_problems(const RoyaltySettings& s);
// The work types as the settings form writes them, one a line: "key | Tên | min | max"; blank lines are
// skipped. A line that does not read adds its number to `bad_lines` (1-based).
std::vector<RoyaltyWorkType> parse_work_type_lines(std::string_view text, std::vector<int>& bad_lines);
// The inverse of parse_work_type_lines.
std::string work_type_lines(const std::vector<RoyaltyWorkType>& types);

// What is wrong with a grade under these settings, in Vietnamese, one line each; empty when it is valid.
std::vector<std::string> grade_problems(const RoyaltyGrade& g, const RoyaltySettings& s);

// Months as yyyymm (202610).
using RoyaltyMonth = std::int32_t;
// The portal's month (UTC+7) holding `t`.
RoyaltyMonth royalty_month_of(UnixTime t);
// "2026-10" -> 202610; std::nullopt unless YYYY-MM with a year 2000..2099 and a month 1..12.
std::optional<RoyaltyMonth> parse_royalty_month(std::string_view text);
std::string royalty_month_key(RoyaltyMonth m);    // "2026-10"
std::string royalty_month_label(RoyaltyMonth m);  // "tháng 10/2026"
RoyaltyMonth next_royalty_month(RoyaltyMonth m);

enum class RoyaltySheetState { draft, approved, locked };
std::string_view to_string(RoyaltySheetState s);  // "draft", "approved", "locked" (stored)
std::optional<RoyaltySheetState> parse_royalty_sheet_state(std::string_view s);
std::string_view royalty_sheet_state_label(RoyaltySheetState s);  // "Dự thảo", "Đã duyệt", "Đã khóa"

// One author's part of one item. A correction line (for_month != 0) pays the difference between what an
// item of a locked month is due now and what the locked sheets paid for it (negative when overpaid).
struct RoyaltyLine {
  std::uint64_t article_id = 0;
  std::string title{};
  UnixTime published_at = 0;
  std::string work_type{};  // the type's name
  int points = 0;
  std::string author{};
  std::string agency{};
  bool external = false;
  int share = 100;
  std::int64_t amount = 0;  // đồng
  RoyaltyMonth for_month = 0;
  std::string note{};
  bool operator==(const RoyaltyLine&) const = default;
};

struct RoyaltySheet {
  RoyaltyMonth month = 0;
  RoyaltySheetState state = RoyaltySheetState::draft;
  std::int64_t point_value = 0;  // the rate when it was made
  std::string decision{};
  std::vector<RoyaltyLine> lines{};
  std::string made_by{};
  UnixTime made_at = 0;
  std::string approved_by{};
  UnixTime approved_at = 0;
  std::string locked_by{};
  UnixTime locked_at = 0;
};

// A graded article as the sheet computation needs it.
struct GradedItem {
  RoyaltyGrade grade;
  std::string title;
  UnixTime published_at = 0;
};

// The lines of one item at `point_value` (one per author, in the grade's order).
std::vector<RoyaltyLine> item_lines(const GradedItem& item, const RoyaltySettings& s, std::int64_t point_value);

// The sheet of `month` made now: a line per author of every item published in the month, at the current
// rate, then the corrections: every item of an earlier month whose sheet is locked (`locked`, any order)
// whose amount per author, at that sheet's rate, differs from what the locked sheets paid for it.
RoyaltySheet compute_royalty_sheet(RoyaltyMonth month, const std::vector<GradedItem>& items,
                                   const std::vector<RoyaltySheet>& locked, const RoyaltySettings& s);
// Only the correction lines of the same computation.
std::vector<RoyaltyLine> royalty_corrections(RoyaltyMonth month, const std::vector<GradedItem>& items,
                                             const std::vector<RoyaltySheet>& locked, const RoyaltySettings& s);

// Totals per author (name + agency) and per agency, in order of first appearance.
struct RoyaltyTotal {
  std::string name;    // the author, or the agency in the per-agency totals
  std::string agency;  // the author's agency ("" in the per-agency totals)
  int lines = 0;
  std::int64_t amount = 0;
};
std::vector<RoyaltyTotal> totals_by_author(const RoyaltySheet& s);
std::vector<RoyaltyTotal> totals_by_agency(const RoyaltySheet& s);
std::int64_t sheet_total(const RoyaltySheet& s);

// "1.250.000": whole đồng with Vietnamese thousand separators (a minus sign when negative).
std::string format_vnd(std::int64_t amount);
// The amount in words as a payment voucher writes it ("Chín trăm sáu mươi nghìn đồng", "Một triệu không
// trăm linh năm đồng", "Âm hai trăm nghìn đồng").
std::string vnd_in_words(std::int64_t amount);

}  // namespace portald::model
