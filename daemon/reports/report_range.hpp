#pragma once
// The period a report covers (issue 13): a month, a quarter, a year or a from-to range of local days,
// read from the GET form of /quan-tri/bao-cao and written back into every link, so the HTML, CSV and
// XLSX forms of a report cover the same days.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/time.hpp"

namespace portald::reports {

enum class RangeKind { month, quarter, year, days };

struct ReportRange {
  RangeKind kind = RangeKind::month;
  std::int32_t first_day = 0;  // local day numbers (health::local_day), both included
  std::int32_t last_day = 0;
  std::string query{};  // "thang=2026-11", "quy=4&nam=2026", "nam=2026", "tu=2026-11-01&den=2026-11-15"
  std::string label{};  // "tháng 11/2026", "quý IV/2026", "năm 2026", "từ 01/11/2026 đến 15/11/2026"
  std::string slug{};   // for file names: "2026-11", "2026-q4", "2026", "2026-11-01_2026-11-15"

  // [from, to) in Unix time at the portal's offset.
  model::UnixTime from() const;
  model::UnixTime to() const;
};

// The longest from-to range accepted: two years and a day, so any year (and the one before) fits.
inline constexpr std::int32_t kMaxRangeDays = 731;

// The form's fields, as the query holds them; an absent field is std::nullopt (an empty one counts as absent).
struct RangeQuery {
  std::optional<std::string_view> month{};    // thang: "2026-11"
  std::optional<std::string_view> quarter{};  // quy: "1".."4", with nam
  std::optional<std::string_view> year{};     // nam: "2026"
  std::optional<std::string_view> from{};     // tu: "2026-11-01", with den
  std::optional<std::string_view> to{};       // den
};

struct RangeParse {
  std::optional<ReportRange> range;  // set when valid
  std::string error{};               // Vietnamese, for the form, when not
};

// Which fields win when several are filled: from-to, then quarter (with its year), then month, then year;
// none at all means the month holding `today`. Years 2000..2099.
RangeParse parse_range(const RangeQuery& q, std::int32_t today);
ReportRange month_range(int year, int month);
ReportRange quarter_range(int year, int quarter);
ReportRange year_range(int year);
// std::nullopt when last < first or the range is longer than kMaxRangeDays.
std::optional<ReportRange> day_range(std::int32_t first, std::int32_t last);

}  // namespace portald::reports
