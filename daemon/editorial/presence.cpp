#include "daemon/editorial/presence.hpp"

#include <algorithm>

namespace portald::editorial {

void Presence::seen(std::uint64_t article_id, std::string_view username, std::string_view display_name,
                    model::UnixTime now) {
  const std::lock_guard lock(mutex_);
  forget_before(now - window_);
  auto& v = visits_[article_id][std::string(username)];
  v.username = username;
  v.display_name = display_name.empty() ? username : display_name;
  v.seen_at = std::max(v.seen_at, now);
}

std::vector<Visitor> Presence::others(std::uint64_t article_id, std::string_view username, model::UnixTime now) const {
  std::vector<Visitor> out;
  const std::lock_guard lock(mutex_);
  const auto it = visits_.find(article_id);
  if (it == visits_.end()) return out;
  for (const auto& [name, v] : it->second)
    if (name != username && v.seen_at >= now - window_) out.push_back(v);
  std::sort(out.begin(), out.end(), [](const Visitor& a, const Visitor& b) { return a.seen_at < b.seen_at; });
  return out;
}

void Presence::forget_before(model::UnixTime cutoff) {
  // Bounded by the people who opened something in the last two minutes: a sweep per visit is cheap.
  for (auto a = visits_.begin(); a != visits_.end();) {
    std::erase_if(a->second, [&](const auto& kv) { return kv.second.seen_at < cutoff; });
    a = a->second.empty() ? visits_.erase(a) : std::next(a);
  }
}

}  // namespace portald::editorial
