// portaldctl reindex: rebuilds the search index from LMDB into a fresh directory beside the live one
// and switches to it atomically (search/index_layout.hpp), so it may run beside portald: searches
// keep answering from the old index, and portald follows the new one from its snapshot's change-log
// position at its next poll, which also applies what changed during the rebuild.
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

#include "daemon/cli/command.hpp"
#include "search/index_layout.hpp"
#include "search/index_writer.hpp"
#include "search/schema.hpp"
#include "search/shard_layout.hpp"

namespace portald::cli {
namespace {

constexpr int kBarWidth = 30;

class ProgressBar {
 public:
  ProgressBar(bool on, std::ostream& err) : on_(on), err_(err) {}
  void update(std::size_t done, std::size_t total) {
    if (!on_ || total == 0) return;
    const int pct = static_cast<int>(100 * done / total);
    if (pct == last_) return;
    last_ = pct;
    const int filled = pct * kBarWidth / 100;
    err_ << "\rreindex [" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(kBarWidth - filled), ' ') << "] " << pct << "% (" << done << "/"
         << total << ")" << std::flush;
  }
  void done() {
    if (on_ && last_ >= 0) err_ << '\n';
  }

 private:
  bool on_;
  std::ostream& err_;
  int last_ = -1;
};

// Whether a running portald has the index open for writing (it holds Xapian's lock while it follows).
bool index_in_use(const std::filesystem::path& dir) {
  try {
    // portald opens every shard for writing: its lock on the first says enough.
    const auto shards = search::shard_dirs(dir);
    if (shards.empty()) return false;
    Xapian::WritableDatabase probe(shards.front().string(), Xapian::DB_OPEN);
    probe.close();
    return false;
  } catch (const Xapian::DatabaseLockError&) {
    return true;
  } catch (const Xapian::Error&) {
    return false;  // unreadable: nothing can be using it
  } catch (const std::runtime_error&) {
    return false;  // a stub portald did not write: nothing can be using it
  }
}

}  // namespace

int cmd_reindex(CommandContext& c) {
  const auto threads_arg = take_option(c.args, "--threads");
  if (!c.args.empty()) {
    c.err << "reindex: unexpected argument '" << c.args.front() << "'\n";
    return 2;
  }
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  if (threads_arg) {
    try {
      threads = static_cast<unsigned>(std::stoul(*threads_arg));
    } catch (const std::exception&) {
      threads = 0;
    }
    if (threads < 1 || threads > 64) {
      c.err << "reindex: --threads must be a number from 1 to 64\n";
      return 2;
    }
  }
  const store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  const auto root = search::index_dir(c.config.data_dir);
  const search::RebuildLock lock(root);
  if (!lock.held()) {
    c.err << "reindex: the search index " << root.string()
          << " is already being rebuilt (by portald itself or another portaldctl reindex); searches keep "
             "answering meanwhile. Run reindex again once that rebuild has finished if you still need to.\n";
    return 1;
  }
  search::remove_leftovers(root);  // directories of interrupted rebuilds
  const auto fresh = search::fresh_index_dir(root);
  std::optional<search::IndexWriter> writer;
  writer.emplace(fresh, search::IndexWriter::Mode::overwrite, search::shard_count(c.config.search_shards));
  ProgressBar bar(c.terminal, c.err);
  search::RebuildOptions options;
  options.threads = threads;
  options.phrase_pairs = c.config.search_phrase_pairs == "on";
  options.progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
  const search::RebuildReport r = writer->rebuild(store, options);
  bar.done();
  const unsigned writer_shards = writer->shards();
  writer.reset();  // close before the switch: portald opens it for writing next
  if (!r.completed) {
    search::remove_index(root, fresh);
    c.err << "reindex: the rebuild did not finish; the live index is unchanged\n";
    return 1;
  }
  // Without portald the old index can go now; with it, portald removes it once no search reads it.
  // Asked before the switch: after it, the old layout's root opens the new index through the stub.
  const auto previous = search::live_index(root);
  const bool previous_in_use = previous && index_in_use(*previous);
  search::switch_live_index(root, fresh);
  if (previous && !previous_in_use) search::remove_index(root, *previous);
  const double secs = std::max(r.elapsed.count(), 1e-3);
  c.out << "search index rebuilt in " << fresh.string() << ": " << r.articles << " articles, " << r.documents
        << " documents, " << r.others << " section pages, topics and questions in "
        << static_cast<long>(secs * 10) / 10.0 << " s ("
        << static_cast<long>(double(r.articles + r.documents + r.others) / secs) << " items/s, " << writer_shards
        << (writer_shards == 1 ? " shard" : " shards") << "); "
        << "a running portald switches to it within a second\n";
  return 0;
}

}  // namespace portald::cli
