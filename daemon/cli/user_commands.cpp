#include <iostream>

#include "daemon/auth/password.hpp"
#include "daemon/cli/command.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/session_table.hpp"
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

namespace {

// Applies `change` to the account in one write transaction with its audit entry ("portaldctl" acts, from
// the machine's console). Returns 1 with a message when there is no such account.
template <class Change>
int change_user(CommandContext& c, const std::string& username, std::string action, std::string reason, Change change) {
  if (!model::is_valid_username(username)) {
    c.err << "user: '" << username << "' is not a valid user name\n";
    return 1;
  }
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  auto u = store::get_user(txn, t, username);
  if (!u) {
    c.err << "user: no account '" << username << "'\n";
    return 1;
  }
  const std::string what = change(*u);
  store::put_user(txn, t, *u);
  const auto ended = store::delete_user_sessions(txn, t, username);
  store::append_audit(txn, t, {.actor = "portaldctl", .action = std::move(action), .object = "user/" + username,
                               .to = what, .reason = std::move(reason), .address = "local"});
  txn.commit();
  c.out << "account '" << username << "': " << what << " (" << ended << " sessions ended)\n";
  return 0;
}

}  // namespace

int cmd_user_recover(CommandContext& c) {
  const bool password = take_flag(c.args, "--password");
  const bool second = take_flag(c.args, "--second-factor");
  const bool reinstate = take_flag(c.args, "--reinstate");
  if (c.args.size() != 1 || !(password || second || reinstate)) {
    c.err << "usage: portaldctl user recover USERNAME [--password] [--second-factor] [--reinstate]\n";
    return 2;
  }
  const std::string fresh = password ? auth::generate_password() : "";
  const std::string hash = password ? auth::hash_password(fresh) : "";  // slow: before the write transaction
  const int rc = change_user(c, c.args.front(), "user.recover", "", [&](model::User& u) {
    std::string what;
    if (password) {
      u.password_hash = hash;
      what += "new password; ";
    }
    if (second) {
      u.totp_secret.clear();
      what += "second factor cleared; ";
    }
    if (reinstate) {
      u.suspended = false;
      what += "reinstated; ";
    }
    return what.substr(0, what.size() - 2);
  });
  if (rc == 0 && password) c.out << "password (shown once, store it now): " << fresh << "\n";
  return rc;
}

int cmd_user_suspend(CommandContext& c) {
  const auto reason = take_option(c.args, "--reason");
  if (c.args.size() != 1 || !reason || reason->empty()) {
    c.err << "usage: portaldctl user suspend USERNAME --reason TEXT\n";
    return 2;
  }
  return change_user(c, c.args.front(), "user.suspend", *reason, [](model::User& u) {
    u.suspended = true;
    return std::string("suspended");
  });
}

}  // namespace portald::cli
