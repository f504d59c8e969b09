#pragma once
// The transactional outbox: how any service sends an e-mail. Queue the message INSIDE the write
// transaction that makes the change it tells about; it is then committed with that change or not at all,
// and the daemon's courier (courier.hpp) delivers it through sendmail after the commit, retrying with
// backoff. The whole message (recipient, subject, body) is sealed with the personal-data key before it
// is stored, so data.mdb and snapshots never hold an address in clear.
//
// Usage, in a service that already holds `txn`:
//   const auto q = outbox.queue(txn, store.tables(),
//                               {.to = "dan@example.vn", .to_name = "Nguyễn Văn A",
//                                .subject = "Đã nhận câu hỏi của ông/bà", .body = "..."}, now);
//   if (q.result == mail::QueueResult::invalid) ... q.error says which field;
//   // queued, mail_off and no_key all let the change go on: a notice never blocks the work itself.
//   txn.commit();
// Delivery is at least once: a daemon killed between sendmail's success and the outbox update sends
// that one message again after the restart.
#include <cstdint>
#include <string>

#include "daemon/mail/message.hpp"
#include "daemon/model/time.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/store.hpp"

namespace portald::mail {

enum class QueueResult {
  queued,    // stored; `id` names it
  mail_off,  // no sendmail configured: nothing stored (on purpose, not an error)
  no_key,    // mail is on but the personal-data key is missing: nothing stored, logged
  invalid,   // the message breaks a compose rule (compose.hpp check_message): nothing stored, see `error`
};

struct Queued {
  QueueResult result = QueueResult::mail_off;
  std::uint64_t id = 0;  // the outbox entry, when queued
  std::string error{};   // QueueResult::invalid: what is wrong (English, names the field)
};

// Seals `message` with `key` (purpose "mail:ID") and stores it in the caller's transaction as a pending
// entry due now. Returns queued with the id, or invalid (nothing written).
Queued queue(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key, const Message& message,
             model::UnixTime now);

// The message inside a stored entry (for the courier); std::nullopt when it does not open under `key`
// (another key, altered) or is malformed. `token` is the left part of its Message-ID.
struct Unsealed {
  Message message;
  std::string token;
};
std::optional<Unsealed> unseal(const secrets::PersonalDataKey& key, std::uint64_t id, std::string_view sealed);

// What a service holds to send mail: whether mail is on (config: sendmail) and the key. The daemon makes
// one at start and hands it to the web handlers (web::Context::outbox) and the scheduler; a default one
// is off. Copyable and cheap: it only points at the key, which must outlive it.
class Outbox {
 public:
  Outbox() = default;  // mail off
  // Mail on; `key` may be null (the key file is missing): queue() then answers no_key.
  explicit Outbox(const secrets::PersonalDataKey* key) : on_(true), key_(key) {}
  bool enabled() const { return on_; }
  // The key messages are sealed with; nullptr when mail is off or the key is missing. A service that must
  // open sealed personal data to address a notice (the intake form's sender) opens it with this key.
  const secrets::PersonalDataKey* key() const { return on_ ? key_ : nullptr; }
  // queue() above when mail is on and the key is there; mail_off or no_key (logged, nothing written)
  // otherwise.
  Queued queue(store::WriteTxn& txn, const store::Tables& t, const Message& message, model::UnixTime now) const;

 private:
  bool on_ = false;
  const secrets::PersonalDataKey* key_ = nullptr;
};

}  // namespace portald::mail
