#include "daemon/model/question.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

using S = QuestionState;
using P = QuestionParty;
using St = QuestionStep;

constexpr std::array<std::pair<S, std::pair<std::string_view, std::string_view>>, 7> kStates{{
    {S::received, {"received", "Đã tiếp nhận"}},
    {S::assigned, {"assigned", "Đang xử lý tại cơ quan"}},
    {S::needs_info, {"needs-info", "Chờ người hỏi bổ sung thông tin"}},
    {S::answered, {"answered", "Đã có trả lời, chờ duyệt"}},
    {S::approved, {"approved", "Đã trả lời"}},
    {S::published, {"published", "Đã trả lời và công khai"}},
    {S::closed, {"closed", "Đã đóng"}},
}};

struct StepNames {
  St step;
  std::string_view key;
  std::string_view label;
  AuditAction action;
};
constexpr std::array<StepNames, 10> kSteps{{
    {St::assign, "assign", "Giao cơ quan trả lời", AuditAction::question_assign},
    {St::return_not_ours, "return-not-ours", "Trả lại: không thuộc thẩm quyền", AuditAction::question_return_not_ours},
    {St::escalate, "escalate", "Chuyển lên cấp trên", AuditAction::question_escalate},
    {St::request_info, "request-info", "Đề nghị người hỏi bổ sung", AuditAction::question_request_info},
    {St::info_received, "info-received", "Đã nhận thông tin bổ sung", AuditAction::question_info_received},
    {St::answer, "answer", "Gửi trả lời để duyệt", AuditAction::question_answer},
    {St::return_answer, "return-answer", "Trả lại câu trả lời", AuditAction::question_return_answer},
    {St::approve, "approve", "Duyệt câu trả lời", AuditAction::question_approve},
    {St::publish, "publish", "Công khai hỏi đáp", AuditAction::question_publish},
    {St::close, "close", "Đóng, không công khai", AuditAction::question_close},
}};

}  // namespace

std::string escalation_label(int level, std::string_view locality) {
  switch (level) {
    case 0: return "Cơ quan chuyên môn";
    case 1: return "Sở, ngành";
    default: return "UBND " + std::string(locality);
  }
}

QuestionSettings default_question_settings() {
  QuestionSettings s;
  for (const char* name : {"Đất đai", "Xây dựng", "Tài nguyên, môi trường", "Giáo dục", "Y tế", "Lao động, việc làm",
                           "Thuế, phí, lệ phí", "Giao thông", "Hành chính, tư pháp", "Khác"})
    s.fields.push_back({name, 0});
  return s;
}

int deadline_days(const QuestionSettings& s, std::string_view field) {
  for (const auto& f : s.fields)
    if (f.name == field && f.deadline_days > 0) return f.deadline_days;
  return s.default_deadline_days;
}

bool is_attachment_type(std::string_view content_type) {
  return content_type == "image/jpeg" || content_type == "image/png" || content_type == "image/webp" ||
         content_type == "application/pdf";
}

std::string_view attachment_type_label(std::string_view content_type) {
  if (content_type == "image/jpeg") return "ảnh JPEG";
  if (content_type == "image/png") return "ảnh PNG";
  if (content_type == "image/webp") return "ảnh WebP";
  if (content_type == "application/pdf") return "tệp PDF";
  return "tệp";
}

std::size_t question_form_body_limit(const QuestionSettings& s) {
  const std::size_t mb = static_cast<std::size_t>(std::clamp(s.attachment_max_mb, kAttachmentMbMin, kAttachmentMbMax));
  return (kMaxAttachments + 1) * (mb << 20) + (std::size_t(1) << 20);
}

QuestionParty question_party(Role role) {
  switch (role) {
    case Role::operator_:
    case Role::secretariat: return P::data_centre;
    case Role::editor_in_chief:
    case Role::deputy: return P::board;
    case Role::agency_answerer: return P::agency;
    case Role::reporter:
    case Role::member:
    case Role::contributor: return P::none;
  }
  return P::none;
}

