#include "daemon/store/login_failure_table.hpp"

#include <string>

#include "daemon/store/lmdb.hpp"

namespace portald::store {
namespace {

// be64(time_key(t)) per failure: small and without a parser to get wrong.
std::string encode(const std::vector<model::UnixTime>& times) {
  std::string v;
  for (const auto t : times) v += be64(time_key(t));
  return v;
}

std::vector<model::UnixTime> decode(std::string_view v) {
  std::vector<model::UnixTime> times;
  for (std::size_t at = 0; at + 8 <= v.size(); at += 8)
    times.push_back(static_cast<model::UnixTime>(time_key(static_cast<std::int64_t>(read_be64(v.substr(at, 8))))));
  return times;
}

}  // namespace

std::vector<model::UnixTime> get_login_failures(const Txn& txn, const Tables& t, std::string_view key) {
  const auto v = txn.get(t.login_failures, key);
  return v ? decode(*v) : std::vector<model::UnixTime>{};
}

void put_login_failures(WriteTxn& txn, const Tables& t, std::string_view key,
                        const std::vector<model::UnixTime>& times) {
  if (times.empty())
    txn.del(t.login_failures, key);
  else
    txn.put(t.login_failures, key, encode(times));
}

std::size_t prune_login_failures(WriteTxn& txn, const Tables& t, model::UnixTime before) {
  std::vector<std::string> stale;
  {
    Cursor c(txn, t.login_failures);
    for (bool ok = c.first(); ok; ok = c.next()) {
      const auto times = decode(c.value());
      if (times.empty() || times.back() < before) stale.emplace_back(c.key());
    }
  }
  for (const auto& k : stale) txn.del(t.login_failures, k);
  return stale.size();
}

}  // namespace portald::store
