#pragma once
// A Message as the text of an RFC 5322 / MIME message for sendmail's standard input: From, To, Subject,
// Date, Message-ID, MIME-Version, Auto-Submitted and a text/plain; charset=UTF-8 body in base64. Lines end
// in "\n" (sendmail's local convention; the MTA writes CR LF on the wire). Every value is checked first,
// so nothing the caller passes can add a header or a recipient.
#include <string>
#include <string_view>

#include "daemon/mail/message.hpp"
#include "daemon/model/time.hpp"

namespace portald::mail {

// Who the portal's mail comes from (config: mail-from; the name is the portal's).
struct Sender {
  std::string address;  // local@domain
  std::string name;     // optional display name
};

struct Composed {
  std::string text;   // the whole message; empty when error is set
  std::string error;  // what is wrong, in English, naming the field ("to: not a valid e-mail address")
  explicit operator bool() const { return error.empty(); }
};

// The message text, or an error (nothing composed) when an address is not valid, the subject is empty,
// longer than 300 characters or holds a control character, a name is longer than 200 characters or
// holds one, the body is not UTF-8, holds NUL or is over 1 MiB, or the message id is malformed.
// `date` is when the message was made (shown in the portal's time zone, +0700).
Composed compose(const Message& message, const Sender& from, model::UnixTime date, std::string_view message_id);

// The checks compose makes on the message alone (recipient, name, subject, body): "" when it may be
// composed, else what is wrong, as Composed::error.
std::string check_message(const Message& message);

// A new unique Message-ID, "<32 hex digits@DOMAIN>" with the domain of `from_address`.
std::string make_message_id(std::string_view from_address);

// RFC 5322 date-time in +0700: "Wed, 02 Dec 2026 17:28:14 +0700".
std::string format_mail_date(model::UnixTime t);

}  // namespace portald::mail
