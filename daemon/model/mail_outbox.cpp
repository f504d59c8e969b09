#include "daemon/model/mail_outbox.hpp"

namespace portald::model {

std::string_view to_string(OutboxState s) {
  switch (s) {
    case OutboxState::pending: return "pending";
    case OutboxState::failed: return "failed";
  }
  return "pending";
}

std::optional<OutboxState> parse_outbox_state(std::string_view key) {
  if (key == "pending") return OutboxState::pending;
  if (key == "failed") return OutboxState::failed;
  return std::nullopt;
}

}  // namespace portald::model
