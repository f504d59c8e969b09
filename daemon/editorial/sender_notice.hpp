#pragma once
// Feedback to the people who sent an item through the public intake form (issue 16, Quy chế Điều 8.1 and
// 8.4: the board answers providers whose information is not approved): when the item is published
// (approved, or published on schedule) or returned, its sender gets an e-mail in Vietnamese, at the
// address they gave, queued in the transition's own write transaction. Once per outcome: the source
// records what the sender was last told (IntakeSource::notified).
#include <optional>
#include <string_view>

#include "daemon/editorial/editorial.hpp"
#include "daemon/mail/outbox.hpp"
#include "daemon/model/intake.hpp"

namespace portald::editorial {

// The notice for `source`'s sender, opened as `sender`, after `tr` was taken on `item`; std::nullopt when
// `tr` is not an outcome the sender hears about, they already heard of it, or they gave no e-mail.
std::optional<mail::Message> sender_notice(const store::Txn& txn, const store::Tables& t, const Item& item,
                                           model::Transition tr, const model::IntakeSource& source,
                                           const model::IntakeSender& sender, std::string_view reason,
                                           model::UnixTime now);

// Queues sender_notice in `txn` through `outbox` and records the outcome on the source; nothing when the
// item did not come through the form, mail is off or the outbox has no key to open the sender.
void queue_sender_notice(store::WriteTxn& txn, const store::Tables& t, const mail::Outbox& outbox, const Item& item,
                         model::Transition tr, std::string_view reason, model::UnixTime now);

}  // namespace portald::editorial
