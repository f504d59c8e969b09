#include "daemon/stats/visit_counter.hpp"

#include <sodium.h>

#include <cstring>
#include <functional>

#include "daemon/stats/bot_agents.hpp"

namespace portald::stats {
namespace {

static_assert(crypto_shorthash_KEYBYTES == 16 && crypto_shorthash_BYTES == 8);

// kind + 4 bytes of day + ref: the pending map's key, no allocation for short refs.
std::string pending_key(model::VisitKind kind, std::int32_t day, std::string_view ref) {
  std::string k(1, static_cast<char>(kind));
  const auto d = static_cast<std::uint32_t>(day);
  for (int shift = 24; shift >= 0; shift -= 8) k += static_cast<char>((d >> shift) & 0xFF);
  k += ref;
  return k;
}

PendingViews parse_pending(const std::string& key, std::uint64_t views) {
  std::uint32_t d = 0;
  for (std::size_t i = 1; i < 5; ++i) d = (d << 8) | static_cast<unsigned char>(key[i]);
  return {.kind = static_cast<model::VisitKind>(key[0]),
          .day = static_cast<std::int32_t>(d),
          .ref = key.substr(5),
          .views = views};
}

}  // namespace

VisitCounter::VisitCounter() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

VisitCounter::~VisitCounter() {
  for (auto& s : shards_) sodium_memzero(s.key.data(), s.key.size());
}

VisitCounter::Shard& VisitCounter::shard_of(std::string_view address, std::string_view user_agent) {
  // By address and agent, so readers behind one proxy spread over the shards; a client always lands in
  // the same one, so its keyed hash (that shard's key) is the same on each view.
  const std::size_t h = std::hash<std::string_view>{}(address)*31 + std::hash<std::string_view>{}(user_agent);
  return shards_[h % kShards];
}

std::uint64_t VisitCounter::visitor(Shard& s, std::string_view address, std::string_view user_agent, std::int32_t day) {
  if (s.key_day != day) {
    // A new day, a new key: yesterday's hashes are dropped with it and cannot be made again.
    randombytes_buf(s.key.data(), s.key.size());
    s.key_day = day;
    s.seen.clear();
    s.robots.clear();
  }
  // The address and the user agent, NUL-separated so that no two pairs hash the same input; on the
  // stack when they fit, as nearly all do (this runs on every page view).
  const std::size_t size = address.size() + 1 + user_agent.size();
  std::array<unsigned char, 512> small;
  std::vector<unsigned char> large;
  unsigned char* input = small.data();
  if (size > small.size()) {
    large.resize(size);
    input = large.data();
  }
  std::memcpy(input, address.data(), address.size());
  input[address.size()] = 0;
  std::memcpy(input + address.size() + 1, user_agent.data(), user_agent.size());
  unsigned char out[crypto_shorthash_BYTES];
  crypto_shorthash(out, input, size, s.key.data());
  std::uint64_t h = 0;
  for (unsigned char b : out) h = (h << 8) | b;
  return h;
}

void VisitCounter::record(model::VisitKind kind, std::string_view ref, std::string_view address,
                          std::string_view user_agent, model::UnixTime now) {
  const std::int32_t day = model::vietnam_day(now);
  Shard& s = shard_of(address, user_agent);
  const std::lock_guard lock(s.mu);
  const std::uint64_t h = visitor(s, address, user_agent, day);
  // A visitor of the last minutes is a reader: its agent was judged on its first view (and a robots.txt
  // fetch takes it out of `seen`), so the agent is not searched again on each of its pages.
  const auto known = s.seen.find(h);
  if (known == s.seen.end() && (s.robots.contains(h) || is_bot_agent(user_agent))) {
    ++s.pending[pending_key(model::VisitKind::bot, day, {})];
    return;
  }
  ++s.pending[pending_key(model::VisitKind::site, day, {})];
  if (kind != model::VisitKind::site && kind != model::VisitKind::bot) ++s.pending[pending_key(kind, day, ref)];
  if (known != s.seen.end()) {
    known->second = now;
    return;
  }
  // A full shard forgets the visitors gone quiet, at most once a second: a scan on every view while it
  // stays full would make the page path slow exactly when the portal is busiest.
  if (s.seen.size() >= kMaxPerShard && s.pruned_at != now) {
    std::erase_if(s.seen, [&](const auto& e) { return e.second <= now - kOnlineWindow; });
    s.pruned_at = now;
  }
  if (s.seen.size() < kMaxPerShard) s.seen.emplace(h, now);
}

void VisitCounter::record_robots_fetch(std::string_view address, std::string_view user_agent, model::UnixTime now) {
  Shard& s = shard_of(address, user_agent);
  const std::lock_guard lock(s.mu);
  const std::uint64_t h = visitor(s, address, user_agent, model::vietnam_day(now));
  if (s.robots.size() < kMaxPerShard) s.robots.insert(h);
  s.seen.erase(h);  // a bot is no visitor
}

std::uint64_t VisitCounter::online(model::UnixTime now) {
  const std::int32_t day = model::vietnam_day(now);
  std::uint64_t n = 0;
  for (auto& s : shards_) {
    const std::lock_guard lock(s.mu);
    if (s.key_day != day) continue;  // nobody seen under today's key yet
    std::erase_if(s.seen, [&](const auto& e) { return e.second <= now - kOnlineWindow; });
    n += s.seen.size();
  }
  return n;
}

std::vector<PendingViews> VisitCounter::take() {
  std::vector<PendingViews> out;
  for (auto& s : shards_) {
    std::unordered_map<std::string, std::uint64_t> taken;
    {
      const std::lock_guard lock(s.mu);
      taken.swap(s.pending);
    }
    for (const auto& [key, views] : taken) out.push_back(parse_pending(key, views));
  }
  // The same (kind, day, ref) may come from several shards: summed here so the flusher writes it once.
  std::unordered_map<std::string, std::size_t> index;
  std::vector<PendingViews> merged;
  for (auto& p : out) {
    const auto key = pending_key(p.kind, p.day, p.ref);
    if (const auto it = index.find(key); it != index.end()) {
      merged[it->second].views += p.views;
    } else {
      index.emplace(key, merged.size());
      merged.push_back(std::move(p));
    }
  }
  return merged;
}

void VisitCounter::set_stored(std::int32_t day, std::uint64_t today, std::uint64_t total) {
  const std::lock_guard lock(stored_mu_);
  stored_day_ = day;
  stored_today_ = today;
  stored_total_ = total;
}

VisitFigures VisitCounter::figures(model::UnixTime now) {
  VisitFigures f{.online = online(now)};
  const std::lock_guard lock(stored_mu_);
  f.today = stored_day_ == model::vietnam_day(now) ? stored_today_ : 0;
  f.total = stored_total_;
  return f;
}

}  // namespace portald::stats
