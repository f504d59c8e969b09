#include "daemon/questions/question_upkeep.hpp"

#include "daemon/health/working_days.hpp"
#include "daemon/log/log.hpp"
#include "daemon/questions/deadline_notices.hpp"
#include "daemon/questions/question_service.hpp"

namespace portald::questions {

QuestionUpkeep::QuestionUpkeep(const store::Store& store, UpkeepOptions options)
    : store_(store), options_(std::move(options)), thread_([this] { loop(); }) {}

QuestionUpkeep::~QuestionUpkeep() {
  {
    const std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void QuestionUpkeep::pass() {
  const auto now = model::now();
  try {
    if (const auto n = erase_expired(store_, now); n > 0)
      log::info("questions.personal_data_erased", {{"items", static_cast<int>(n)}});
  } catch (const std::exception& e) {
    // A failed pass (a full map, say) is tried again next period; the data stays sealed meanwhile.
    log::warning("questions.retention_failed", {{"reason", e.what()}});
  }
  try {
    const auto calendar = health::read_calendar(options_.working_days, options_.holidays_file);
    const auto sent = send_deadline_notices(store_, options_.notices, calendar, now);
    if (sent.due_soon + sent.overdue > 0)
      log::info("questions.deadline_notices",
                {{"due_soon", static_cast<int>(sent.due_soon)}, {"overdue", static_cast<int>(sent.overdue)}});
  } catch (const std::exception& e) {
    log::warning("questions.deadline_notices_failed", {{"reason", e.what()}});
  }
}

void QuestionUpkeep::loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    pass();
    lock.lock();
    cv_.wait_for(lock, options_.period, [this] { return stop_; });
  }
}

}  // namespace portald::questions
