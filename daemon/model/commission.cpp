#include "daemon/model/commission.hpp"

#include <array>
#include <charconv>

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

struct KindName {
  CommissionKind kind;
  std::string_view key;    // stored
  std::string_view label;  // Vietnamese, NFC
};
constexpr std::array<KindName, 2> kKinds{{
    {CommissionKind::item, "item", "Đặt tin, bài"},
    {CommissionKind::event, "event", "Cử đưa tin sự kiện"},
}};

struct StateName {
  CommissionState state;
  std::string_view key;
  std::string_view label;
};
constexpr std::array<StateName, 3> kStates{{
    {CommissionState::open, "open", "Đang thực hiện"},
    {CommissionState::delivered, "delivered", "Đã giao nộp"},
    {CommissionState::cancelled, "cancelled", "Đã hủy"},
}};

std::optional<std::uint64_t> positive_number(std::string_view s) {
  std::uint64_t v = 0;
  if (s.empty() || s.size() > 19) return std::nullopt;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || v == 0) return std::nullopt;
  return v;
}

}  // namespace

std::string_view to_string(CommissionKind k) {
  for (const auto& n : kKinds)
    if (n.kind == k) return n.key;
  return "item";
}
std::optional<CommissionKind> parse_commission_kind(std::string_view key) {
  for (const auto& n : kKinds)
    if (n.key == key) return n.kind;
  return std::nullopt;
}
std::string_view commission_kind_label(CommissionKind k) {
  for (const auto& n : kKinds)
    if (n.kind == k) return n.label;
  return "";
}

std::string_view to_string(CommissionState s) {
  for (const auto& n : kStates)
    if (n.state == s) return n.key;
  return "open";
}
std::optional<CommissionState> parse_commission_state(std::string_view key) {
  for (const auto& n : kStates)
    if (n.key == key) return n.state;
  return std::nullopt;
}
std::string_view commission_state_label(CommissionState s) {
  for (const auto& n : kStates)
    if (n.state == s) return n.label;
  return "";
}

std::int32_t commission_day(UnixTime t) {
  const UnixTime local = t + kVietnamOffsetSeconds;
  // Floor division: a time before 1970 still lands on the right day.
  return static_cast<std::int32_t>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

std::string format_due_day(std::int32_t day) {
  const std::string iso = format_iso_date(day);  // "YYYY-MM-DD"
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

bool is_overdue(const Commission& c, UnixTime now) {
  return c.state == CommissionState::open && commission_day(now) > c.due_day;
}

std::optional<AssigneeRef> parse_assignee(std::string_view value) {
  if (value.starts_with("agency:")) {
    const auto id = positive_number(value.substr(7));
    if (!id) return std::nullopt;
    return AssigneeRef{*id, ""};
  }
  if (value.starts_with("user:") && value.size() > 5) return AssigneeRef{0, std::string(value.substr(5))};
  return std::nullopt;
}

std::string assignee_value(const Commission& c) {
  return c.agency_id ? "agency:" + std::to_string(c.agency_id) : "user:" + c.assignee_user;
}

std::optional<std::uint64_t> parse_article_ref(std::string_view text) {
  text = trim(text);
  if (const auto id = positive_number(text)) return id;
  constexpr std::string_view kPath = "/quan-tri/bai-viet/";
  const auto at = text.find(kPath);
  if (at == std::string_view::npos) return std::nullopt;
  // Only a bare path or an http(s) address of some host may come before the path.
  if (const auto before = text.substr(0, at); !before.empty()) {
    std::string_view host;
    if (before.starts_with("https://"))
      host = before.substr(8);
    else if (before.starts_with("http://"))
      host = before.substr(7);
    else
      return std::nullopt;
    if (host.empty() || host.find_first_of(" /?#@") != std::string_view::npos) return std::nullopt;
  }
  std::string_view rest = text.substr(at + kPath.size());
  const auto end = rest.find_first_of("/?#");
  const auto tail = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
  if (!tail.empty() && tail.front() == '/' && tail != "/") return std::nullopt;  // a sub-page is not the article
  return positive_number(rest.substr(0, end));
}

}  // namespace portald::model
