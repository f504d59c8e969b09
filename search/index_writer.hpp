#pragma once
// The one Xapian writer of the index (move-only RAII over WritableDatabase): opens or recreates the
// database, rebuilds it from an LMDB snapshot, and follows the change log. The change-log cursor is
// kept in the database's metadata and committed together with the documents, so a crash at any point
// replays from the last commit: nothing is skipped, and replays are idempotent (replace by id term).
#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "daemon/store/store.hpp"

namespace portald::search {

// Another process (a running portald, or portaldctl reindex) holds the index's write lock.
class IndexLocked : public std::runtime_error {
  using runtime_error::runtime_error;
};

struct RebuildOptions {
  unsigned threads = 1;       // document-building workers besides the writer
  bool phrase_pairs = false;  // every two adjacent words as a term too (search-phrase-pairs)
  // Xapian keeps uncommitted postings in maps whose lookups grow costly with the batch; measured on
  // the sample corpus, 500 documents per commit indexes about twice as fast as 5,000 or 10,000.
  std::size_t commit_every = 500;
  std::function<void(std::size_t done, std::size_t total)> progress;  // on the writer thread
  std::function<bool()> stop;  // polled; true abandons the rebuild (the index stays "building")
};

struct RebuildReport {
  bool completed = false;
  std::size_t articles = 0, documents = 0, others = 0;  // others: section pages, topics, questions
  std::uint64_t cursor = 0;
  std::chrono::duration<double> elapsed{};
};

class IndexWriter {
 public:
  enum class Mode { open_or_create, overwrite };
  // Creates the directory when needed. Throws IndexLocked, or Xapian::DatabaseError when the existing
  // database cannot be opened (corrupt, unknown format: reopen with Mode::overwrite).
  IndexWriter(const std::filesystem::path& dir, Mode mode);
  // Not movable: Xapian handles are shared references, and the destructor closes the database.
  IndexWriter(IndexWriter&&) = delete;
  IndexWriter& operator=(IndexWriter&&) = delete;
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;
  ~IndexWriter();

  // Why the index cannot simply be followed from its cursor (wrong format, unfinished rebuild, a
  // different or restored store), or std::nullopt when it can.
  std::optional<std::string> needs_rebuild(const store::Txn& txn, const store::Tables& t) const;
  std::uint64_t cursor() const;
  // Whether a rebuild of some format finished in this index, so it can answer searches while it waits
  // to be replaced.
  bool complete() const;
  // Whether every document holds phrase pairs (the rebuild that made it was asked for them); follow()
  // keeps to what the index holds.
  bool phrase_pairs() const;

  // Empties the index and indexes every published article, every document, section page, topic and
  // published citizen's question of one LMDB snapshot;
  // the cursor becomes that snapshot's change-log head. Commits (state "ready") when completed.
  RebuildReport rebuild(const store::Store& store, const RebuildOptions& options);

  // Applies up to `limit` change-log entries after the cursor and commits them with the new cursor.
  // Returns how many entries were applied (0: up to date).
  std::size_t follow(const store::Store& store, std::size_t limit, unsigned threads, const std::function<bool()>& stop);

  Xapian::WritableDatabase& database() { return db_; }

 private:
  Xapian::WritableDatabase db_;
  std::map<std::string, std::string> names_written_;  // filter display names already in the metadata
};

}  // namespace portald::search
