#include <iostream>

#include "daemon/accounts/accounts.hpp"
#include "daemon/auth/password.hpp"
#include "daemon/cli/command.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::cli {
namespace {

// The console's wording of a refusal from the accounts service, after "user <command>: ".
std::string refusal_text(accounts::Refusal r, const std::string& username) {
  using R = accounts::Refusal;
  switch (r) {
    case R::invalid_username: return "'" + username + "' is not a valid user name";
    case R::exists: return "the account '" + username + "' already exists";
    case R::not_found: return "no account '" + username + "'";
    case R::agency_required: return "this role belongs to an agency: give --agency NAME";
    case R::reason_required: return "a suspension needs a --reason";
    case R::invalid_email: return "not an e-mail address of the form local@domain";
    case R::self:
    case R::pending:
    case R::nothing_to_do:
    case R::none: break;
  }
  return "refused";
}

// Runs `change` on the store in one write transaction (the accounts service audits it, actor
// "portaldctl") and reports the outcome. Returns 1 with a message when the service refuses.
template <class Change>
int change_user(CommandContext& c, const std::string& username, std::string_view done, Change change) {
  if (!model::is_valid_username(username)) {
    c.err << "user: '" << username << "' is not a valid user name\n";
    return 1;
  }
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  store::WriteTxn txn = store.write();
  const auto r = change(txn, store.tables());
  if (!r) {
    c.err << "user: " << refusal_text(r.refusal, username) << "\n";
    return 1;
  }
  txn.commit();
  c.out << "account '" << username << "': " << done << " (" << r.sessions_ended << " sessions ended)\n";
  return 0;
}

}  // namespace

int cmd_user_add(CommandContext& c) {
  const auto role_text = take_option(c.args, "--role");
  const auto display = take_option(c.args, "--display-name");
  const auto agency = take_option(c.args, "--agency");
  const auto email = take_option(c.args, "--email");
  const bool from_stdin = take_flag(c.args, "--password-stdin");
  if (!role_text || c.args.size() != 1) {
    c.err << "usage: portaldctl user add --role ROLE [--display-name NAME] [--agency NAME] [--email ADDRESS] "
             "[--password-stdin] USERNAME\n";
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
    c.err << "user add: '" << username
          << "' is not a valid user name (3-32 of a-z 0-9 . _ -, starting with a letter)\n";
    return 1;
  }
  if (model::needs_agency(*role) && !agency) {
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
  accounts::NewAccount account{username, display.value_or(username),    *role,
                               0,        auth::hash_password(password), !from_stdin};

  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  if (agency) account.agency_id = store::ensure_agency(txn, t, *agency);
  auto r = accounts::create_account(txn, t, account, model::console_actor(), model::now());
  if (r && email) r = accounts::set_email(txn, t, username, *email, model::console_actor(), model::now());
  if (!r) {
    c.err << "user add: " << refusal_text(r.refusal, username) << "\n";
    return 1;
  }
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
          << u.display_name << '\t' << u.email << '\n';
  return 0;
}

int cmd_user_recover(CommandContext& c) {
  const bool password = take_flag(c.args, "--password");
  const bool second = take_flag(c.args, "--second-factor");
  const bool reinstate = take_flag(c.args, "--reinstate");
  if (c.args.size() != 1 || !(password || second || reinstate)) {
    c.err << "usage: portaldctl user recover USERNAME [--password] [--second-factor] [--reinstate]\n";
    return 2;
  }
  const std::string fresh = password ? auth::generate_password() : "";
  accounts::Recovery what{.password_hash = std::nullopt, .clear_second_factor = second, .reinstate = reinstate};
  if (password) what.password_hash = auth::hash_password(fresh);  // slow: before the write transaction
  const std::string& username = c.args.front();
  const auto recover = [&](store::WriteTxn& txn, const store::Tables& t) {
    return accounts::recover(txn, t, username, what, model::console_actor(), model::now());
  };
  const int rc = change_user(c, username, accounts::recovery_summary(what), recover);
  if (rc == 0 && password) c.out << "password (shown once, store it now): " << fresh << "\n";
  return rc;
}

int cmd_user_suspend(CommandContext& c) {
  const auto reason = take_option(c.args, "--reason");
  if (c.args.size() != 1 || !reason || reason->empty()) {
    c.err << "usage: portaldctl user suspend USERNAME --reason TEXT\n";
    return 2;
  }
  const std::string& username = c.args.front();
  return change_user(c, username, "suspended", [&](store::WriteTxn& txn, const store::Tables& t) {
    return accounts::suspend(txn, t, username, *reason, model::console_actor(), model::now());
  });
}

int cmd_user_email(CommandContext& c) {
  const bool clear = take_flag(c.args, "--clear");
  if (c.args.size() != (clear ? 1u : 2u)) {
    c.err << "usage: portaldctl user email USERNAME ADDRESS|--clear\n";
    return 2;
  }
  const std::string& username = c.args.front();
  const std::string email = clear ? "" : c.args[1];
  return change_user(c, username, clear ? "work e-mail removed" : "work e-mail set to " + email,
                     [&](store::WriteTxn& txn, const store::Tables& t) {
                       return accounts::set_email(txn, t, username, email, model::console_actor(), model::now());
                     });
}

}  // namespace portald::cli
