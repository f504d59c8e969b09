#pragma once
// The compliance self-audit (issue 13, /quan-tri/tu-kiem-tra): every duty of the regulations that the
// software can check, each with its source clause, a state (đạt / chưa đạt / cần kiểm tra thủ công), a
// Vietnamese explanation with the figures and the admin page that fixes it. A pure computation over one
// read transaction and a given `now`, so the page, the JSON for the data centre's monitoring, the
// metrics and the tests all see the same items. The items themselves: self_audit_content.cpp (sections,
// English section, legal documents, footer facts) and self_audit_operations.cpp (cadence, questions,
// backups, log retention, dormant accounts).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/health/cadence.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::reports {

enum class AuditState { passed, failed, manual };

// "đạt", "chưa đạt", "cần kiểm tra thủ công": what people read.
std::string_view state_label(AuditState s);
// "passed", "failed", "manual": the JSON value and the page's CSS class.
std::string_view state_key(AuditState s);

// One thing behind an item's figures (a missing section, a document lacking fields, an account): a line
// of text and, when there is one, the admin page about it.
struct AuditDetail {
  std::string text;
  std::string href{};
};

struct AuditItem {
  std::string key;     // stable, ASCII: the metric's label and the JSON's "key" ("mandatory_sections")
  std::string title;   // Vietnamese
  std::string clause;  // the source clause: "Nghị định 42/2022/NĐ-CP, Điều 4 khoản 1"
  AuditState state = AuditState::manual;
  std::string explanation{};           // Vietnamese, with the figures
  std::vector<AuditDetail> details{};  // at most kListedAtMost, unless the item says otherwise
  std::string fix_href{};              // the admin page that fixes it
  std::string fix_label{};             // its name, as a link text
};

struct SelfAudit {
  model::UnixTime at = 0;
  std::vector<AuditItem> items;
  std::size_t count(AuditState s) const;
};

// The thresholds, in one place so the page, the docs and the tests agree.
// Quy chế Điều 10 khoản 2 điểm b: a copy at least once a week; a snapshot counts once verified.
inline constexpr model::UnixTime kVerifiedSnapshotMaxAge = 7 * 86400;
// A restore drill at least once a quarter: the operator's practice for Quy chế Điều 12 khoản 2 điểm c
// (a plan to recover from incidents); the regulation names no period, so this is the portal's own.
inline constexpr model::UnixTime kRestoreDrillMaxAge = 90 * 86400;
// Nghị định 53/2022/NĐ-CP: system logs kept at least 12 months.
inline constexpr model::UnixTime kLogRetention = 365 * 86400;
// An account nobody has logged in with for this long belongs, most likely, to someone who left.
inline constexpr model::UnixTime kDormantAfter = 90 * 86400;
// The update cadence is judged over this many working days, today included.
inline constexpr int kCadenceWorkingDays = 30;
// Details listed per item (the rest is counted in the explanation).
inline constexpr std::size_t kListedAtMost = 10;

// Every item, in a fixed order. `cadence` gives the windows and the calendar (an empty windows list means
// the cadence check is off: that item is then "cần kiểm tra thủ công"). Throws only what the store throws.
SelfAudit self_audit(const store::Txn& txn, const store::Tables& t, const health::CadencePolicy& cadence,
                     model::UnixTime now);

}  // namespace portald::reports
