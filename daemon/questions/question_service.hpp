#pragma once
// The writes of citizens' questions (issue 12, Quy chế Điều 9), each in ONE write transaction: check the
// rule, write the record (its indexes and, when the public side changes, the change log) and the audit
// entry together. A refusal writes nothing.
//
// Personal data (name, e-mail, phone, and the words the citizen typed) is sealed with the personal-data
// key before it is stored; the record keeps in clear only the title and text with contacts masked, and
// the masked name, which is what readers see once an answer is published.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/health/cadence.hpp"
#include "daemon/model/actor.hpp"
#include "daemon/model/question.hpp"
#include "daemon/questions/question_files.hpp"
#include "daemon/questions/question_notices.hpp"
#include "daemon/store/store.hpp"

namespace portald::secrets {
class PersonalDataKey;
}

namespace portald::questions {

// Field limits (code points), also told to the form so a browser stops the person before the server does.
inline constexpr std::size_t kNameMax = 100;
inline constexpr std::size_t kEmailMax = 254;
inline constexpr std::size_t kPhoneMax = 20;
inline constexpr std::size_t kTitleMin = 5, kTitleMax = 200;
inline constexpr std::size_t kTextMin = 10, kTextMax = 5000;
inline constexpr std::size_t kAnswerMax = 20000;
inline constexpr std::size_t kReasonMax = 2000;
inline constexpr std::size_t kNoteMax = 4000;
inline constexpr std::size_t kNotesMax = 200;

// What the public form posts.
struct Submission {
  std::string name{};
  std::string email{};
  std::string phone{};
  std::string field{};
  std::uint64_t agency_id = 0;  // the citizen's suggestion, 0 = none
  std::string title{};
  std::string text{};
  bool may_publish = false;
  bool consent = false;
  std::vector<AttachedFile> files{};  // question_files.hpp: checked and sealed with the rest
  std::uint64_t dialogue_id = 0;      // asked for an online dialogue (dialogue_service.hpp), 0 = none
};

// Checks (and normalises to NFC, trimmed) every field and the files; returns what to correct, in Vietnamese, one line
// per problem; empty when it may be stored.
std::vector<std::string> check_submission(const store::Txn& txn, const store::Tables& t, Submission& s);

struct Submitted {
  std::vector<std::string> errors{};  // not empty: nothing written
  std::uint64_t id = 0;
  std::string code{};  // the tracking code to give the citizen
  std::int32_t due_day = 0;
};
// Stores a new question, received, due `deadline_days(field)` working days after today on `calendar`.
// The citizen's notice of receipt (question_notices.hpp) is queued with it when they gave an e-mail.
Submitted submit(const store::Store& store, const secrets::PersonalDataKey& key, Submission s,
                 const health::Calendar& calendar, std::string_view address, model::UnixTime now,
                 const Notices& notices = {});

// A person handling questions: the account, and its agency (agency answerers).
struct Handler {
  model::Actor actor;
  std::uint64_t agency = 0;
};

// The item when `h` may see it (an agency answerer: only its own agency's, however it asks);
// std::nullopt otherwise or when there is none.
std::optional<model::Question> load_for(const store::Txn& txn, const store::Tables& t, std::uint64_t id,
                                        const Handler& h);
// The queue `h` sees, newest first: everything for the data centre and the board; for an agency answerer
// only what the store's agency index holds for its agency.
std::vector<model::Question> queue_for(const store::Txn& txn, const store::Tables& t, const Handler& h,
                                       std::size_t limit);

enum class Outcome { done, not_found, refused, invalid };
struct Result {
  Outcome outcome = Outcome::done;
  std::string message{};  // Vietnamese, for refused/invalid
};
// A handling step. `agency` is the agency chosen by an assignment (required for assign, ignored
// otherwise). The step's rule is model::check_question_step.
// Its notices (question_notices.hpp) are queued in the same transaction.
Result take_step(const store::Store& store, std::uint64_t id, model::QuestionStep step, std::string_view reason,
                 std::uint64_t agency, const Handler& h, model::UnixTime now, const Notices& notices = {});
// The agency saves its draft answer (assigned items of its agency; answered ones sent back are assigned).
Result save_answer(const store::Store& store, std::uint64_t id, std::string_view answer, const Handler& h,
                   model::UnixTime now);
// An internal note (never public, never sent to the citizen), by anyone who may see the item.
Result add_note(const store::Store& store, std::uint64_t id, std::string_view text, const Handler& h,
                model::UnixTime now);
// The citizen's contacts and own words, for a handler who may see the item; the view is audited (in its
// own transaction, before returning). std::nullopt when not allowed, erased, or the key does not open it.
std::optional<model::QuestionPrivate> reveal_private(const store::Store& store, const secrets::PersonalDataKey& key,
                                                     std::uint64_t id, const Handler& h, model::UnixTime now);
// The sealed part opened without an audit entry (the system's own use: notices to the citizen).
std::optional<model::QuestionPrivate> open_private(const secrets::PersonalDataKey& key, const model::Question& q);

// Items whose answer is still owed, and those of them past their due day (for /metrics).
struct OpenCounts {
  std::size_t open = 0;
  std::size_t overdue = 0;
};
OpenCounts count_open(const store::Txn& txn, const store::Tables& t, std::int32_t today);

// Retention: erases the personal data of items published or closed more than retention_days ago (the
// masked question and the answer stay). Returns how many were erased; each gets an audit entry.
std::size_t erase_expired(const store::Store& store, model::UnixTime now);

// The data centre's settings (fields, deadlines, retention), with an audit entry; refused (nothing
// written) for an actor without manage-question-settings.
Result save_settings(const store::Store& store, const model::QuestionSettings& s, const model::Actor& actor,
                     model::UnixTime now);

// What /hoi-dap/tra-cuu shows for a tracking code: the state and dates, and the official answer once the
// board approved it. Never the contacts or the question.
struct Status {
  model::QuestionState state = model::QuestionState::received;
  model::UnixTime received_at = 0;
  std::int32_t due_day = 0;
  bool overdue = false;
  std::string agency{};  // the agency's name when one handles it
  std::string answer{};  // approved, published, or closed after approval
  model::UnixTime answered_at = 0;
  std::uint64_t published_id = 0;  // the public page's id when published
  std::uint64_t dialogue_id = 0;   // asked for this online dialogue, 0 = none
};
std::optional<Status> status_by_code(const store::Txn& txn, const store::Tables& t, std::string_view typed_code,
                                     std::int32_t today);

}  // namespace portald::questions
