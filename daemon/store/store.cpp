#include "daemon/store/store.hpp"

#include <system_error>

#include "daemon/store/data_dir.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_use_table.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

MDB_dbi open_table(MDB_txn* txn, const char* name) {
  MDB_dbi dbi = 0;
  check(mdb_dbi_open(txn, name, MDB_CREATE, &dbi), name);
  return dbi;
}

Tables open_tables(MDB_txn* txn) {
  Tables t{};
  t.meta = open_table(txn, "meta");
  t.settings = open_table(txn, "settings");
  t.categories = open_table(txn, "categories");
  t.category_names = open_table(txn, "category_names");
  t.agencies = open_table(txn, "agencies");
  t.agency_names = open_table(txn, "agency_names");
  t.users = open_table(txn, "users");
  t.articles = open_table(txn, "articles");
  t.article_sources = open_table(txn, "article_sources");
  t.articles_published = open_table(txn, "articles_published");
  t.articles_by_category = open_table(txn, "articles_by_category");
  t.documents = open_table(txn, "documents");
  t.document_sources = open_table(txn, "document_sources");
  t.documents_by_date = open_table(txn, "documents_by_date");
  t.media = open_table(txn, "media");
  t.changes = open_table(txn, "changes");
  t.pages = open_table(txn, "pages");
  t.page_slugs = open_table(txn, "page_slugs");
  t.topics = open_table(txn, "topics");
  t.topic_slugs = open_table(txn, "topic_slugs");
  t.sessions = open_table(txn, "sessions");
  t.editorial = open_table(txn, "editorial");
  t.revisions = open_table(txn, "revisions");
  t.audit = open_table(txn, "audit");
  t.drafts = open_table(txn, "drafts");
  t.login_failures = open_table(txn, "login_failures");
  t.document_editorial = open_table(txn, "document_editorial");
  t.document_revisions = open_table(txn, "document_revisions");
  t.page_revisions = open_table(txn, "page_revisions");
  t.media_uses = open_table(txn, "media_uses");
  t.questions = open_table(txn, "questions");
  t.question_codes = open_table(txn, "question_codes");
  t.questions_by_agency = open_table(txn, "questions_by_agency");
  t.questions_published = open_table(txn, "questions_published");
  t.mail_outbox = open_table(txn, "mail_outbox");
  t.media_variants = open_table(txn, "media_variants");
  t.visits = open_table(txn, "visits");
  t.royalty_grades = open_table(txn, "royalty_grades");
  t.royalty_sheets = open_table(txn, "royalty_sheets");
  t.question_files = open_table(txn, "question_files");
  t.dialogues = open_table(txn, "dialogues");
  t.dialogue_entries = open_table(txn, "dialogue_entries");
  t.article_notes = open_table(txn, "article_notes");
  t.board_changes = open_table(txn, "board_changes");
  t.commissions = open_table(txn, "commissions");
  t.commissions_open_by_due = open_table(txn, "commissions_open_by_due");
  t.intake_sources = open_table(txn, "intake_sources");
  t.intake_references = open_table(txn, "intake_references");
  return t;
}

}  // namespace

const std::vector<Migration>& migrations() {
  // Version 1 is the initial layout: the tables above, created on open. Later versions append steps
  // here; each runs in the same transaction that records its version, so an upgrade is all or nothing.
  static const std::vector<Migration> steps{
      {.to = 1, .what = "initial layout", .apply = [](WriteTxn&, const Tables&) {}},
      // Issue 16: files are public only while something published uses them, at an unguessable address.
      {.to = 2,
       .what = "media tokens and public uses",
       .apply =
           [](WriteTxn& txn, const Tables& t) {
             give_media_tokens(txn, t);
             rebuild_media_uses(txn, t);
           }},
  };
  return steps;
}

Store::Store(const std::filesystem::path& data_dir, const StoreOptions& options)
    : env_([&] {
        const DataDir layout(data_dir);
        const auto dir = layout.store_dir();
        std::error_code ec;
        if (!std::filesystem::exists(layout.store_file(), ec)) {
          if (!options.create)
            throw StoreError(
                "no store in " + data_dir.string() + " (run: portaldctl --data-dir " + data_dir.string() + " init)",
                MDB_NOTFOUND);
          std::filesystem::create_directories(dir, ec);
          if (ec) throw StoreError("cannot create " + dir.string() + " (" + ec.message() + ")", MDB_NOTFOUND);
        }
        return Env(dir, Env::Options{.map_size = options.map_size});
      }()) {
  stale_readers_ = env_.reader_check();
  // DBIs are opened once, in one transaction, then shared by every later transaction (lmdb.h).
  WriteTxn txn(env_);
  tables_ = open_tables(txn.get());
  const std::uint32_t found = stored_schema_version(txn, tables_).value_or(0);
  if (found > kSchemaVersion)
    throw StoreError("store schema " + std::to_string(found) + " is newer than this portald supports (" +
                         std::to_string(kSchemaVersion) + ")",
                     MDB_VERSION_MISMATCH);
  for (const auto& step : migrations())
    if (step.to > found) step.apply(txn, tables_);
  if (found != kSchemaVersion) put_schema_version(txn, tables_, kSchemaVersion);
  txn.commit();
}

std::uint32_t Store::schema_version() const {
  ReadTxn txn = read();
  return stored_schema_version(txn, tables_).value_or(0);
}

StoreUsage Store::usage() const {
  MDB_envinfo info{};
  MDB_stat st{};
  check(mdb_env_info(env_.get(), &info), "mdb_env_info");
  check(mdb_env_stat(env_.get(), &st), "mdb_env_stat");
  return StoreUsage{.map_size = info.me_mapsize,
                    .used_bytes = (info.me_last_pgno + 1) * st.ms_psize,
                    .readers_in_use = info.me_numreaders,
                    .max_readers = info.me_maxreaders};
}

std::optional<std::uint64_t> lookup_id(const Txn& txn, MDB_dbi index, std::string_view key) {
  const auto v = txn.get(index, key);
  return v ? std::optional(read_be64(*v)) : std::nullopt;
}

}  // namespace portald::store
