#include "daemon/reports/report_range.hpp"

#include <charconv>
#include <cstdio>

namespace portald::reports {
namespace {

constexpr const char* kRoman[] = {"I", "II", "III", "IV"};

std::int32_t first_of(int year, int month) {
  char text[11];
  std::snprintf(text, sizeof text, "%04d-%02d-01", year, month);
  return *model::parse_iso_date(text);
}

// The first day of the month `months` after (year, month).
std::int32_t first_after(int year, int month, int months) {
  const int index = year * 12 + (month - 1) + months;
  return first_of(index / 12, index % 12 + 1);
}

std::optional<int> number(std::string_view text, std::size_t digits) {
  int v = 0;
  if (text.size() != digits) return std::nullopt;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc{} || r.ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

std::optional<int> year_of(std::string_view text) {
  const auto y = number(text, 4);
  return y && *y >= 2000 && *y <= 2099 ? y : std::nullopt;
}

// "dd/mm/yyyy" of a day number.
std::string vn_date(std::int32_t day) {
  const std::string iso = model::format_iso_date(day);
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::optional<std::int32_t> date_in_years(std::string_view text) {
  const auto d = model::parse_iso_date(text);
  if (!d || text.size() != 10 || !year_of(text.substr(0, 4))) return std::nullopt;
  return d;
}

}  // namespace

model::UnixTime ReportRange::from() const { return model::UnixTime(first_day) * 86400 - model::kVietnamOffsetSeconds; }
model::UnixTime ReportRange::to() const { return model::UnixTime(last_day + 1) * 86400 - model::kVietnamOffsetSeconds; }

ReportRange month_range(int year, int month) {
  char key[16];
  std::snprintf(key, sizeof key, "%04d-%02d", year, month);
  return {RangeKind::month,
          first_of(year, month),
          first_after(year, month, 1) - 1,
          std::string("thang=") + key,
          "tháng " + std::to_string(month) + "/" + std::to_string(year),
          key};
}

ReportRange quarter_range(int year, int quarter) {
  const int month = (quarter - 1) * 3 + 1;
  return {RangeKind::quarter,
          first_of(year, month),
          first_after(year, month, 3) - 1,
          "quy=" + std::to_string(quarter) + "&nam=" + std::to_string(year),
          std::string("quý ") + kRoman[quarter - 1] + "/" + std::to_string(year),
          std::to_string(year) + "-q" + std::to_string(quarter)};
}

ReportRange year_range(int year) {
  return {RangeKind::year,
          first_of(year, 1),
          first_of(year + 1, 1) - 1,
          "nam=" + std::to_string(year),
          "năm " + std::to_string(year),
          std::to_string(year)};
}

std::optional<ReportRange> day_range(std::int32_t first, std::int32_t last) {
  if (last < first || last - first + 1 > kMaxRangeDays) return std::nullopt;
  const std::string a = model::format_iso_date(first), b = model::format_iso_date(last);
  return ReportRange{
      RangeKind::days, first, last, "tu=" + a + "&den=" + b, "từ " + vn_date(first) + " đến " + vn_date(last),
      a + "_" + b};
}

RangeParse parse_range(const RangeQuery& q, std::int32_t today) {
  if (q.from || q.to) {
    const auto a = q.from ? date_in_years(*q.from) : std::nullopt;
    const auto b = q.to ? date_in_years(*q.to) : std::nullopt;
    if (!a || !b)
      return {std::nullopt,
              "Khoảng ngày không hợp lệ: hãy nhập cả ngày bắt đầu và ngày kết thúc, dạng "
              "năm-tháng-ngày, ví dụ 2026-11-01 và 2026-11-15."};
    if (*b < *a) return {std::nullopt, "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu."};
    const auto r = day_range(*a, *b);
    if (!r)
      return {std::nullopt, "Khoảng ngày dài quá " + std::to_string(kMaxRangeDays) +
                                " ngày: hãy chọn báo cáo năm hoặc một khoảng ngắn hơn."};
    return {r, {}};
  }
  if (q.quarter) {
    const auto n = number(*q.quarter, 1);
    const auto y = q.year ? year_of(*q.year) : std::nullopt;
    if (!n || *n < 1 || *n > 4 || !y)
      return {std::nullopt, "Quý không hợp lệ: hãy chọn quý từ 1 đến 4 và năm từ 2000 đến 2099, ví dụ quý 4 năm 2026."};
    return {quarter_range(*y, *n), {}};
  }
  if (q.month) {
    const auto y = q.month->size() == 7 && (*q.month)[4] == '-' ? year_of(q.month->substr(0, 4)) : std::nullopt;
    const auto m = y ? number(q.month->substr(5), 2) : std::nullopt;
    if (!y || !m || *m < 1 || *m > 12)
      return {std::nullopt, "Tháng không hợp lệ: hãy chọn tháng dạng năm-tháng, ví dụ 2026-11."};
    return {month_range(*y, *m), {}};
  }
  if (q.year) {
    const auto y = year_of(*q.year);
    if (!y) return {std::nullopt, "Năm không hợp lệ: hãy nhập năm từ 2000 đến 2099, ví dụ 2026."};
    return {year_range(*y), {}};
  }
  const std::string iso = model::format_iso_date(today);
  return {month_range(*number(iso.substr(0, 4), 4), *number(iso.substr(5, 2), 2)), {}};
}

}  // namespace portald::reports
