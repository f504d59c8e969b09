#pragma once
// The editorial workflow of Quy chế Điều 8 as one transition table: draft -> submitted -> editing ->
// awaiting_approval -> published (or scheduled -> published), with "return to author" (mandatory
// reason) from every review step and "withdraw" (mandatory reason) after publication. Điều 8.2: the board
// may ask the provider to clarify (mandatory question) before deciding; the provider's answer (mandatory)
// sends the item back to the secretariat's queue.
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/article.hpp"
#include "daemon/model/audit_action.hpp"
#include "daemon/model/user.hpp"

namespace portald::model {

enum class Transition {
  submit,             // author: draft/returned -> submitted (gửi duyệt)
  take_for_editing,   // secretariat: submitted -> editing (nhận biên tập)
  send_for_approval,  // secretariat: editing -> awaiting_approval (trình duyệt)
  return_to_author,   // reviewer: submitted/editing/awaiting_approval/scheduled -> returned (trả lại)
  approve,            // editor-in-chief: awaiting_approval -> published (duyệt, xuất bản)
  schedule,           // editor-in-chief: awaiting_approval -> scheduled (hẹn giờ xuất bản)
  unschedule,         // editor-in-chief: scheduled -> awaiting_approval (hủy hẹn giờ)
  publish_scheduled,  // the scheduler: scheduled -> published, when the time has come
  withdraw,           // editor-in-chief: published -> withdrawn (gỡ bài)
  // Issue 16 (Điều 8.2): reviewer: submitted/editing/awaiting_approval -> awaiting_clarification (đề nghị làm rõ)
  ask_clarification,
  // author: awaiting_clarification -> submitted (trả lời, gửi lại). Always to submitted, never back to the
  // step it was asked from: the provider may have changed the text while answering, so the secretariat
  // reads it again before anything goes further.
  answer_clarification,
};

struct TransitionRule {
  Transition transition;
  ArticleStatus from;
  ArticleStatus to;
  std::vector<Role> roles;  // empty = only the system (the scheduler) may take it
  bool needs_reason;
};

// The whole table, one row per (transition, from) pair.
const std::vector<TransitionRule>& transition_table();
// Stable English key ("submit", ...), used in forms, the audit log and tests.
std::string_view to_string(Transition t);
std::optional<Transition> parse_transition(std::string_view key);
// Vietnamese button label ("Gửi duyệt", ...).
std::string_view transition_label(Transition t);
// The audit action that records taking `t` (its stored name is "article." + to_string(t)).
AuditAction audit_action(Transition t);
// Vietnamese label of a state ("Bản nháp", "Chờ duyệt", ...).
std::string_view status_label(ArticleStatus s);

enum class TransitionRefusal { none, not_from_this_state, role_not_allowed, reason_required, system_only };

struct TransitionCheck {
  TransitionRefusal refusal = TransitionRefusal::none;
  ArticleStatus to = ArticleStatus::draft;  // the new state when refusal == none
  explicit operator bool() const { return refusal == TransitionRefusal::none; }
};

// Whether `role` may take `t` from `from` with this reason (trimmed; empty = none). role == nullopt is the
// system itself (the scheduler). Never throws.
TransitionCheck check_transition(ArticleStatus from, Transition t, std::optional<Role> role, std::string_view reason);
// Vietnamese message for a refusal.
std::string_view refusal_message(TransitionRefusal r);
// Transitions `role` may take from `from` (for the buttons an editor sees).
std::vector<Transition> available_transitions(ArticleStatus from, Role role);

}  // namespace portald::model
