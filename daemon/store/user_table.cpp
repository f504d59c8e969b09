#include "daemon/store/user_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::User;
// An unknown or absent role reads as the least trusted one, contributor: never a guess upwards.
constexpr codec::EnumKey<model::Role> kRole{&model::to_string, &model::parse_role, model::Role::contributor};
constexpr std::tuple kUserFields{
    codec::required("username", &User::username),
    codec::optional("display_name", &User::display_name),
    codec::optional("role", &User::role, kRole),
    codec::optional("agency_id", &User::agency_id),
    codec::optional("password_hash", &User::password_hash),
    codec::optional("suspended", &User::suspended),
    codec::optional("created_at", &User::created_at),
    codec::optional("totp_secret", &User::totp_secret),
    codec::optional("totp_last_step", &User::totp_last_step),
    codec::optional("email", &User::email),
    codec::optional("must_change_password", &User::must_change_password),
};
constexpr auto kRecord = codec::record<User>("user", 1, kUserFields);

}  // namespace

std::optional<model::User> get_user(const Txn& txn, const Tables& t, std::string_view username) {
  const auto v = txn.get(t.users, username);
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

void put_user(WriteTxn& txn, const Tables& t, const model::User& u) { txn.put(t.users, u.username, kRecord.encode(u)); }

std::vector<model::User> list_users(const Txn& txn, const Tables& t) {
  std::vector<model::User> out;
  Cursor c(txn, t.users);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(kRecord.decode(c.value()));
  return out;
}

}  // namespace portald::store
