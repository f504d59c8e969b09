#pragma once
// The admin page handlers under /quan-tri, one namespace per file, as the route table
// (web/routes.cpp) names them. The router's guard has checked the login, role and CSRF before any of
// these runs, except where the table says Public.
#include <cstdint>
#include <optional>

#include "daemon/model/user.hpp"
#include "web/context.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web::admin {

namespace login_pages {  // login.cpp
Response login_page(const Context& ctx, Request& req);
Response login_post(const Context& ctx, Request& req);
Response logout_post(const Context& ctx, Request& req);
Response logout_everywhere_post(const Context& ctx, Request& req);
}  // namespace login_pages

// Public in the route table: they run between the password and the second factor, and check the
// session and its CSRF token themselves.
namespace second_factor_pages {  // second_factor.cpp
Response verify_page(const Context& ctx, Request& req);
Response verify_post(const Context& ctx, Request& req);
Response enrol_page(const Context& ctx, Request& req);
Response enrol_post(const Context& ctx, Request& req);
}  // namespace second_factor_pages

namespace password_pages {  // password.cpp
Response page(const Context& ctx, Request& req);
Response post(const Context& ctx, Request& req);
}  // namespace password_pages

namespace session_pages {  // sessions.cpp
Response page(const Context& ctx, Request& req);
Response end_one(const Context& ctx, Request& req);
Response end_others(const Context& ctx, Request& req);
}  // namespace session_pages

namespace queue_pages {  // queues.cpp
Response dashboard(const Context& ctx, Request& req);
Response queue_page(const Context& ctx, Request& req);
}  // namespace queue_pages

namespace article_pages {  // articles.cpp
Response new_page(const Context& ctx, Request& req);
Response create_post(const Context& ctx, Request& req);
Response edit_page(const Context& ctx, Request& req);
Response save_post(const Context& ctx, Request& req);
Response transition_post(const Context& ctx, Request& req);
}  // namespace article_pages

namespace calendar_pages {  // editorial_calendar.cpp: /quan-tri/lich-bien-tap
Response calendar_page(const Context& ctx, Request& req);
}  // namespace calendar_pages

namespace commission_pages {  // commissions.cpp: /quan-tri/dat-hang (Điều 6.1c, 6.1d)
Response list(const Context& ctx, Request& req);
Response create_post(const Context& ctx, Request& req);
Response item(const Context& ctx, Request& req);
Response deliver_post(const Context& ctx, Request& req);
Response cancel_post(const Context& ctx, Request& req);
}  // namespace commission_pages

namespace article_note_pages {  // article_notes.cpp: the thread between the board and the provider
Response note_post(const Context& ctx, Request& req);
}  // namespace article_note_pages

namespace article_draft_pages {                       // article_drafts.cpp
Response autosave(const Context& ctx, Request& req);  // JSON answer
Response discard(const Context& ctx, Request& req);
}  // namespace article_draft_pages

namespace revision_pages {  // revisions.cpp
Response preview(const Context& ctx, Request& req);
Response compare(const Context& ctx, Request& req);
Response restore(const Context& ctx, Request& req);
}  // namespace revision_pages

namespace article_list_pages {  // article_list.cpp
Response article_list(const Context& ctx, Request& req);
}  // namespace article_list_pages

namespace user_pages {  // users.cpp
Response list(const Context& ctx, Request& req);
Response create(const Context& ctx, Request& req);
Response change(const Context& ctx, Request& req);
}  // namespace user_pages

namespace board_pages {  // board.cpp: the board's members and its approval of membership changes
Response page(const Context& ctx, Request& req);
Response decide(const Context& ctx, Request& req);
}  // namespace board_pages

namespace site_pages {  // site.cpp
Response settings_get(const Context& ctx, Request& req);
Response settings_post(const Context& ctx, Request& req);
Response maintenance_post(const Context& ctx, Request& req);
Response taxonomy_get(const Context& ctx, Request& req);
Response taxonomy_post(const Context& ctx, Request& req);
}  // namespace site_pages

// The section pages and the English section (issue 14): editors save pending revisions, the board
// approves or returns them (section_pages.cpp).
namespace section_pages {  // section_pages.cpp
Response list(const Context& ctx, Request& req);
Response new_page(const Context& ctx, Request& req);
Response create_post(const Context& ctx, Request& req);
Response edit_page(const Context& ctx, Request& req);
Response save_post(const Context& ctx, Request& req);
Response approve_post(const Context& ctx, Request& req);
Response return_post(const Context& ctx, Request& req);
Response restore_post(const Context& ctx, Request& req);
Response preview(const Context& ctx, Request& req);
}  // namespace section_pages

namespace topic_pages {  // topics.cpp
Response topics_get(const Context& ctx, Request& req);
Response topics_post(const Context& ctx, Request& req);
}  // namespace topic_pages

namespace statistics_pages {  // statistics.cpp: access statistics (issue 13)
Response statistics_page(const Context& ctx, Request& req);
Response statistics_csv(const Context& ctx, Request& req);
}  // namespace statistics_pages

namespace audit_pages {  // audit.cpp
Response audit_page(const Context& ctx, Request& req);
Response audit_csv(const Context& ctx, Request& req);
}  // namespace audit_pages

