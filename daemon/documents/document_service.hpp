#pragma once
// The legal-document writes people cause in the admin (issue 14), each in ONE write transaction: check
// the rule, write the record (store::put_document appends its change-log entry, so the search index, the
// page cache and the sitemap follow), the workflow state, the revision and the audit entry, and commit
// only when all of it is done. A refusal leaves the store untouched.
//
// Documents take the articles' workflow (model/workflow.hpp) and permissions (model/permissions.hpp):
// authors (write-article) draft and submit their own, the secretariat (edit-any-article) edits any and
// sends it on, the board (those who may approve: the editor-in-chief and the deputy) approves, returns,
// withdraws and marks validity. Documents are not scheduled: their effective date says when they apply.
// Imported documents (portaldctl import documents) are published records with no state until someone
// edits them here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/editorial/editorial.hpp"
#include "daemon/model/actor.hpp"
#include "daemon/model/document_editorial.hpp"
#include "daemon/model/workflow.hpp"
#include "daemon/store/store.hpp"

namespace portald::documents {

using Actor = model::Actor;
using editorial::Outcome;
using editorial::SaveRefusal;
using editorial::SaveResult;
using editorial::TransitionResult;

struct Item {
  model::LegalDocument record;  // what readers see while it is live
  model::DocumentState state;   // synthesised from the record for a document never handled here
  model::DocumentContent work;  // the version under work (== the record's unless a revision is pending)
  bool live = false;            // the record is published or withdrawn: edits go to a pending revision
};

// std::nullopt when there is no such document.
std::optional<Item> load_item(const store::Txn& txn, const store::Tables& t, std::uint64_t id);
// When the version under work was saved (the record's updated_at for a document never edited here).
model::UnixTime work_saved_at(const store::Txn& txn, const store::Tables& t, const Item& item);
// May `actor` open this document in the admin (their own, or any with edit-any-article)?
bool may_view(const Item& item, const Actor& actor);
// May `actor` change its content now (as for articles: editors always, authors while it is their draft
// or returned to them)?
bool may_edit(const Item& item, const Actor& actor);
// True for the board: those who may approve (and so withdraw and mark validity).
bool is_board(const Actor& actor);
// The workflow steps `actor` may take on `item` now, for its buttons.
std::vector<model::Transition> transitions_for(const Item& item, const Actor& actor);
// Vietnamese label of a step on a document ("Duyệt và công bố", "Gỡ văn bản").
std::string_view transition_label(model::Transition t);
// Vietnamese message for a refused step on a document.
std::string_view refusal_message(model::TransitionRefusal r);

// --- saving a version ----------------------------------------------------------------------------------
// A file sent with the form, stored (media::store_upload) with the save that carries it.
struct Upload {
  std::string file_name;
  std::string bytes;
};
// One entry of the attachment list a form posts, in order: an item of the media library (a current
// attachment kept, or one picked from the library), or a new file when media_id is 0.
struct AttachmentPick {
  std::uint64_t media_id = 0;
  Upload upload{};
};
// What an editor posts: the fields (content.attachments is ignored) and the attachment list.
struct Posted {
  model::DocumentContent content;
  std::vector<AttachmentPick> attachments;
};

// May `actor` attach the existing media item `media_id` to the document `self` (std::nullopt: a new one)?
// Yes when it is attached to it already, in public use, uploaded by the actor, or the actor sees every
// file (preview-any, as the media library).
bool may_pick_media(const store::Txn& txn, const store::Tables& t, const std::optional<Item>& self,
                    std::uint64_t media_id, const Actor& actor);

// The rules of a save, checked against the store: model::check_document_content (text normalised in
// place), no other document (not withdrawn) with the same number from the same issuing body, every
// picked media item present and may_pick_media, every upload accepted by media::check_upload. Fills content.attachments
// (uploads with media_id 0). Returns what to correct (Vietnamese); empty when it may be saved.
std::vector<std::string> check_posted(const store::Txn& txn, const store::Tables& t, std::uint64_t self, Posted& p,
                                      const Actor& actor, std::int32_t today);

// Checks and saves a new version (id 0 = a new document, a draft of the actor's). Editing a live document
// starts a pending draft; the live record stays online until it is approved. Saving exactly the version
// under work writes nothing (SaveResult::revision is that version). With base_revision (the version the
// form was opened on), a save that would replace someone else's newer version is refused with
// SaveRefusal::conflict carrying the current work revision. SaveRefusal::invalid carries the errors.
SaveResult save_document(const store::Store& store, std::uint64_t id, Posted posted, const Actor& actor,
                         model::UnixTime now, std::optional<std::uint32_t> base_revision = std::nullopt);

struct SaveTransitionResult {
  SaveResult save;                // refusal != none: nothing written
  TransitionResult transition{};  // outcome != done: nothing written
};
// A workflow button of the edit form: the posted version is saved (save_document's rules) and the step
// taken, in one transaction; either both happen or nothing is written. A withdrawal is taken first, so
// edits to a published document become a pending draft of the withdrawn one.
SaveTransitionResult save_and_transition(const store::Store& store, std::uint64_t id, Posted posted,
                                         std::optional<std::uint32_t> base_revision, model::Transition tr,
                                         const Actor& actor, std::string_view reason, model::UnixTime now);
// A workflow step on its own (a reason of at most 2000 characters; Outcome::invalid otherwise).
TransitionResult transition_document(const store::Store& store, std::uint64_t id, model::Transition tr,
                                     const Actor& actor, std::string_view reason, model::UnixTime now);
// Copies revision n into a new version under work. Returns its number; std::nullopt (nothing written)
// when the document or revision is missing or the actor may not edit it.
std::optional<std::uint32_t> restore_revision(const store::Store& store, std::uint64_t id, std::uint32_t n,
                                              const Actor& actor, model::UnixTime now);

// --- validity marks: the board, on a published document, at once ----------------------------------------
enum class MarkRefusal { none, not_found, not_allowed, invalid };
struct MarkResult {
  MarkRefusal refusal = MarkRefusal::none;
  std::string error{};      // MarkRefusal::invalid: what to correct (Vietnamese)
  std::uint64_t other = 0;  // mark_replaced, clear_replacement: the replacing document
};
// Hết hiệu lực: the document's expiry date becomes `on` (not before its issue or effective date) and
// `note` (at most 1000 characters) is shown to readers. The version under work takes the date too, so a
// later approval keeps it.
MarkResult mark_expired(const store::Store& store, std::uint64_t id, std::int32_t on, std::string note,
                        const Actor& actor, model::UnixTime now);
// Thay thế bởi: `by` names another published document, by its number (one match) or its id. Both records
// keep the link (replaced_by, replaces) and both public pages show it. The document expires on `on`, or
// when 0 on the replacing document's effective date (its issue date when it has none), unless it
// already expired earlier.
MarkResult mark_replaced(const store::Store& store, std::uint64_t id, std::string_view by, std::int32_t on,
                         const Actor& actor, model::UnixTime now);
// Removes the replacement link from both documents; the expiry date stays (an edit changes it).
MarkResult clear_replacement(const store::Store& store, std::uint64_t id, const Actor& actor, model::UnixTime now);

}  // namespace portald::documents
