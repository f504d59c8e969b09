#pragma once
// What logging in and out writes: sessions (start, touch, end), the second-factor steps and their audit
// entries. Like accounts.hpp, each function works inside the caller's write transaction and appends its
// audit entry there. Checking the password (auth/login.hpp) and reading a session (auth/session.hpp)
// stay in auth; the web handlers parse requests, keep the rate limits and render.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/session.hpp"
#include "daemon/model/user.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/store.hpp"

namespace portald::accounts {

// After a good password: drops expired sessions, starts one for `user` (its second factor still to pass
// when the role needs one) and audits login.ok. Returns the token for the cookie.
std::string start_session(store::WriteTxn& txn, const store::Tables& t, const model::User& user,
                          std::string_view address, model::UnixTime now, std::string_view device = {});
// Audits a refused login: login.failed, or login.limited when the rate limit held it. The name as typed
// is cut to 64 bytes (it may be anything).
void record_refused_login(store::WriteTxn& txn, const store::Tables& t, std::string_view username, bool rate_limited,
                          std::string_view address, model::UnixTime now);

// Moves the session's last_seen to `now`; false (nothing written) when it ended meanwhile, so a log-out
// or suspension is never undone by a touch.
bool touch_session(store::WriteTxn& txn, const store::Tables& t, std::string_view session_key, model::UnixTime now);
// Logs one session out (logout).
void end_session(store::WriteTxn& txn, const store::Tables& t, std::string_view session_key, std::string_view username,
                 std::string_view address, model::UnixTime now);
// Logs `username` out everywhere (logout.everywhere); returns how many sessions ended.
std::size_t end_all_sessions(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                             std::string_view address, model::UnixTime now);

// --- a user's open sessions, per device (issue 16) ----------------------------------------------------
// One live session of a user, for the sessions page.
struct OpenSession {
  std::string id;  // names the session in the page's forms (session_id): neither the cookie nor the table key
  model::Session session;
  bool current = false;  // the session the request came with
};
// A short public name for the session with this table key: hex of a hash of the key.
std::string session_id(std::string_view session_key);
// The user's live sessions (auth's timeouts), the current one first, then by last use, newest first.
std::vector<OpenSession> open_sessions(const store::Txn& txn, const store::Tables& t, std::string_view username,
                                       std::string_view current_key, model::UnixTime now);
enum class EndOutcome { ended, not_found, current };
// Ends the user's session named `id` (logout.session, "to" its device and address). not_found for an id
// that is none of the user's sessions, current for the one in use (that is the ordinary logout); nothing
// is written then.
EndOutcome end_other_session(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                             std::string_view id, std::string_view current_key, std::string_view address,
                             model::UnixTime now);
// Ends every session of the user but the current one (logout.others); returns how many.
std::size_t end_other_sessions(store::WriteTxn& txn, const store::Tables& t, std::string_view username,
                               std::string_view current_key, std::string_view address, model::UnixTime now);

// TOTP secrets are stored sealed under the personal-data key (issue 16): the account's and the one an
// enrolment offers, both with purpose totp_purpose(username).
std::string totp_purpose(std::string_view username);

// Enrolment page: gives the session a new TOTP secret to show, unless it already holds one that opens.
// Writes only the session; the account takes the secret when a code confirms it. Returns the secret in
// clear, for the page.
std::string offer_totp_secret(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key,
                              std::string_view session_key, model::Session& session);

enum class SecondFactor {
  passed,      // the session is past the second factor
  refused,     // wrong, expired or replayed code
  no_account,  // the account vanished meanwhile (nothing written)
  unreadable,  // the stored secret does not open under this key (another key file): nothing written
};
// Enrolment: a code from the offered secret makes it the account's and passes the session
// (login.totp-enrolled). A wrong code writes nothing.
SecondFactor confirm_totp_enrolment(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key,
                                    std::string_view session_key, model::Session& session, std::string_view code,
                                    std::string_view address, model::UnixTime now);
// Login: a code of a time step newer than the last one used passes the session (login.totp-ok); any other
// is refused and audited (login.totp-failed). A code works once.
SecondFactor verify_totp(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key,
                         std::string_view session_key, model::Session& session, std::string_view code,
                         std::string_view address, model::UnixTime now);

// Seals every account's TOTP secret still stored in clear (stores from before issue 16), at daemon start;
// returns how many. Secrets sealed under another key are left as they are (and refused at login).
std::size_t seal_clear_totp_secrets(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key);

}  // namespace portald::accounts
