#pragma once
// How far the index is behind the change log, for the health monitor: the entries not yet indexed and
// when the oldest of them was first seen. The change log stores no times, so the indexer notes when it
// first saw each new head; a pending entry was written no later than the first sighting of a head at or
// past it. The age is thus a lower bound, short by at most one poll or pass (and it counts from the
// daemon's start for entries written while it was down).
#include <cstdint>
#include <deque>
#include <utility>

#include "daemon/model/time.hpp"

namespace portald::search {

class IndexLag {
 public:
  // At most this many sightings are kept; past it the newest is merged into the one before, which can
  // only make the reported age longer, never shorter.
  static constexpr std::size_t kMaxSightings = 4096;

  // Notes the change-log head read at `now` and the index's cursor (the last seq it has; 0 while it has
  // nothing, as during a rebuild).
  void observe(std::uint64_t head, std::uint64_t cursor, model::UnixTime now);
  // Entries after the cursor, up to the last head observed.
  std::uint64_t pending() const { return head_ > cursor_ ? head_ - cursor_ : 0; }
  // When the oldest pending entry was first seen; 0 when none is pending.
  model::UnixTime oldest_pending_at() const;

 private:
  std::deque<std::pair<std::uint64_t, model::UnixTime>> sightings_;  // (head, first seen), heads ascending
  std::uint64_t head_ = 0, cursor_ = 0;
};

}  // namespace portald::search
