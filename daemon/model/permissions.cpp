#include "daemon/model/permissions.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>

namespace portald::model {
namespace {

using enum Role;

constexpr std::uint32_t bit(Role r) { return std::uint32_t(1) << static_cast<unsigned>(r); }
constexpr std::uint32_t roles(std::initializer_list<Role> list) {
  std::uint32_t m = 0;
  for (Role r : list) m |= bit(r);
  return m;
}

struct Row {
  Action action;
  std::string_view key;
  std::uint32_t roles;  // bit per Role
};

// The whole permission surface on one screen. Operators run the system but do not take part in
// editorial decisions (Điều 5.3: they publish only what the board approved).
const std::array<Row, 23> kTable{{
    {Action::use_admin, "use-admin",
     roles({operator_, editor_in_chief, deputy, secretariat, reporter, contributor, agency_answerer, member})},
    // A board member (Điều 11.1b) reads the queues and edits like the secretariat; the workflow's moves
    // (take, send for approval, return, approve, publish) are not theirs (workflow.cpp).
    {Action::write_article, "write-article",
     roles({editor_in_chief, deputy, secretariat, reporter, contributor, member})},
    {Action::edit_any_article, "edit-any-article", roles({editor_in_chief, deputy, secretariat, member})},
    {Action::view_queues, "view-queues", roles({editor_in_chief, deputy, secretariat, member})},
    {Action::preview_any, "preview-any", roles({editor_in_chief, deputy, secretariat, member})},
    {Action::upload_media, "upload-media",
     roles({editor_in_chief, deputy, secretariat, reporter, contributor, member})},
    {Action::view_audit, "view-audit", roles({operator_, editor_in_chief})},
    {Action::manage_users, "manage-users", roles({operator_})},
    {Action::manage_taxonomy, "manage-taxonomy", roles({operator_})},
    {Action::manage_settings, "manage-settings", roles({operator_})},
    {Action::set_maintenance, "set-maintenance", roles({operator_})},
    {Action::view_status, "view-status", roles({operator_, editor_in_chief, deputy})},
    {Action::handle_questions, "handle-questions",
     roles({operator_, editor_in_chief, deputy, secretariat, agency_answerer})},
    {Action::manage_question_settings, "manage-question-settings", roles({operator_, editor_in_chief, secretariat})},
    // The system's housekeeping: removing a file is irreversible, so only who runs the system.
    {Action::remove_orphan_media, "remove-orphan-media", roles({operator_})},
    // Điều 6.1đ, 10.1: the board reports on the agencies' supply and the cadence; the operator on operations.
    {Action::view_reports, "view-reports", roles({operator_, editor_in_chief, deputy})},
    // Điều 5.12, 6.2c: the editor-in-chief or a deputy grades; the editor-in-chief approves the sheet; the
    // rates follow the province's decision, entered by the editor-in-chief or the operator.
    {Action::grade_royalty, "grade-royalty", roles({editor_in_chief, deputy})},
    {Action::approve_royalty, "approve-royalty", roles({editor_in_chief})},
    {Action::manage_royalty_settings, "manage-royalty-settings", roles({operator_, editor_in_chief})},
    // Điều 5.5: the board and the data centre (operator, secretariat) hold online dialogues; the agency's
    // officials answer through the moderator, so agency accounts need no access.
    {Action::manage_dialogues, "manage-dialogues", roles({operator_, editor_in_chief, deputy, secretariat})},
    // Điều 6.1a: the board approves its own membership; the chief and the deputies see it and decide.
    {Action::view_board, "view-board", roles({editor_in_chief, deputy})},
    {Action::approve_board, "approve-board", roles({editor_in_chief, deputy})},
    // Điều 6.1c, 6.1d: the board (chief, deputies, secretariat) asks agencies for information and sends
    // reporters to events. Not the operator (Điều 5.3: no editorial decisions), not a member: the brief
    // names the board's standing roles only.
    {Action::commission, "commission", roles({editor_in_chief, deputy, secretariat})},
}};

const Row* row_of(Action action) {
  for (const auto& r : kTable)
    if (r.action == action) return &r;
  return nullptr;
}

}  // namespace

std::string_view to_string(Action action) {
  const Row* r = row_of(action);
  return r ? r->key : "unknown";
}

const std::vector<Action>& all_actions() {
  static const std::vector<Action> out = [] {
    std::vector<Action> v;
    for (const auto& r : kTable) v.push_back(r.action);
    return v;
  }();
  return out;
}

bool allowed(Role role, Action action) {
  const Row* r = row_of(action);
  if (!r) return false;
  return (r->roles & bit(role)) != 0;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> out{operator_, editor_in_chief, deputy,      secretariat,
                                     member,    reporter,        contributor, agency_answerer};
  return out;
}

}  // namespace portald::model
