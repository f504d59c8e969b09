#include "daemon/store/commission_table.hpp"

#include "daemon/store/codec.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

using model::Commission;

// Without a fallback: an unknown kind or state is corruption, never a guess.
constexpr codec::EnumKey<model::CommissionKind> kKind{&model::to_string, &model::parse_commission_kind};
constexpr codec::EnumKey<model::CommissionState> kState{&model::to_string, &model::parse_commission_state};
constexpr std::tuple kFields{
    codec::required("id", &Commission::id),
    codec::optional("kind", &Commission::kind, kKind),
    codec::optional("title", &Commission::title),
    codec::optional("brief", &Commission::brief),
    codec::optional("agency", &Commission::agency_id),
    codec::optional("user", &Commission::assignee_user),
    codec::required("due_day", &Commission::due_day),
    codec::optional("created_by", &Commission::created_by),
    codec::optional("created_at", &Commission::created_at),
    codec::optional("state", &Commission::state, kState),
    codec::optional("article", &Commission::article_id),
    codec::optional("closed_by", &Commission::closed_by),
    codec::optional("closed_at", &Commission::closed_at),
    codec::optional("reason", &Commission::reason),
};
constexpr auto kRecord = codec::record<Commission>("commission", 1, kFields);

// Days are signed; the offset makes their big-endian bytes sort in day order.
std::string due_key(const Commission& c) {
  const auto day = static_cast<std::uint32_t>(static_cast<std::int64_t>(c.due_day) + (std::int64_t(1) << 31));
  return be64(day).substr(4) + be64(c.id);
}

std::vector<Commission> newest_first_where(const Txn& txn, const Tables& t, auto keep) {
  std::vector<Commission> out;
  Cursor c(txn, t.commissions);
  for (bool ok = c.last(); ok; ok = c.prev()) {
    auto record = kRecord.decode(c.value());
    if (keep(record)) out.push_back(std::move(record));
  }
  return out;
}

}  // namespace

std::optional<model::Commission> get_commission(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.commissions, be64(id));
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

std::uint64_t add_commission(WriteTxn& txn, const Tables& t, model::Commission c) {
  c.id = next_id(txn, t, IdCounter::commission);
  txn.put(t.commissions, be64(c.id), kRecord.encode(c));
  if (c.state == model::CommissionState::open) txn.put(t.commissions_open_by_due, due_key(c), "");
  return c.id;
}

bool put_commission(WriteTxn& txn, const Tables& t, const model::Commission& c) {
  const auto previous = get_commission(txn, t, c.id);
  if (!previous) return false;
  if (previous->state == model::CommissionState::open) txn.del(t.commissions_open_by_due, due_key(*previous));
  txn.put(t.commissions, be64(c.id), kRecord.encode(c));
  if (c.state == model::CommissionState::open) txn.put(t.commissions_open_by_due, due_key(c), "");
  return true;
}

std::vector<model::Commission> list_open_commissions(const Txn& txn, const Tables& t) {
  std::vector<model::Commission> out;
  Cursor c(txn, t.commissions_open_by_due);
  for (bool ok = c.first(); ok; ok = c.next())
    if (auto record = get_commission(txn, t, read_be64(c.key().substr(4)));
        record && record->state == model::CommissionState::open)  // the record agrees with its index entry
      out.push_back(std::move(*record));
  return out;
}

std::vector<model::Commission> list_commissions(const Txn& txn, const Tables& t) {
  return newest_first_where(txn, t, [](const Commission&) { return true; });
}

std::vector<model::Commission> list_agency_commissions(const Txn& txn, const Tables& t, std::uint64_t agency_id) {
  return newest_first_where(txn, t, [&](const Commission& c) { return agency_id != 0 && c.agency_id == agency_id; });
}

std::vector<model::Commission> list_user_commissions(const Txn& txn, const Tables& t, std::string_view username) {
  return newest_first_where(txn, t,
                            [&](const Commission& c) { return !username.empty() && c.assignee_user == username; });
}

}  // namespace portald::store
