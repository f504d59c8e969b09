#pragma once
// Online dialogues (đối thoại trực tuyến, Quy chế Điều 5.5, issue 12): an event where officials of an
// agency answer citizens' questions at a set time, optionally with a live stream embedded from an
// origin the operator allow-listed (embed_origin.hpp). Questions come through the ordinary form
// (question.hpp, with the dialogue's id) and are moderated per dialogue: accepted for display or
// rejected; the moderator types the official's answer while the event runs. The state changes only by
// an explicit step, never by the clock, so a cached page is always the stored truth.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/audit_action.hpp"
#include "daemon/model/embed_origin.hpp"
#include "daemon/model/time.hpp"

namespace portald::model {

enum class DialogueState {
  planned,    // sắp diễn ra: questions are collected
  live,       // đang diễn ra: questions collected, answers appear as they are typed
  ended,      // đã kết thúc: the page stays as the record, no new questions
  cancelled,  // đã hủy (only from planned)
};

enum class DialogueStep { start, end, cancel };

// A question's place in a dialogue: waiting for the moderator, shown, or never shown.
enum class DialogueEntryState { pending, accepted, rejected };

struct Dialogue {
  std::uint64_t id = 0;
  std::string title{};
  std::uint64_t agency_id = 0;           // the agency whose officials answer
  std::vector<std::string> officials{};  // "Ông Nguyễn Văn A, Giám đốc Sở Y tế", one per entry
  UnixTime starts_at = 0;
  UnixTime ends_at = 0;       // scheduled end (after starts_at)
  std::string description{};  // plain text
  std::string stream_url{};   // https on an allow-listed origin, or empty
  DialogueState state = DialogueState::planned;
  std::string created_by{};
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
  UnixTime started_at = 0;  // when the step "start" was taken
  UnixTime ended_at = 0;    // when "end" or "cancel" was taken
};

// One question of a dialogue (store: keyed by dialogue and question id). The question's own words and
// the masked name stay on the question record; this holds the moderation and the answer.
struct DialogueEntry {
  std::uint64_t question_id = 0;
  DialogueEntryState state = DialogueEntryState::pending;
  UnixTime received_at = 0;
  std::string moderated_by{};
  UnixTime moderated_at = 0;
  std::string official{};     // who answered (one of the dialogue's officials)
  std::string answer{};       // plain text, empty until answered
  std::string answered_by{};  // the moderator who typed it
  UnixTime answered_at = 0;
};

// Field limits (code points).
inline constexpr std::size_t kDialogueTitleMin = 5, kDialogueTitleMax = 200;
inline constexpr std::size_t kDialogueOfficialMax = 200, kDialogueOfficialsMax = 20;
inline constexpr std::size_t kDialogueDescriptionMax = 10000;
inline constexpr std::size_t kDialogueUrlMax = 2000;
inline constexpr std::size_t kDialogueAnswerMax = 20000;
inline constexpr UnixTime kDialogueLongest = 24 * 3600;

// What is wrong with a dialogue's fields, in Vietnamese, one line per problem; empty when it may be
// stored. The stream URL must be an https URL on one of `embeds`' origins. Fields are expected already
// trimmed and in NFC; the agency's existence is the caller's to check (no I/O here).
std::vector<std::string> check_dialogue(const Dialogue& d, const EmbedPolicy& embeds);
// The message for a stream URL not on the allow-list (names the allowed origins, or says there are none).
std::string stream_refusal(const EmbedPolicy& embeds);

std::string_view to_string(DialogueState s);
std::optional<DialogueState> parse_dialogue_state(std::string_view key);
std::string_view state_label(DialogueState s);  // "Sắp diễn ra", ...
std::string_view to_string(DialogueStep s);
std::optional<DialogueStep> parse_dialogue_step(std::string_view key);
std::string_view step_label(DialogueStep s);  // the button: "Bắt đầu buổi đối thoại", ...
AuditAction audit_action(DialogueStep s);
// The state after `step` from `from`; std::nullopt when the step is not allowed from there.
std::optional<DialogueState> next_state(DialogueState from, DialogueStep step);
// The steps allowed from `s`, for its buttons.
std::vector<DialogueStep> available_steps(DialogueState s);
// Citizens may send questions (planned or live).
bool accepts_questions(DialogueState s);
// Its fields may still be edited (everything but cancelled; an ended one for corrections of the record).
bool editable(DialogueState s);

std::string_view to_string(DialogueEntryState s);
std::optional<DialogueEntryState> parse_dialogue_entry_state(std::string_view key);
std::string_view entry_state_label(DialogueEntryState s);  // "Chờ duyệt", "Đã đưa lên", "Không đưa lên"

enum class DialogueModeration { accept, reject, answer };
// Whether the moderator may do `m` to an entry in `entry` of a dialogue in `dialogue`; the Vietnamese
// reason when not ("" when allowed). Accept/reject: pending ones (reject also takes an accepted one
// off the page) while the dialogue is planned or live; answer: accepted ones while live or ended.
std::string_view moderation_refusal(DialogueState dialogue, DialogueEntryState entry, DialogueModeration m);
// Shown on the public page and in its JSON.
inline bool is_public(const DialogueEntry& e) { return e.state == DialogueEntryState::accepted; }

}  // namespace portald::model