const std::vector<QuestionRule>& question_rules() {
  // The board may also do the data centre's triage: it heads the portal (Điều 6).
  static const std::vector<QuestionRule> rules{
      {St::assign, S::received, S::assigned, {P::data_centre, P::board}, false},
      {St::return_not_ours, S::assigned, S::received, {P::agency}, true},
      {St::escalate, S::assigned, S::received, {P::agency}, true},
      {St::request_info, S::received, S::needs_info, {P::data_centre, P::board}, true},
      {St::request_info, S::assigned, S::needs_info, {P::agency, P::data_centre, P::board}, true},
      {St::info_received, S::needs_info, S::assigned, {P::data_centre, P::board}, false},
      {St::answer, S::assigned, S::answered, {P::agency}, false},
      {St::return_answer, S::answered, S::assigned, {P::board}, true},
      {St::approve, S::answered, S::approved, {P::board}, false},
      {St::publish, S::approved, S::published, {P::board}, false},
      {St::close, S::received, S::closed, {P::data_centre, P::board}, true},
      {St::close, S::assigned, S::closed, {P::data_centre, P::board}, true},
      {St::close, S::needs_info, S::closed, {P::data_centre, P::board}, true},
      {St::close, S::approved, S::closed, {P::data_centre, P::board}, false},
  };
  return rules;
}

std::string_view to_string(QuestionState s) {
  for (const auto& [x, n] : kStates)
    if (x == s) return n.first;
  return "";
}
std::optional<QuestionState> parse_question_state(std::string_view key) {
  for (const auto& [x, n] : kStates)
    if (n.first == key) return x;
  return std::nullopt;
}
std::string_view state_label(QuestionState s) {
  for (const auto& [x, n] : kStates)
    if (x == s) return n.second;
  return "";
}
std::string_view to_string(QuestionStep s) {
  for (const auto& n : kSteps)
    if (n.step == s) return n.key;
  return "";
}
std::optional<QuestionStep> parse_question_step(std::string_view key) {
  for (const auto& n : kSteps)
    if (n.key == key) return n.step;
  return std::nullopt;
}
std::string_view step_label(QuestionStep s) {
  for (const auto& n : kSteps)
    if (n.step == s) return n.label;
  return "";
}
AuditAction audit_action(QuestionStep s) {
  for (const auto& n : kSteps)
    if (n.step == s) return n.action;
  return AuditAction::question_assign;  // not reached: every step has a row
}

bool may_see_question(const Question& q, Role role, std::uint64_t agency) {
  switch (question_party(role)) {
    case P::data_centre:
    case P::board: return true;
    case P::agency: return agency != 0 && q.agency_id == agency && q.state != S::received;
    case P::none: return false;
  }
  return false;
}

QuestionCheck check_question_step(const Question& q, QuestionStep step, Role role, std::uint64_t agency,
                                  std::string_view reason) {
  const QuestionRule* rule = nullptr;
  for (const auto& r : question_rules())
    if (r.step == step && r.from == q.state) rule = &r;
  if (!rule) return {QuestionRefusal::not_from_this_state, q.state};
  const QuestionParty party = question_party(role);
  bool ok = false;
  for (const auto p : rule->parties) ok = ok || p == party;
  if (party == P::agency && !may_see_question(q, role, agency)) ok = false;
  if (!ok) return {QuestionRefusal::not_allowed, q.state};
  if (rule->needs_reason && trim(reason).empty()) return {QuestionRefusal::reason_required, q.state};
  if (step == St::publish && !q.may_publish) return {QuestionRefusal::not_publishable, q.state};
  if (step == St::escalate && q.escalation >= kMaxEscalation) return {QuestionRefusal::not_allowed, q.state};
  if (step == St::info_received && q.agency_id == 0) return {QuestionRefusal::none, S::received};
  return {QuestionRefusal::none, rule->to};
}

std::string_view refusal_message(QuestionRefusal r) {
  switch (r) {
    case QuestionRefusal::none: return "";
    case QuestionRefusal::not_from_this_state: return "Câu hỏi không ở trạng thái cho phép thao tác này.";
    case QuestionRefusal::not_allowed: return "Bạn không được thực hiện thao tác này với câu hỏi này.";
    case QuestionRefusal::reason_required: return "Vui lòng ghi rõ lý do.";
    case QuestionRefusal::not_publishable: return "Người hỏi không đồng ý công khai: chỉ có thể đóng câu hỏi.";
    case QuestionRefusal::no_agency: return "Vui lòng chọn cơ quan trả lời.";
  }
  return "";
}

std::vector<QuestionStep> available_steps(const Question& q, Role role, std::uint64_t agency) {
  std::vector<QuestionStep> out;
  for (const auto& r : question_rules()) {
    if (r.from != q.state) continue;
    if (check_question_step(q, r.step, role, agency, "x")) out.push_back(r.step);
  }
  return out;
}

bool answer_pending(QuestionState s) {
  return s == S::received || s == S::assigned || s == S::needs_info || s == S::answered;
}

bool is_overdue(const Question& q, std::int32_t today) {
  return answer_pending(q.state) && q.due_day != 0 && today > q.due_day;
}

}  // namespace portald::model
