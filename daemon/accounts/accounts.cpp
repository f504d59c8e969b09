#include "daemon/accounts/accounts.hpp"

#include "daemon/mail/address.hpp"
#include "daemon/model/audit_action.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::accounts {
namespace {

using model::AuditAction;

// A name that is no valid user name is no account either (and never reaches LMDB as a key).
std::optional<model::User> load(const store::WriteTxn& txn, const store::Tables& t, std::string_view username) {
  if (!model::is_valid_username(username)) return std::nullopt;
  return store::get_user(txn, t, username);
}

bool is_self(const Actor& actor, std::string_view username) { return !actor.console && actor.username == username; }

std::string state_of(const model::User& u) { return u.suspended ? "suspended" : "active"; }

struct Change {
  std::string from{};
  std::string to{};
  std::string_view reason{};
};

void audit(store::WriteTxn& txn, const store::Tables& t, AuditAction action, std::string_view username,
           const Actor& actor, Change c, model::UnixTime now) {
  store::append_audit(txn, t, action,
                      {.at = now,
                       .actor = actor.username,
                       .object = "user/" + std::string(username),
                       .from = std::move(c.from),
                       .to = std::move(c.to),
                       .reason = std::string(c.reason),
                       .address = actor.address});
}

}  // namespace

Result create_account(store::WriteTxn& txn, const store::Tables& t, const NewAccount& account, const Actor& actor,
                      model::UnixTime now) {
  if (!model::is_valid_username(account.username)) return {Refusal::invalid_username};
  if (model::needs_agency(account.role) && !account.agency_id) return {Refusal::agency_required};
  if (store::get_user(txn, t, account.username)) return {Refusal::exists};
  model::User u;
  u.username = account.username;
  u.display_name = account.display_name.empty() ? account.username : account.display_name;
  u.role = account.role;
  u.agency_id = account.agency_id;
  u.password_hash = account.password_hash;
  u.must_change_password = account.generated_password;
  u.created_at = now;
  store::put_user(txn, t, u);
  audit(txn, t, AuditAction::user_create, u.username, actor, {.to = std::string(model::to_string(u.role))}, now);
  return {};
}

Result change_role(store::WriteTxn& txn, const store::Tables& t, std::string_view username, model::Role role,
                   std::string_view reason, const Actor& actor, model::UnixTime now) {
  auto u = load(txn, t, username);
  if (!u) return {Refusal::not_found};
  if (is_self(actor, username)) return {Refusal::self};
  if (model::needs_agency(role) && !u->agency_id) return {Refusal::agency_required};
  Change c{std::string(model::to_string(u->role)), std::string(model::to_string(role)), reason};
  u->role = role;
  store::put_user(txn, t, *u);
  audit(txn, t, AuditAction::user_role, username, actor, std::move(c), now);
  return {};
}

Result suspend(store::WriteTxn& txn, const store::Tables& t, std::string_view username, std::string_view reason,
               const Actor& actor, model::UnixTime now) {
  auto u = load(txn, t, username);
  if (!u) return {Refusal::not_found};
  if (is_self(actor, username)) return {Refusal::self};
  if (model::trim(reason).empty()) return {Refusal::reason_required};
  Change c{state_of(*u), "suspended", reason};
  u->suspended = true;
  store::put_user(txn, t, *u);
  // Their sessions end now, in the same transaction as the suspension.
  const auto ended = store::delete_user_sessions(txn, t, username);
  audit(txn, t, AuditAction::user_suspend, username, actor, std::move(c), now);
  return {Refusal::none, ended};
}

Result reinstate(store::WriteTxn& txn, const store::Tables& t, std::string_view username, std::string_view reason,
                 const Actor& actor, model::UnixTime now) {
  auto u = load(txn, t, username);
  if (!u) return {Refusal::not_found};
  if (is_self(actor, username)) return {Refusal::self};
  Change c{state_of(*u), "active", reason};
  u->suspended = false;
  store::put_user(txn, t, *u);
  audit(txn, t, AuditAction::user_reinstate, username, actor, std::move(c), now);
  return {};
}

