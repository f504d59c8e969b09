#pragma once
// Accounts on top of the store: create, change role, suspend, reinstate, reset the second factor and
// recover from the console. Each function works inside the caller's write transaction, checks the rule
// and appends its audit entry there, so the change and its audit line commit together (nothing is
// written when it refuses). The admin pages and portaldctl both call these.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/actor.hpp"
#include "daemon/model/time.hpp"
#include "daemon/model/user.hpp"
#include "daemon/store/store.hpp"

namespace portald::accounts {

// Who acts: an operator on the admin pages (actor_of), or the server's console (model::console_actor()).
using model::Actor;

enum class Refusal {
  none,
  invalid_username,  // not 3..32 of [a-z0-9._-] starting with a letter
  exists,            // create: the name is taken
  not_found,         // no such account
  agency_required,   // the role belongs to an agency (model::needs_agency) and the account has none
  self,              // an operator may not change their own role, suspend or reinstate themselves
  reason_required,   // a suspension says why
  nothing_to_do,     // recover asked for no change
  invalid_email,     // set_email: not an address of the form local@domain (daemon/mail/address.hpp)
  pending,           // a change of the account already waits for the board (board.hpp)
};

struct Result {
  Refusal refusal = Refusal::none;
  std::size_t sessions_ended = 0;
  explicit operator bool() const { return refusal == Refusal::none; }
};

struct NewAccount {
  std::string username{};
  std::string display_name{};  // "" = the username
  model::Role role = model::Role::reporter;
  std::uint64_t agency_id = 0;      // 0 = none
  std::string password_hash{};      // auth::hash_password, before the write transaction: it is slow
  bool generated_password = false;  // the password was made by the system: changed at first login
};

// Creates the account (user.create). Refuses invalid_username, agency_required, exists.
Result create_account(store::WriteTxn& txn, const store::Tables& t, const NewAccount& account, const Actor& actor,
                      model::UnixTime now);
// Gives the account another role (user.role). Refuses not_found, self, agency_required.
Result change_role(store::WriteTxn& txn, const store::Tables& t, std::string_view username, model::Role role,
                   std::string_view reason, const Actor& actor, model::UnixTime now);
// Suspends the account and ends its sessions (user.suspend). Refuses not_found, self, reason_required.
Result suspend(store::WriteTxn& txn, const store::Tables& t, std::string_view username, std::string_view reason,
               const Actor& actor, model::UnixTime now);
// Lifts a suspension (user.reinstate). Refuses not_found, self.
Result reinstate(store::WriteTxn& txn, const store::Tables& t, std::string_view username, std::string_view reason,
                 const Actor& actor, model::UnixTime now);
// Clears the TOTP secret, so the account enrols again at its next login, and ends its sessions
// (user.totp-reset). Refuses not_found.
Result reset_second_factor(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                           std::string_view reason, const Actor& actor, model::UnixTime now);

// Sets the account's work e-mail, where the editorial notices go (Điều 8.4; "" removes it), as
// user.email with the old and new address. Staff work addresses are not sealed (they are the province's,
// not personal data); the notices themselves go through the sealed outbox. Refuses not_found,
// invalid_email.
Result set_email(store::WriteTxn& txn, const store::Tables& t, std::string_view username, std::string_view email,
                 const Actor& actor, model::UnixTime now);

// The user's own new password (user.password-change): clears the forced change and ends the account's
// other sessions, keeping `keep_session` (the token hash of the session that changed it). The caller
// has checked the current password and the new one's strength. Refuses not_found.
Result change_password(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                       std::string_view password_hash, std::string_view keep_session, const Actor& actor,
                       model::UnixTime now);
// An operator's reset (user.password-reset): the account gets a one-time password (hashed beforehand,
// shown once to the operator) that must be changed at the next login, and every session ends. Refuses
// not_found, and self (an operator changes their own password on the password page).
Result reset_password(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                      std::string_view password_hash, std::string_view reason, const Actor& actor, model::UnixTime now);

// An operator ends every session of another account (user.sessions-end, "to" says how many): a lost
// phone, a shared computer (issue 16). Refuses not_found, and self (the operator's own sessions are on
// their sessions page).
Result end_sessions(store::WriteTxn& txn, const store::Tables& t, std::string_view username, const Actor& actor,
                    model::UnixTime now);

// What `portaldctl user recover` changes when no operator can log in.
struct Recovery {
  std::optional<std::string> password_hash{};  // a new password, hashed beforehand
  bool clear_second_factor = false;
  bool reinstate = false;
};
// Applies the recovery and ends the account's sessions (user.recover, "to" says what changed). Refuses
// nothing_to_do, not_found.
Result recover(store::WriteTxn& txn, const store::Tables& t, std::string_view username, const Recovery& what,
               const Actor& actor, model::UnixTime now);
// "new password; second factor cleared; reinstated": what a recovery changes, as its audit entry says.
std::string recovery_summary(const Recovery& what);

}  // namespace portald::accounts
