#pragma once
// Access statistics (issue 13): what a counted page view is about. Figures only: no address, no cookie,
// no user agent is ever part of these types.
#include <cstdint>

namespace portald::model {

// What a view is counted under; the letter is the first byte of its key in the "visits" table.
enum class VisitKind : char {
  site = 's',      // every counted page view (id 0): "Hôm nay", "Tổng lượt truy cập"
  article = 'a',   // /tin-tuc/{slug}
  category = 'c',  // /chuyen-muc/{slug}
  topic = 't',     // /chuyen-de/{slug}
  document = 'd',  // /van-ban/{slug}
  bot = 'b',       // page views by bots (id 0), apart from every figure above
};

// One figure: views of (kind, id) on one Vietnam local day (days since 1970-01-01 at UTC+7).
struct VisitCount {
  VisitKind kind = VisitKind::site;
  std::int32_t day = 0;
  std::uint64_t id = 0;
  std::uint64_t views = 0;
};

// Days since 1970-01-01 in Vietnam (UTC+7): the day a view counts under.
constexpr std::int32_t vietnam_day(std::int64_t unix_time) {
  const std::int64_t local = unix_time + 7 * 3600;
  return static_cast<std::int32_t>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

}  // namespace portald::model