Result set_email(store::WriteTxn& txn, const store::Tables& t, std::string_view username, std::string_view email,
                 const Actor& actor, model::UnixTime now) {
  auto u = load(txn, t, username);
  if (!u) return {Refusal::not_found};
  if (!email.empty() && !mail::is_valid_address(email)) return {Refusal::invalid_email};
  if (u->email == email) return {};
  Change c{u->email, std::string(email), {}};
  u->email = std::string(email);
  store::put_user(txn, t, *u);
  audit(txn, t, AuditAction::user_email, username, actor, std::move(c), now);
  return {};
}

Result reset_second_factor(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                           std::string_view reason, const Actor& actor, model::UnixTime now) {
  auto u = load(txn, t, username);
  if (!u) return {Refusal::not_found};
  u->totp_secret.clear();
  store::put_user(txn, t, *u);
  // A session that passed the old second factor must not outlive it.
  const auto ended = store::delete_user_sessions(txn, t, username);
  audit(txn, t, AuditAction::user_totp_reset, username, actor, {.reason = reason}, now);
  return {Refusal::none, ended};
}

Result change_password(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                       std::string_view password_hash, std::string_view keep_session, const Actor& actor,
                       model::UnixTime now) {
  auto u = load(txn, t, username);
  if (!u) return {Refusal::not_found};
  u->password_hash = password_hash;
  u->must_change_password = false;
  store::put_user(txn, t, *u);
  // Whoever else held the old password is logged out; the device that changed it stays in.
  std::optional<model::Session> kept;
  if (!keep_session.empty()) kept = store::get_session(txn, t, keep_session);
  auto ended = store::delete_user_sessions(txn, t, username);
  if (kept) {
    store::put_session(txn, t, keep_session, *kept);
    --ended;
  }
  audit(txn, t, AuditAction::user_password_change, username, actor, {}, now);
  return {Refusal::none, ended};
}

Result reset_password(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                      std::string_view password_hash, std::string_view reason, const Actor& actor,
                      model::UnixTime now) {
  auto u = load(txn, t, username);
  if (!u) return {Refusal::not_found};
  if (is_self(actor, username)) return {Refusal::self};
  u->password_hash = password_hash;
  u->must_change_password = true;
  store::put_user(txn, t, *u);
  const auto ended = store::delete_user_sessions(txn, t, username);
  audit(txn, t, AuditAction::user_password_reset, username, actor, {.reason = reason}, now);
  return {Refusal::none, ended};
}

Result end_sessions(store::WriteTxn& txn, const store::Tables& t, std::string_view username, const Actor& actor,
                    model::UnixTime now) {
  if (!load(txn, t, username)) return {Refusal::not_found};
  if (is_self(actor, username)) return {Refusal::self};
  const auto ended = store::delete_user_sessions(txn, t, username);
  audit(txn, t, AuditAction::user_sessions_end, username, actor, {.to = std::to_string(ended) + " phiên"}, now);
  return {Refusal::none, ended};
}

Result recover(store::WriteTxn& txn, const store::Tables& t, std::string_view username, const Recovery& what,
               const Actor& actor, model::UnixTime now) {
  if (!what.password_hash && !what.clear_second_factor && !what.reinstate) return {Refusal::nothing_to_do};
  auto u = load(txn, t, username);
  if (!u) return {Refusal::not_found};
  if (what.password_hash) {
    u->password_hash = *what.password_hash;
    u->must_change_password = true;  // the console printed it: the person picks their own at login
  }
  if (what.clear_second_factor) u->totp_secret.clear();
  if (what.reinstate) u->suspended = false;
  store::put_user(txn, t, *u);
  // Whoever held the lost password or phone is logged out.
  const auto ended = store::delete_user_sessions(txn, t, username);
  audit(txn, t, AuditAction::user_recover, username, actor, {.to = recovery_summary(what)}, now);
  return {Refusal::none, ended};
}

std::string recovery_summary(const Recovery& what) {
  std::string out;
  const auto add = [&out](std::string_view part) { out += (out.empty() ? "" : "; ") + std::string(part); };
  if (what.password_hash) add("new password");
  if (what.clear_second_factor) add("second factor cleared");
  if (what.reinstate) add("reinstated");
  return out;
}

}  // namespace portald::accounts
