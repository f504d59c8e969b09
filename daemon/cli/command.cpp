#include "daemon/cli/command.hpp"

#include <algorithm>
#include <stdexcept>

namespace portald::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {{"init"},
       "init [--demo]",
       "Create the store in the data dir (safe to repeat). --demo also sets demo site settings and creates the "
       "operator account 'admin', printing its password once.",
       cmd_init},
      {{"user", "add"},
       "user add --role ROLE [--display-name NAME] [--agency NAME] [--email ADDRESS] [--password-stdin] USERNAME",
       "Create an account. ROLE: operator, editor-in-chief, deputy, secretariat, reporter, contributor, "
       "agency-answerer. --email: the work address the editorial notices go to. Without --password-stdin a random "
       "password is generated and printed once. Written to the audit log.",
       cmd_user_add},
      {{"user", "list"}, "user list", "List accounts with their roles (and work e-mail, last column).", cmd_user_list},
      {{"user", "email"},
       "user email USERNAME ADDRESS|--clear",
       "Set (or with --clear remove) the account's work e-mail, where notices about its articles go (returned, "
       "approved, withdrawn: Điều 8.4). Written to the audit log.",
       cmd_user_email},
      {{"user", "recover"},
       "user recover USERNAME [--password] [--second-factor] [--reinstate]",
       "Way back in for a locked-out account: a new password (printed once), a cleared TOTP secret (enrol "
       "again at next login), lifting a suspension. Ends the account's sessions; written to the audit log.",
       cmd_user_recover},
      {{"user", "suspend"},
       "user suspend USERNAME --reason TEXT",
       "Suspend an account and end its sessions at once; written to the audit log.",
       cmd_user_suspend},
      {{"import", "articles"},
       "import articles FILE.jsonl [--skip-bad]",
       "Import articles (JSON Lines). All or nothing unless --skip-bad; bad lines are reported as FILE:LINE.",
       cmd_import_articles},
      {{"import", "documents"},
       "import documents FILE.jsonl [--skip-bad]",
       "Import legal documents (JSON Lines) with their attached files.",
       cmd_import_documents},
      {{"settings", "show"},
       "settings show",
       "Print the site settings (header, footer, links, EMC script).",
       cmd_settings_show},
      {{"settings", "set"},
       "settings set KEY VALUE",
       "Change one site setting; pages show it at once. emc_script_url (https only) turns the EMC monitoring "
       "script on for every public page; an empty VALUE turns it off.",
       cmd_settings_set},
      {{"pages", "list"}, "pages list", "List the editable section pages (lang/slug, kind, title).", cmd_pages_list},
      {{"pages", "import"},
       "pages import FILE.jsonl",
       "Create or replace section pages from JSON Lines (lang, slug, title, summary, body_html, kind, entries, "
       "position); all or nothing. See docs/public-site.md.",
       cmd_pages_import},
      {{"topics", "import"},
       "topics import FILE.jsonl",
       "Create or replace topics (chuyên đề) from JSON Lines (slug, name, description, featured, position, "
       "articles: the ids articles were imported under); all or nothing.",
       cmd_topics_import},
      // "backup WORD" entries come before plain "backup", which would match them too.
      {.words = {"backup", "list"},
       .usage = "backup list",
       .help = "List the snapshots in backup-dir: time, size, signature, last full check.",
       .run = cmd_backup_list},
      {.words = {"backup", "verify"},
       .usage = "backup verify SNAPSHOT|latest [--scratch DIR]",
       .help = "Check a snapshot completely: signatures, BLAKE2b, decryption, then every record walked and counted "
               "against the manifest. Exit status 1 when it fails.",
       .run = cmd_backup_verify},
      {.words = {"backup", "drill"},
       .usage = "backup drill [--scratch DIR]",
       .help = "Restore the newest snapshot into a temporary directory, verify it, compare it with the live store as "
               "of the snapshot's time, and write a report to backup-dir/drill-reports/. Exit status 1 when it fails.",
       .run = cmd_backup_drill},
      {.words = {"backup", "keygen"},
       .usage = "backup keygen [--encryption]",
       .help = "Create the snapshot signing key pair (and the encryption key) where missing; never overwrites. Prints "
               "the public key.",
       .run = cmd_backup_keygen},
      {.words = {"secrets", "keygen"},
       .usage = "secrets keygen",
       .help = "Create the key that seals personal data in the store (TOTP secrets, citizens' contacts) at "
               "personal-data-key where missing; never overwrites. Run it as root; keep a copy off the server.",
       .run = cmd_secrets_keygen},
      {.words = {"mail", "test"},
       .usage = "mail test ADDRESS",
       .help = "Send one test message to ADDRESS straight through the configured sendmail (not the outbox) and say "
               "whether the program took it, with what it printed. Exit status 1 when it did not.",
       .run = cmd_mail_test},
      {.words = {"backup"},
       .usage = "backup [--to DIR]",
       .help = "Write a signed snapshot of the whole store (media included) to backup-dir, or DIR, while portald keeps "
               "serving; then apply retention and archive the audit entries older than audit-keep-months (not with "
               "--to). Creates the keys on the first run.",
       .run = cmd_backup},
      {.words = {"audit", "archive"},
       .usage = "audit archive [--before YYYY-MM-DD] [--to DIR]",
       .help = "Move the audit entries older than audit-keep-months (or recorded before the date; never within the "
               "last 12 months) into signed archives audit-FIRST-LAST.jsonl in backup-dir/audit, or DIR: each is "
               "signed with the snapshot key and read back before its entries leave the store.",
       .run = cmd_audit_archive},
      {.words = {"audit", "verify"},
       .usage = "audit verify FILE.jsonl",
       .help = "Check an audit archive against its .minisig with backup-public-key (the installed key, not one found "
               "beside the file), and that every line is an entry. Exit status 1 when it does not verify.",
       .run = cmd_audit_verify},
      {.words = {"restore"},
       .usage = "restore SNAPSHOT|latest",
       .help = "Replace the store with a snapshot: portald must be stopped. Verifies it completely first, keeps the "
               "previous store beside it, removes the search index so portald rebuilds it. See docs/backup-restore.md.",
       .run = cmd_restore},
      {.words = {"reindex"},
       .usage = "reindex [--threads N]",
       .help = "Rebuild the search index from the store into a new directory and switch to it atomically; safe "
               "beside a running portald, whose searches keep answering from the old index (portald also rebuilds "
               "a missing or stale index by itself). Draws a progress bar on a terminal.",
       .run = cmd_reindex},
      {.words = {"check-config"},
       .usage = "check-config [FILE]",
       .help =
           "Check a config file (default: --config, else /etc/portald/portald.conf); print every error as FILE:LINE.",
       .run = cmd_check_config},
  };
  return table;
}

