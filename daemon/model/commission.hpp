#pragma once
// A commission of the editorial board (issue 16, Quy chế Điều 6.1c, 6.1d): the board asks an agency or a
// named account for an item, or sends a reporter to cover an event, by a due date; the assignee delivers
// by linking an article, or the board cancels it with a reason. Store: store/commission_table.hpp;
// writes: editorial/commission_service.hpp.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/time.hpp"

namespace portald::model {

enum class CommissionKind {
  item,   // an item requested from an agency or a person (Điều 6.1c)
  event,  // cover an event: a meeting, a conference, a visit (Điều 6.1d)
};
// Stable keys ("item", "event") for storage and forms; std::nullopt for an unknown one.
std::string_view to_string(CommissionKind k);
std::optional<CommissionKind> parse_commission_kind(std::string_view key);
// Vietnamese label ("Đặt tin, bài", "Cử đưa tin sự kiện").
std::string_view commission_kind_label(CommissionKind k);

enum class CommissionState { open, delivered, cancelled };
std::string_view to_string(CommissionState s);
std::optional<CommissionState> parse_commission_state(std::string_view key);
// Vietnamese label ("Đang thực hiện", "Đã giao nộp", "Đã hủy").
std::string_view commission_state_label(CommissionState s);

struct Commission {
  std::uint64_t id = 0;
  CommissionKind kind = CommissionKind::item;
  std::string title{};  // one line, cleaned
  std::string brief{};  // plain text, line breaks kept
  // The assignee: an agency (any of its staff may deliver) or one account; exactly one is set.
  std::uint64_t agency_id = 0;
  std::string assignee_user{};
  std::int32_t due_day = 0;  // local (Vietnam) day number, days since 1970-01-01: delivered by its end
  std::string created_by{};
  UnixTime created_at = 0;
  CommissionState state = CommissionState::open;
  // delivered: the article and who linked it when; cancelled: who, when and why.
  std::uint64_t article_id = 0;
  std::string closed_by{};
  UnixTime closed_at = 0;
  std::string reason{};
};

inline constexpr std::size_t kMaxCommissionTitle = 200;
inline constexpr std::size_t kMaxCommissionBrief = 4000;
inline constexpr std::size_t kMaxCommissionReason = 1000;

// The Vietnamese local day number of `t` (days since 1970-01-01 at UTC+7).
std::int32_t commission_day(UnixTime t);
// "dd/mm/yyyy" of a local day number.
std::string format_due_day(std::int32_t day);
// "Quá hạn": still open and its due day is over at `now` (the due day itself is not late).
bool is_overdue(const Commission& c, UnixTime now);

// What the assignee select posts: "agency:ID" or "user:NAME". Either part empty when it names neither.
struct AssigneeRef {
  std::uint64_t agency_id = 0;
  std::string username{};
};
std::optional<AssigneeRef> parse_assignee(std::string_view value);
// The form value of a commission's assignee ("agency:3", "user:lan").
std::string assignee_value(const Commission& c);

// The article a delivery names: its id ("12") or its admin address ("/quan-tri/bai-viet/12", with or
// without the site, a query or a fragment); std::nullopt for anything else.
std::optional<std::uint64_t> parse_article_ref(std::string_view text);

}  // namespace portald::model
