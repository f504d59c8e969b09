#include "daemon/model/audit_action.hpp"

#include <array>

namespace portald::model {
namespace {

struct Names {
  AuditAction action;
  std::string_view name;   // on disk
  std::string_view label;  // Vietnamese, NFC
};

using A = AuditAction;

// One row per value, in declaration order (the unit test checks both).
constexpr std::array<Names, 105> kNames{{
    {A::login_ok, "login.ok", "Đăng nhập thành công"},
    {A::login_failed, "login.failed", "Đăng nhập thất bại"},
    {A::login_limited, "login.limited", "Đăng nhập bị tạm chặn (sai quá nhiều lần)"},
    {A::login_totp_ok, "login.totp-ok", "Xác thực hai lớp thành công"},
    {A::login_totp_failed, "login.totp-failed", "Xác thực hai lớp thất bại"},
    {A::login_totp_enrolled, "login.totp-enrolled", "Đăng ký xác thực hai lớp"},
    {A::logout, "logout", "Đăng xuất"},
    {A::logout_everywhere, "logout.everywhere", "Đăng xuất khỏi mọi thiết bị"},
    {A::logout_session, "logout.session", "Đăng xuất một phiên khác"},
    {A::logout_others, "logout.others", "Đăng xuất các phiên khác"},
    {A::user_create, "user.create", "Tạo tài khoản"},
    {A::user_role, "user.role", "Đổi vai trò"},
    {A::user_suspend, "user.suspend", "Đình chỉ tài khoản"},
    {A::user_reinstate, "user.reinstate", "Khôi phục tài khoản"},
    {A::user_totp_reset, "user.totp-reset", "Đặt lại xác thực hai lớp"},
    {A::user_recover, "user.recover", "Khôi phục truy cập từ máy chủ"},
    {A::user_email, "user.email", "Đổi thư điện tử công vụ"},
    {A::user_password_change, "user.password-change", "Đổi mật khẩu"},
    {A::user_password_reset, "user.password-reset", "Đặt lại mật khẩu (mật khẩu dùng một lần)"},
    {A::user_sessions_end, "user.sessions-end", "Đăng xuất mọi phiên của tài khoản"},
    {A::user_board_propose, "user.board-propose", "Đề nghị thay đổi thành viên Ban biên tập"},
    {A::user_board_approve, "user.board-approve", "Duyệt thay đổi thành viên Ban biên tập"},
    {A::user_board_reject, "user.board-reject", "Từ chối thay đổi thành viên Ban biên tập"},
    {A::article_create, "article.create", "Tạo bài viết"},
    {A::article_edit, "article.edit", "Sửa bài viết"},
    {A::article_restore, "article.restore", "Khôi phục phiên bản cũ"},
    {A::article_submit, "article.submit", "Gửi duyệt"},
    {A::article_take_for_editing, "article.take-for-editing", "Nhận biên tập"},
    {A::article_send_for_approval, "article.send-for-approval", "Trình duyệt"},
    {A::article_return, "article.return", "Trả lại tác giả"},
    {A::article_approve, "article.approve", "Duyệt và xuất bản"},
    {A::article_schedule, "article.schedule", "Duyệt và hẹn giờ xuất bản"},
    {A::article_unschedule, "article.unschedule", "Hủy hẹn giờ"},
    {A::article_publish_scheduled, "article.publish-scheduled", "Xuất bản theo lịch"},
    {A::article_withdraw, "article.withdraw", "Gỡ bài"},
    {A::article_unpublish_scheduled, "article.unpublish-scheduled", "Gỡ bài theo lịch hết hạn"},
    {A::article_ask_clarification, "article.ask-clarification", "Đề nghị làm rõ bài viết"},
    {A::article_answer_clarification, "article.answer-clarification", "Trả lời đề nghị làm rõ và gửi lại"},
    {A::article_note, "article.note", "Ghi chú trao đổi về bài viết"},
    {A::media_upload, "media.upload", "Tải tệp lên thư viện"},
    {A::media_remove_orphan, "media.remove-orphan", "Xóa tệp không còn được dùng"},
    {A::settings_site, "settings.site", "Sửa cài đặt trang"},
    {A::settings_maintenance, "settings.maintenance", "Bật, tắt chế độ bảo trì"},
    {A::taxonomy_category, "taxonomy.category", "Thêm chuyên mục"},
    {A::taxonomy_agency, "taxonomy.agency", "Thêm cơ quan"},
    {A::taxonomy_update_category, "taxonomy.update-category", "Sửa chuyên mục"},
    {A::taxonomy_rename_agency, "taxonomy.rename-agency", "Đổi tên cơ quan"},
    {A::taxonomy_topic, "taxonomy.topic", "Lưu chuyên đề"},
    {A::taxonomy_agency_categories, "taxonomy.agency-categories", "Giới hạn chuyên mục của cơ quan"},
    {A::page_import, "page.import", "Nhập trang chuyên mục"},
    {A::document_create, "document.create", "Tạo văn bản"},
    {A::document_edit, "document.edit", "Sửa văn bản"},
    {A::document_restore, "document.restore", "Khôi phục phiên bản cũ của văn bản"},
    {A::document_submit, "document.submit", "Gửi duyệt văn bản"},
    {A::document_take_for_editing, "document.take-for-editing", "Nhận biên tập văn bản"},
    {A::document_send_for_approval, "document.send-for-approval", "Trình duyệt văn bản"},
    {A::document_return, "document.return", "Trả lại văn bản"},
    {A::document_approve, "document.approve", "Duyệt và công bố văn bản"},
    {A::document_withdraw, "document.withdraw", "Gỡ văn bản"},
    {A::document_expire, "document.expire", "Đánh dấu văn bản hết hiệu lực"},
    {A::document_replace, "document.replace", "Đánh dấu văn bản bị thay thế"},
    {A::document_unreplace, "document.unreplace", "Bỏ đánh dấu văn bản bị thay thế"},
    {A::page_create, "page.create", "Tạo trang chuyên mục"},
    {A::page_edit, "page.edit", "Sửa trang chuyên mục"},
    {A::page_restore, "page.restore", "Khôi phục phiên bản trang"},
    {A::page_approve, "page.approve", "Duyệt trang chuyên mục"},
    {A::page_return, "page.return", "Trả lại bản sửa trang"},
    {A::question_submit, "question.submit", "Người dân gửi câu hỏi"},
    {A::question_assign, "question.assign", "Giao cơ quan trả lời câu hỏi"},
    {A::question_return_not_ours, "question.return-not-ours", "Trả lại câu hỏi: không thuộc thẩm quyền"},
    {A::question_escalate, "question.escalate", "Chuyển câu hỏi lên cấp trên"},
    {A::question_request_info, "question.request-info", "Đề nghị người hỏi bổ sung thông tin"},
    {A::question_info_received, "question.info-received", "Nhận thông tin bổ sung của người hỏi"},
    {A::question_answer, "question.answer", "Gửi trả lời câu hỏi để duyệt"},
    {A::question_return_answer, "question.return-answer", "Trả lại câu trả lời"},
    {A::question_approve, "question.approve", "Duyệt câu trả lời"},
    {A::question_publish, "question.publish", "Công khai hỏi đáp"},
    {A::question_close, "question.close", "Đóng câu hỏi"},
    {A::question_answer_save, "question.answer-save", "Lưu dự thảo câu trả lời"},
    {A::question_note, "question.note", "Ghi chú nội bộ về câu hỏi"},
    {A::question_contact_view, "question.contact-view", "Xem thông tin liên hệ của người hỏi"},
    {A::question_file_view, "question.file-view", "Xem tệp đính kèm của người hỏi"},
    {A::question_erase, "question.erase", "Xóa dữ liệu cá nhân của người hỏi (hết thời hạn lưu)"},
    {A::question_settings, "question.settings", "Sửa cài đặt hỏi đáp"},
    {A::question_export, "question.export", "Người hỏi lấy bản sao dữ liệu cá nhân của mình"},
    {A::royalty_grade, "royalty.grade", "Chấm điểm nhuận bút"},
    {A::royalty_settings, "royalty.settings", "Sửa cài đặt nhuận bút"},
    {A::royalty_sheet_make, "royalty.sheet-make", "Lập bảng nhuận bút"},
    {A::royalty_sheet_approve, "royalty.sheet-approve", "Duyệt bảng nhuận bút"},
    {A::royalty_sheet_reopen, "royalty.sheet-reopen", "Trả bảng nhuận bút về dự thảo"},
    {A::royalty_sheet_lock, "royalty.sheet-lock", "Khóa bảng nhuận bút"},
    {A::dialogue_create, "dialogue.create", "Tạo buổi đối thoại trực tuyến"},
    {A::dialogue_edit, "dialogue.edit", "Sửa buổi đối thoại trực tuyến"},
    {A::dialogue_start, "dialogue.start", "Bắt đầu buổi đối thoại"},
    {A::dialogue_end, "dialogue.end", "Kết thúc buổi đối thoại"},
    {A::dialogue_cancel, "dialogue.cancel", "Hủy buổi đối thoại"},
    {A::dialogue_accept, "dialogue.accept", "Đưa câu hỏi lên buổi đối thoại"},
    {A::dialogue_reject, "dialogue.reject", "Không đưa câu hỏi lên buổi đối thoại"},
    {A::dialogue_answer, "dialogue.answer", "Nhập câu trả lời tại buổi đối thoại"},
    {A::report_agency_mail, "report.agency-mail", "Gửi e-mail báo cáo tháng cho các cơ quan"},
    {A::commission_create, "commission.create", "Đặt hàng, giao việc"},
    {A::commission_deliver, "commission.deliver", "Giao nộp sản phẩm đặt hàng"},
    {A::commission_cancel, "commission.cancel", "Hủy đặt hàng, giao việc"},
    {A::article_intake, "article.intake", "Nhận tin bài gửi từ tổ chức, cá nhân"},
    {A::audit_archive, "audit.archive", "Lưu trữ nhật ký cũ vào bản xuất có chữ ký"},
}};

constexpr std::array<AuditAction, kNames.size()> kAll = [] {
  std::array<AuditAction, kNames.size()> out{};
  for (std::size_t i = 0; i < kNames.size(); ++i) out[i] = kNames[i].action;
  return out;
}();

const Names* find(AuditAction a) {
  for (const auto& n : kNames)
    if (n.action == a) return &n;
  return nullptr;
}

}  // namespace

std::span<const AuditAction> all_audit_actions() { return kAll; }

std::string_view to_string(AuditAction a) {
  const auto* n = find(a);
  return n ? n->name : "unknown";
}

std::optional<AuditAction> parse_audit_action(std::string_view name) {
  for (const auto& n : kNames)
    if (n.name == name) return n.action;
  return std::nullopt;
}

std::string_view audit_action_label(AuditAction a) {
  const auto* n = find(a);
  return n ? n->label : "";
}

std::string_view audit_action_label(std::string_view name) {
  const auto a = parse_audit_action(name);
  return a ? audit_action_label(*a) : name;
}

}  // namespace portald::model
