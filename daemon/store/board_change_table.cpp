#include "daemon/store/board_change_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::BoardChange;
// Roles without a fallback: an unknown role in a pending board change is corruption, never a guess.
constexpr codec::EnumKey<model::Role> kRole{&model::to_string, &model::parse_role};
constexpr codec::EnumKey<model::BoardChangeKind> kKind{&model::to_string, &model::parse_board_change_kind};
constexpr std::tuple kFields{
    codec::required("username", &BoardChange::username),
    codec::optional("kind", &BoardChange::kind, kKind),
    codec::optional("from", &BoardChange::from, kRole),
    codec::optional("to", &BoardChange::to, kRole),
    codec::optional("display_name", &BoardChange::display_name),
    codec::optional("agency_id", &BoardChange::agency_id),
    codec::optional("password_hash", &BoardChange::password_hash),
    codec::optional("generated_password", &BoardChange::generated_password),
    codec::optional("email", &BoardChange::email),
    codec::optional("reason", &BoardChange::reason),
    codec::optional("proposed_by", &BoardChange::proposed_by),
    codec::optional("proposed_at", &BoardChange::proposed_at),
};
constexpr auto kRecord = codec::record<BoardChange>("board change", 1, kFields);

}  // namespace

std::optional<model::BoardChange> get_board_change(const Txn& txn, const Tables& t, std::string_view username) {
  const auto v = txn.get(t.board_changes, username);
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

void put_board_change(WriteTxn& txn, const Tables& t, const model::BoardChange& change) {
  txn.put(t.board_changes, change.username, kRecord.encode(change));
}

bool delete_board_change(WriteTxn& txn, const Tables& t, std::string_view username) {
  return txn.del(t.board_changes, username);
}

std::vector<model::BoardChange> list_board_changes(const Txn& txn, const Tables& t) {
  std::vector<model::BoardChange> out;
  Cursor c(txn, t.board_changes);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(kRecord.decode(c.value()));
  return out;
}

}  // namespace portald::store
