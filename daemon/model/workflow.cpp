#include "daemon/model/workflow.hpp"

#include <array>
#include <utility>

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

using enum ArticleStatus;
using R = Role;

// Authors (everyone who writes) submit; the secretariat edits; the editor-in-chief and, by delegation,
// the deputy approve (Điều 8.3), schedule and withdraw. Operators take no editorial decision.
// A board member (R::member) writes and submits, and edits any article (permissions.cpp), but takes none
// of the secretariat's or the approvers' moves.
const std::vector<Role> kAuthors{R::editor_in_chief, R::deputy, R::secretariat, R::member, R::reporter, R::contributor};
const std::vector<Role> kEditors{R::editor_in_chief, R::deputy, R::secretariat};
const std::vector<Role> kApprovers{R::editor_in_chief, R::deputy};

const std::array<std::pair<Transition, std::pair<std::string_view, std::string_view>>, 11> kNames{{
    {Transition::submit, {"submit", "Gửi duyệt"}},
    {Transition::take_for_editing, {"take-for-editing", "Nhận biên tập"}},
    {Transition::send_for_approval, {"send-for-approval", "Trình duyệt"}},
    {Transition::return_to_author, {"return", "Trả lại tác giả"}},
    {Transition::approve, {"approve", "Duyệt và xuất bản"}},
    {Transition::schedule, {"schedule", "Duyệt và hẹn giờ xuất bản"}},
    {Transition::unschedule, {"unschedule", "Hủy hẹn giờ"}},
    {Transition::publish_scheduled, {"publish-scheduled", "Xuất bản theo lịch"}},
    {Transition::withdraw, {"withdraw", "Gỡ bài"}},
    {Transition::ask_clarification, {"ask-clarification", "Đề nghị làm rõ"}},
    {Transition::answer_clarification, {"answer-clarification", "Trả lời và gửi lại"}},
}};

}  // namespace

const std::vector<TransitionRule>& transition_table() {
  static const std::vector<TransitionRule> table{
      {Transition::submit, draft, submitted, kAuthors, false},
      {Transition::submit, returned, submitted, kAuthors, false},
      {Transition::take_for_editing, submitted, editing, kEditors, false},
      {Transition::send_for_approval, editing, awaiting_approval, kEditors, false},
      {Transition::return_to_author, submitted, returned, kEditors, true},
      {Transition::return_to_author, editing, returned, kEditors, true},
      {Transition::return_to_author, awaiting_approval, returned, kApprovers, true},
      {Transition::return_to_author, scheduled, returned, kApprovers, true},
      {Transition::approve, awaiting_approval, published, kApprovers, false},
      {Transition::schedule, awaiting_approval, scheduled, kApprovers, false},
      {Transition::unschedule, scheduled, awaiting_approval, kApprovers, false},
      {Transition::publish_scheduled, scheduled, published, {}, false},
      {Transition::withdraw, published, withdrawn, kApprovers, true},
      // Asking is a reviewer's step like returning (the same roles from the same states); the question is
      // the reason, and so is the answer.
      {Transition::ask_clarification, submitted, awaiting_clarification, kEditors, true},
      {Transition::ask_clarification, editing, awaiting_clarification, kEditors, true},
      {Transition::ask_clarification, awaiting_approval, awaiting_clarification, kApprovers, true},
      {Transition::answer_clarification, awaiting_clarification, submitted, kAuthors, true},
  };
  return table;
}

std::string_view to_string(Transition t) {
  for (const auto& [x, names] : kNames)
    if (x == t) return names.first;
  return "unknown";
}

std::optional<Transition> parse_transition(std::string_view key) {
  for (const auto& [x, names] : kNames)
    if (names.first == key) return x;
  return std::nullopt;
}

std::string_view transition_label(Transition t) {
  for (const auto& [x, names] : kNames)
    if (x == t) return names.second;
  return "";
}

AuditAction audit_action(Transition t) {
  switch (t) {
    case Transition::submit: return AuditAction::article_submit;
    case Transition::take_for_editing: return AuditAction::article_take_for_editing;
    case Transition::send_for_approval: return AuditAction::article_send_for_approval;
    case Transition::return_to_author: return AuditAction::article_return;
    case Transition::approve: return AuditAction::article_approve;
    case Transition::schedule: return AuditAction::article_schedule;
    case Transition::unschedule: return AuditAction::article_unschedule;
    case Transition::publish_scheduled: return AuditAction::article_publish_scheduled;
    case Transition::withdraw: return AuditAction::article_withdraw;
    case Transition::ask_clarification: return AuditAction::article_ask_clarification;
    case Transition::answer_clarification: return AuditAction::article_answer_clarification;
  }
  return AuditAction::article_edit;  // not reached: the switch covers every transition
}

std::string_view status_label(ArticleStatus s) {
  switch (s) {
    case draft: return "Bản nháp";
    case submitted: return "Chờ biên tập";
    case editing: return "Đang biên tập";
    case awaiting_approval: return "Chờ duyệt";
    case published: return "Đã xuất bản";
    case returned: return "Bị trả lại";
    case withdrawn: return "Đã gỡ";
    case scheduled: return "Hẹn giờ xuất bản";
    case awaiting_clarification: return "Chờ làm rõ";
  }
  return "";
}

TransitionCheck check_transition(ArticleStatus from, Transition t, std::optional<Role> role, std::string_view reason) {
  const TransitionRule* rule = nullptr;
  for (const auto& r : transition_table())
    if (r.transition == t && r.from == from) rule = &r;
  if (!rule) return {TransitionRefusal::not_from_this_state, from};
  if (role) {
    if (rule->roles.empty()) return {TransitionRefusal::system_only, from};
    bool ok = false;
    for (Role r : rule->roles) ok = ok || r == *role;
    if (!ok) return {TransitionRefusal::role_not_allowed, from};
  } else if (!rule->roles.empty()) {
    return {TransitionRefusal::role_not_allowed, from};  // the system takes only its own transitions
  }
  if (rule->needs_reason && trim(reason).empty()) return {TransitionRefusal::reason_required, from};
  return {TransitionRefusal::none, rule->to};
}

std::string_view refusal_message(TransitionRefusal r) {
  switch (r) {
    case TransitionRefusal::none: return "";
    case TransitionRefusal::not_from_this_state: return "Bài viết không ở trạng thái cho phép thao tác này.";
    case TransitionRefusal::role_not_allowed: return "Vai trò của bạn không được thực hiện thao tác này.";
    case TransitionRefusal::reason_required: return "Vui lòng ghi rõ lý do.";
    case TransitionRefusal::system_only: return "Thao tác này chỉ do hệ thống thực hiện.";
  }
  return "";
}

std::vector<Transition> available_transitions(ArticleStatus from, Role role) {
  std::vector<Transition> out;
  for (const auto& r : transition_table()) {
    if (r.from != from) continue;
    for (Role x : r.roles)
      if (x == role) {
        out.push_back(r.transition);
        break;
      }
  }
  return out;
}

}  // namespace portald::model