namespace media_pages {  // media.cpp
Response library_get(const Context& ctx, Request& req);
Response upload(const Context& ctx, Request& req);
Response serve(const Context& ctx, Request& req);         // /tep/{key}/{file}: public once published
Response serve_legacy(const Context& ctx, Request& req);  // /tep/{name}-{id}: redirects to the above
// POST /quan-tri/thu-vien/anh: the editor's image uploads (JSON for Jodit's uploader); all or nothing
Response editor_upload(const Context& ctx, Request& req);
// GET /quan-tri/thu-vien/anh: the images the editor's library picker offers (JSON)
Response editor_images(const Context& ctx, Request& req);
// /tep/{key}/{variant}/{file}: "<width>w" a resized copy (the file's rule), "goc" the original (staff only)
Response serve_variant(const Context& ctx, Request& req);
}  // namespace media_pages

// Issue 14: media nothing refers to, listed and removed once confirmed.
namespace media_orphan_pages {                              // media_orphans.cpp
Response orphans_get(const Context& ctx, Request& req);     // GET /quan-tri/tep-tin/khong-dung
Response orphans_remove(const Context& ctx, Request& req);  // POST .../xoa: chosen ids + confirmation
}  // namespace media_orphan_pages

namespace status_pages {  // status.cpp
Response status_page(const Context& ctx, Request& req);
}  // namespace status_pages

// Legal documents (issue 14): /quan-tri/van-ban.
namespace document_list_pages {  // document_list.cpp
Response document_list(const Context& ctx, Request& req);
}  // namespace document_list_pages

namespace document_pages {  // documents.cpp
Response new_page(const Context& ctx, Request& req);
Response create_post(const Context& ctx, Request& req);
Response edit_page(const Context& ctx, Request& req);
Response save_post(const Context& ctx, Request& req);
Response transition_post(const Context& ctx, Request& req);
Response expire_post(const Context& ctx, Request& req);     // the board: hết hiệu lực
Response replace_post(const Context& ctx, Request& req);    // the board: thay thế bởi
Response unreplace_post(const Context& ctx, Request& req);  // the board: bỏ đánh dấu thay thế
Response restore_post(const Context& ctx, Request& req);
Response preview(const Context& ctx, Request& req);
// Media #media_id of document #document_id for a signed-in user who may open that document in the admin,
// when it is attached to its live record or to the version under work (the preview's links), never
// cached; std::nullopt otherwise, and for everyone else.
std::optional<Response> private_attachment(const Context& ctx, const Request& req, std::uint64_t document_id,
                                           std::uint64_t media_id);
}  // namespace document_pages

// Citizens' questions (issue 12): /quan-tri/hoi-dap (questions.cpp).
namespace question_pages {
Response queue(const Context& ctx, Request& req);
Response item(const Context& ctx, Request& req);
Response step_post(const Context& ctx, Request& req);     // a handling step (assign, answer, approve, ...)
Response answer_post(const Context& ctx, Request& req);   // the agency's draft answer, and sending it
Response note_post(const Context& ctx, Request& req);     // an internal note
Response contact_post(const Context& ctx, Request& req);  // the citizen's contacts, audited
Response file_post(const Context& ctx, Request& req);     // one of the citizen's files, as a download, audited
Response settings_get(const Context& ctx, Request& req);
Response settings_post(const Context& ctx, Request& req);
Response report_page(const Context& ctx, Request& req);  // per agency and month (question_report.cpp)
Response report_csv(const Context& ctx, Request& req);
}  // namespace question_pages

// Online dialogues (dialogues.cpp, issue 12, Điều 5.5): the events, and each one's questions to moderate.
namespace dialogue_pages {
Response list(const Context& ctx, Request& req);           // GET /quan-tri/doi-thoai
Response new_page(const Context& ctx, Request& req);       // GET /quan-tri/doi-thoai/moi
Response create_post(const Context& ctx, Request& req);    // POST the same
Response item(const Context& ctx, Request& req);           // GET /quan-tri/doi-thoai/{id}: fields, steps, questions
Response save_post(const Context& ctx, Request& req);      // POST the same: the fields
Response step_post(const Context& ctx, Request& req);      // POST .../buoc: start, end, cancel
Response moderate_post(const Context& ctx, Request& req);  // POST .../cau-hoi/{question}: accept, reject, answer
}  // namespace dialogue_pages

namespace report_pages {                            // reports.cpp (issue 13)
Response index(const Context& ctx, Request& req);   // the list of reports for a chosen period
Response report(const Context& ctx, Request& req);  // {file}: "co-quan", "co-quan.csv", "co-quan.xlsx", ...
}  // namespace report_pages

// Royalties (nhuận bút, issue 13): royalty.cpp (the month's items, grading, the rates) and
// royalty_sheet.cpp (the monthly sheet: page with its signature block, CSV, XLSX and its steps).
namespace royalty_pages {
Response month_page(const Context& ctx, Request& req);     // GET /quan-tri/nhuan-but?thang=YYYY-MM
Response grade_page(const Context& ctx, Request& req);     // GET /quan-tri/nhuan-but/bai/{id}
Response grade_post(const Context& ctx, Request& req);     // POST the same
Response settings_page(const Context& ctx, Request& req);  // GET /quan-tri/nhuan-but/cai-dat
Response settings_post(const Context& ctx, Request& req);  // POST the same
Response sheet(const Context& ctx, Request& req);          // GET /quan-tri/nhuan-but/bang/{file}: YYYY-MM[.csv|.xlsx]
Response sheet_post(const Context& ctx, Request& req);     // POST .../bang/{month}/{step}: lap, duyet, tra-ve, khoa
}  // namespace royalty_pages

namespace self_audit_pages {                            // self_audit.cpp (issue 13)
Response audit_page(const Context& ctx, Request& req);  // the page, or its JSON with ?dinh-dang=json
Response audit_json(const Context& ctx, Request& req);  // /quan-tri/tu-kiem-tra.json
}  // namespace self_audit_pages

}  // namespace portald::web::admin
