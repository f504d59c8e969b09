#pragma once
// Who may do what: one table of role x action (Quy chế Điều 5, 6, 8, 11). Workflow transitions have
// their own table (workflow.hpp); this one covers everything else an admin page can do.
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/user.hpp"

namespace portald::model {

enum class Action {
  use_admin,                 // open /quan-tri at all (dashboard, own account, log out)
  write_article,             // create articles and edit one's own drafts
  edit_any_article,          // edit any article in the workflow (Tổ thư ký, biên tập viên and up)
  view_queues,               // see the editorial queues ("chờ biên tập", "chờ duyệt")
  preview_any,               // preview and compare revisions of any article
  upload_media,              // add images and attachments to the media library
  view_audit,                // read and export the audit log (Điều 5.8: confidential)
  manage_users,              // list accounts, create, change role, suspend (Điều 5.7, 5.8)
  manage_taxonomy,           // agencies, categories, topics
  manage_settings,           // site name, logo, footer, links, EMC code
  set_maintenance,           // put the public site into maintenance (Điều 5.9)
  view_status,               // see the system status page (health checks, backups): who answers for the system
  handle_questions,          // citizens' questions (Điều 9): the data centre triages, the board approves answers,
                             // an agency answers its own (model/question.hpp has the per-step rules)
  manage_question_settings,  // the questions' fields, answer deadlines and how long contacts are kept
  remove_orphan_media,       // list media nothing references and remove them once confirmed (issue 14)
  view_reports,              // the board's and the operator's reports (issue 13): agencies, cadence, operations
  grade_royalty,    // grade a published item for royalties (nhuận bút, Điều 5.12) and make a month's sheet
  approve_royalty,  // approve, reopen and lock a monthly royalty sheet (the editor-in-chief)
  manage_royalty_settings,  // the value of a point and the work types, as the province's decision sets them
  manage_dialogues,  // online dialogues (Điều 5.5): schedule, run, moderate the questions and type the answers
  view_board,        // the board's member list (/quan-tri/ban-bien-tap, Điều 6.1a, 11.1b)
  approve_board,     // approve or reject the operator's proposed changes of the board's membership
  commission,        // ask an agency or a reporter for an item, or send one to an event (Điều 6.1c, 6.1d)
};

// Stable English key ("use-admin", ...) for logs, the audit log and tests.
std::string_view to_string(Action action);
// Every action, in declaration order (for tests and the permissions page).
const std::vector<Action>& all_actions();
// True when `role` may take `action`.
bool allowed(Role role, Action action);
// Every role, in declaration order.
const std::vector<Role>& all_roles();

}  // namespace portald::model
