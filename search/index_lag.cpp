#include "search/index_lag.hpp"

namespace portald::search {

void IndexLag::observe(std::uint64_t head, std::uint64_t cursor, model::UnixTime now) {
  if (head < head_) sightings_.clear();  // a restored store starts its log again: forget the old heads
  if (sightings_.empty() || head > sightings_.back().first) {
    if (sightings_.size() < kMaxSightings)
      sightings_.emplace_back(head, now);
    else
      sightings_.back().first = head;
  }
  head_ = head;
  cursor_ = cursor;
  while (!sightings_.empty() && sightings_.front().first <= cursor) sightings_.pop_front();
}

model::UnixTime IndexLag::oldest_pending_at() const {
  return pending() && !sightings_.empty() ? sightings_.front().second : 0;
}

}  // namespace portald::search
