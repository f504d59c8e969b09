#include "daemon/purge/cache_purger.hpp"

#include "daemon/log/log.hpp"
#include "daemon/purge/purge_request.hpp"
#include "daemon/store/change_log.hpp"
#include "web/surrogate_keys.hpp"

namespace portald::purge {
namespace {

constexpr std::size_t kBatch = 1000;  // changes per read; an import of thousands becomes a few purges

// Where the purger starts: the change log's head when it is made (in the caller's thread, so a change
// committed right after the constructor returns is always purged). Should the read fail, it starts at the
// beginning: purging too much costs cache misses, purging too little serves stale pages.
std::uint64_t head(store::Store& store) {
  try {
    const store::ReadTxn txn = store.read();
    return store::latest_change(txn, store.tables());
  } catch (const std::exception& e) {
    log::warning("cache.purger_head_failed", {{"what", e.what()}});
    return 0;
  }
}

}  // namespace

CachePurger::CachePurger(store::Store& store, PurgerOptions options, health::Registry& metrics)
    : store_(store),
      options_(std::move(options)),
      sent_(metrics.counter("portald_cache_purges_total", "Purges the cache nodes accepted (issue 17).")),
      failures_(metrics.counter("portald_cache_purge_failures_total",
                                "Purges given up after every retry: a cache node keeps those pages until s-maxage.")),
      thread_([this, start = head(store)](std::stop_token stop) { run(stop, start); }) {}

CachePurger::~CachePurger() {
  thread_.request_stop();
  cv_.notify_all();
}

bool CachePurger::pause(std::chrono::milliseconds d, std::stop_token stop) {
  std::unique_lock lock(mu_);
  cv_.wait_for(lock, stop, d, [] { return false; });
  return !stop.stop_requested();
}

void CachePurger::purge(const config::ListenAddress& node, const std::string& keys, std::stop_token stop) {
  std::string why;
  for (std::size_t attempt = 0;; ++attempt) {
    if (send_purge(node, keys, options_.timeout, &why)) {
      sent_.inc();
      return;
    }
    if (attempt >= options_.retries.size() || !pause(options_.retries[attempt], stop)) break;
  }
  failures_.inc();
  log::warning("cache.purge_failed", {{"node", node.to_string()}, {"keys", keys}, {"reason", why}});
}

void CachePurger::run(std::stop_token stop, std::uint64_t cursor) {
  while (pause(options_.poll, stop)) {
    try {
      std::vector<store::Change> changes;
      {
        const store::ReadTxn txn = store_.read();
        changes = store::changes_since(txn, store_.tables(), cursor, kBatch);
      }
      if (changes.empty()) continue;
      cursor = changes.back().seq;
      const std::string keys = web::purge_keys(changes);
      if (keys.empty()) continue;
      const auto parts = split_keys(keys);
      for (const auto& node : options_.nodes)
        for (const auto& part : parts) purge(node, part, stop);
    } catch (const std::exception& e) {
      // A store read that failed is tried again at the next poll.
      log::warning("cache.purger_read_failed", {{"what", e.what()}});
    }
  }
}

}  // namespace portald::purge
