#include "daemon/store/visit_table.hpp"

#include <algorithm>
#include <string>

namespace portald::store {
namespace {

// kind byte + be32(day, sign bit flipped so order holds) + be64(id): one day's figures of a kind sit
// together, so a range of days is one cursor walk.
std::string day_prefix(model::VisitKind kind, std::int32_t day) {
  const auto d = static_cast<std::uint32_t>(day) ^ 0x8000'0000u;
  std::string k(1, static_cast<char>(kind));
  for (int shift = 24; shift >= 0; shift -= 8) k += static_cast<char>((d >> shift) & 0xFF);
  return k;
}

std::string visit_key(model::VisitKind kind, std::int32_t day, std::uint64_t id) {
  return day_prefix(kind, day) + be64(id);
}

std::int32_t read_day(std::string_view key) {
  std::uint32_t d = 0;
  for (std::size_t i = 1; i < 5; ++i) d = (d << 8) | static_cast<unsigned char>(key[i]);
  return static_cast<std::int32_t>(d ^ 0x8000'0000u);
}

// Calls f(day, id, views) for every record of `kind` from..to (inclusive).
template <class F>
void walk(const Txn& txn, const Tables& t, model::VisitKind kind, std::int32_t from, std::int32_t to, F&& f) {
  if (from > to) return;
  Cursor c(txn, t.visits);
  const char k = static_cast<char>(kind);
  for (bool ok = c.seek(day_prefix(kind, from)); ok && c.key().size() == 13 && c.key()[0] == k; ok = c.next()) {
    const auto day = read_day(c.key());
    if (day > to) break;
    f(day, read_be64(c.key().substr(5)), read_be64(c.value()));
  }
}

}  // namespace

void add_visits(WriteTxn& txn, const Tables& t, const std::vector<model::VisitCount>& counts) {
  for (const auto& c : counts) {
    const std::string key = visit_key(c.kind, c.day, c.id);
    const auto old = txn.get(t.visits, key);
    txn.put(t.visits, key, be64((old ? read_be64(*old) : 0) + c.views));
  }
}

std::uint64_t visits_on(const Txn& txn, const Tables& t, model::VisitKind kind, std::int32_t day, std::uint64_t id) {
  const auto v = txn.get(t.visits, visit_key(kind, day, id));
  return v ? read_be64(*v) : 0;
}

std::map<std::uint64_t, std::uint64_t> visits_between(const Txn& txn, const Tables& t, model::VisitKind kind,
                                                      std::int32_t from, std::int32_t to) {
  std::map<std::uint64_t, std::uint64_t> out;
  walk(txn, t, kind, from, to, [&](std::int32_t, std::uint64_t id, std::uint64_t views) { out[id] += views; });
  return out;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> most_visited(const Txn& txn, const Tables& t,
                                                                  model::VisitKind kind, std::int32_t from,
                                                                  std::int32_t to, std::size_t limit) {
  const auto by_id = visits_between(txn, t, kind, from, to);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out(by_id.begin(), by_id.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::map<std::int32_t, std::uint64_t> visits_per_day(const Txn& txn, const Tables& t, model::VisitKind kind,
                                                     std::int32_t from, std::int32_t to, std::uint64_t id) {
  std::map<std::int32_t, std::uint64_t> out;
  walk(txn, t, kind, from, to, [&](std::int32_t day, std::uint64_t got, std::uint64_t views) {
    if (got == id) out[day] += views;
  });
  return out;
}

std::uint64_t visits_ever(const Txn& txn, const Tables& t, model::VisitKind kind, std::uint64_t id) {
  std::uint64_t sum = 0;
  walk(txn, t, kind, INT32_MIN, INT32_MAX, [&](std::int32_t, std::uint64_t got, std::uint64_t views) {
    if (got == id) sum += views;
  });
  return sum;
}

}  // namespace portald::store
