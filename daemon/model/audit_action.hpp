#pragma once
// What an audit entry records: one enum value per kind of action, with the name stored on disk
// ("login.ok", "user.role", "article.approve", ...) and a Vietnamese label for the admin. The stored
// record keeps the name as text, so entries written by older (or newer) versions still read; code that
// writes an entry names the action by its enum value (store::append_audit has an overload for it).
#include <optional>
#include <span>
#include <string_view>

namespace portald::model {

enum class AuditAction {
  // Logins and sessions.
  login_ok,
  login_failed,
  login_limited,  // held by the rate limit
  login_totp_ok,
  login_totp_failed,
  login_totp_enrolled,
  logout,
  logout_everywhere,
  logout_session,  // the user ended one of their other sessions (issue 16)
  logout_others,   // the user ended every session but the one in use (issue 16)
  // Accounts.
  user_create,
  user_role,
  user_suspend,
  user_reinstate,
  user_totp_reset,
  user_recover,          // portaldctl user recover
  user_email,            // the work e-mail for editorial notices (Điều 8.4)
  user_password_change,  // the user changed their own password (issue 15)
  user_password_reset,   // an operator gave the account a one-time password (issue 15)
  user_sessions_end,     // an operator ended every session of an account (issue 16)
  user_board_propose,    // an operator's change of the board's membership, waiting (Điều 6.1a)
  user_board_approve,    // the editor-in-chief or a deputy approved it (then user.create / user.role)
  user_board_reject,     // ... or rejected it, with a reason
  // Articles: saving and restoring versions, then one value per workflow transition.
  article_create,
  article_edit,
  article_restore,
  article_submit,
  article_take_for_editing,
  article_send_for_approval,
  article_return,
  article_approve,
  article_schedule,
  article_unschedule,
  article_publish_scheduled,
  article_withdraw,
  article_unpublish_scheduled,   // the scheduler: a published article's expiry time passed (issue 14)
  article_ask_clarification,     // the board asked the provider to clarify (issue 16, Điều 8.2)
  article_answer_clarification,  // the provider answered and sent the article back
  article_note,                  // a note in the article's thread between the board and the provider
  // Operators' settings, taxonomy and media.
  media_upload,
  media_remove_orphan,  // a file nothing referenced, removed after the operator confirmed (issue 14)
  settings_site,
  settings_maintenance,
  taxonomy_category,
  taxonomy_agency,
  taxonomy_update_category,
  taxonomy_rename_agency,
  taxonomy_topic,
  taxonomy_agency_categories,  // the categories an agency's contributors may write in (issue 16)
  // Section pages.
  page_import,  // portaldctl pages import
  // Legal documents in the admin (issue 14): saving and restoring versions, one value per workflow
  // transition documents take ("document." + the transition's key), and the board's validity marks.
  document_create,
  document_edit,
  document_restore,
  document_submit,
  document_take_for_editing,
  document_send_for_approval,
  document_return,
  document_approve,
  document_withdraw,
  document_expire,
  document_replace,
  document_unreplace,
  page_create,   // a new page, pending approval (/quan-tri/trang/moi)
  page_edit,     // a pending revision of a page
  page_restore,  // an old revision made the pending one
  page_approve,  // the board made a revision public
  page_return,   // the board sent a revision back, with a reason
  // Citizens' questions (issue 12): the submission, one value per handling step, and what handlers do
  // beside the steps (an answer saved, an internal note, a view of the citizen's contacts, erasure).
  question_submit,
  question_assign,
  question_return_not_ours,
  question_escalate,
  question_request_info,
  question_info_received,
  question_answer,
  question_return_answer,
  question_approve,
  question_publish,
  question_close,
  question_answer_save,
  question_note,
  question_contact_view,
  question_file_view,
  question_erase,
  question_settings,
  question_export,  // a citizen took the export of their own data (by tracking code and contact)
  // Royalties (issue 13): grades, the rates, and each step of a monthly sheet.
  royalty_grade,
  royalty_settings,
  royalty_sheet_make,
  royalty_sheet_approve,
  royalty_sheet_reopen,
  royalty_sheet_lock,
  // Online dialogues (issue 12, Điều 5.5): the event's fields and steps, and each question's moderation.
  dialogue_create,
  dialogue_edit,
  dialogue_start,
  dialogue_end,
  dialogue_cancel,
  dialogue_accept,
  dialogue_reject,
  dialogue_answer,
  // Reports (issue 13): a month's reports e-mailed to the agencies (reports/agency_report_mail.hpp).
  report_agency_mail,
  // Commissioning (issue 16, Điều 6.1c/d): the board asks an agency or a reporter for an item.
  commission_create,
  commission_deliver,
  commission_cancel,
  // Submissions from people without an account (issue 16, Điều 8.1): the public intake form.
  article_intake,
  // Audit retention (issue 16, Nghị định 53): entries older than the kept months moved to a signed archive.
  audit_archive,
};

// Every value, in declaration order (for tests and filter lists).
std::span<const AuditAction> all_audit_actions();
// The name stored on disk ("login.ok"); never changes once released, old logs depend on it.
std::string_view to_string(AuditAction a);
// The value with this stored name; std::nullopt for a name this version does not know.
std::optional<AuditAction> parse_audit_action(std::string_view name);
// Vietnamese label for the admin ("Đăng nhập thành công").
std::string_view audit_action_label(AuditAction a);
// The label of a stored name; the name itself when unknown, so every entry still displays.
std::string_view audit_action_label(std::string_view name);

}  // namespace portald::model
