#pragma once
// News sent through the public form by organisations and people without an account (issue 16, Quy chế
// Điều 8.1): where an article in the board's queue came from. The sender's name, organisation and
// contacts are personal data: the record holds them only sealed with the personal-data key.
#include <cstdint>
#include <string>

#include "daemon/model/time.hpp"

namespace portald::model {

// Who sent an item, as typed (kept only inside IntakeSource::sealed_sender).
struct IntakeSender {
  std::string name{};
  std::string organisation{};  // "" = a private person
  std::string email{};
  std::string phone{};
};

struct IntakeSource {
  std::uint64_t article_id = 0;
  std::string reference{};  // the public reference code the sender was given (tracking-code spelling)
  UnixTime received_at = 0;
  std::string sealed_sender{};  // IntakeSender as JSON, sealed under purpose "intake:ID"
  // The outcome the sender was last told by e-mail ("published", "returned"); "" = none yet.
  std::string notified{};
};

// "Người gửi: NAME (ORGANISATION)", or "Người gửi: NAME" for a private person.
std::string sender_line(const IntakeSender& s);

}  // namespace portald::model
