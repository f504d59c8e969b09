// portaldctl backup, backup list|verify|drill|keygen, restore: signed snapshots on external storage.
// The work is in backup/; this file turns options into calls, results into lines, and records what
// happened in the store so the daemon's /healthz can report it.
#include <cstdio>
#include <functional>
#include <optional>
#include <ostream>

#include "backup/catalog.hpp"
#include "backup/drill.hpp"
#include "backup/files.hpp"
#include "backup/keys.hpp"
#include "backup/restore.hpp"
#include "backup/snapshot.hpp"
#include "backup/verify.hpp"
#include "daemon/cli/audit_commands.hpp"
#include "daemon/cli/command.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "daemon/store/data_dir.hpp"

namespace portald::cli {
namespace {

namespace bk = backup;

bk::KeyFiles key_files(const config::Config& c) { return {c.backup_key, c.backup_public_key, c.backup_encryption_key}; }

bool encryption_on(const config::Config& c) { return c.backup_encrypt == "yes"; }

// The keys that check snapshots: the configured public key, and the encryption key when its file exists
// (needed only for encrypted snapshots; its absence is reported only if one is met).
struct Trusted {
  bk::minisign::PublicKey signing;
  std::optional<bk::EncryptionKey> encryption;
  bk::TrustedKeys keys() const { return {signing, encryption ? &*encryption : nullptr}; }
};

Trusted load_trusted(const config::Config& c) {
  Trusted t{bk::load_public_key(c.backup_public_key), std::nullopt};
  std::error_code ec;
  if (std::filesystem::exists(c.backup_encryption_key, ec))
    t.encryption.emplace(bk::load_encryption_key(c.backup_encryption_key));
  return t;
}

std::string when(model::UnixTime t) { return model::format_datetime_vn(t) + " UTC+7"; }

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

void warn_same_device(CommandContext& c, const std::filesystem::path& target) {
  c.err << "WARNING: the backup target " << target.string() << " is on the same device as the data dir "
        << c.config.data_dir.string() << ".\n"
        << "WARNING: one disk failure destroys both: the weekly copy to ANOTHER storage device (Điều 10.2.b) is "
           "NOT made.\n"
        << "WARNING: mount an external disk or network share there (docs/backup-restore.md, \"Backup target\").\n";
}

void print_snapshot(CommandContext& c, const bk::SnapshotResult& r) {
  const auto& m = r.manifest;
  const auto data = r.dir / m.file_name;
  c.out << "snapshot " << m.snapshot << " written to " << r.dir.string() << "\n"
        << "  " << bk::human_size(m.file_size) << (m.encrypted ? " (encrypted)" : "") << ", " << m.tables.size()
        << " tables, " << m.total_records() << " records, change seq " << m.change_seq << ", took "
        << seconds(r.seconds) << " (writers paused " << static_cast<long long>(r.writers_paused_ms) << " ms)\n"
        << "  signed with key ID " << m.signing_key_id
        << "; check it with minisign and the public key installed here:\n"
        << "    minisign -Vm " << data.string() << " -p " << c.config.backup_public_key.string()
        << "\n"
        // Issue 16, finding 8: a snapshot re-signed with another key would carry that key beside it.
        << "  (never with the " << bk::kPublicKeyFile
        << " inside the snapshot: whoever can change the snapshot can replace that key too)\n";
}

void run_retention(CommandContext& c, const std::filesystem::path& target) {
  const bk::RetentionPolicy policy{c.config.backup_keep_weekly, c.config.backup_keep_monthly};
  try {
    const auto r = bk::apply_retention(target, bk::load_public_key(c.config.backup_public_key), policy);
    c.out << "retention (newest of the last " << policy.weekly << " weeks and " << policy.monthly << " months): kept "
          << r.kept.size();
    for (const auto& id : r.removed) c.out << ", removed " << id;
    c.out << "\n";
    for (const auto& id : r.left_alone)
      c.err << "backup: " << id << " does not verify and was left alone; check it with: portaldctl backup verify " << id
            << "\n";
  } catch (const std::exception& e) {
    c.err << "backup: the snapshot is complete, but retention failed: " << e.what() << "\n";
  }
}

// Records an outcome through `store`, or (nullptr) through the store in the data dir when there is
// one: a machine that only holds backups has none.
void record(const store::Store* store, const config::Config& config,
            const std::function<void(model::BackupState&)>& change) {
  try {
    if (store) {
      store::update_backup_state(*store, change);
    } else if (store::DataDir(config.data_dir).has_store()) {
      const store::Store opened(config.data_dir, {.map_size = config.map_size, .create = false});
      store::update_backup_state(opened, change);
    }
  } catch (const std::exception&) {
    // The state only feeds /healthz; a store that cannot take it now gets the next run's.
  }
}

}  // namespace

int cmd_backup(CommandContext& c) {
  const auto to = take_option(c.args, "--to");
  if (unexpected_args(c, "backup", 0)) return 2;
  const std::filesystem::path target = to ? std::filesystem::path(*to) : c.config.backup_dir;
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size, .create = false});
  bk::SnapshotResult r;
  try {
    r = bk::create_snapshot(store, {.target = target,
                                    .data_dir = c.config.data_dir,
                                    .keys = key_files(c.config),
                                    .encrypt = encryption_on(c.config),
                                    .create_missing_keys = true});
  } catch (const std::exception& e) {
    const std::string why = e.what();
    record(&store, c.config, [&](model::BackupState& s) {
      s.last_attempt = model::BackupOutcome{"", model::now(), false, why};
    });
    c.err << "backup: " << why << "\n";
    return 1;
  }
  for (const auto& line : r.keys_created) c.out << "created " << line << "\n";
  if (r.same_device) warn_same_device(c, target);
  print_snapshot(c, r);
  const model::BackupOutcome done{r.manifest.snapshot, r.manifest.finished_at, true,
                                  r.same_device ? "target on the same device as the data dir" : ""};
  record(&store, c.config, [&](model::BackupState& s) {
    s.last_attempt = done;
    s.last_snapshot = done;
  });
  if (to) {
    c.out << "retention: not applied to a --to target\n";
    return 0;
  }
  run_retention(c, target);
  // The snapshot just taken holds every entry, so the oldest may now leave the store (issue 16).
  return archive_audit_after_backup(c, store);
}

