#pragma once
// The courier: the daemon's thread that delivers the outbox (outbox.hpp) through sendmail. Every period
// it looks for pending entries that are due, opens each, composes it and runs sendmail outside any
// transaction; a delivered entry is deleted, a failed attempt is retried after 5 s, 10 s, 20 s ... (at
// most an hour apart) and after max_attempts the entry is marked failed and an error is logged. The
// outbox lives in LMDB, so a restart loses nothing.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "daemon/mail/compose.hpp"
#include "daemon/mail/sendmail.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/store.hpp"

namespace portald::mail {

struct CourierOptions {
  SendmailOptions sendmail;  // the program, mail-from as envelope sender, the timeout of one run
  Sender from;               // From: mail-from and the portal's name
  std::chrono::milliseconds period{2000};
  unsigned max_attempts = 12;
  std::chrono::seconds first_retry{5};
  std::chrono::seconds max_retry{3600};
  // Reports for /metrics (each may be empty): entries pending after a pass; one delivered; one given up.
  std::function<void(std::uint64_t pending)> report_pending{};
  std::function<void()> report_sent{};
  std::function<void()> report_failed{};
};

class Courier {
 public:
  // Starts the thread; its first pass runs at once.
  Courier(const store::Store& store, const secrets::PersonalDataKey& key, CourierOptions options);
  ~Courier();  // stops and joins (waits for a sendmail run in progress, at most its timeout)
  Courier(const Courier&) = delete;
  Courier& operator=(const Courier&) = delete;

  // One pass now (also what the thread does every period); returns how many were delivered.
  std::size_t run_once();

 private:
  void loop();
  // Delivers entry `id` (read in a pass); true when sendmail took it.
  bool deliver(std::uint64_t id, model::UnixTime queued_at, std::string_view sealed);
  void record_failure(std::uint64_t id, const std::string& why);

  const store::Store& store_;
  const secrets::PersonalDataKey& key_;
  CourierOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace portald::mail
