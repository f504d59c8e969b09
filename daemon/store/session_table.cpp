#include "daemon/store/session_table.hpp"

#include <string>
#include <vector>

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::Session;
constexpr std::tuple kSessionFields{
    codec::optional("username", &Session::username),
    codec::optional("created_at", &Session::created_at),
    codec::optional("last_seen", &Session::last_seen),
    codec::optional("csrf", &Session::csrf),
    codec::optional("second_factor_ok", &Session::second_factor_ok),
    codec::optional("pending_totp", &Session::pending_totp),
    codec::optional("device", &Session::device),    // issue 16; absent in older records
    codec::optional("address", &Session::address),  // issue 16; absent in older records
};
constexpr auto kRecord = codec::record<Session>("session", 1, kSessionFields);

// Keys of the sessions for which `drop` is true.
template <class Pred>
std::size_t delete_where(WriteTxn& txn, const Tables& t, Pred drop) {
  std::vector<std::string> doomed;
  {
    Cursor c(txn, t.sessions);
    for (bool ok = c.first(); ok; ok = c.next())
      if (drop(kRecord.decode(c.value()))) doomed.emplace_back(c.key());
  }
  for (const auto& k : doomed) txn.del(t.sessions, k);
  return doomed.size();
}

}  // namespace

std::optional<model::Session> get_session(const Txn& txn, const Tables& t, std::string_view token_hash) {
  const auto v = txn.get(t.sessions, token_hash);
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

void put_session(WriteTxn& txn, const Tables& t, std::string_view token_hash, const model::Session& s) {
  txn.put(t.sessions, token_hash, kRecord.encode(s));
}

void delete_session(WriteTxn& txn, const Tables& t, std::string_view token_hash) { txn.del(t.sessions, token_hash); }

std::size_t delete_user_sessions(WriteTxn& txn, const Tables& t, std::string_view username) {
  return delete_where(txn, t, [&](const model::Session& s) { return s.username == username; });
}

std::vector<std::pair<std::string, model::Session>> list_user_sessions(const Txn& txn, const Tables& t,
                                                                       std::string_view username) {
  std::vector<std::pair<std::string, model::Session>> out;
  Cursor c(txn, t.sessions);
  for (bool ok = c.first(); ok; ok = c.next()) {
    model::Session s = kRecord.decode(c.value());
    if (s.username == username) out.emplace_back(std::string(c.key()), std::move(s));
  }
  return out;
}

std::size_t count_sessions(const Txn& txn, const Tables& t, model::UnixTime seen_since, model::UnixTime created_since) {
  std::size_t n = 0;
  Cursor c(txn, t.sessions);
  for (bool ok = c.first(); ok; ok = c.next()) {
    const model::Session s = kRecord.decode(c.value());
    if (s.last_seen >= seen_since && s.created_at >= created_since) ++n;
  }
  return n;
}

std::size_t expire_sessions(WriteTxn& txn, const Tables& t, model::UnixTime idle_before,
                            model::UnixTime created_before) {
  return delete_where(
      txn, t, [&](const model::Session& s) { return s.last_seen < idle_before || s.created_at < created_before; });
}

}  // namespace portald::store
