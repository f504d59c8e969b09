#pragma once
// The editorial board's commissions (issue 16, Quy chế Điều 6.1c, 6.1d): the board (Action::commission)
// asks an agency or an account for an item, or sends a reporter to an event, by a due date; the assignee
// (the account, anyone of the agency) or the board delivers by linking an article the deliverer may see;
// the board cancels with a reason. Each write is ONE transaction with its audit entry (commission.create,
// commission.deliver, commission.cancel) and its e-mails (commission_notice.hpp); a refusal writes nothing.
// Not done here: editing or reassigning a commission, reminders of overdue ones.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/mail/outbox.hpp"
#include "daemon/model/actor.hpp"
#include "daemon/model/commission.hpp"
#include "daemon/store/store.hpp"

namespace portald::editorial {

// The create form as posted; the service cleans (NFC, trimmed) and checks it.
struct CommissionFields {
  std::string kind{};      // "item" or "event"
  std::string title{};     // one line
  std::string brief{};     // plain text
  std::string assignee{};  // "agency:ID" or "user:NAME" (model::parse_assignee)
  std::string due{};       // "YYYY-MM-DD", local
};

enum class CommissionOutcome { done, not_found, refused, invalid };
struct CommissionResult {
  CommissionOutcome outcome = CommissionOutcome::done;
  std::vector<std::string> errors{};  // Vietnamese, one per problem (refused, invalid, not_found)
  std::uint64_t id = 0;               // the commission created or changed
};

// True when the commission is the actor's: assigned to the account or to the account's agency.
bool is_assignee(const model::Commission& c, const model::Actor& actor);
// May the actor read it? The board (commission or view-queues) and the assignee; nobody else learns
// it exists.
bool may_see_commission(const model::Commission& c, const model::Actor& actor);
// May the actor deliver it (when open)? The assignee and the board (Action::commission).
bool may_deliver_commission(const model::Commission& c, const model::Actor& actor);
// "Sở Y tế", "Nguyễn Văn A (nva)": whom it is assigned to, as it reads now.
std::string assignee_label(const store::Txn& txn, const store::Tables& t, const model::Commission& c);

// Creates an open commission. refused without Action::commission; invalid with every problem of the
// fields (kind, title 1..200, brief up to 4000 characters, an existing agency or an active account that
// writes articles, a due date from today on).
CommissionResult create_commission(const store::Store& store, const CommissionFields& f, const model::Actor& actor,
                                   model::UnixTime now, const mail::Outbox& outbox = {});
// Delivers an open commission with the article `article_ref` names (model::parse_article_ref), which
// must exist and be visible to the actor (editorial::may_view). not_found when the actor may not see
// the commission; refused when they may not deliver it or it is no longer open; invalid for the article.
CommissionResult deliver_commission(const store::Store& store, std::uint64_t id, std::string_view article_ref,
                                    const model::Actor& actor, model::UnixTime now, const mail::Outbox& outbox = {});
// Cancels an open commission with the board's reason (required, up to 1000 characters). not_found when
// the actor may not see it; refused without Action::commission or when it is no longer open.
CommissionResult cancel_commission(const store::Store& store, std::uint64_t id, std::string_view reason,
                                   const model::Actor& actor, model::UnixTime now, const mail::Outbox& outbox = {});

}  // namespace portald::editorial
