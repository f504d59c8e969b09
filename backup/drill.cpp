#include "backup/drill.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <set>

#include "backup/files.hpp"
#include "backup/snapshot.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/data_dir.hpp"

namespace portald::backup {
namespace {

constexpr std::size_t kProblemsShown = 10;
constexpr std::size_t kReportsKept = 104;  // two years of weekly drills

struct KeyedTable {
  std::string_view name;
  store::ChangeKind kind;
};
// Tables keyed by be64(id) whose every write appends (kind, id) to the change log (daemon/store/*_table.cpp).
constexpr KeyedTable kKeyedTables[] = {
    {"articles", store::ChangeKind::article},    {"documents", store::ChangeKind::document},
    {"categories", store::ChangeKind::category}, {"agencies", store::ChangeKind::agency},
    {"media", store::ChangeKind::media},         {"pages", store::ChangeKind::page},
    {"topics", store::ChangeKind::topic},
};
constexpr std::string_view kSettingsTable = "settings";  // any write appends (settings, 0)
constexpr std::string_view kChangesTable = "changes";

struct ChangedSince {
  std::set<std::pair<int, std::uint64_t>> ids;
  bool settings = false;
  std::uint64_t count = 0;
};

ChangedSince changes_after(const store::Txn& txn, const store::Tables& t, std::uint64_t seq) {
  ChangedSince c;
  for (const auto& ch : store::changes_since(txn, t, seq, static_cast<std::size_t>(-1))) {
    ++c.count;
    if (ch.kind == store::ChangeKind::settings)
      c.settings = true;
    else
      c.ids.insert({static_cast<int>(ch.kind), ch.id});
  }
  return c;
}

std::string_view view(const MDB_val& v) { return {static_cast<const char*>(v.mv_data), v.mv_size}; }

std::string key_text(std::string_view key) {
  if (key.size() == 8) return "id " + std::to_string(store::read_be64(key));
  return "key " + to_hex(reinterpret_cast<const unsigned char*>(key.data()), std::min<std::size_t>(key.size(), 32));
}

class Cursor {
 public:
  Cursor(MDB_txn* txn, std::optional<MDB_dbi> dbi) {
    if (dbi && mdb_cursor_open(txn, *dbi, &cur_) == MDB_SUCCESS) step(MDB_FIRST);
  }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  ~Cursor() {
    if (cur_) mdb_cursor_close(cur_);
  }
  bool valid() const { return valid_; }
  std::string_view key() const { return view(k_); }
  std::string_view value() const { return view(v_); }
  void next() { step(MDB_NEXT); }

 private:
  void step(MDB_cursor_op op) {
    const int rc = mdb_cursor_get(cur_, &k_, &v_, op);
    if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) throw lmdb_error("cannot read a table", rc);
    valid_ = rc == MDB_SUCCESS;
  }
  MDB_cursor* cur_ = nullptr;
  MDB_val k_{}, v_{};
  bool valid_ = false;
};

void problem(TableComparison& t, std::string line) {
  ++t.problem_count;
  if (t.problems.size() < kProblemsShown) t.problems.push_back(t.table + " " + std::move(line));
}

// Walks both tables in key order (LMDB's default order is that of std::string_view). `changed` says
// whether a key was written after the snapshot (then it is skipped); live keys above `live_limit`
// (when given) are not compared.
template <class Changed>
void merge_compare(MDB_txn* snap, std::optional<MDB_dbi> sdbi, MDB_txn* live, std::optional<MDB_dbi> ldbi,
                   TableComparison& t, Changed changed, std::optional<std::string_view> live_limit = std::nullopt) {
  Cursor s(snap, sdbi), l(live, ldbi);
  auto live_valid = [&] { return l.valid() && (!live_limit || l.key() <= *live_limit); };
  while (s.valid() || live_valid()) {
    const int order = !live_valid() ? -1 : !s.valid() ? 1 : s.key().compare(l.key());
    const std::string_view key = order <= 0 ? s.key() : l.key();
    if (changed(key)) {
      ++t.changed_since;
    } else if (order < 0) {
      problem(t, key_text(key) + ": in the snapshot but missing from the live store, with no change recorded since");
    } else if (order > 0) {
      problem(t, key_text(key) + ": in the live store, unchanged since before the snapshot, but missing from it");
    } else if (s.value() != l.value()) {
      problem(t, key_text(key) + ": differs from the live store, with no change recorded since the snapshot");
    } else {
      ++t.identical;
    }
    if (order <= 0) s.next();
    if (order >= 0) l.next();
  }
}

std::uint64_t count_of(MDB_txn* txn, std::optional<MDB_dbi> dbi) {
  MDB_stat st{};
  return dbi && mdb_stat(txn, *dbi, &st) == MDB_SUCCESS ? st.ms_entries : 0;
}

std::string row(const TableComparison& t) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "  %-22s %-12s %10llu %10llu %10llu %13llu %8llu\n", t.table.c_str(), t.mode.c_str(),
                static_cast<unsigned long long>(t.snapshot_records), static_cast<unsigned long long>(t.live_records),
                static_cast<unsigned long long>(t.identical), static_cast<unsigned long long>(t.changed_since),
                static_cast<unsigned long long>(t.problem_count));
  return buf;
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

}  // namespace

