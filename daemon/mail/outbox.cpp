#include "daemon/mail/outbox.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "daemon/log/log.hpp"
#include "daemon/mail/compose.hpp"
#include "daemon/store/mail_outbox_table.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::mail {
namespace {

// The purpose the entry's id binds into the seal: a sealed message copied into another entry, or into
// any other record, does not open.
std::string purpose(std::uint64_t id) { return "mail:" + std::to_string(id); }

std::string random_token() {
  unsigned char random[16];
  randombytes_buf(random, sizeof random);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  return std::string(hex, 32);
}

std::string payload(const Message& m) {
  const nlohmann::json j{
      {"to", m.to}, {"to_name", m.to_name}, {"subject", m.subject}, {"body", m.body}, {"token", random_token()}};
  return j.dump();
}

}  // namespace

Queued queue(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key, const Message& message,
             model::UnixTime now) {
  if (auto error = check_message(message); !error.empty())
    return {.result = QueueResult::invalid, .id = 0, .error = std::move(error)};
  const std::uint64_t id = store::next_id(txn, t, store::IdCounter::mail);
  store::put_outbox_entry(txn, t,
                          {.id = id,
                           .state = model::OutboxState::pending,
                           .attempts = 0,
                           .queued_at = now,
                           .next_attempt_at = now,
                           .sealed = key.seal(payload(message), purpose(id))});
  return {.result = QueueResult::queued, .id = id, .error = ""};
}

std::optional<Unsealed> unseal(const secrets::PersonalDataKey& key, std::uint64_t id, std::string_view sealed) {
  const auto plain = key.open(sealed, purpose(id));
  if (!plain) return std::nullopt;
  const auto j = nlohmann::json::parse(*plain, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  try {
    return Unsealed{.message = {.to = j.at("to").get<std::string>(),
                                .to_name = j.value("to_name", ""),
                                .subject = j.at("subject").get<std::string>(),
                                .body = j.at("body").get<std::string>()},
                    .token = j.at("token").get<std::string>()};
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

Queued Outbox::queue(store::WriteTxn& txn, const store::Tables& t, const Message& message, model::UnixTime now) const {
  if (!on_) return {.result = QueueResult::mail_off, .id = 0, .error = ""};
  if (!key_) {
    log::warning("mail.not_queued", {{"reason", "the personal-data key is missing; messages are sealed with it"}});
    return {.result = QueueResult::no_key, .id = 0, .error = ""};
  }
  const auto q = mail::queue(txn, t, *key_, message, now);
  if (q.result == QueueResult::invalid) log::warning("mail.not_queued", {{"reason", q.error}});
  return q;
}

}  // namespace portald::mail
