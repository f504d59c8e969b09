#include <iostream>

#include "daemon/auth/password.hpp"
#include "daemon/cli/command.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::cli {

int cmd_user_add(CommandContext& c) {
  const auto role_text = take_option(c.args, "--role");
  const auto display = take_option(c.args, "--display-name");
  const auto agency = take_option(c.args, "--agency");
  const bool from_stdin = take_flag(c.args, "--password-stdin");
  if (!role_text || c.args.size() != 1) {
    c.err << "usage: portaldctl user add --role ROLE [--display-name NAME] [--agency NAME] [--password-stdin] USERNAME\n";
    return 2;
  }
  const auto role = model::parse_role(*role_text);
  if (!role) {
    c.err << "user add: unknown role '" << *role_text
          << "' (operator, editor-in-chief, deputy, secretariat, reporter, contributor, agency-answerer)\n";
    return 2;
  }
  const std::string& username = c.args.front();
  if (!model::is_valid_username(username)) {
    c.err << "user add: '" << username << "' is not a valid user name (3-32 of a-z 0-9 . _ -, starting with a letter)\n";
    return 1;
  }
  if ((*role == model::Role::contributor || *role == model::Role::agency_answerer) && !agency) {
    c.err << "user add: role " << *role_text << " belongs to an agency: give --agency NAME\n";
    return 2;
  }
  std::string password;
  if (from_stdin) {
    std::getline(std::cin, password);
    if (const auto weak = auth::password_weakness(password)) {
      c.err << "user add: " << *weak << "\n";
      return 1;
    }
  } else {
    password = auth::generate_password();
  }

  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  if (store::get_user(txn, t, username)) {
    c.err << "user add: the account '" << username << "' already exists\n";
    return 1;
  }
  model::User u;
  u.username = username;
  u.display_name = display.value_or(username);
  u.role = *role;
  if (agency) u.agency_id = store::ensure_agency(txn, t, *agency);
  u.password_hash = auth::hash_password(password);
  u.created_at = model::now();
  store::put_user(txn, t, u);
  txn.commit();
  c.out << "account '" << username << "' created with role " << model::to_string(*role) << "\n";
  if (!from_stdin) c.out << "password (shown once, store it now): " << password << "\n";
  return 0;
}

int cmd_user_list(CommandContext& c) {
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  const store::ReadTxn txn = store.read();
  for (const auto& u : store::list_users(txn, store.tables()))
    c.out << u.username << '\t' << model::to_string(u.role) << '\t' << (u.suspended ? "suspended" : "active") << '\t'
          << u.display_name << '\n';
  return 0;
}

}  // namespace portald::cli
