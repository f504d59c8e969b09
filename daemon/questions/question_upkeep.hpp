#pragma once
// The hourly pass over citizens' questions (issue 12), on its own thread:
// - retention (Nghị định 13/2023): erases the contacts of items published or closed longer ago than the
//   settings keep them (questions::erase_expired);
// - deadlines: "due soon" e-mails to agencies and "overdue" e-mails to the data centre
//   (deadline_notices.hpp), over the working-day calendar, re-read each pass so an edited holidays file
//   counts without a restart.
// The first pass runs at start, so a daemon that was down catches up.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "daemon/questions/question_notices.hpp"
#include "daemon/store/store.hpp"

namespace portald::questions {

struct UpkeepOptions {
  Notices notices{};
  unsigned working_days = 0x1f;  // bit 0 = Monday
  std::filesystem::path holidays_file{};
  std::chrono::milliseconds period = std::chrono::hours(1);
};

class QuestionUpkeep {
 public:
  QuestionUpkeep(const store::Store& store, UpkeepOptions options);
  ~QuestionUpkeep();  // stops and joins
  QuestionUpkeep(const QuestionUpkeep&) = delete;
  QuestionUpkeep& operator=(const QuestionUpkeep&) = delete;

 private:
  void loop();
  void pass();
  const store::Store& store_;
  UpkeepOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace portald::questions
