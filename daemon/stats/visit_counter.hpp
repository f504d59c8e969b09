#pragma once
// Page views counted in memory (issue 13), batched for the flusher (visit_flusher.hpp), and the
// visitors of the last five minutes ("Đang truy cập").
//
// No personal data: a visitor is the keyed hash (SipHash-2-4, libsodium crypto_shorthash) of its
// address and user agent under a random key that lives in memory only and is replaced at each Vietnam
// midnight, when every hash made under the old key is dropped: hashes of two days cannot be linked, and
// none is ever written anywhere. Bots (by user agent, or a client that fetched /robots.txt today) are
// counted apart and are neither in the figures nor among the visitors.
//
// Lock-light: sixteen shards, each with its own mutex, chosen by the client's address and agent; a view takes one
// uncontended lock and touches two small hash maps.
#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "daemon/model/time.hpp"
#include "daemon/model/visit.hpp"

namespace portald::stats {

// Views waiting for the flusher: the object as the page's address names it (`ref`: the article's or
// document's id in decimal, the category's or topic's slug; "" for site and bot).
struct PendingViews {
  model::VisitKind kind = model::VisitKind::site;
  std::int32_t day = 0;
  std::string ref;
  std::uint64_t views = 0;
};

// The footer's figures: visitors of the last five minutes, views today, views ever.
struct VisitFigures {
  std::uint64_t online = 0;
  std::uint64_t today = 0;
  std::uint64_t total = 0;
};

class VisitCounter {
 public:
  static constexpr model::UnixTime kOnlineWindow = 300;  // "đang truy cập": seen in the last 5 minutes

  VisitCounter();
  ~VisitCounter();
  VisitCounter(const VisitCounter&) = delete;
  VisitCounter& operator=(const VisitCounter&) = delete;

  // One page view by a client: counted under site, and under (kind, ref) when kind is not site; a bot's
  // only under bot.
  void record(model::VisitKind kind, std::string_view ref, std::string_view address, std::string_view user_agent,
              model::UnixTime now);
  // The client fetched /robots.txt: it is a bot until the key changes.
  void record_robots_fetch(std::string_view address, std::string_view user_agent, model::UnixTime now);
  // Distinct visitors seen in the last kOnlineWindow seconds (older ones are forgotten now).
  std::uint64_t online(model::UnixTime now);
  // Every view counted since the last call, summed by (kind, day, ref); the counts start again at zero.
  std::vector<PendingViews> take();
  // What the store holds for today and for all days, as the flusher read it after its last write.
  void set_stored(std::int32_t day, std::uint64_t today, std::uint64_t total);
  VisitFigures figures(model::UnixTime now);

 private:
  static constexpr std::size_t kShards = 16;
  // Memory bound for visitors and robots.txt fetchers: "đang truy cập" saturates at this many per shard
  static constexpr std::size_t kMaxPerShard = 1 << 16;
  struct Shard {
    std::mutex mu;
    std::int32_t key_day = INT32_MIN;
    std::array<unsigned char, 16> key{};                      // crypto_shorthash_KEYBYTES
    std::unordered_map<std::string, std::uint64_t> pending;   // kind + day + ref -> views
    std::unordered_map<std::uint64_t, model::UnixTime> seen;  // visitor hash -> last view
    std::unordered_set<std::uint64_t> robots;                 // hashes of today's robots.txt fetchers
    model::UnixTime pruned_at = 0;                            // the last time a full `seen` was pruned
  };
  // The client's shard, locked, with its key rotated when the day changed; returns the client's hash.
  std::uint64_t visitor(Shard& s, std::string_view address, std::string_view user_agent, std::int32_t day);
  Shard& shard_of(std::string_view address, std::string_view user_agent);

  std::array<Shard, kShards> shards_;
  std::mutex stored_mu_;
  std::int32_t stored_day_ = 0;
  std::uint64_t stored_today_ = 0;
  std::uint64_t stored_total_ = 0;
};

}  // namespace portald::stats
