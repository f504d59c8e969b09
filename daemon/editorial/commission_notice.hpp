#pragma once
// The e-mails of the board's commissions (issue 16, Điều 6.1c, 6.1d): a new commission and its
// cancellation go to the assignee (the account, or every active staff member of the agency with a work
// e-mail); a delivery goes to whoever created it. Nobody hears of their own act. Queued in the write
// transaction of the change (daemon/mail/outbox.hpp), so a notice exists exactly when the change does.
#include <vector>

#include "daemon/mail/outbox.hpp"
#include "daemon/model/actor.hpp"
#include "daemon/model/commission.hpp"
#include "daemon/store/store.hpp"

namespace portald::editorial {

enum class CommissionEvent { created, delivered, cancelled };

// The messages for `event` on `c` (as it is after the change), one per recipient with a work e-mail;
// empty when nobody is to hear of it.
std::vector<mail::Message> commission_notices(const store::Txn& txn, const store::Tables& t, const model::Commission& c,
                                              CommissionEvent event, const model::Actor& actor, model::UnixTime now);

// Queues commission_notices in `txn` through `outbox` (nothing when mail is off).
void queue_commission_notices(store::WriteTxn& txn, const store::Tables& t, const mail::Outbox& outbox,
                              const model::Commission& c, CommissionEvent event, const model::Actor& actor,
                              model::UnixTime now);

}  // namespace portald::editorial
