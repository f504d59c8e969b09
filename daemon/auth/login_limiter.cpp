#include "daemon/auth/login_limiter.hpp"

#include <algorithm>

namespace portald::auth {

unsigned LoginLimiter::recent(std::vector<model::UnixTime>& times, model::UnixTime now) {
  std::erase_if(times, [&](model::UnixTime t) { return now - t >= limits_.window_s; });
  return static_cast<unsigned>(times.size());
}

bool LoginLimiter::blocked(std::string_view account, std::string_view address, model::UnixTime now) {
  const std::lock_guard lock(mu_);
  const auto a = accounts_.find(account);
  if (a != accounts_.end() && recent(a->second, now) >= limits_.per_account) return true;
  const auto ip = addresses_.find(address);
  return ip != addresses_.end() && recent(ip->second, now) >= limits_.per_address;
}

void LoginLimiter::record_failure(std::string_view account, std::string_view address, model::UnixTime now) {
  const std::lock_guard lock(mu_);
  // Unknown names count too: the answer must not tell them apart. Bounded: old entries are pruned.
  if (accounts_.size() > 100000) accounts_.clear();
  if (addresses_.size() > 100000) addresses_.clear();
  accounts_[std::string(account)].push_back(now);
  addresses_[std::string(address)].push_back(now);
}

void LoginLimiter::record_success(std::string_view account) {
  const std::lock_guard lock(mu_);
  if (const auto a = accounts_.find(account); a != accounts_.end()) accounts_.erase(a);
}

std::string rate_limit_message(const LoginLimits& limits) {
  return "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + std::to_string(limits.window_s / 60) + " phút.";
}

}  // namespace portald::auth