std::vector<TableComparison> compare_with_live(const std::filesystem::path& restored_file, const Manifest& m,
                                               const store::Store& live, std::uint64_t* live_change_seq) {
  SnapshotStore snap_env(restored_file);
  const ViewTxn snap(snap_env.get());
  const store::ReadTxn live_txn = live.read();
  MDB_txn* lt = live_txn.get();
  const std::uint64_t seq = m.change_seq;
  const auto changed = changes_after(live_txn, live.tables(), seq);
  const std::uint64_t live_seq = store::latest_change(live_txn, live.tables());
  if (live_change_seq) *live_change_seq = live_seq;

  std::set<std::string> names;
  for (const auto& n : table_names(snap.get())) names.insert(n);
  for (const auto& n : table_names(lt)) names.insert(n);
  std::vector<TableComparison> out;
  for (const auto& name : names) {
    TableComparison t;
    t.table = name;
    const auto sdbi = open_table(snap.get(), name), ldbi = open_table(lt, name);
    t.snapshot_records = count_of(snap.get(), sdbi);
    t.live_records = count_of(lt, ldbi);
    const auto keyed = std::find_if(std::begin(kKeyedTables), std::end(kKeyedTables),
                                    [&](const KeyedTable& k) { return k.name == name; });
    if (keyed != std::end(kKeyedTables)) {
      t.mode = "records";
      const int kind = static_cast<int>(keyed->kind);
      merge_compare(snap.get(), sdbi, lt, ldbi, t, [&](std::string_view key) {
        return key.size() == 8 && changed.ids.contains({kind, store::read_be64(key)});
      });
    } else if (name == kSettingsTable) {
      t.mode = "whole table";
      merge_compare(snap.get(), sdbi, lt, ldbi, t, [&](std::string_view) { return changed.settings; });
    } else if (name == kChangesTable) {
      t.mode = "change log";
      const std::string limit = store::be64(seq);
      merge_compare(
          snap.get(), sdbi, lt, ldbi, t, [](std::string_view) { return false; }, limit);
      t.changed_since = changed.count;
      if (live_seq < seq)
        problem(t, "ends at seq " + std::to_string(live_seq) + " in the live store, before the snapshot's " +
                       std::to_string(seq) + ": the live store is older than the snapshot");
    } else {
      t.mode = "count only";
    }
    out.push_back(std::move(t));
  }
  return out;
}

