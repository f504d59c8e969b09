#include "daemon/model/dialogue.hpp"

#include <array>

#include "daemon/model/text.hpp"
#include "daemon/model/typed_text.hpp"

namespace portald::model {
namespace {

using S = DialogueState;
using St = DialogueStep;
using E = DialogueEntryState;

struct StateNames {
  S state;
  std::string_view key;
  std::string_view label;
};
constexpr std::array<StateNames, 4> kStates{{
    {S::planned, "planned", "Sắp diễn ra"},
    {S::live, "live", "Đang diễn ra"},
    {S::ended, "ended", "Đã kết thúc"},
    {S::cancelled, "cancelled", "Đã hủy"},
}};

struct StepRow {
  St step;
  std::string_view key;
  std::string_view label;
  AuditAction action;
  S from;
  S to;
};
constexpr std::array<StepRow, 3> kSteps{{
    {St::start, "start", "Bắt đầu buổi đối thoại", AuditAction::dialogue_start, S::planned, S::live},
    {St::end, "end", "Kết thúc buổi đối thoại", AuditAction::dialogue_end, S::live, S::ended},
    {St::cancel, "cancel", "Hủy buổi đối thoại", AuditAction::dialogue_cancel, S::planned, S::cancelled},
}};

struct EntryNames {
  E state;
  std::string_view key;
  std::string_view label;
};
constexpr std::array<EntryNames, 3> kEntryStates{{
    {E::pending, "pending", "Chờ duyệt"},
    {E::accepted, "accepted", "Đã đưa lên"},
    {E::rejected, "rejected", "Không đưa lên"},
}};

}  // namespace

std::string stream_refusal(const EmbedPolicy& embeds) {
  if (embeds.frame_origins.empty())
    return "Cổng thông tin chưa cho phép nhúng nguồn phát trực tiếp nào (cài đặt embed_origins trống): để trống "
           "địa chỉ phát trực tiếp, hoặc nhờ quản trị hệ thống thêm nguồn phát vào danh sách được phép.";
  std::string allowed;
  for (const auto& o : embeds.frame_origins) allowed += (allowed.empty() ? "" : ", ") + o;
  return "Địa chỉ phát trực tiếp phải là địa chỉ https thuộc một nguồn được phép nhúng (" + allowed + ").";
}

std::vector<std::string> check_dialogue(const Dialogue& d, const EmbedPolicy& embeds) {
  std::vector<std::string> errors;
  if (auto problem = length_problem(d.title, kDialogueTitleMin, kDialogueTitleMax, "Tiêu đề"))
    errors.push_back(std::move(*problem));
  if (d.agency_id == 0) errors.push_back("Vui lòng chọn cơ quan chủ trì.");
  if (d.officials.empty()) errors.push_back("Vui lòng nhập ít nhất một người trả lời (mỗi dòng một người).");
  if (d.officials.size() > kDialogueOfficialsMax)
    errors.push_back("Tối đa " + std::to_string(kDialogueOfficialsMax) + " người trả lời.");
  for (const auto& o : d.officials)
    if (count_code_points(o) > kDialogueOfficialMax) {
      errors.push_back("Mỗi người trả lời tối đa " + std::to_string(kDialogueOfficialMax) + " ký tự.");
      break;
    }
  if (d.starts_at <= 0) errors.push_back("Vui lòng nhập thời gian bắt đầu.");
  if (d.starts_at > 0 && d.ends_at <= d.starts_at) errors.push_back("Thời gian kết thúc phải sau thời gian bắt đầu.");
  if (d.starts_at > 0 && d.ends_at - d.starts_at > kDialogueLongest)
    errors.push_back("Một buổi đối thoại kéo dài tối đa 24 giờ.");
  if (auto problem = length_problem(d.description, 0, kDialogueDescriptionMax, "Giới thiệu"))
    errors.push_back(std::move(*problem));
  if (!d.stream_url.empty() && (d.stream_url.size() > kDialogueUrlMax || !is_allowed_frame_url(d.stream_url, embeds)))
    errors.push_back(stream_refusal(embeds));
  return errors;
}

std::string_view to_string(DialogueState s) {
  for (const auto& n : kStates)
    if (n.state == s) return n.key;
  return "";
}
std::optional<DialogueState> parse_dialogue_state(std::string_view key) {
  for (const auto& n : kStates)
    if (n.key == key) return n.state;
  return std::nullopt;
}
std::string_view state_label(DialogueState s) {
  for (const auto& n : kStates)
    if (n.state == s) return n.label;
  return "";
}
std::string_view to_string(DialogueStep s) {
  for (const auto& n : kSteps)
    if (n.step == s) return n.key;
  return "";
}
std::optional<DialogueStep> parse_dialogue_step(std::string_view key) {
  for (const auto& n : kSteps)
    if (n.key == key) return n.step;
  return std::nullopt;
}
std::string_view step_label(DialogueStep s) {
  for (const auto& n : kSteps)
    if (n.step == s) return n.label;
  return "";
}
AuditAction audit_action(DialogueStep s) {
  for (const auto& n : kSteps)
    if (n.step == s) return n.action;
  return AuditAction::dialogue_start;  // not reached: every step has a row
}

std::optional<DialogueState> next_state(DialogueState from, DialogueStep step) {
  for (const auto& n : kSteps)
    if (n.step == step && n.from == from) return n.to;
  return std::nullopt;
}

std::vector<DialogueStep> available_steps(DialogueState s) {
  std::vector<DialogueStep> out;
  for (const auto& n : kSteps)
    if (n.from == s) out.push_back(n.step);
  return out;
}

bool accepts_questions(DialogueState s) { return s == S::planned || s == S::live; }
bool editable(DialogueState s) { return s != S::cancelled; }

std::string_view to_string(DialogueEntryState s) {
  for (const auto& n : kEntryStates)
    if (n.state == s) return n.key;
  return "";
}
std::optional<DialogueEntryState> parse_dialogue_entry_state(std::string_view key) {
  for (const auto& n : kEntryStates)
    if (n.key == key) return n.state;
  return std::nullopt;
}
std::string_view entry_state_label(DialogueEntryState s) {
  for (const auto& n : kEntryStates)
    if (n.state == s) return n.label;
  return "";
}

std::string_view moderation_refusal(DialogueState dialogue, DialogueEntryState entry, DialogueModeration m) {
  switch (m) {
    case DialogueModeration::accept:
      if (!accepts_questions(dialogue)) return "Buổi đối thoại đã kết thúc hoặc đã hủy: không duyệt thêm câu hỏi.";
      if (entry != E::pending) return "Câu hỏi này đã được xử lý.";
      return "";
    case DialogueModeration::reject:
      if (!accepts_questions(dialogue)) return "Buổi đối thoại đã kết thúc hoặc đã hủy: không sửa danh sách câu hỏi.";
      if (entry == E::rejected) return "Câu hỏi này đã bị loại.";
      return "";
    case DialogueModeration::answer:
      if (dialogue != S::live && dialogue != S::ended)
        return "Chỉ nhập câu trả lời khi buổi đối thoại đang diễn ra (hoặc sửa sau khi kết thúc).";
      if (entry != E::accepted) return "Chỉ trả lời câu hỏi đã được đưa lên buổi đối thoại.";
      return "";
  }
  return "";
}

}  // namespace portald::model
