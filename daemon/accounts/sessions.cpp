#include "daemon/accounts/sessions.hpp"

#include <algorithm>

#include "daemon/auth/session.hpp"
#include "daemon/auth/totp.hpp"
#include "daemon/model/audit_action.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::accounts {
namespace {

using model::AuditAction;

// Login and session entries: the user acts on their own account.
void audit(store::WriteTxn& txn, const store::Tables& t, AuditAction action, std::string_view username,
           std::string_view address, model::UnixTime now, std::string to = {}) {
  store::append_audit(txn, t, action,
                      {.at = now,
                       .actor = std::string(username),
                       .object = "user/" + std::string(username),
                       .to = std::move(to),
                       .address = std::string(address)});
}

// The session has passed the second factor; the offered secret, if any, is spent.
void pass(store::WriteTxn& txn, const store::Tables& t, std::string_view session_key, model::Session& session) {
  session.second_factor_ok = true;
  session.pending_totp.clear();
  store::put_session(txn, t, session_key, session);
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 0xF];
  }
  return out;
}

}  // namespace

std::string start_session(store::WriteTxn& txn, const store::Tables& t, const model::User& user,
                          std::string_view address, model::UnixTime now, std::string_view device) {
  store::expire_sessions(txn, t, now - auth::kIdleTimeout, now - auth::kAbsoluteTimeout);
  std::string token =
      auth::create_session(txn, t, user.username, now, !model::needs_second_factor(user.role), device, address);
  audit(txn, t, AuditAction::login_ok, user.username, address, now);
  return token;
}

void record_refused_login(store::WriteTxn& txn, const store::Tables& t, std::string_view username, bool rate_limited,
                          std::string_view address, model::UnixTime now) {
  audit(txn, t, rate_limited ? AuditAction::login_limited : AuditAction::login_failed, username.substr(0, 64), address,
        now);
}

bool touch_session(store::WriteTxn& txn, const store::Tables& t, std::string_view session_key, model::UnixTime now) {
  auto s = store::get_session(txn, t, session_key);
  if (!s) return false;
  s->last_seen = now;
  store::put_session(txn, t, session_key, *s);
  return true;
}

void end_session(store::WriteTxn& txn, const store::Tables& t, std::string_view session_key, std::string_view username,
                 std::string_view address, model::UnixTime now) {
  store::delete_session(txn, t, session_key);
  audit(txn, t, AuditAction::logout, username, address, now);
}

std::size_t end_all_sessions(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                             std::string_view address, model::UnixTime now) {
  const auto n = store::delete_user_sessions(txn, t, username);
  audit(txn, t, AuditAction::logout_everywhere, username, address, now, std::to_string(n) + " phiên");
  return n;
}

std::string session_id(std::string_view session_key) {
  // The table key is already a hash of the cookie's token; hashing it again keeps the key itself (what a
  // copy of the store holds) off the page. 12 bytes are ample to tell one user's sessions apart.
  return to_hex(auth::token_hash(session_key).substr(0, 12));
}

std::vector<OpenSession> open_sessions(const store::Txn& txn, const store::Tables& t, std::string_view username,
                                       std::string_view current_key, model::UnixTime now) {
  std::vector<OpenSession> out;
  for (auto& [key, s] : store::list_user_sessions(txn, t, username)) {
    if (now - s.last_seen > auth::kIdleTimeout || now - s.created_at > auth::kAbsoluteTimeout) continue;
    out.push_back({.id = session_id(key), .session = std::move(s), .current = key == current_key});
  }
  std::stable_sort(out.begin(), out.end(), [](const OpenSession& a, const OpenSession& b) {
    return a.current != b.current ? a.current : a.session.last_seen > b.session.last_seen;
  });
  return out;
}

EndOutcome end_other_session(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                             std::string_view id, std::string_view current_key, std::string_view address,
                             model::UnixTime now) {
  for (const auto& [key, s] : store::list_user_sessions(txn, t, username)) {
    if (session_id(key) != id) continue;
    if (key == current_key) return EndOutcome::current;
    store::delete_session(txn, t, key);
    audit(
        txn, t, AuditAction::logout_session, username, address, now,
        (s.device.empty() ? std::string("Không rõ thiết bị") : s.device) + (s.address.empty() ? "" : ", " + s.address));
    return EndOutcome::ended;
  }
  return EndOutcome::not_found;
}

std::size_t end_other_sessions(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                               std::string_view current_key, std::string_view address, model::UnixTime now) {
  std::size_t n = 0;
  for (const auto& [key, s] : store::list_user_sessions(txn, t, username))
    if (key != current_key) {
      store::delete_session(txn, t, key);
      ++n;
    }
  audit(txn, t, AuditAction::logout_others, username, address, now, std::to_string(n) + " phiên");
  return n;
}

std::string totp_purpose(std::string_view username) { return "totp:" + std::string(username); }

std::string offer_totp_secret(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key,
                              std::string_view session_key, model::Session& session) {
  const std::string purpose = totp_purpose(session.username);
  if (auto offered = key.open(session.pending_totp, purpose)) return *offered;
  std::string secret = auth::new_totp_secret();
  session.pending_totp = key.seal(secret, purpose);
  store::put_session(txn, t, session_key, session);
  return secret;
}

SecondFactor confirm_totp_enrolment(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key,
                                    std::string_view session_key, model::Session& session, std::string_view code,
                                    std::string_view address, model::UnixTime now) {
  const auto offered = key.open(session.pending_totp, totp_purpose(session.username));
  if (!offered) return SecondFactor::refused;
  const auto step = auth::totp_match(*offered, code, now);
  if (!step) return SecondFactor::refused;
  auto u = store::get_user(txn, t, session.username);
  if (!u) return SecondFactor::no_account;
  u->totp_secret = session.pending_totp;  // sealed for the same account and purpose
  u->totp_last_step = *step;
  store::put_user(txn, t, *u);
  pass(txn, t, session_key, session);
  audit(txn, t, AuditAction::login_totp_enrolled, u->username, address, now);
  return SecondFactor::passed;
}

SecondFactor verify_totp(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key,
                         std::string_view session_key, model::Session& session, std::string_view code,
                         std::string_view address, model::UnixTime now) {
  auto u = store::get_user(txn, t, session.username);
  if (!u) return SecondFactor::no_account;
  const auto secret = key.open(u->totp_secret, totp_purpose(u->username));
  if (!secret) return SecondFactor::unreadable;
  const auto step = auth::totp_match(*secret, code, now);
  // A step not newer than the last one accepted is a replayed code.
  if (!step || *step <= u->totp_last_step) {
    audit(txn, t, AuditAction::login_totp_failed, u->username, address, now);
    return SecondFactor::refused;
  }
  u->totp_last_step = *step;
  store::put_user(txn, t, *u);
  pass(txn, t, session_key, session);
  audit(txn, t, AuditAction::login_totp_ok, u->username, address, now);
  return SecondFactor::passed;
}

std::size_t seal_clear_totp_secrets(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key) {
  std::size_t sealed = 0;
  for (auto& u : store::list_users(txn, t)) {
    if (u.totp_secret.empty() || secrets::is_sealed(u.totp_secret)) continue;
    u.totp_secret = key.seal(u.totp_secret, totp_purpose(u.username));
    store::put_user(txn, t, u);
    ++sealed;
  }
  return sealed;
}

}  // namespace portald::accounts
