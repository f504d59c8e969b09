#pragma once
// Who sits on the editorial board (Quy chế Điều 6.1a, 11.1b): an operator's change that puts an account
// on the board, moves it within, or takes it off waits for the editor-in-chief or a deputy, who approve
// or reject it; the account keeps its old role (or does not exist) until then. portaldctl's changes,
// made on the server's console, apply at once: that is how the first editor-in-chief is made. Each
// function works in the caller's write transaction and appends its audit entry there.
#include <optional>
#include <string_view>

#include "daemon/accounts/accounts.hpp"
#include "daemon/model/board_change.hpp"

namespace portald::accounts {

// True when a change of an account from `from` (std::nullopt: a new account) to `to`, made by `actor`,
// must wait for the board: it touches a board role, and the actor is not the console.
bool needs_board_approval(std::optional<model::Role> from, model::Role to, const Actor& actor);

// Records a new board account as pending (user.board-propose); the account is made on approval, with
// the password hashed now. Refuses invalid_username, agency_required, exists (an account or a pending
// one of that name), invalid_email.
Result propose_account(store::WriteTxn& txn, const store::Tables& t, const NewAccount& account, std::string_view email,
                       const Actor& actor, model::UnixTime now);
// Records a role change into, within or out of the board as pending (user.board-propose). Refuses
// not_found, self, agency_required, nothing_to_do (the role it has), pending (one already waits).
Result propose_role(store::WriteTxn& txn, const store::Tables& t, std::string_view username, model::Role role,
                    std::string_view reason, const Actor& actor, model::UnixTime now);
// Applies the pending change (user.create or user.role, then user.board-approve, all by the approver).
// Refuses not_found (nothing pending), self (a change of the approver's own account), exists (the name
// was taken meanwhile), agency_required.
Result approve_board_change(store::WriteTxn& txn, const store::Tables& t, std::string_view username, const Actor& actor,
                            model::UnixTime now);
// Drops the pending change with the approver's reason (user.board-reject). Refuses not_found, self,
// reason_required.
Result reject_board_change(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                           std::string_view reason, const Actor& actor, model::UnixTime now);

}  // namespace portald::accounts
