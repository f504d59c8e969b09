#include "daemon/questions/retention.hpp"

#include "daemon/log/log.hpp"
#include "daemon/questions/question_service.hpp"

namespace portald::questions {

RetentionSweep::RetentionSweep(const store::Store& store, std::chrono::milliseconds period)
    : store_(store), period_(period), thread_([this] { loop(); }) {}

RetentionSweep::~RetentionSweep() {
  {
    const std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void RetentionSweep::loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    try {
      if (const auto n = erase_expired(store_, model::now()); n > 0)
        log::info("questions.personal_data_erased", {{"items", static_cast<int>(n)}});
    } catch (const std::exception& e) {
      // A failed pass (a full map, say) is tried again next period; the data stays sealed meanwhile.
      log::warning("questions.retention_failed", {{"reason", e.what()}});
    }
    lock.lock();
    cv_.wait_for(lock, period_, [this] { return stop_; });
  }
}

}  // namespace portald::questions
