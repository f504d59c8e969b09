#pragma once
// The e-mails citizens' questions send (issue 12), queued in the step's own write transaction through
// the outbox (daemon/mail/outbox.hpp), so a notice exists exactly when its step does:
// - to the citizen (when they gave an e-mail address): on receipt with the tracking code, when more
//   information is asked for, and with the answer once the board approved it;
// - to the agency's answerers who have a work e-mail: when an item is assigned to their agency.
// A notice never blocks its step: mail off, no key or an address the composer refuses sends nothing.
#include "daemon/mail/outbox.hpp"
#include "daemon/model/question.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/store.hpp"

namespace portald::questions {

// What a service needs to send the notices: the outbox, and the key that opens the citizen's contacts.
struct Notices {
  mail::Outbox outbox{};
  const secrets::PersonalDataKey* key = nullptr;
};

// The citizen's notice of receipt; `email`, `name` as they typed them.
void queue_receipt(store::WriteTxn& txn, const store::Tables& t, const Notices& n, const model::Question& q,
                   const std::string& email, const std::string& name, model::UnixTime now);
// After a handling step: the citizen hears of request_info and approve; the agency of assign.
void queue_step_notices(store::WriteTxn& txn, const store::Tables& t, const Notices& n, const model::Question& q,
                        model::QuestionStep step, model::UnixTime now);
// The deadline e-mails (deadline_notices.hpp): "due soon" to the agency's answerers who have a work
// e-mail, "overdue" to the data centre's (operators and secretariat). Each returns how many it queued.
int queue_due_soon(store::WriteTxn& txn, const store::Tables& t, const Notices& n, const model::Question& q,
                   model::UnixTime now);
int queue_overdue(store::WriteTxn& txn, const store::Tables& t, const Notices& n, const model::Question& q,
                  model::UnixTime now);

}  // namespace portald::questions
