#pragma once
// Citizens' questions and reports (hỏi đáp, phản ánh kiến nghị; Quy chế Điều 9, issue 12): the record
// and its handling as one transition table. The data centre receives and assigns, the agency answers
// (or says "not ours", or escalates a level up, or asks the citizen for more), the board approves the
// answer, and it is published when the citizen allowed it, or closed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/audit_action.hpp"
#include "daemon/model/time.hpp"
#include "daemon/model/user.hpp"

namespace portald::model {

enum class QuestionState {
  received,    // tiếp nhận: waits for the data centre to assign it
  assigned,    // giao cơ quan: the agency answers
  needs_info,  // chờ người hỏi bổ sung
  answered,    // the agency's answer waits for the board
  approved,    // answer approved: the citizen is told; published next when they allowed it
  published,   // question and answer public (masked)
  closed,      // closed without publishing
};

enum class QuestionStep {
  assign,           // data centre: received -> assigned (an agency chosen)
  return_not_ours,  // the agency: assigned -> received, mandatory reason
  escalate,         // the agency: assigned -> received one level up (department, then province), reason
  request_info,     // agency or data centre: received/assigned -> needs_info, what is missing as reason
  info_received,    // data centre: needs_info -> assigned (received when no agency yet)
  answer,           // the agency: assigned -> answered (the official answer goes to the board)
  return_answer,    // the board: answered -> assigned, reason
  approve,          // the board: answered -> approved
  publish,          // the board: approved -> published (only when the citizen allowed it)
  close,            // data centre or board: received/assigned/needs_info -> closed with a reason, or
                    // approved -> closed (answered privately)
};

// Escalation levels (Điều 9: what is beyond an agency goes to the department, then the committee).
inline constexpr int kMaxEscalation = 2;
// "Cơ quan chuyên môn", "Sở, ngành", "UBND " + locality (the site setting: "tỉnh", "thành phố").
std::string escalation_label(int level, std::string_view locality);

struct QuestionNote {
  UnixTime at = 0;
  std::string author{};
  std::string text{};
};

// One step of the item's history (also in the audit log): enough to measure response times.
struct QuestionEvent {
  UnixTime at = 0;
  std::string actor{};
  QuestionStep step = QuestionStep::assign;
  QuestionState to = QuestionState::received;
  std::uint64_t agency_id = 0;  // the agency after the step
  std::string reason{};
};

// A file the citizen attached (issue 12): its sniffed type and size in clear, for the queue; the name
// and the bytes are sealed in the question_files table (store/question_file_table.hpp).
struct QuestionAttachment {
  std::string type{};  // as sniffed from the bytes (model::sniff_media_type)
  std::uint64_t size = 0;
};

struct Question {
  std::uint64_t id = 0;
  std::string code{};  // tracking code (tracking_code.hpp), unique
  UnixTime received_at = 0;
  QuestionState state = QuestionState::received;
  std::string field{};                    // lĩnh vực (from the question settings)
  std::uint64_t suggested_agency_id = 0;  // the citizen's choice, 0 = none
  std::uint64_t agency_id = 0;            // the agency handling it, 0 = none yet
  int escalation = 0;                     // 0 agency, 1 department, 2 provincial committee
  std::string title{};                    // contacts inside masked (question_text.hpp): kept in clear
  std::string text{};                     // the same for the body
  std::string sealed_private{};           // sealed QuestionPrivate (the personal-data key)
  std::string masked_name{};              // "Nguyễn V. A.": what readers see
  bool may_publish = false;               // the citizen allowed publishing the answer
  std::int32_t due_day = 0;               // answer due by the end of this local day, 0 = none
  std::string answer{};                   // the official answer (plain text)
  std::string answered_by{};
  UnixTime answered_at = 0;
  UnixTime published_at = 0;
  UnixTime closed_at = 0;
  std::string reason{};  // the last step's reason, shown to the next handler
  std::vector<QuestionNote> notes{};
  std::vector<QuestionEvent> history{};
  UnixTime erased_at = 0;                         // personal data erased (retention), 0 = still held
  std::vector<QuestionAttachment> attachments{};  // emptied with the files by the retention erasure
  // The due day each deadline e-mail was last sent for (questions/deadline_notices.hpp), so each goes
  // once per deadline and again when a new assignment sets a new one; 0 = never sent.
  std::int32_t reminded_for_day = 0;         // "due soon", to the agency
  std::int32_t overdue_noticed_for_day = 0;  // "overdue", to the data centre
  // Asked for an online dialogue (dialogue.hpp), 0 = an ordinary question. Such a question is moderated
  // on the dialogue's page, has no deadline and stays out of the agencies' queues.
  std::uint64_t dialogue_id = 0;
};

// What only the handlers see, sealed as one JSON value: the citizen's contacts and the words they typed.
struct QuestionPrivate {
  std::string name{};
  std::string email{};
  std::string phone{};
  std::string title{};
  std::string text{};
};

// What the data centre sets (admin, /quan-tri/hoi-dap/cai-dat): the fields a citizen picks from, each
// with its answer deadline in working days, and how long contacts are kept after an item is done.
struct QuestionField {
  std::string name{};
  int deadline_days = 0;  // 0 = the default
};
struct QuestionSettings {
  std::vector<QuestionField> fields{};  // never empty once saved; default_question_settings() has a list
  int default_deadline_days = 10;
  int retention_days = 365;   // personal data erased this long after the item was published or closed
  int attachment_max_mb = 5;  // the largest file a citizen may attach (kAttachmentMbMin..kAttachmentMbMax)
};
// At most this many files per question; each of a type kAttachmentTypes lists, up to attachment_max_mb.
inline constexpr std::size_t kMaxAttachments = 3;
inline constexpr int kAttachmentMbMin = 1, kAttachmentMbMax = 10;
inline constexpr std::size_t kAttachmentNameMax = 120;  // code points kept of a file's name
// The types a citizen may attach, as model::sniff_media_type names them: photos and PDF scans.
bool is_attachment_type(std::string_view content_type);
// "ảnh JPEG" ... for the form's hint and the refusals.
std::string_view attachment_type_label(std::string_view content_type);
// The body the question form may send: every file at the limit plus one more, and room for the text,
// so a file over the limit reaches the form's own refusal (which keeps what was typed) instead of a 413.
std::size_t question_form_body_limit(const QuestionSettings& s);
// The settings before the data centre saved any: common fields of provincial administration.
QuestionSettings default_question_settings();
// The deadline of a field (its own, else the default); the default for an unknown field.
int deadline_days(const QuestionSettings& s, std::string_view field);

// Who takes a step. The data centre is the operator and the secretariat (they run the portal); the board
// the editor-in-chief and the deputy; an agency answerer only on its own agency's items.
enum class QuestionParty { data_centre, board, agency, none };
QuestionParty question_party(Role role);

struct QuestionRule {
  QuestionStep step;
  QuestionState from;
  QuestionState to;
  std::vector<QuestionParty> parties;
  bool needs_reason;
};
const std::vector<QuestionRule>& question_rules();

std::string_view to_string(QuestionState s);
std::optional<QuestionState> parse_question_state(std::string_view key);
std::string_view state_label(QuestionState s);  // "Đã tiếp nhận", ...
std::string_view to_string(QuestionStep s);
std::optional<QuestionStep> parse_question_step(std::string_view key);
std::string_view step_label(QuestionStep s);  // the button: "Giao cơ quan trả lời", ...
AuditAction audit_action(QuestionStep s);

enum class QuestionRefusal { none, not_from_this_state, not_allowed, reason_required, not_publishable, no_agency };
struct QuestionCheck {
  QuestionRefusal refusal = QuestionRefusal::none;
  QuestionState to = QuestionState::received;
  explicit operator bool() const { return refusal == QuestionRefusal::none; }
};
// Whether `role` (of `agency`) may take `step` on `q` with this reason. Never throws.
QuestionCheck check_question_step(const Question& q, QuestionStep step, Role role, std::uint64_t agency,
                                  std::string_view reason);
std::string_view refusal_message(QuestionRefusal r);
// The steps `role` (of `agency`) may take on `q` now (reasons aside), for its buttons.
std::vector<QuestionStep> available_steps(const Question& q, Role role, std::uint64_t agency);
// May this account see the item at all (an agency answerer: only its own agency's).
bool may_see_question(const Question& q, Role role, std::uint64_t agency);

// True while an answer is still owed (not approved, published or closed).
bool answer_pending(QuestionState s);
// Overdue: an answer is still owed and `today` (local day) is after the due day.
bool is_overdue(const Question& q, std::int32_t today);

}  // namespace portald::model
