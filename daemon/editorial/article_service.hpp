#pragma once
// The article writes people cause (admin pages, API, portaldctl), each in one write transaction of its
// own: check the rule, write through editorial.hpp (audit entry, and the change log through the
// tables), commit only when the write was done. A refusal leaves the store untouched.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/editorial/editorial.hpp"
#include "daemon/store/store.hpp"

namespace portald::editorial {

// The content rules: NFC text (normalised in place), a title of at most 300 characters, a summary of at
// most 1000, an author of at most 200, a body, an existing category, an existing agency when one is
// chosen; the extras (check_extras). Returns what to correct (Vietnamese), one per problem; empty when
// the content may be saved.
std::vector<std::string> check_content(const store::Txn& txn, const store::Tables& t, Content& content,
                                       model::UnixTime now = model::now());
// The extras' rules (issue 14): a lead image and gallery pictures that are images of the library, each
// with alt text (at most 500 characters), captions of at most 1000, at most 60 gallery pictures, an
// expiry time in the future, corrections of at most 2000 characters. Appends what to correct.
void check_extras(const store::Txn& txn, const store::Tables& t, model::ArticleExtras& extras, model::UnixTime now,
                  std::vector<std::string>& errors);

// Checks the content, saves it as a new version (id 0 = a new article, see save_content) and makes the
// article a member of exactly the topics in topic_slugs. SaveRefusal::invalid carries the errors. With a
// base_revision (the work revision the editor opened), a save that would silently replace someone else's
// newer version is refused: when the work revision has moved past the base and the content differs
// from it, nothing is written and SaveRefusal::conflict carries the current work revision. A save drops
// the actor's autosave of the article.
SaveResult save_article(const store::Store& store, std::uint64_t id, Content content,
                        const std::vector<std::string>& topic_slugs, const Actor& actor, model::UnixTime now,
                        std::optional<std::uint32_t> base_revision = std::nullopt);

struct SaveTransitionResult {
  SaveResult save;                // refusal != none: nothing written; revision == 0: the content was unchanged
  TransitionResult transition{};  // taken only after a save or an unchanged content; outcome != done: nothing written
};
// A workflow button pressed in the editor: the posted content is saved as a new version when it (or its
// topics) differs from the version under work, under save_article's rules, and the transition is taken
// (transition_article's rules), in ONE write transaction: either both happen or nothing is written. A
// withdrawal is taken first, so edits to a published article become a pending draft of the withdrawn one.
SaveTransitionResult save_and_transition(const store::Store& store, std::uint64_t id, Content content,
                                         const std::vector<std::string>& topic_slugs,
                                         std::optional<std::uint32_t> base_revision, model::Transition tr,
                                         const Actor& actor, std::string_view reason, model::UnixTime scheduled_at,
                                         model::UnixTime now, const mail::Outbox& outbox = {});

// --- autosaves: private drafts, one per user and article -------------------------------------------
enum class DraftOutcome { kept, not_found, not_allowed };
// Keeps `content` (body sanitised) and its topics as the actor's autosave of article `id`, replacing the
// previous one; base_revision is the work revision the editor had open. Only someone who may edit the
// article now may keep one. Not audited: an autosave changes nothing anyone else sees, and a line per
// pause in typing would bury the log; the save that follows is audited as usual.
DraftOutcome autosave_article(const store::Store& store, std::uint64_t id, Content content,
                              std::vector<std::string> topic_slugs, std::uint32_t base_revision, const Actor& actor,
                              model::UnixTime now);
// The actor's autosave of article `id`; std::nullopt when there is none.
std::optional<model::Draft> draft_of(const store::Store& store, std::uint64_t id, const Actor& actor);
// Drops the actor's autosave of article `id`; false when there was none.
bool discard_draft(const store::Store& store, std::uint64_t id, const Actor& actor);

// take_transition in its own transaction, after the form rules: a schedule time in the future, a
// reason of at most 2000 characters (Outcome::invalid with the error otherwise). The author's notice
// (if any) is queued through `outbox` in the same transaction.
TransitionResult transition_article(const store::Store& store, std::uint64_t id, model::Transition tr,
                                    const Actor& actor, std::string_view reason, model::UnixTime scheduled_at,
                                    model::UnixTime now, const mail::Outbox& outbox = {});

// add_note (the thread between the board and the provider) in its own transaction: the note and its
// audit entry commit together; nothing is written on a refusal.
NoteResult post_article_note(const store::Store& store, std::uint64_t id, std::string_view text, const Actor& actor,
                             model::UnixTime now);

// restore_revision in its own transaction; std::nullopt (nothing written) as there.
std::optional<std::uint32_t> restore_article_revision(const store::Store& store, std::uint64_t id, std::uint32_t n,
                                                      const Actor& actor, model::UnixTime now);

}  // namespace portald::editorial
