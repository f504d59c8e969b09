#pragma once
// One e-mail the portal sends: a plain-text UTF-8 notice to one person. The sender (From), Date and
// Message-ID are added when it is composed (compose.hpp); the outbox (outbox.hpp) keeps it sealed until
// it is delivered.
#include <string>

namespace portald::mail {

struct Message {
  std::string to;       // the recipient's address, local@domain (ASCII; checked by compose)
  std::string to_name;  // optional display name, any UTF-8 ("Nguyễn Văn A"); "" = the address alone
  std::string subject;  // one line of UTF-8, no control characters
  std::string body;     // plain UTF-8 text; lines end in "\n" (CR LF and CR are accepted too)
};

}  // namespace portald::mail
