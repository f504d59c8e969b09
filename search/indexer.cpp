#include "search/indexer.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

#include "daemon/log/log.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/lmdb.hpp"
#include "search/index_writer.hpp"

namespace portald::search {
namespace {

using namespace std::chrono_literals;

constexpr auto kLockRetry = 1s;
constexpr auto kMaxBackoff = 30s;
constexpr auto kStuckAfter = 120s;
// Indexing yields the CPU to HTTP workers: a rebuild must not slow the site down.
constexpr int kNice = 10;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Indexer::Options with_defaults(Indexer::Options o) {
  if (o.threads == 0) o.threads = std::max(1u, std::thread::hardware_concurrency());
  if (o.batch == 0) o.batch = 1;
  return o;
}

}  // namespace

Indexer::Indexer(const store::Store& store, std::filesystem::path dir, Options options)
    : store_(store), dir_(std::move(dir)), options_(with_defaults(options)), heartbeat_ms_(now_ms()), thread_([this] {
        run();
      }) {}

Indexer::~Indexer() {
  stop();
  if (thread_.joinable()) thread_.join();
}

void Indexer::stop() {
  stop_ = true;
  wake();
}

void Indexer::wake() {
  {
    std::lock_guard lock(wake_mutex_);
    woken_ = true;
  }
  wake_cv_.notify_all();
}

void Indexer::sleep_for(std::chrono::milliseconds d) {
  std::unique_lock lock(wake_mutex_);
  wake_cv_.wait_for(lock, d, [&] { return woken_ || stopping(); });
  woken_ = false;
}

void Indexer::beat() { heartbeat_ms_ = now_ms(); }

void Indexer::report_lag(std::uint64_t cursor) {
  if (!options_.report_lag) return;
  std::uint64_t head = 0;
  {
    const store::ReadTxn txn = store_.read();
    head = store::latest_change(txn, store_.tables());
  }
  lag_.observe(head, cursor, model::now());
  options_.report_lag(lag_.pending(), lag_.oldest_pending_at());
}

void Indexer::run() {
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kNice);
  while (!stopping()) {
    try {
      step();
      consecutive_failures_ = 0;
    } catch (const Xapian::DatabaseCorruptError& e) {
      log::error("search.index_corrupt", {{"reason", e.get_description()}, {"action", "rebuild"}});
      status_.ready = false;
      writer_.reset();
      overwrite_next_open_ = true;
    } catch (const std::exception& e) {
      failed(e.what());
    } catch (const Xapian::Error& e) {
      failed(e.get_description());
    }
    beat();
  }
  try {
    writer_.reset();
  } catch (...) {
  }
  status_.phase = IndexStatus::Phase::stopped;
  thread_exited_ = true;
}

void Indexer::failed(const std::string& reason) {
  // Disk full, I/O errors, LMDB trouble: keep serving what the index has and retry with backoff;
  // after a few failures start over from a fresh open.
  ++consecutive_failures_;
  status_.phase = IndexStatus::Phase::failed;
  log::error("search.indexer_failed", {{"reason", reason}, {"attempt", consecutive_failures_}});
  if (consecutive_failures_ >= 3) {
    try {
      writer_.reset();
    } catch (...) {
    }
  }
  sleep_for(std::min<std::chrono::milliseconds>(kMaxBackoff, 1s * (1u << std::min(consecutive_failures_, 5u))));
}

void Indexer::step() {
  if (!writer_) return open();
  if (need_rebuild_) return rebuild();
  status_.phase = IndexStatus::Phase::following;
  const std::size_t applied = writer_->follow(store_, options_.batch, options_.threads, [this] { return stopping(); });
  if (applied > 0) {
    status_.cursor = writer_->cursor();
    ++status_.generation;
    log::debug("search.followed", {{"changes", applied}, {"cursor", status_.cursor.load()}});
  }
  if (stopping()) return;  // an interrupted pass says nothing about the lag
  report_lag(status_.cursor);
  if (applied == 0) sleep_for(options_.poll);  // else maybe more: look again at once
}

