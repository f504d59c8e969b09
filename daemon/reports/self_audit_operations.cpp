// The self-audit's operations items: update cadence, overdue questions, backups and restore drills, the
// audit log's retention and accounts nobody uses any more.
#include <algorithm>
#include <limits>
#include <map>

#include "daemon/model/question.hpp"
#include "daemon/model/user.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/reports/cadence_report.hpp"
#include "daemon/reports/report_inputs.hpp"
#include "daemon/reports/self_audit_items.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::reports::audit_items {
namespace {

constexpr std::size_t kAll = std::numeric_limits<std::size_t>::max();

std::string day_text(std::int32_t day) {
  const std::string iso = model::format_iso_date(day);
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string window_name(const health::Window& w) {
  return w.name == "morning" ? "buổi sáng" : w.name == "afternoon" ? "buổi chiều" : w.name;
}

// The first of the last `n` working days up to `today` (today counted when it is one); `today` itself
// when the calendar has no working day in the two years before.
std::int32_t first_of_working_days(const health::Calendar& calendar, std::int32_t today, int n) {
  std::int32_t first = today;
  int found = 0;
  for (std::int32_t day = today; day > today - 730 && found < n; --day)
    if (calendar.is_working_day(day)) {
      first = day;
      ++found;
    }
  return first;
}

std::string age_in_days(model::UnixTime age) { return std::to_string(age / 86400) + " ngày"; }

}  // namespace

AuditItem update_cadence(const store::Txn& txn, const store::Tables& t, const health::CadencePolicy& cadence,
                         model::UnixTime now) {
  AuditItem item{.key = "update_cadence",
                 .title = "Cập nhật tin ít nhất hai lần mỗi ngày làm việc (đầu giờ sáng, đầu giờ chiều)",
                 .clause = "Quy chế tổ chức, quản lý và vận hành Cổng TTĐT tỉnh, Điều 10 khoản 1"};
  const std::int32_t today = health::local_day(now, cadence.offset_seconds);
  const std::int32_t first = first_of_working_days(cadence.calendar, today, kCadenceWorkingDays);
  item.fix_href =
      "/quan-tri/bao-cao/nhip-dang-tin?tu=" + model::format_iso_date(first) + "&den=" + model::format_iso_date(today);
  item.fix_label = "Báo cáo nhịp cập nhật tin";
  if (cadence.windows.empty()) {
    item.state = AuditState::manual;
    item.explanation = "Kiểm tra nhịp đăng tin đang tắt (working-days = none): phần mềm không đánh giá được.";
    return item;
  }
  const model::UnixTime from = model::UnixTime(first) * 86400 - cadence.offset_seconds;
  const auto times = read_publication_times(txn, t, from, now + 1);
  const auto r = cadence_report(cadence, first, today, now,
                                [&times](model::UnixTime a, model::UnixTime b) { return count_between(times, a, b); });
  std::size_t days_missed = 0;
  for (const auto& day : r.days) {
    if (!day.any_missed()) continue;
    ++days_missed;
    if (item.details.size() >= kListedAtMost) continue;
    std::string missed;
    for (const auto& w : day.windows)
      if (w.state == health::WindowState::missed) missed += (missed.empty() ? "" : ", ") + window_name(*w.window);
    item.details.push_back({day_text(day.day) + ": bị lỡ " + missed});
  }
  item.state = r.windows_missed == 0 ? AuditState::passed : AuditState::failed;
  item.explanation = std::to_string(r.days.size()) + " ngày làm việc từ " + day_text(first) + " đến " +
                     day_text(today) + ": " + std::to_string(r.windows_met) + " khung giờ đạt, " +
                     std::to_string(r.windows_missed) + " khung giờ bị lỡ (" + std::to_string(days_missed) + " ngày).";
  return item;
}

AuditItem overdue_questions(const store::Txn& txn, const store::Tables& t, model::UnixTime now) {
  AuditItem item{.key = "overdue_questions",
                 .title = "Câu hỏi của người dân được trả lời đúng hạn",
                 .clause = "Quy chế tổ chức, quản lý và vận hành Cổng TTĐT tỉnh, Điều 9 khoản 3",
                 .fix_href = "/quan-tri/hoi-dap?trang-thai=qua-han",
                 .fix_label = "Hỏi đáp quá hạn"};
  const std::int32_t today = health::local_day(now);
  const auto counts = questions::count_open(txn, t, today);
  for (const auto& q : store::list_questions(txn, t, kAll)) {
    if (item.details.size() >= kListedAtMost) break;
    if (model::answer_pending(q.state) && model::is_overdue(q, today))
      item.details.push_back(
          {"Câu hỏi " + q.code + ": hạn trả lời " + day_text(q.due_day), "/quan-tri/hoi-dap/" + std::to_string(q.id)});
  }
  item.state = counts.overdue == 0 ? AuditState::passed : AuditState::failed;
  item.explanation = std::to_string(counts.open) + " câu hỏi đang chờ trả lời; " + std::to_string(counts.overdue) +
                     " câu hỏi đã quá hạn trả lời.";
  return item;
}

AuditItem backups(const store::Txn& txn, const store::Tables& t, model::UnixTime now) {
  AuditItem item{.key = "backups",
                 .title = "Sao lưu hằng tuần đã kiểm tra và diễn tập khôi phục",
                 .clause =
                     "Quy chế tổ chức, quản lý và vận hành Cổng TTĐT tỉnh, Điều 10 khoản 2 điểm b và "
                     "Điều 12 khoản 2 điểm c",
                 .fix_href = "/quan-tri/trang-thai",
                 .fix_label = "Trạng thái hệ thống"};
  const auto state = store::get_backup_state(txn, t);
  const model::BackupOutcome* verified = nullptr;
  for (const auto& [id, v] : state.verified)
    if (v.ok && (!verified || v.at > verified->at)) verified = &v;
  const bool verified_ok = verified && now - verified->at <= kVerifiedSnapshotMaxAge;
  const bool drill_ok = state.last_drill && state.last_drill->ok && now - state.last_drill->at <= kRestoreDrillMaxAge;
  std::string text = verified ? "Bản sao lưu đã kiểm tra gần nhất: " + verified->snapshot + " lúc " +
                                    date_text(verified->at) + " (" + age_in_days(now - verified->at) + " trước)"
                              : "Chưa có bản sao lưu nào được kiểm tra";
  text += verified_ok ? "; " : ", cần trong vòng " + age_in_days(kVerifiedSnapshotMaxAge) + "; ";
  if (!state.last_drill)
    text += "chưa diễn tập khôi phục lần nào";
  else
    text += std::string("diễn tập khôi phục gần nhất ") + date_text(state.last_drill->at) + " (" +
            age_in_days(now - state.last_drill->at) + " trước, " +
            (state.last_drill->ok ? "thành công" : "thất bại: " + state.last_drill->message) + ")";
  text += drill_ok ? "." : ", cần một lần thành công trong vòng " + age_in_days(kRestoreDrillMaxAge) + ".";
  item.state = verified_ok && drill_ok ? AuditState::passed : AuditState::failed;
  item.explanation = std::move(text);
  return item;
}

// portald never deletes an audit entry (store/audit_table.hpp is append-only, and no option prunes it:
// the retention options are the snapshots', the login failures pruned by the limiter are its counters,
// each failure also being an audit entry). So the entries kept reach back to the first one.
AuditItem log_retention(const store::Txn& txn, const store::Tables& t, model::UnixTime now) {
  AuditItem item{.key = "log_retention",
                 .title = "Nhật ký kiểm tra và nhật ký an ninh lưu ít nhất 12 tháng",
                 .clause = "Nghị định 53/2022/NĐ-CP",
                 .fix_href = "/quan-tri/nhat-ky",
                 .fix_label = "Nhật ký"};
  const auto first = store::first_audit(txn, t);
  const std::string journal =
      " Nhật ký hệ thống của máy chủ (journald) nằm ngoài phần mềm: đơn vị vận hành kiểm tra cấu hình lưu giữ.";
  if (!first) {
    item.state = AuditState::manual;
    item.explanation = "Nhật ký kiểm tra chưa có mục nào." + journal;
  } else if (now - first->at >= kLogRetention) {
    item.state = AuditState::passed;
    item.explanation = "Nhật ký kiểm tra giữ đủ từ " + date_text(first->at) +
                       " (hơn 12 tháng); phần mềm không xoá mục nào của nhật ký." + journal;
  } else {
    item.state = AuditState::manual;
    item.explanation = "Cổng mới có nhật ký từ " + date_text(first->at) +
                       ", chưa đủ 12 tháng; phần mềm không xoá mục nào của nhật ký, kiểm tra lại khi đủ 12 tháng." +
                       journal;
  }
  return item;
}

AuditItem dormant_accounts(const store::Txn& txn, const store::Tables& t, model::UnixTime now) {
  AuditItem item{.key = "dormant_accounts",
                 .title = "Tài khoản không đăng nhập " + age_in_days(kDormantAfter) +
                          " (có thể của người đã nghỉ việc, chuyển công tác)",
                 .clause = "Nghị định 85/2016/NĐ-CP; TCVN 11930:2017 (quản lý tài khoản)",
                 .fix_href = "/quan-tri/nguoi-dung",
                 .fix_label = "Tài khoản"};
  // The newest successful login of each account, from the audit log (the user record keeps none).
  std::map<std::string, model::UnixTime> last_login;
  for (const auto& e : store::find_audit(txn, t, {.action_prefix = "login.ok"}, kAll))
    if (e.action == "login.ok") last_login.emplace(e.actor, e.at);  // newest first: the first one stays
  std::size_t active = 0, dormant = 0;
  for (const auto& u : store::list_users(txn, t)) {
    if (u.suspended) continue;
    ++active;
    const auto seen = last_login.find(u.username);
    const model::UnixTime since = seen != last_login.end() ? seen->second : u.created_at;
    if (now - since < kDormantAfter) continue;
    ++dormant;
    if (item.details.size() >= kListedAtMost) continue;
    const std::string who = u.username + " (" + (u.display_name.empty() ? "" : u.display_name + ", ") +
                            std::string(model::role_label(u.role)) + ")";
    item.details.push_back({who + (seen != last_login.end() ? ": đăng nhập lần cuối " + date_text(since)
                                                            : ": chưa đăng nhập lần nào, tạo ngày " + date_text(since)),
                            "/quan-tri/nguoi-dung"});
  }
  item.state = dormant == 0 ? AuditState::passed : AuditState::failed;
  item.explanation = std::to_string(dormant) + "/" + std::to_string(active) +
                     " tài khoản đang hoạt động không đăng nhập từ " + age_in_days(kDormantAfter) +
                     " trở lên: xem xét khoá tài khoản của người "
                     "đã nghỉ việc hoặc chuyển công tác.";
  return item;
}

}  // namespace portald::reports::audit_items
