#include "daemon/accounts/board.hpp"

#include "daemon/mail/address.hpp"
#include "daemon/model/audit_action.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/board_change_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::accounts {
namespace {

using model::AuditAction;
using model::BoardChange;
using model::BoardChangeKind;

bool is_self(const Actor& actor, std::string_view username) { return !actor.console && actor.username == username; }

// "create:deputy" or "reporter -> deputy": what the audit entry's from/to say about the change.
void audit(store::WriteTxn& txn, const store::Tables& t, AuditAction action, const BoardChange& c,
           std::string_view reason, const Actor& actor, model::UnixTime now) {
  const bool created = c.kind == BoardChangeKind::create;
  store::append_audit(txn, t, action,
                      {.at = now,
                       .actor = actor.username,
                       .object = "user/" + c.username,
                       .from = created ? std::string() : std::string(model::to_string(c.from)),
                       .to = (created ? "create:" : "") + std::string(model::to_string(c.to)),
                       .reason = std::string(reason),
                       .address = actor.address});
}

}  // namespace

bool needs_board_approval(std::optional<model::Role> from, model::Role to, const Actor& actor) {
  if (actor.console || (from && *from == to)) return false;
  return model::is_board_role(to) || (from && model::is_board_role(*from));
}

Result propose_account(store::WriteTxn& txn, const store::Tables& t, const NewAccount& account, std::string_view email,
                       const Actor& actor, model::UnixTime now) {
  if (!model::is_valid_username(account.username)) return {Refusal::invalid_username};
  if (model::needs_agency(account.role) && !account.agency_id) return {Refusal::agency_required};
  if (!email.empty() && !mail::is_valid_address(email)) return {Refusal::invalid_email};
  if (store::get_user(txn, t, account.username) || store::get_board_change(txn, t, account.username))
    return {Refusal::exists};
  const BoardChange c{.username = account.username,
                      .kind = BoardChangeKind::create,
                      .to = account.role,
                      .display_name = account.display_name,
                      .agency_id = account.agency_id,
                      .password_hash = account.password_hash,
                      .generated_password = account.generated_password,
                      .email = std::string(email),
                      .proposed_by = actor.username,
                      .proposed_at = now};
  store::put_board_change(txn, t, c);
  audit(txn, t, AuditAction::user_board_propose, c, "", actor, now);
  return {};
}

Result propose_role(store::WriteTxn& txn, const store::Tables& t, std::string_view username, model::Role role,
                    std::string_view reason, const Actor& actor, model::UnixTime now) {
  if (!model::is_valid_username(username)) return {Refusal::not_found};
  const auto u = store::get_user(txn, t, username);
  if (!u) return {Refusal::not_found};
  if (is_self(actor, username)) return {Refusal::self};
  if (model::needs_agency(role) && !u->agency_id) return {Refusal::agency_required};
  if (u->role == role) return {Refusal::nothing_to_do};
  if (store::get_board_change(txn, t, username)) return {Refusal::pending};
  const BoardChange c{.username = u->username,
                      .kind = BoardChangeKind::role,
                      .from = u->role,
                      .to = role,
                      .reason = std::string(reason),
                      .proposed_by = actor.username,
                      .proposed_at = now};
  store::put_board_change(txn, t, c);
  audit(txn, t, AuditAction::user_board_propose, c, reason, actor, now);
  return {};
}

Result approve_board_change(store::WriteTxn& txn, const store::Tables& t, std::string_view username, const Actor& actor,
                            model::UnixTime now) {
  if (!model::is_valid_username(username)) return {Refusal::not_found};
  const auto c = store::get_board_change(txn, t, username);
  if (!c) return {Refusal::not_found};
  if (is_self(actor, username)) return {Refusal::self};
  Result r;
  if (c->kind == BoardChangeKind::create) {
    r = create_account(txn, t,
                       {c->username, c->display_name, c->to, c->agency_id, c->password_hash, c->generated_password},
                       actor, now);
    if (r && !c->email.empty()) r = set_email(txn, t, c->username, c->email, actor, now);
  } else {
    r = change_role(txn, t, c->username, c->to, c->reason, actor, now);
  }
  if (!r) return r;
  store::delete_board_change(txn, t, username);
  audit(txn, t, AuditAction::user_board_approve, *c, c->reason, actor, now);
  return r;
}

Result reject_board_change(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                           std::string_view reason, const Actor& actor, model::UnixTime now) {
  if (!model::is_valid_username(username)) return {Refusal::not_found};
  const auto c = store::get_board_change(txn, t, username);
  if (!c) return {Refusal::not_found};
  if (is_self(actor, username)) return {Refusal::self};
  if (model::trim(reason).empty()) return {Refusal::reason_required};
  store::delete_board_change(txn, t, username);
  audit(txn, t, AuditAction::user_board_reject, *c, reason, actor, now);
  return {};
}

}  // namespace portald::accounts