bool asks_for_help(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
}

std::string command_help(const Command& cmd) {
  return std::string("Usage: portaldctl [OPTION]... ") + cmd.usage + "\n\n" + cmd.help +
         "\n\nOptions such as --data-dir and --config go before the command; see portaldctl --help.\n";
}

std::optional<std::string> take_option(std::vector<std::string>& args, std::string_view name) {
  for (auto it = args.begin(); it != args.end(); ++it) {
    if (*it == name) {
      if (it + 1 == args.end()) throw std::invalid_argument(std::string(name) + " needs a value");
      std::string value = *(it + 1);
      args.erase(it, it + 2);
      return value;
    }
    const std::string prefix = std::string(name) + "=";
    if (it->starts_with(prefix)) {
      std::string value = it->substr(prefix.size());
      args.erase(it);
      return value;
    }
  }
  return std::nullopt;
}

bool take_flag(std::vector<std::string>& args, std::string_view name) {
  const auto it = std::find(args.begin(), args.end(), name);
  if (it == args.end()) return false;
  args.erase(it);
  return true;
}

bool unexpected_args(CommandContext& c, const char* command, std::size_t allowed) {
  if (c.args.size() <= allowed) return false;
  c.err << command << ": unexpected argument '" << c.args[allowed] << "'\n";
  return true;
}

}  // namespace portald::cli
