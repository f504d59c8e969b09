#include "daemon/health/cadence.hpp"

#include <algorithm>
#include <cstdio>

namespace portald::health {
namespace {

constexpr model::UnixTime kDay = 86400;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Parses the date or "date..date" at the start of `line` (the rest is a comment) into [first, last].
bool parse_dates(std::string_view line, std::int32_t& first, std::int32_t& last, std::string& why) {
  const auto end = line.find_first_of(" \t");
  const std::string_view dates = line.substr(0, end);
  const auto dots = dates.find("..");
  const auto a = model::parse_iso_date(dates.substr(0, dots));
  const auto b = dots == std::string_view::npos ? a : model::parse_iso_date(dates.substr(dots + 2));
  if (!a || !b) {
    why = "expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (got \"" + std::string(dates) + "\")";
    return false;
  }
  if (*b < *a || *b - *a > 31) {
    why = "a range must run forwards and span at most 31 days";
    return false;
  }
  first = *a;
  last = *b;
  return true;
}

}  // namespace

int weekday(std::int32_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }  // 1970-01-01: Thursday

std::int32_t local_day(model::UnixTime t, int offset_seconds) {
  const model::UnixTime local = t + offset_seconds;
  return static_cast<std::int32_t>(local >= 0 ? local / kDay : (local - kDay + 1) / kDay);
}

bool Calendar::is_working_day(std::int32_t day) const {
  if (holidays.contains(day)) return false;
  if (extra_working_days.contains(day)) return true;
  return (working_days >> weekday(day)) & 1u;
}

HolidayList parse_holidays(std::string_view text, std::string_view name) {
  HolidayList out;
  std::size_t number = 0;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    std::string_view line = trim(text.substr(0, eol));
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++number;
    if (line.empty() || line.front() == '#') continue;
    const bool worked = line.front() == '+';
    if (worked) line.remove_prefix(1);
    std::int32_t first = 0, last = 0;
    std::string why;
    if (!parse_dates(line, first, last, why)) {
      out.errors.push_back(std::string(name) + ":" + std::to_string(number) + ": " + why);
      continue;
    }
    for (std::int32_t d = first; d <= last; ++d) (worked ? out.extra_working_days : out.holidays).insert(d);
  }
  return out;
}

std::string_view to_string(WindowState s) {
  switch (s) {
    case WindowState::not_required: return "not_required";
    case WindowState::upcoming: return "upcoming";
    case WindowState::open: return "open";
    case WindowState::met: return "met";
    case WindowState::missed: return "missed";
  }
  return "unknown";
}

bool DayStatus::any_missed() const {
  return std::any_of(windows.begin(), windows.end(),
                     [](const WindowStatus& w) { return w.state == WindowState::missed; });
}

DayStatus evaluate_day(const CadencePolicy& policy, model::UnixTime now, const PublicationCount& count) {
  DayStatus d{local_day(now, policy.offset_seconds), false, {}};
  d.working = policy.calendar.is_working_day(d.day);
  const model::UnixTime midnight = model::UnixTime(d.day) * kDay - policy.offset_seconds;
  for (const Window& w : policy.windows) {
    WindowStatus s{&w, midnight + model::UnixTime(w.start_minute) * 60, midnight + model::UnixTime(w.end_minute) * 60,
                   WindowState::not_required, 0};
    if (d.working && now >= s.opens) s.publications = count(s.opens, std::min(now + 1, s.closes));
    if (!d.working)
      s.state = WindowState::not_required;
    else if (now < s.opens)
      s.state = WindowState::upcoming;
    else if (s.publications > 0)
      s.state = WindowState::met;
    else
      s.state = now < s.closes ? WindowState::open : WindowState::missed;
    d.windows.push_back(s);
  }
  return d;
}

std::optional<model::UnixTime> next_boundary(const CadencePolicy& policy, model::UnixTime now) {
  const std::int32_t today = local_day(now, policy.offset_seconds);
  for (std::int32_t day = today; day <= today + 14; ++day) {
    if (!policy.calendar.is_working_day(day)) continue;
    const model::UnixTime midnight = model::UnixTime(day) * kDay - policy.offset_seconds;
    std::optional<model::UnixTime> best;
    for (const Window& w : policy.windows) {
      for (const unsigned minute : {w.start_minute, w.end_minute}) {
        const model::UnixTime t = midnight + model::UnixTime(minute) * 60;
        if (t > now && (!best || t < *best)) best = t;
      }
    }
    if (best) return best;
  }
  return std::nullopt;
}

std::string format_clock(unsigned minute) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02u:%02u", minute / 60 % 100, minute % 60);
  return buffer;
}

}  // namespace portald::health
