#pragma once
// The editorial workflow on top of the store: saving versions, taking transitions, restoring old
// versions, publishing what is due. Each function works inside the caller's write transaction and
// appends its audit entry there, so the change, the change log and the audit line commit together.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/mail/outbox.hpp"
#include "daemon/model/actor.hpp"
#include "daemon/model/editorial.hpp"
#include "daemon/model/embed_origin.hpp"
#include "daemon/model/user.hpp"
#include "daemon/model/workflow.hpp"
#include "daemon/store/store.hpp"

namespace portald::editorial {

using Actor = model::Actor;

struct Content {
  std::string title;
  std::string summary;
  std::string body_html;  // as posted; sanitised on save
  std::uint64_t category_id = 0;
  std::uint64_t agency_id = 0;
  std::string author;
  bool featured = false;
  model::ArticleExtras extras{};  // lead image, gallery, expiry, corrections (issue 14)
  // The version's topic slugs; std::nullopt = the article's current membership (a version saved before
  // topics were kept per version). Readers see a live article's new topics only once it is published.
  std::optional<std::vector<std::string>> topics{};
};

struct Item {
  model::Article article;       // the record (what readers see while live)
  model::EditorialState state;  // synthesised from the record for articles never opened in the admin
  Content work;                 // the version under work (== the record unless a revision is pending)
  bool live = false;            // the record is published or withdrawn: edits go to a pending revision
};

std::optional<Item> load_item(const store::Txn& txn, const store::Tables& t, std::uint64_t id);
// When the version under work was saved (the record's updated_at for an article never edited here).
model::UnixTime work_saved_at(const store::Txn& txn, const store::Tables& t, const Item& item);
// True when `a` and `b` hold the same content, bodies compared after sanitising `a` under `embeds`
// (b is as stored).
bool same_content(const Content& a, const Content& b, const model::EmbedPolicy& embeds = {});
// The topic slugs of the version under work: its own, else the article's current membership.
std::vector<std::string> topics_of_work(const store::Txn& txn, const store::Tables& t, const Item& item);
// May `actor` read this item (their own, or any with edit-any-article)?
bool may_view(const Item& item, const Actor& actor);
// May `actor` change its content now?
bool may_edit(const Item& item, const Actor& actor);

// conflict: someone saved the article after the version the editor was based on (article_service.hpp).
enum class SaveRefusal { none, not_found, not_allowed, invalid, conflict };
struct SaveResult {
  SaveRefusal refusal = SaveRefusal::none;
  std::uint64_t id = 0;
  std::uint32_t revision = 0;         // the new version; SaveRefusal::conflict: the current work revision
  std::vector<std::string> errors{};  // SaveRefusal::invalid: what to correct (Vietnamese), one per problem
};
// Saves a new version (id 0 = a new article). Editing a live article starts a pending draft; the live
// record stays online until that draft is approved.
SaveResult save_content(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, Content content,
                        const Actor& actor, model::UnixTime now);

// A new article straight in state submitted, with no account behind it: an item sent from outside
// through the public intake form (issue 16, Điều 8.1), for the board's queue. The body is sanitised; the
// audit entry is article.intake, by nobody, from `address`, with `reason`. The caller checks the content
// first (check_content). Returns the new article's id.
std::uint64_t create_submitted(store::WriteTxn& txn, const store::Tables& t, Content content, std::string_view address,
                               std::string_view reason, model::UnixTime now);

enum class Outcome { done, not_found, refused, invalid };
struct TransitionResult {
  Outcome outcome = Outcome::done;
  model::TransitionRefusal refusal = model::TransitionRefusal::none;
  model::ArticleStatus from = model::ArticleStatus::draft;
  model::ArticleStatus to = model::ArticleStatus::draft;
  std::string error{};  // Outcome::invalid: what to correct (Vietnamese)
};
// Takes a transition for `actor`. scheduled_at is used by Transition::schedule (must be in the future).
// A return, approval, scheduled publication or withdrawal queues the author's notice in `txn` through
// `outbox` (author_notice.hpp; nothing when mail is off).
TransitionResult take_transition(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, model::Transition tr,
                                 const Actor& actor, std::string_view reason, model::UnixTime scheduled_at,
                                 model::UnixTime now, const mail::Outbox& outbox = {});
// --- the thread between the board and the provider (issue 16, Điều 8.2) -----------------------------
// ask_clarification and answer_clarification above write their reason as a note of the thread too.
enum class NoteOutcome { added, not_found, invalid };
struct NoteResult {
  NoteOutcome outcome = NoteOutcome::added;
  std::uint32_t seq = 0;  // NoteOutcome::added: the note's place in the thread
  std::string error{};    // NoteOutcome::invalid: what to correct (Vietnamese)
};
// Adds a plain note (model::clean_note_text) by `actor` with its audit entry (article.note, the text as
// the reason). not_found when the article is missing or the actor may not view it (may_view).
NoteResult add_note(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, std::string_view text,
                    const Actor& actor, model::UnixTime now);

// Copies revision n into a new revision and makes it the draft under work. Returns the new number,
// std::nullopt when the article or revision is missing or the actor may not edit.
std::optional<std::uint32_t> restore_revision(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id,
                                              std::uint32_t n, const Actor& actor, model::UnixTime now);
// Withdraws every published article whose expiry time (extras.unpublish_at) has come, as the system,
// with audit entry article.unpublish-scheduled; returns how many.
std::size_t unpublish_due(store::WriteTxn& txn, const store::Tables& t, model::UnixTime now);
// True when some published article's expiry time has come (a read-only look before taking the writer).
bool unpublish_is_due(const store::Txn& txn, const store::Tables& t, model::UnixTime now);
// The corrections `content` should carry when it replaces a live article's version: every correction
// readers have seen (`published`), in order, then the ones not yet published that `content` has. A
// correction once shown is never dropped or replaced by a later save.
std::vector<model::Correction> keep_published_corrections(const std::vector<model::Correction>& published,
                                                          const std::vector<model::Correction>& content);
// Publishes every scheduled item whose time has come; returns how many.
std::size_t publish_due(store::WriteTxn& txn, const store::Tables& t, model::UnixTime now,
                        const mail::Outbox& outbox = {});

}  // namespace portald::editorial
