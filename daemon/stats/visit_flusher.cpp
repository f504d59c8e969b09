#include "daemon/stats/visit_flusher.hpp"

#include <charconv>
#include <optional>

#include "daemon/log/log.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "daemon/store/visit_table.hpp"

namespace portald::stats {
namespace {

// The id a pending view's ref names, looked up in the flusher's own transaction (never on the page path).
std::optional<std::uint64_t> resolve(const store::Txn& txn, const store::Tables& t, const PendingViews& p) {
  using K = model::VisitKind;
  switch (p.kind) {
    case K::site:
    case K::bot: return 0;
    case K::article:
    case K::document: {
      std::uint64_t id = 0;
      const auto [end, ec] = std::from_chars(p.ref.data(), p.ref.data() + p.ref.size(), id);
      if (ec != std::errc() || end != p.ref.data() + p.ref.size() || id == 0) return std::nullopt;
      return id;
    }
    case K::category: {
      const auto c = store::find_category_by_slug(txn, t, p.ref);
      return c ? std::optional(c->id) : std::nullopt;
    }
    case K::topic: {
      const auto tp = store::find_topic(txn, t, p.ref);
      return tp ? std::optional(tp->id) : std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

FlushResult flush_visits(const store::Store& store, VisitCounter& counter, model::UnixTime now) {
  FlushResult r;
  const auto pending = counter.take();
  const auto& t = store.tables();
  const std::int32_t today = model::vietnam_day(now);
  if (pending.empty()) return r;
  store::WriteTxn txn = store.write();
  std::vector<model::VisitCount> counts;
  counts.reserve(pending.size());
  for (const auto& p : pending) {
    if (const auto id = resolve(txn, t, p))
      counts.push_back({.kind = p.kind, .day = p.day, .id = *id, .views = p.views});
    else
      r.dropped += p.views;
  }
  store::add_visits(txn, t, counts);
  const auto stored_today = store::visits_on(txn, t, model::VisitKind::site, today);
  const auto stored_total = store::visits_ever(txn, t, model::VisitKind::site);
  txn.commit();
  counter.set_stored(today, stored_today, stored_total);
  r.written = counts.size();
  return r;
}

VisitFlusher::VisitFlusher(const store::Store& store, VisitCounter& counter, std::chrono::milliseconds period)
    : store_(store), counter_(counter), period_(period) {
  // The footer's figures are right from the first request, not only after the first views.
  {
    const store::ReadTxn txn = store_.read();
    const auto today = model::vietnam_day(model::now());
    counter_.set_stored(today, store::visits_on(txn, store_.tables(), model::VisitKind::site, today),
                        store::visits_ever(txn, store_.tables(), model::VisitKind::site));
  }
  thread_ = std::thread([this] { loop(); });
}

VisitFlusher::~VisitFlusher() {
  {
    const std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  pass();  // what was counted since the last pass (the server has drained by now)
}

void VisitFlusher::pass() {
  try {
    const auto r = flush_visits(store_, counter_, model::now());
    if (r.dropped) log::debug("visits.dropped", {{"views", static_cast<std::int64_t>(r.dropped)}});
  } catch (const std::exception& e) {
    // A full map, say: this batch is lost (figures, never content); the next one is tried again.
    log::warning("visits.flush_failed", {{"reason", e.what()}});
  }
}

void VisitFlusher::loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, period_, [this] { return stop_; });
    if (stop_) break;
    lock.unlock();
    pass();
    lock.lock();
  }
}

}  // namespace portald::stats