DrillReport run_drill(const store::Store* live, const DrillOptions& o) {
  DrillReport r;
  r.started_at = model::now();
  std::filesystem::path scratch;
  try {
    std::string holder;
    const auto lock = DirLock::try_acquire(o.backup_dir / kLockFile, DirLock::Mode::shared, &holder);
    if (!lock) throw BackupError("a backup or clean-up is running on " + o.backup_dir.string() + " (" + holder + ")");
    const auto dir = resolve_snapshot("latest", o.backup_dir);
    r.snapshot = dir.filename().string();
    const auto checked = check_signed_manifest(dir, o.keys.signing);
    scratch = make_scratch_dir(o.scratch_dir, "portald-drill-", checked.manifest.store_size);
    // The same layout as a data dir, so portald's own store code can open the result afterwards.
    const auto restored = store::DataDir(scratch).store_file();
    std::filesystem::create_directory(restored.parent_path());
    const auto t0 = std::chrono::steady_clock::now();
    r.manifest = extract_snapshot(dir, o.keys, restored);
    const auto t1 = std::chrono::steady_clock::now();
    r.restore_seconds = std::chrono::duration<double>(t1 - t0).count();
    if (live) {
      r.tables = compare_with_live(restored, *r.manifest, *live, &r.live_change_seq);
      r.compared_with_live = true;
    }
    {
      // Proof that the daemon could start on it: portald's store code opens it (running migrations).
      store::Store opened(
          scratch,
          {.map_size = std::max<std::size_t>(r.manifest->store_size * 2, std::size_t(64) << 20), .create = false});
      (void)opened.schema_version();
    }
    r.compare_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    std::uint64_t problems = 0;
    for (const auto& t : r.tables) problems += t.problem_count;
    r.ok = problems == 0;
    if (!r.ok)
      r.error = std::to_string(problems) + " difference(s) between the snapshot and the live store (see the report)";
  } catch (const std::exception& e) {
    r.ok = false;
    r.error = e.what();
  }
  if (!scratch.empty()) remove_tree_quietly(scratch);
  r.finished_at = model::now();
  return r;
}

std::string DrillReport::text() const {
  std::string out = "portald restore drill: " + std::string(ok ? "PASSED" : "FAILED") + "\n";
  out += "snapshot:     " + (snapshot.empty() ? std::string("(none)") : snapshot);
  if (manifest)
    out += " (taken " + model::format_datetime_vn(manifest->started_at) + " UTC+7, " +
           human_size(manifest->store_size) + ", change seq " + std::to_string(manifest->change_seq) + ")";
  out += "\n";
  out += "drill:        " + model::format_datetime_vn(started_at) + " UTC+7, restore " + seconds_text(restore_seconds) +
         ", comparison " + seconds_text(compare_seconds) + "\n";
  if (manifest)
    out += "restore:      signatures, BLAKE2b-512" + std::string(manifest->encrypted ? ", decryption" : "") +
           ", LMDB walk of " + std::to_string(manifest->total_records()) + " records in " +
           std::to_string(manifest->tables.size()) + " tables: ok; opened by portald's store code: ok\n";
  if (compared_with_live) {
    out += "live store:   change seq " + std::to_string(live_change_seq) + "\n";
    out += "  table                  mode           snapshot       live  identical changed-since problems\n";
    for (const auto& t : tables) out += row(t);
    for (const auto& t : tables)
      for (const auto& p : t.problems) out += "problem: " + p + "\n";
  } else if (ok) {
    out += "live store:   not compared (no live store here)\n";
  }
  out += "result:       " + (ok ? std::string("PASSED") : "FAILED: " + error) + "\n";
  return out;
}

std::filesystem::path write_drill_report(const std::filesystem::path& backup_dir, const DrillReport& report) {
  const auto dir = backup_dir / "drill-reports";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec) && ::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw_errno("cannot create " + dir.string(), errno);
  const auto file = dir / ("drill-" + snapshot_id(report.finished_at).substr(8) + ".txt");
  install_file(file, report.text(), 0600);
  std::vector<std::filesystem::path> reports;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().filename().string().starts_with("drill-")) reports.push_back(e.path());
  std::sort(reports.begin(), reports.end());
  for (std::size_t i = 0; i + kReportsKept < reports.size(); ++i) std::filesystem::remove(reports[i], ec);
  return file;
}

}  // namespace portald::backup
