#include "daemon/editorial/scheduler.hpp"

#include "daemon/editorial/editorial.hpp"
#include "daemon/log/log.hpp"
#include "daemon/store/editorial_table.hpp"

namespace portald::editorial {

Scheduler::Scheduler(const store::Store& store, mail::Outbox outbox, std::chrono::milliseconds period)
    : store_(store), outbox_(outbox), period_(period), thread_([this] { loop(); }) {}

Scheduler::~Scheduler() {
  {
    const std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

std::size_t Scheduler::run_once() {
  const auto now = model::now();
  {
    // Most passes find nothing: look with a read transaction before taking the writer lock.
    const store::ReadTxn txn = store_.read();
    bool due = false;
    for (const auto& e : store::list_editorial(txn, store_.tables()))
      due = due || (e.state == model::ArticleStatus::scheduled && e.scheduled_at <= now);
    if (!due && !unpublish_is_due(txn, store_.tables(), now)) return 0;
  }
  store::WriteTxn txn = store_.write();
  const std::size_t n = publish_due(txn, store_.tables(), now, outbox_);
  const std::size_t gone = unpublish_due(txn, store_.tables(), now);
  txn.commit();
  if (n) log::info("scheduler.published", {{"count", n}});
  if (gone) log::info("scheduler.unpublished", {{"count", gone}});
  return n + gone;
}

void Scheduler::loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    try {
      run_once();
    } catch (const std::exception& e) {
      log::error("scheduler.failed", {{"what", e.what()}});
    }
    lock.lock();
    cv_.wait_for(lock, period_, [this] { return stop_; });
  }
}

}  // namespace portald::editorial