void Indexer::open() {
  const bool overwrite = overwrite_next_open_;
  try {
    writer_ = std::make_unique<IndexWriter>(
        dir_, overwrite ? IndexWriter::Mode::overwrite : IndexWriter::Mode::open_or_create);
  } catch (const IndexLocked& e) {
    status_.phase = IndexStatus::Phase::waiting_for_lock;
    if (!lock_logged_) log::warning("search.index_locked", {{"dir", dir_.string()}, {"reason", e.what()}});
    lock_logged_ = true;
    sleep_for(kLockRetry);
    return;
  } catch (const Xapian::DatabaseError& e) {
    log::warning("search.index_unreadable", {{"dir", dir_.string()}, {"reason", e.get_description()}});
    if (overwrite) {
      // Even recreating failed: clear the directory (the index is derived, LMDB has everything).
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
    overwrite_next_open_ = true;
    return;
  }
  lock_logged_ = false;
  overwrite_next_open_ = false;
  std::optional<std::string> why;
  {
    const store::ReadTxn txn = store_.read();
    why = writer_->needs_rebuild(txn, store_.tables());
  }
  if (why) {
    log::notice("search.rebuild_needed", {{"dir", dir_.string()}, {"reason", *why}});
    need_rebuild_ = true;
    return;
  }
  status_.cursor = writer_->cursor();
  ++status_.epoch;
  ++status_.generation;
  status_.ready = true;
  log::info(
      "search.index_opened",
      {{"dir", dir_.string()}, {"documents", writer_->database().get_doccount()}, {"cursor", status_.cursor.load()}});
}

void Indexer::rebuild() {
  status_.ready = false;
  ++status_.epoch;
  status_.phase = IndexStatus::Phase::rebuilding;
  status_.rebuild_done = 0;
  status_.rebuild_total = 0;
  // Start from empty files: reopen in overwrite mode (the old ones may be unreadable or stale).
  writer_.reset();
  try {
    writer_ = std::make_unique<IndexWriter>(dir_, IndexWriter::Mode::overwrite);
  } catch (const IndexLocked&) {
    return;  // someone took the lock in between: open() waits for it, then decides again
  }
  log::info("search.rebuild_started", {{"dir", dir_.string()}, {"threads", options_.threads}});
  // Until the rebuild completes nothing is searchable: every change in the log is pending.
  report_lag(0);
  RebuildOptions o;
  o.threads = options_.threads;
  o.progress = [this](std::size_t done, std::size_t total) {
    status_.rebuild_done = done;
    status_.rebuild_total = total;
    report_lag(0);
    beat();
  };
  o.stop = [this] { return stopping(); };
  const RebuildReport r = writer_->rebuild(store_, o);
  if (!r.completed) return;
  need_rebuild_ = false;
  status_.cursor = r.cursor;
  ++status_.epoch;
  ++status_.generation;
  status_.ready = true;
  const double secs = std::max(r.elapsed.count(), 1e-3);
  log::info("search.rebuild_done",
            {{"articles", r.articles},
             {"documents", r.documents},
             {"pages_and_topics", r.others},
             {"seconds", static_cast<std::int64_t>(secs)},
             {"items_per_s", static_cast<std::int64_t>(double(r.articles + r.documents + r.others) / secs)},
             {"cursor", r.cursor}});
}

std::optional<std::string> Indexer::health_problem() const {
  if (thread_exited_ && !stop_) return "search indexer thread has stopped";
  const auto idle = std::chrono::milliseconds(now_ms() - heartbeat_ms_.load());
  if (!thread_exited_ && idle > kStuckAfter)
    return "search indexer has made no progress for " +
           std::to_string(std::chrono::duration_cast<std::chrono::seconds>(idle).count()) + " s";
  return std::nullopt;
}

std::string Indexer::describe() const {
  switch (status_.phase.load()) {
    case IndexStatus::Phase::rebuilding: {
      const std::size_t done = status_.rebuild_done, total = status_.rebuild_total;
      const std::size_t pct = total ? done * 100 / total : 0;
      return "search index rebuilding " + std::to_string(pct) + "% (" + std::to_string(done) + "/" +
             std::to_string(total) + ")";
    }
    case IndexStatus::Phase::waiting_for_lock: return "search index locked by another process";
    case IndexStatus::Phase::failed: return "search indexer failing (see log)";
    case IndexStatus::Phase::starting: return "search index opening";
    case IndexStatus::Phase::following:
    case IndexStatus::Phase::stopped: return "";
  }
  return "";
}

}  // namespace portald::search