int cmd_backup_list(CommandContext& c) {
  if (unexpected_args(c, "backup list", 0)) return 2;
  const auto key = bk::load_public_key(c.config.backup_public_key);
  const auto entries = bk::list_snapshots(c.config.backup_dir, key);
  model::BackupState state;
  try {
    if (store::DataDir(c.config.data_dir).has_store()) {
      const store::Store store(c.config.data_dir, {.map_size = c.config.map_size, .create = false});
      state = store::get_backup_state(store.read(), store.tables());
    }
  } catch (const std::exception&) {
  }
  char line[256];
  std::snprintf(line, sizeof line, "%-28s %-22s %11s %-9s %-9s %s\n", "SNAPSHOT", "TAKEN", "SIZE", "ENCRYPTED",
                "SIGNATURE", "LAST FULL VERIFICATION");
  c.out << line;
  for (const auto& e : entries) {
    std::string verified = "never";
    if (const auto v = state.verified.find(e.id); v != state.verified.end())
      verified = (v->second.ok ? "ok " : "FAILED ") + model::format_datetime_vn(v->second.at);
    if (e.manifest) {
      std::snprintf(line, sizeof line, "%-28s %-22s %11s %-9s %-9s %s\n", e.id.c_str(),
                    when(e.manifest->started_at).c_str(), bk::human_size(e.manifest->file_size).c_str(),
                    e.manifest->encrypted ? "yes" : "no", "ok", verified.c_str());
      c.out << line;
    } else {
      c.out << e.id << "  BAD: " << e.problem << "\n";
    }
  }
  c.out << entries.size() << " snapshot(s) in " << c.config.backup_dir.string() << "\n";
  return 0;
}

