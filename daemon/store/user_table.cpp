#include "daemon/store/user_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

constexpr int kFormat = 1;

model::User decode(std::string_view bytes) {
  const auto j = decode_record(bytes, kFormat, "user");
  model::User u;
  u.username = j.at("username").get<std::string>();
  u.display_name = j.value("display_name", "");
  u.role = model::parse_role(j.value("role", "")).value_or(model::Role::contributor);
  u.agency_id = j.value("agency_id", std::uint64_t{0});
  u.password_hash = j.value("password_hash", "");
  u.suspended = j.value("suspended", false);
  u.created_at = j.value("created_at", model::UnixTime{0});
  u.totp_secret = j.value("totp_secret", "");
  u.totp_last_step = j.value("totp_last_step", std::int64_t{0});
  return u;
}

}  // namespace

std::optional<model::User> get_user(const Txn& txn, const Tables& t, std::string_view username) {
  const auto v = txn.get(t.users, username);
  return v ? std::optional(decode(*v)) : std::nullopt;
}

void put_user(WriteTxn& txn, const Tables& t, const model::User& u) {
  txn.put(t.users, u.username,
          encode_record({{"username", u.username},
                         {"display_name", u.display_name},
                         {"role", model::to_string(u.role)},
                         {"agency_id", u.agency_id},
                         {"password_hash", u.password_hash},
                         {"suspended", u.suspended},
                         {"created_at", u.created_at},
                         {"totp_secret", u.totp_secret},
                         {"totp_last_step", u.totp_last_step}},
                        kFormat));
}

std::vector<model::User> list_users(const Txn& txn, const Tables& t) {
  std::vector<model::User> out;
  Cursor c(txn, t.users);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(decode(c.value()));
  return out;
}

}  // namespace portald::store
