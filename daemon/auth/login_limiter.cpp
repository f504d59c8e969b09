#include "daemon/auth/login_limiter.hpp"

#include <algorithm>
#include <vector>

#include "daemon/store/login_failure_table.hpp"

namespace portald::auth {
namespace {

std::string account_key(std::string_view account) { return "a:" + std::string(account.substr(0, 128)); }
std::string address_key(std::string_view address) { return "i:" + std::string(address.substr(0, 64)); }

// The failures of `key` inside the window, newest last.
std::vector<model::UnixTime> recent(const store::Txn& txn, const store::Tables& t, const std::string& key,
                                    model::UnixTime now, model::UnixTime window) {
  auto times = store::get_login_failures(txn, t, key);
  std::erase_if(times, [&](model::UnixTime at) { return now - at >= window; });
  return times;
}

}  // namespace

bool LoginLimiter::blocked(std::string_view account, std::string_view address, model::UnixTime now) const {
  const store::ReadTxn txn = store_.read();
  const auto& t = store_.tables();
  return recent(txn, t, account_key(account), now, limits_.window_s).size() >= limits_.per_account ||
         recent(txn, t, address_key(address), now, limits_.window_s).size() >= limits_.per_address;
}

void LoginLimiter::record_failure(std::string_view account, std::string_view address, model::UnixTime now) {
  store::WriteTxn txn = store_.write();
  const auto& t = store_.tables();
  // Unknown names count too: the answer must not tell them apart. Each list keeps at most what can hold.
  for (const auto& [key, cap] :
       {std::pair{account_key(account), limits_.per_account}, std::pair{address_key(address), limits_.per_address}}) {
    auto times = recent(txn, t, key, now, limits_.window_s);
    times.push_back(now);
    if (times.size() > cap) times.erase(times.begin(), times.end() - cap);
    store::put_login_failures(txn, t, key, times);
  }
  if (txn.count(t.login_failures) > limits_.keys_before_sweep)
    store::prune_login_failures(txn, t, now - limits_.window_s);
  txn.commit();
}

void LoginLimiter::record_success(std::string_view account) {
  const auto& t = store_.tables();
  const std::string key = account_key(account);
  {
    const store::ReadTxn txn = store_.read();
    if (store::get_login_failures(txn, t, key).empty()) return;  // the usual case writes nothing
  }
  store::WriteTxn txn = store_.write();
  store::put_login_failures(txn, t, key, {});
  txn.commit();
}

std::string rate_limit_message(const LoginLimits& limits) {
  return "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + std::to_string(limits.window_s / 60) + " phút.";
}

}  // namespace portald::auth
