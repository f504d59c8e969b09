#include "daemon/store/session_table.hpp"

#include <string>
#include <vector>

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

constexpr int kFormat = 1;

model::Session decode(std::string_view bytes) {
  const auto j = decode_record(bytes, kFormat, "session");
  model::Session s;
  s.username = j.value("username", "");
  s.created_at = j.value("created_at", model::UnixTime{0});
  s.last_seen = j.value("last_seen", model::UnixTime{0});
  s.csrf = j.value("csrf", "");
  s.second_factor_ok = j.value("second_factor_ok", false);
  s.pending_totp = j.value("pending_totp", "");
  return s;
}

// Keys of the sessions for which `drop` is true.
template <class Pred>
std::size_t delete_where(WriteTxn& txn, const Tables& t, Pred drop) {
  std::vector<std::string> doomed;
  {
    Cursor c(txn, t.sessions);
    for (bool ok = c.first(); ok; ok = c.next())
      if (drop(decode(c.value()))) doomed.emplace_back(c.key());
  }
  for (const auto& k : doomed) txn.del(t.sessions, k);
  return doomed.size();
}

}  // namespace

std::optional<model::Session> get_session(const Txn& txn, const Tables& t, std::string_view token_hash) {
  const auto v = txn.get(t.sessions, token_hash);
  return v ? std::optional(decode(*v)) : std::nullopt;
}

void put_session(WriteTxn& txn, const Tables& t, std::string_view token_hash, const model::Session& s) {
  txn.put(t.sessions, token_hash,
          encode_record({{"username", s.username},
                         {"created_at", s.created_at},
                         {"last_seen", s.last_seen},
                         {"csrf", s.csrf},
                         {"second_factor_ok", s.second_factor_ok},
                         {"pending_totp", s.pending_totp}},
                        kFormat));
}

void delete_session(WriteTxn& txn, const Tables& t, std::string_view token_hash) { txn.del(t.sessions, token_hash); }

std::size_t delete_user_sessions(WriteTxn& txn, const Tables& t, std::string_view username) {
  return delete_where(txn, t, [&](const model::Session& s) { return s.username == username; });
}

std::size_t expire_sessions(WriteTxn& txn, const Tables& t, model::UnixTime idle_before, model::UnixTime created_before) {
  return delete_where(txn, t, [&](const model::Session& s) {
    return s.last_seen < idle_before || s.created_at < created_before;
  });
}

}  // namespace portald::store
