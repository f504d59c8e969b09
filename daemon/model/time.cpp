#include "daemon/model/time.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace portald::model {
namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return true;
}

std::optional<std::int32_t> days_from_civil(int y, int m, int d) {
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1900 || y > 9999) return std::nullopt;
  return static_cast<std::int32_t>(sys_days{ymd}.time_since_epoch().count());
}

struct Civil {
  int year, month, day, hour, minute, second;
};

Civil to_civil(UnixTime t) {
  using namespace std::chrono;
  const sys_seconds tp{seconds{t}};
  const auto days = floor<std::chrono::days>(tp);
  const year_month_day ymd{days};
  const hh_mm_ss hms{tp - days};
  return {static_cast<int>(ymd.year()),
          static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())),
          static_cast<int>(hms.hours().count()),
          static_cast<int>(hms.minutes().count()),
          static_cast<int>(hms.seconds().count())};
}

}  // namespace

std::optional<std::int32_t> parse_iso_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!read_int(s, 0, 4, y) || !read_int(s, 5, 2, m) || !read_int(s, 8, 2, d)) return std::nullopt;
  return days_from_civil(y, m, d);
}

std::optional<UnixTime> parse_rfc3339(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
  if (s.size() < 20) return std::nullopt;
  const auto days = parse_iso_date(s.substr(0, 10));
  if (!days || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  int hh = 0, mi = 0, ss = 0;
  if (!read_int(s, 11, 2, hh) || s[13] != ':' || !read_int(s, 14, 2, mi) || s[16] != ':' || !read_int(s, 17, 2, ss))
    return std::nullopt;
  if (hh > 23 || mi > 59 || ss > 60) return std::nullopt;
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    const std::size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  int offset = 0;
  const std::string_view zone = s.substr(pos);
  if (zone == "Z" || zone == "z") {
    offset = 0;
  } else {
    int oh = 0, om = 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !read_int(zone, 1, 2, oh) || zone[3] != ':' ||
        !read_int(zone, 4, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offset = (oh * 3600 + om * 60) * (zone[0] == '-' ? -1 : 1);
  }
  return static_cast<UnixTime>(*days) * 86400 + hh * 3600 + mi * 60 + ss - offset;
}

std::string format_iso_date(std::int32_t days) {
  const Civil c = to_civil(static_cast<UnixTime>(days) * 86400);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

std::string format_date_vn(UnixTime t, int offset_seconds) {
  const Civil c = to_civil(t + offset_seconds);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", c.day, c.month, c.year);
  return buf;
}

std::string format_datetime_vn(UnixTime t, int offset_seconds) {
  const Civil c = to_civil(t + offset_seconds);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", c.day, c.month, c.year, c.hour, c.minute);
  return buf;
}

std::string format_rfc3339(UnixTime t, int offset_seconds) {
  const Civil c = to_civil(t + offset_seconds);
  const int off = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", c.year, c.month, c.day, c.hour, c.minute,
                c.second, offset_seconds < 0 ? '-' : '+', off / 3600, (off % 3600) / 60);
  return buf;
}

UnixTime now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace portald::model
