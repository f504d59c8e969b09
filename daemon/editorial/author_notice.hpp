#pragma once
// Feedback to providers (Quy chế Điều 8.4): when an article is returned, approved (published or
// scheduled), published on schedule or withdrawn, its author gets an e-mail in Vietnamese saying what
// happened, by whom, when, why (when there is a reason) and the link to the article in the admin. It is
// queued in the transition's own write transaction (daemon/mail/outbox.hpp), so the notice exists
// exactly when the transition does. Issue 16 (Điều 8.2): a request to clarify goes to the author with the
// board's question; the author's answer goes to the board member who asked.
#include <string_view>

#include "daemon/editorial/editorial.hpp"
#include "daemon/mail/outbox.hpp"

namespace portald::editorial {

// The notice for having taken `tr` on `item` (as it is after the transition), or std::nullopt when the
// transition is not one authors hear about, the recipient (the author; for an answer, who asked) has no
// work e-mail, or the recipient took it.
std::optional<mail::Message> author_notice(const store::Txn& txn, const store::Tables& t, const Item& item,
                                           model::Transition tr, const Actor& actor, std::string_view reason,
                                           model::UnixTime now);

// Queues author_notice in `txn` through `outbox` (nothing when there is none or mail is off).
void queue_author_notice(store::WriteTxn& txn, const store::Tables& t, const mail::Outbox& outbox, const Item& item,
                         model::Transition tr, const Actor& actor, std::string_view reason, model::UnixTime now);

}  // namespace portald::editorial
