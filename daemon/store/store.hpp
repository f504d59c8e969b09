#pragma once
// The one LMDB environment of a process: its named tables, schema version and migrations.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "daemon/store/lmdb.hpp"

namespace portald::store {

// Named tables ("one table per entity", plus the secondary indexes each entity keeps).
struct Tables {
  MDB_dbi meta;                  // schema version, id counters, backup state (meta_table.hpp)
  MDB_dbi settings;              // "site" -> SiteSettings
  MDB_dbi categories;            // be64(id) -> Category
  MDB_dbi category_names;        // fold(name) -> be64(id)
  MDB_dbi agencies;              // be64(id) -> Agency
  MDB_dbi agency_names;          // fold(name) -> be64(id)
  MDB_dbi users;                 // username -> User
  MDB_dbi articles;              // be64(id) -> Article
  MDB_dbi article_sources;       // source id -> be64(id)
  MDB_dbi articles_published;    // time_key(published_at) + be64(id) -> "" (published only)
  MDB_dbi articles_by_category;  // be64(category) + time_key + be64(id) -> "" (published only)
  MDB_dbi documents;             // be64(id) -> LegalDocument
  MDB_dbi document_sources;      // source id -> be64(id)
  MDB_dbi documents_by_date;     // time_key(issued_on) + be64(id) -> ""
  MDB_dbi media;                 // be64(id) -> Media
  MDB_dbi changes;               // be64(seq) -> Change (the change log)
  MDB_dbi pages;                 // be64(id) -> SitePage (editable section pages)
  MDB_dbi page_slugs;            // lang + "/" + slug -> be64(id)
  MDB_dbi topics;                // be64(id) -> Topic (chuyên đề)
  MDB_dbi topic_slugs;           // slug -> be64(id)
  // Admin (issue 4). New tables need no migration: open creates them, old records are untouched.
  MDB_dbi sessions;   // BLAKE2b(token) -> Session (the token itself is never stored)
  MDB_dbi editorial;  // be64(article id) -> EditorialState (workflow state, author, reason)
  MDB_dbi revisions;  // be64(article id) + be32(n) -> Revision (every saved version)
  MDB_dbi audit;      // be64(seq) -> AuditEntry (append-only)
  // Issue 15: the editors' private autosaves, one per article and user (draft_table.hpp).
  MDB_dbi drafts;  // be64(article id) + username -> Draft
  // Issue 16: failed logins survive a restart (login_failure_table.hpp).
  MDB_dbi login_failures;  // "a:" account | "i:" address -> be64 failure times
  // Issue 14: legal documents in the admin (document_editorial_table.hpp).
  MDB_dbi document_editorial;  // be64(document id) -> DocumentState
  MDB_dbi document_revisions;  // be64(document id) + be32(n) -> DocumentRevision
  // Issue 14: every saved version of the section pages, pending ones included (page_table.hpp).
  MDB_dbi page_revisions;  // be64(page id) + be32(n) -> PageRevision
  // Issue 16: the media files something published links to (media_use_table.hpp).
  MDB_dbi media_uses;  // be64(media id) + kind + be64(id of the user) -> ""
  // Issue 12: citizens' questions (question_table.hpp).
  MDB_dbi questions;            // be64(id) -> Question
  MDB_dbi question_codes;       // tracking code -> be64(id)
  MDB_dbi questions_by_agency;  // be64(agency) + be64(id) -> "" (the agency's queue; the store enforces it)
  MDB_dbi questions_published;  // time_key(published_at) + be64(id) -> "" (published only)
  // E-mail (issues 12, 16): notices waiting for delivery, each sealed whole (mail_outbox_table.hpp).
  MDB_dbi mail_outbox;  // be64(id) -> OutboxEntry
  // Issue 14: the public copies of images, stripped and resized (media_variant_table.hpp).
  MDB_dbi media_variants;  // be64(media id) + be32(width, 0 = full size) -> ImageVariant
  // Issue 13: page views per kind, Vietnam day and object, figures only (visit_table.hpp).
  MDB_dbi visits;  // kind + be32(day) + be64(id) -> be64 views
  // Issue 13: royalties (royalty_table.hpp); the rates live in `settings` under "royalty".
  MDB_dbi royalty_grades;  // be64(article id) -> RoyaltyGrade
  MDB_dbi royalty_sheets;  // be32(yyyymm) -> RoyaltySheet (a locked one is never rewritten)
  // Issue 12: the files citizens attach to questions, each sealed (question_file_table.hpp).
  MDB_dbi question_files;  // be64(question id) + be8(n) -> sealed name and bytes
  // Issue 12, Điều 5.5: online dialogues and their questions' moderation (dialogue_table.hpp).
  MDB_dbi dialogues;         // be64(id) -> Dialogue
  MDB_dbi dialogue_entries;  // be64(dialogue id) + be64(question id) -> DialogueEntry
  // Issue 16, Điều 8.2: the thread between the board and an article's provider (article_note_table.hpp).
  MDB_dbi article_notes;  // be64(article id) + be32(seq) -> ArticleNote
  // Issue 16, Điều 6.1a: changes of the board's membership waiting for it (board_change_table.hpp).
  MDB_dbi board_changes;  // username -> BoardChange
  // Issue 16, Điều 6.1c-d: the board's commissions to agencies and reporters (commission_table.hpp).
  MDB_dbi commissions;              // be64(id) -> Commission
  MDB_dbi commissions_open_by_due;  // be32(due day) + be64(id) -> "" (open ones only)
  // Issue 16, Điều 8.1: news sent through the public intake form, sender sealed (intake_table.hpp).
  MDB_dbi intake_sources;     // be64(article id) -> IntakeSource
  MDB_dbi intake_references;  // reference code -> be64(article id)
};

inline constexpr std::uint32_t kSchemaVersion = 2;

struct StoreOptions {
  std::size_t map_size = std::size_t(32) << 30;
  bool create = false;  // create the environment when absent (portaldctl init)
};

struct StoreUsage {
  std::size_t map_size = 0;
  std::size_t used_bytes = 0;
  unsigned readers_in_use = 0;
  unsigned max_readers = 0;
  double used_ratio() const { return map_size ? double(used_bytes) / double(map_size) : 0.0; }
};

// One migration step: brings schema from `to - 1` to `to` inside the caller's transaction.
struct Migration {
  std::uint32_t to;
  const char* what;
  std::function<void(WriteTxn&, const Tables&)> apply;
};
const std::vector<Migration>& migrations();

class Store {
 public:
  // Opens the environment in data_dir (DataDir::store_dir). Runs pending migrations in one write transaction.
  // Throws StoreError with a one-line reason: missing and !create, not initialised, schema too new, ...
  Store(const std::filesystem::path& data_dir, const StoreOptions& options);

  ReadTxn read() const { return ReadTxn(env_); }
  WriteTxn write() const { return WriteTxn(env_); }
  const Tables& tables() const { return tables_; }
  const Env& env() const { return env_; }
  Env& env() { return env_; }
  std::uint32_t schema_version() const;
  StoreUsage usage() const;
  // Stale reader slots cleared at open (mdb_reader_check).
  int stale_readers_cleared() const { return stale_readers_; }

 private:
  Env env_;
  Tables tables_{};
  int stale_readers_ = 0;
};

// The id an index table maps `key` to (values are be64 ids), std::nullopt when absent.
std::optional<std::uint64_t> lookup_id(const Txn& txn, MDB_dbi index, std::string_view key);

}  // namespace portald::store
