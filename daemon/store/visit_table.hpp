#pragma once
// Page views per day (table "visits", issue 13): kind byte + be32(Vietnam day) + be64(object id) ->
// be64 views. Only figures: nothing about who viewed. Written by the visit flusher (daemon/stats) in
// one transaction per batch; these writes do not touch the change log, so counting never empties the
// page cache.
#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "daemon/model/visit.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// Adds each count's views to what is stored under its (kind, day, id).
void add_visits(WriteTxn& txn, const Tables& t, const std::vector<model::VisitCount>& counts);
// Views of (kind, id) on `day`; 0 when none.
std::uint64_t visits_on(const Txn& txn, const Tables& t, model::VisitKind kind, std::int32_t day, std::uint64_t id = 0);
// Views of every object of `kind` summed over the days from..to (inclusive), by id.
std::map<std::uint64_t, std::uint64_t> visits_between(const Txn& txn, const Tables& t, model::VisitKind kind,
                                                      std::int32_t from, std::int32_t to);
// (id, views) of `kind` over the days from..to (inclusive), most viewed first (ties: lower id first), at
// most `limit`: the "most read" lists of the statistics page and the home page.
std::vector<std::pair<std::uint64_t, std::uint64_t>> most_visited(const Txn& txn, const Tables& t,
                                                                  model::VisitKind kind, std::int32_t from,
                                                                  std::int32_t to, std::size_t limit);
// Views of (kind, id) per day from..to (inclusive), days without views left out.
std::map<std::int32_t, std::uint64_t> visits_per_day(const Txn& txn, const Tables& t, model::VisitKind kind,
                                                     std::int32_t from, std::int32_t to, std::uint64_t id = 0);
// Views of (kind, id) over every day stored.
std::uint64_t visits_ever(const Txn& txn, const Tables& t, model::VisitKind kind, std::uint64_t id = 0);

}  // namespace portald::store
