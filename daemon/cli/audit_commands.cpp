// portaldctl audit archive|verify (issue 16, Nghị định 53/2022): the audit log kept in the store for
// audit-keep-months, older entries moved into signed archives (backup/audit_archive.hpp) in
// BACKUP-DIR/audit, which portaldctl backup also does after each snapshot.
#include <ostream>

#include "backup/audit_archive.hpp"
#include "backup/keys.hpp"
#include "daemon/cli/audit_commands.hpp"
#include "daemon/cli/command.hpp"
#include "daemon/model/actor.hpp"

namespace portald::cli {
namespace {

namespace bk = backup;

constexpr unsigned kLegalMinimumMonths = 12;  // Nghị định 53/2022, Điều 26

std::filesystem::path default_archive_dir(const config::Config& config) { return config.backup_dir / "audit"; }

}  // namespace

int archive_old_audit(CommandContext& c, const store::Store& store, model::UnixTime before,
                      const std::filesystem::path& dir) {
  try {
    const auto key = bk::load_signing_key(c.config.backup_key);
    std::size_t total = 0;
    while (const auto a = bk::archive_audit(store, key, dir, before, model::now(), model::console_actor().username)) {
      c.out << "audit: archived " << a->entries << " entries (seq " << a->first_seq << "-" << a->last_seq << ") to "
            << a->file.string() << "\n";
      total += a->entries;
    }
    if (total == 0) c.out << "audit: no entry older than " << model::format_date_vn(before) << " to archive\n";
    return 0;
  } catch (const std::exception& e) {
    c.err << "audit: archiving failed, no entry was removed: " << e.what() << "\n";
    return 1;
  }
}

int cmd_audit_archive(CommandContext& c) {
  const auto before_text = take_option(c.args, "--before");
  const auto to = take_option(c.args, "--to");
  if (unexpected_args(c, "audit archive", 0)) return 2;
  const model::UnixTime now = model::now();
  model::UnixTime before = bk::audit_cutoff(now, c.config.audit_keep_months);
  if (before_text) {
    const auto days = model::parse_iso_date(*before_text);
    if (!days) {
      c.err << "audit archive: --before takes a date YYYY-MM-DD (got \"" << *before_text << "\")\n";
      return 2;
    }
    before = static_cast<model::UnixTime>(*days) * 86400 - model::kVietnamOffsetSeconds;
  }
  if (before > bk::audit_cutoff(now, kLegalMinimumMonths)) {
    c.err << "audit archive: the law keeps the audit log at least " << kLegalMinimumMonths
          << " months in the store: --before may be at most " << model::format_date_vn(bk::audit_cutoff(now, 12))
          << "\n";
    return 2;
  }
  const store::Store store(c.config.data_dir, {.map_size = c.config.map_size, .create = false});
  return archive_old_audit(c, store, before, to ? std::filesystem::path(*to) : default_archive_dir(c.config));
}

int cmd_audit_verify(CommandContext& c) {
  if (c.args.size() != 1) {
    c.err << "usage: portaldctl audit verify FILE.jsonl\n";
    return 2;
  }
  try {
    const auto key = bk::load_public_key(c.config.backup_public_key);
    const auto r = bk::verify_audit_archive(c.args[0], key);
    if (r.problem) {
      c.err << "audit verify: " << c.args[0] << ": BAD: " << *r.problem << "\n";
      return 1;
    }
    c.out << c.args[0] << ": ok, " << r.entries << " entries (seq " << r.first_seq << "-" << r.last_seq
          << "), signed by key " << bk::minisign::key_id_text(key.key_id) << " (" << c.config.backup_public_key.string()
          << ")\n";
    return 0;
  } catch (const std::exception& e) {
    c.err << "audit verify: " << e.what() << "\n";
    return 1;
  }
}

int archive_audit_after_backup(CommandContext& c, const store::Store& store) {
  return archive_old_audit(c, store, bk::audit_cutoff(model::now(), c.config.audit_keep_months),
                           default_archive_dir(c.config));
}

}  // namespace portald::cli
