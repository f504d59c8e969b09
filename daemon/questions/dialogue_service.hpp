#pragma once
// The writes of online dialogues (issue 12, Quy chế Điều 5.5), each in ONE write transaction with its
// audit entry: scheduling and editing an event, its steps (start, end, cancel), and the moderation of its
// questions (accept for display, reject, type the official's answer). Questions arrive through the
// ordinary form (question_service.hpp, Submission::dialogue_id); they never enter the agencies' queues,
// and when one is rejected or its dialogue is over, the question record is closed so retention erases
// the citizen's contacts like any other's. A refusal writes nothing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/actor.hpp"
#include "daemon/model/dialogue.hpp"
#include "daemon/store/store.hpp"

namespace portald::questions {

// What the admin form posts; the service cleans (NFC, trimmed) and checks it.
struct DialogueFields {
  std::string title{};
  std::uint64_t agency_id = 0;
  std::string officials{};  // one per line
  model::UnixTime starts_at = 0;
  model::UnixTime ends_at = 0;
  std::string description{};
  std::string stream_url{};
};

enum class DialogueOutcome { done, not_found, refused, invalid };
struct DialogueResult {
  DialogueOutcome outcome = DialogueOutcome::done;
  std::vector<std::string> errors{};  // Vietnamese, for refused/invalid
  std::uint64_t id = 0;               // the dialogue saved
};

// Creates (id 0) or edits a dialogue. The stream URL must be on the site's embed_origins allow-list at
// the time of saving (model::check_dialogue); the agency must exist. Refused without manage_dialogues.
DialogueResult save_dialogue(const store::Store& store, std::uint64_t id, const DialogueFields& f,
                             const model::Actor& actor, model::UnixTime now);
// Start, end or cancel. Ending or cancelling closes the dialogue's questions still open.
DialogueResult dialogue_step(const store::Store& store, std::uint64_t id, model::DialogueStep step,
                             const model::Actor& actor, model::UnixTime now);
// Accept or reject a question of the dialogue, or save the answer to an accepted one (`official`: one of
// the dialogue's officials; `answer`: plain text, empty clears it).
DialogueResult moderate(const store::Store& store, std::uint64_t dialogue, std::uint64_t question,
                        model::DialogueModeration m, std::string_view official, std::string_view answer,
                        const model::Actor& actor, model::UnixTime now);

}  // namespace portald::questions