int cmd_backup_verify(CommandContext& c) {
  const auto scratch = take_option(c.args, "--scratch");
  if (c.args.size() != 1) {
    c.err << "usage: portaldctl backup verify SNAPSHOT|latest [--scratch DIR]\n";
    return 2;
  }
  const auto dir = bk::resolve_snapshot(c.args[0], c.config.backup_dir);
  const Trusted trusted = load_trusted(c.config);
  const auto r =
      bk::verify_snapshot(dir, trusted.keys(), scratch ? std::filesystem::path(*scratch) : bk::default_scratch_dir());
  if (r.manifest) {
    const model::BackupOutcome o{r.manifest->snapshot, model::now(), r.ok, r.error};
    record(nullptr, c.config, [&](model::BackupState& s) { s.verified[o.snapshot] = o; });
  }
  if (!r.ok) {
    c.err << "backup verify: " << r.error << "\n";
    return 1;
  }
  const auto& m = *r.manifest;
  std::uint64_t records = 0;
  for (const auto& [table, n] : r.walk.records) records += n;
  c.out << "snapshot " << m.snapshot << " verified in " << seconds(r.seconds) << ": signatures (key ID "
        << m.signing_key_id << "), BLAKE2b-512" << (m.encrypted ? ", decryption" : "") << ", " << records
        << " records in " << r.walk.records.size() << " tables walked; taken " << when(m.started_at) << ", change seq "
        << m.change_seq << "\n";
  return 0;
}

int cmd_backup_drill(CommandContext& c) {
  const auto scratch = take_option(c.args, "--scratch");
  if (unexpected_args(c, "backup drill", 0)) return 2;
  const Trusted trusted = load_trusted(c.config);
  std::optional<store::Store> live;
  if (store::DataDir(c.config.data_dir).has_store())
    live.emplace(c.config.data_dir, store::StoreOptions{.map_size = c.config.map_size, .create = false});
  const auto report = bk::run_drill(
      live ? &*live : nullptr,
      {c.config.backup_dir, scratch ? std::filesystem::path(*scratch) : bk::default_scratch_dir(), trusted.keys()});
  c.out << report.text();
  try {
    c.out << "report: " << bk::write_drill_report(c.config.backup_dir, report).string() << "\n";
  } catch (const std::exception& e) {
    c.err << "backup drill: the report could not be written: " << e.what() << "\n";
  }
  const model::BackupOutcome o{report.snapshot, report.finished_at, report.ok, report.error};
  record(live ? &*live : nullptr, c.config, [&](model::BackupState& s) {
    s.last_drill = o;
    if (report.manifest) s.verified[o.snapshot] = o;
  });
  return report.ok ? 0 : 1;
}

int cmd_backup_keygen(CommandContext& c) {
  const bool encryption = take_flag(c.args, "--encryption") || encryption_on(c.config);
  if (unexpected_args(c, "backup keygen", 0)) return 2;
  const auto made = bk::create_missing_keys(key_files(c.config), encryption);
  for (const auto& line : made) c.out << "created " << line << "\n";
  const auto pub = bk::load_public_key(c.config.backup_public_key);
  if (made.empty()) c.out << "the keys exist already; nothing was changed\n";
  c.out << "public key (key ID " << bk::minisign::key_id_text(pub.key_id) << "), in "
        << c.config.backup_public_key.string() << ":\n"
        << bk::minisign::format_public_key(pub);
  return 0;
}

int cmd_restore(CommandContext& c) {
  if (c.args.size() != 1) {
    c.err << "usage: portaldctl restore SNAPSHOT|latest\n";
    return 2;
  }
  const auto dir = bk::resolve_snapshot(c.args[0], c.config.backup_dir);
  const Trusted trusted = load_trusted(c.config);
  if (c.terminal) c.err << "verifying " << dir.string() << " completely before touching the data dir...\n";
  bk::RestoreResult r;
  try {
    r = bk::restore_snapshot(dir, c.config.data_dir, trusted.keys());
  } catch (const bk::BackupError& e) {
    c.err << "restore: " << e.what() << "\n";
    return 1;
  }
  const auto& m = r.manifest;
  c.out << "restored snapshot " << m.snapshot << " (taken " << when(m.started_at) << ", change seq " << m.change_seq
        << ", " << m.total_records() << " records) into " << r.store_dir.string() << "\n";
  if (!r.previous_store.empty())
    c.out << "the previous store is kept in " << r.previous_store.string()
          << " (delete it once the portal is checked)\n";
  if (r.search_index_kept)
    c.out << "the search index is kept: portald answers from it while it rebuilds one for the restored store "
             "beside it\n";
  if (r.owner_changed) c.out << "the restored files belong to the data dir's owner, as before\n";
  c.out << "next: systemctl start portald, check the site, then take a fresh backup (portaldctl backup)\n";
  return 0;
}

}  // namespace portald::cli
