#include "daemon/mail/courier.hpp"

#include <algorithm>
#include <vector>

#include "daemon/log/log.hpp"
#include "daemon/mail/address.hpp"
#include "daemon/mail/outbox.hpp"
#include "daemon/store/mail_outbox_table.hpp"

namespace portald::mail {
namespace {

struct Due {
  std::uint64_t id;
  model::UnixTime queued_at;
  std::string sealed;
};

}  // namespace

Courier::Courier(const store::Store& store, const secrets::PersonalDataKey& key, CourierOptions options)
    : store_(store), key_(key), options_(std::move(options)), thread_([this] { loop(); }) {}

Courier::~Courier() {
  {
    const std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

std::size_t Courier::run_once() {
  const auto now = model::now();
  std::vector<Due> due;
  std::uint64_t pending = 0;
  {
    const store::ReadTxn txn = store_.read();
    for (auto& e : store::list_outbox(txn, store_.tables())) {
      if (e.state != model::OutboxState::pending) continue;
      ++pending;
      if (e.next_attempt_at <= now) due.push_back({e.id, e.queued_at, std::move(e.sealed)});
    }
  }
  std::size_t sent = 0;
  for (const auto& d : due) {
    {
      const std::lock_guard lock(mu_);
      if (stop_) break;
    }
    if (deliver(d.id, d.queued_at, d.sealed)) {
      ++sent;
      --pending;
    }
  }
  if (options_.report_pending) options_.report_pending(pending);
  return sent;
}

bool Courier::deliver(std::uint64_t id, model::UnixTime queued_at, std::string_view sealed) {
  const auto opened = unseal(key_, id, sealed);
  if (!opened) {
    // Sealed under another key (restored from elsewhere?) or altered: no attempt can help.
    store::WriteTxn txn = store_.write();
    if (auto e = store::get_outbox_entry(txn, store_.tables(), id)) {
      e->state = model::OutboxState::failed;
      store::put_outbox_entry(txn, store_.tables(), *e);
    }
    txn.commit();
    log::error("mail.failed", {{"id", id}, {"reason", "the message does not open with the personal-data key"}});
    if (options_.report_failed) options_.report_failed();
    return false;
  }
  const std::string message_id = "<" + opened->token + "@" + std::string(address_domain(options_.from.address)) + ">";
  const auto composed = compose(opened->message, options_.from, queued_at, message_id);
  const auto result = composed ? run_sendmail(options_.sendmail, opened->message.to, composed.text)
                               : SendResult{.ok = false, .exit_code = -1, .error = composed.error, .output = ""};
  if (!result.ok) {
    record_failure(id, result.error + (result.output.empty() ? "" : " (" + result.output + ")"));
    return false;
  }
  store::WriteTxn txn = store_.write();
  store::delete_outbox_entry(txn, store_.tables(), id);
  txn.commit();
  log::info("mail.sent", {{"id", id}, {"message_id", message_id}});
  if (options_.report_sent) options_.report_sent();
  return true;
}

void Courier::record_failure(std::uint64_t id, const std::string& why) {
  store::WriteTxn txn = store_.write();
  auto e = store::get_outbox_entry(txn, store_.tables(), id);
  if (!e) return;  // gone meanwhile: nothing to retry
  ++e->attempts;
  const bool give_up = e->attempts >= options_.max_attempts;
  if (give_up) {
    e->state = model::OutboxState::failed;
  } else {
    const auto shift = std::min<std::uint32_t>(e->attempts - 1, 20);
    const auto wait =
        std::min<std::chrono::seconds>(options_.first_retry * (std::int64_t(1) << shift), options_.max_retry);
    e->next_attempt_at = model::now() + wait.count();
  }
  store::put_outbox_entry(txn, store_.tables(), *e);
  txn.commit();
  if (give_up) {
    log::error("mail.failed", {{"id", id}, {"attempts", e->attempts}, {"error", why}});
    if (options_.report_failed) options_.report_failed();
  } else {
    log::warning(
        "mail.retry",
        {{"id", id}, {"attempt", e->attempts}, {"next_in_s", e->next_attempt_at - model::now()}, {"error", why}});
  }
}

void Courier::loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    try {
      run_once();
    } catch (const std::exception& e) {
      log::error("mail.courier_failed", {{"what", e.what()}});
    }
    lock.lock();
    cv_.wait_for(lock, options_.period, [this] { return stop_; });
  }
}

}  // namespace portald::mail
