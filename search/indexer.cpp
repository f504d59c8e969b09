#include "search/indexer.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <map>

#include "daemon/log/log.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/lmdb.hpp"
#include "search/index_layout.hpp"
#include "search/index_writer.hpp"
#include "search/shard_layout.hpp"

namespace portald::search {
namespace {

using namespace std::chrono_literals;

constexpr auto kLockRetry = 1s;
constexpr auto kMaxBackoff = 30s;
constexpr auto kStuckAfter = 120s;
// A reader idle since the switch may still hold a retired index; none is mid-query after this long
// (queries have a 50 ms time limit), and the next query of that thread opens the live one.
constexpr auto kRetiredGrace = 60s;
// Indexing yields the CPU to HTTP workers: a rebuild must not slow the site down.
constexpr int kNice = 10;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Indexer::Options with_defaults(Indexer::Options o) {
  if (o.threads == 0) o.threads = std::max(1u, std::thread::hardware_concurrency());
  if (o.batch == 0) o.batch = 1;
  o.shards = shard_count(o.shards);
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
      withdraw();
      writer_.reset();
      need_rebuild_ = true;
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
  remove_retired();
  if (need_rebuild_) return rebuild();
  if (writer_ && live_index(dir_) != writer_dir_) {
    // portaldctl reindex switched to the index it built: follow that one from its own cursor.
    log::info("search.index_switched", {{"from", writer_dir_.string()}});
    writer_.reset();
  }
  if (!writer_) return open();
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
  const auto live = live_index(dir_);
  if (!live) {
    log::notice("search.rebuild_needed", {{"dir", dir_.string()}, {"reason", "there is no index yet"}});
    withdraw();
    need_rebuild_ = true;
    return;
  }
  writer_dir_ = *live;
  try {
    writer_ = std::make_unique<IndexWriter>(*live, IndexWriter::Mode::open_or_create);
  } catch (const IndexLocked& e) {
    status_.phase = IndexStatus::Phase::waiting_for_lock;
    if (!lock_logged_) log::warning("search.index_locked", {{"dir", live->string()}, {"reason", e.what()}});
    lock_logged_ = true;
    sleep_for(kLockRetry);
    return;
  } catch (const Xapian::DatabaseError& e) {
    // Unreadable: rebuilt beside it; it goes once the new one is live.
    log::warning("search.index_unreadable", {{"dir", live->string()}, {"reason", e.get_description()}});
    withdraw();
    need_rebuild_ = true;
    return;
  }
  lock_logged_ = false;
  std::optional<std::string> why;
  {
    const store::ReadTxn txn = store_.read();
    why = writer_->needs_rebuild(txn, store_.tables());
  }
  if (!why && writer_->phrase_pairs() != options_.phrase_pairs)
    why = options_.phrase_pairs ? "search-phrase-pairs is on and the index has no phrase pairs"
                                : "search-phrase-pairs is off and the index has phrase pairs";
  if (why) {
    log::notice("search.rebuild_needed", {{"dir", live->string()}, {"reason", *why}});
    need_rebuild_ = true;
    // A complete index (an older format, an earlier store) answers until its replacement is live.
    if (writer_->complete()) {
      publish(*live, writer_->cursor());
    } else {
      withdraw();
    }
    return;
  }
  publish(*live, writer_->cursor());
  log::info("search.index_opened", {{"dir", live->string()},
                                    {"documents", writer_->doc_count()},
                                    {"shards", writer_->shards()},
                                    {"cursor", writer_->cursor()}});
  // Directories of interrupted rebuilds, unless a portaldctl reindex is building one right now; not
  // the retired ones readers may still hold (remove_retired deletes those).
  if (const RebuildLock lock(dir_); lock.held()) remove_leftovers(dir_, retired_dirs());
}

void Indexer::rebuild() {
  const RebuildLock lock(dir_);
  if (!lock.held()) {
    // portaldctl reindex is building one: once it switches, open() takes that one.
    status_.phase = IndexStatus::Phase::waiting_for_lock;
    if (!lock_logged_) log::warning("search.rebuild_elsewhere", {{"dir", dir_.string()}});
    lock_logged_ = true;
    if (live_index(dir_) != writer_dir_ || !writer_) {
      need_rebuild_ = false;
      writer_.reset();
    }
    sleep_for(kLockRetry);
    return;
  }
  lock_logged_ = false;
  remove_leftovers(dir_, retired_dirs());  // what an interrupted rebuild left
  status_.phase = IndexStatus::Phase::rebuilding;
  status_.rebuild_done = 0;
  status_.rebuild_total = 0;
  writer_.reset();  // the live index is only read until the switch
  const auto fresh = fresh_index_dir(dir_);
  auto writer = std::make_unique<IndexWriter>(fresh, IndexWriter::Mode::overwrite, options_.shards);
  log::info("search.rebuild_started", {{"dir", fresh.string()},
                                       {"threads", options_.threads},
                                       {"shards", options_.shards},
                                       {"phrase_pairs", options_.phrase_pairs ? "on" : "off"}});
  // What the live index (if any) has not seen is pending until the switch.
  const auto searchable = [this] { return status_.ready ? status_.cursor.load() : 0; };
  report_lag(searchable());
  RebuildOptions o;
  o.threads = options_.threads;
  o.phrase_pairs = options_.phrase_pairs;
  o.progress = [&](std::size_t done, std::size_t total) {
    status_.rebuild_done = done;
    status_.rebuild_total = total;
    report_lag(searchable());
    beat();
  };
  o.stop = [this] { return stopping(); };
  const RebuildReport r = writer->rebuild(store_, o);
  if (!r.completed) {
    writer.reset();
    remove_index(dir_, fresh);
    return;
  }
  switch_live_index(dir_, fresh);
  const auto replaced = writer_dir_;
  const auto served = status_.live();
  writer_ = std::move(writer);
  writer_dir_ = fresh;
  need_rebuild_ = false;
  // Following continues from the rebuild's snapshot: what changed meanwhile is applied next.
  publish(fresh, r.cursor);
  // An index no search read (unreadable, half-built) goes now; one that answered, once retired.
  if (!replaced.empty() && replaced != fresh && (!served || served->dir != replaced)) remove_index(dir_, replaced);
  const double secs = std::max(r.elapsed.count(), 1e-3);
  log::info("search.rebuild_done",
            {{"dir", fresh.string()},
             {"articles", r.articles},
             {"documents", r.documents},
             {"pages_and_topics", r.others},
             {"seconds", static_cast<std::int64_t>(secs)},
             {"items_per_s", static_cast<std::int64_t>(double(r.articles + r.documents + r.others) / secs)},
             {"cursor", r.cursor}});
}

void Indexer::publish(const std::filesystem::path& dir, std::uint64_t cursor) {
  auto previous = status_.exchange_live(std::make_shared<const LiveIndex>(LiveIndex{dir}));
  if (previous) retired_.push_back({std::move(previous), std::chrono::steady_clock::now()});
  status_.cursor = cursor;
  ++status_.epoch;
  ++status_.generation;
  status_.ready = true;
}

void Indexer::withdraw() {
  status_.ready = false;
  ++status_.epoch;
  if (auto previous = status_.exchange_live(nullptr))
    retired_.push_back({std::move(previous), std::chrono::steady_clock::now()});
}

std::vector<std::filesystem::path> Indexer::retired_dirs() const {
  std::vector<std::filesystem::path> out;
  for (const auto& r : retired_) out.push_back(r.index->dir);
  return out;
}

void Indexer::remove_retired() {
  if (retired_.empty()) return;
  const auto live = live_index(dir_);
  const auto now = std::chrono::steady_clock::now();
  // A directory may have been published more than once (re-opened after a failure): it goes when
  // no entry for it is in use.
  std::map<std::filesystem::path, bool> free;
  for (const auto& r : retired_) {
    const auto& dir = r.index->dir;
    const bool unused =
        dir != live && dir != writer_dir_ && (r.index.use_count() == 1 || now - r.since >= kRetiredGrace);
    const auto [it, fresh] = free.try_emplace(dir, unused);
    if (!fresh) it->second = it->second && unused;
  }
  for (const auto& [dir, unused] : free) {
    if (!unused) continue;
    remove_index(dir_, dir);
    log::info("search.index_removed", {{"dir", dir.string()}});
  }
  std::erase_if(retired_, [&](const Retired& r) { return free.at(r.index->dir); });
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
