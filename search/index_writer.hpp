#pragma once
// The one writer of the index (RAII over one WritableDatabase per shard, shard_layout.hpp): opens or
// recreates the database, rebuilds it from an LMDB snapshot with one writer thread per shard, and follows
// the change log. The change-log cursor is kept in shard 0's metadata and committed after the other
// shards, so a crash at any point replays from the last commit: nothing is skipped, and replays are
// idempotent (replace by id term, in the item's own shard).
#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

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
  // Creates the directory when needed. `shards` applies to a new index (Mode::overwrite, or a directory
  // without one); an existing index keeps its own. Mode::overwrite is meant for a fresh directory.
  // Throws IndexLocked, or Xapian::DatabaseError when the existing database cannot be opened (corrupt,
  // unknown format, a shard missing: reopen with Mode::overwrite).
  IndexWriter(const std::filesystem::path& dir, Mode mode, unsigned shards = 1);
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
  unsigned shards() const { return static_cast<unsigned>(shards_.size()); }
  Xapian::doccount doc_count() const;

  // Empties the index and indexes every published article, every document, section page, topic and
  // published citizen's question of one LMDB snapshot;
  // the cursor becomes that snapshot's change-log head. Commits (state "ready") when completed.
  RebuildReport rebuild(const store::Store& store, const RebuildOptions& options);

  // Applies up to `limit` change-log entries after the cursor and commits them with the new cursor.
  // Returns how many entries were applied (0: up to date).
  std::size_t follow(const store::Store& store, std::size_t limit, unsigned threads, const std::function<bool()>& stop);

  // Shard 0: the index's metadata, and every document when there is one shard.
  Xapian::WritableDatabase& database() { return shards_.front(); }

 private:
  // Commits every shard, shard 0 (which holds the cursor) last.
  void commit_all();

  std::vector<Xapian::WritableDatabase> shards_;
  std::map<std::string, std::string> names_written_;  // filter display names already in the metadata
};

}  // namespace portald::search
