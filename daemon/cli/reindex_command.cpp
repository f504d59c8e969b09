// portaldctl reindex: rebuilds the search index from LMDB while portald is stopped. The index is
// derived and disposable; a running portald rebuilds it by itself when it is missing or stale, and
// holds its write lock, so this command refuses to run beside it.
#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

#include "daemon/cli/command.hpp"
#include "search/index_writer.hpp"
#include "search/schema.hpp"

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
  const auto dir = search::index_dir(c.config.data_dir);
  std::optional<search::IndexWriter> writer;
  try {
    writer.emplace(dir, search::IndexWriter::Mode::overwrite);
  } catch (const search::IndexLocked&) {
    c.err << "reindex: the search index " << dir.string()
          << " is in use (a running portald holds its write lock).\n"
             "portald rebuilds the index by itself when it is missing or stale; to rebuild it from the command "
             "line, stop portald first (systemctl stop portald), run reindex, then start it again.\n";
    return 1;
  }
  ProgressBar bar(c.terminal, c.err);
  search::RebuildOptions options;
  options.threads = threads;
  options.progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
  const search::RebuildReport r = writer->rebuild(store, options);
  bar.done();
  writer.reset();  // close: releases the lock before we report success
  const double secs = std::max(r.elapsed.count(), 1e-3);
  c.out << "search index rebuilt in " << dir.string() << ": " << r.articles << " articles, " << r.documents
        << " documents, " << r.others << " section pages, topics and questions in "
        << static_cast<long>(secs * 10) / 10.0 << " s ("
        << static_cast<long>(double(r.articles + r.documents + r.others) / secs) << " items/s)\n";
  return r.completed ? 0 : 1;
}

}  // namespace portald::cli
