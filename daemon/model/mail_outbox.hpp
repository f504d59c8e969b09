#pragma once
// One e-mail waiting in the outbox (store: mail_outbox_table.hpp; daemon/mail/outbox.hpp queues it,
// daemon/mail/courier.hpp delivers it). The message itself, recipient included, is only ever stored
// sealed with the personal-data key: data.mdb and snapshots never hold an address in clear.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/time.hpp"

namespace portald::model {

enum class OutboxState {
  pending,  // waiting for its next attempt
  failed,   // given up after the last attempt (or unreadable): kept for the operator, never retried
};
std::string_view to_string(OutboxState s);
std::optional<OutboxState> parse_outbox_state(std::string_view key);

struct OutboxEntry {
  std::uint64_t id = 0;
  OutboxState state = OutboxState::pending;
  std::uint32_t attempts = 0;    // failed attempts so far
  UnixTime queued_at = 0;        // also the message's Date
  UnixTime next_attempt_at = 0;  // pending: not before this time
  std::string sealed{};          // the message, sealed (secrets::PersonalDataKey, purpose "mail:ID")
};

}  // namespace portald::model
