#include "backup/lmdb_view.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include <utility>

#include "backup/files.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::backup {
namespace {

constexpr std::uint64_t kReleaseEvery = std::uint64_t(16) << 20;

unsigned major_of(dev_t d) { return static_cast<unsigned>(major(d)); }
unsigned minor_of(dev_t d) { return static_cast<unsigned>(minor(d)); }

std::uint64_t read_be(const MDB_val& v, std::size_t bytes) {
  if (v.mv_size < bytes) return 0;
  std::uint64_t n = 0;
  const auto* p = static_cast<const unsigned char*>(v.mv_data);
  for (std::size_t i = 0; i < bytes; ++i) n = (n << 8) | p[i];
  return n;
}

std::string_view as_view(const MDB_val& v) { return {static_cast<const char*>(v.mv_data), v.mv_size}; }

class CursorGuard {
 public:
  CursorGuard(MDB_txn* txn, MDB_dbi dbi, const std::string& table) {
    const int rc = mdb_cursor_open(txn, dbi, &cur_);
    if (rc != MDB_SUCCESS) throw lmdb_error("cannot read table " + table, rc);
  }
  CursorGuard(const CursorGuard&) = delete;
  CursorGuard& operator=(const CursorGuard&) = delete;
  ~CursorGuard() { mdb_cursor_close(cur_); }
  MDB_cursor* get() const { return cur_; }

 private:
  MDB_cursor* cur_ = nullptr;
};

}  // namespace

std::string lmdb_text(int rc) { return mdb_strerror(rc); }

BackupError lmdb_error(const std::string& what, int rc) {
  return BackupError(what + ": " + lmdb_text(rc), rc > 0 ? BackupError::Kind::system : BackupError::Kind::lmdb, rc);
}

SnapshotStore::SnapshotStore(const std::filesystem::path& data_file) {
  auto fail = [&](int rc) { return lmdb_error(data_file.string() + " is not a usable LMDB file", rc); };
  int rc = mdb_env_create(&env_);
  if (rc != MDB_SUCCESS) throw fail(rc);
  rc = mdb_env_set_maxdbs(env_, 1024);
  if (rc == MDB_SUCCESS)
    rc = mdb_env_open(env_, data_file.c_str(), MDB_NOSUBDIR | MDB_RDONLY | MDB_NOLOCK | MDB_NOTLS, 0400);
  if (rc != MDB_SUCCESS) {
    mdb_env_close(env_);
    env_ = nullptr;
    throw fail(rc);
  }
}

SnapshotStore::SnapshotStore(SnapshotStore&& other) noexcept : env_(std::exchange(other.env_, nullptr)) {}

SnapshotStore::~SnapshotStore() {
  if (env_) mdb_env_close(env_);
}

ViewTxn::ViewTxn(MDB_env* env) {
  const int rc = mdb_txn_begin(env, nullptr, MDB_RDONLY, &txn_);
  if (rc != MDB_SUCCESS) throw lmdb_error("cannot start a read transaction", rc);
}

ViewTxn::~ViewTxn() {
  if (txn_) mdb_txn_abort(txn_);
}

std::vector<std::string> table_names(MDB_txn* txn) {
  MDB_dbi main = 0;
  int rc = mdb_dbi_open(txn, nullptr, 0, &main);
  if (rc != MDB_SUCCESS) throw lmdb_error("cannot open the main database", rc);
  std::vector<std::string> names;
  CursorGuard cur(txn, main, "(main)");
  MDB_val k{}, v{};
  for (rc = mdb_cursor_get(cur.get(), &k, &v, MDB_FIRST); rc == MDB_SUCCESS;
       rc = mdb_cursor_get(cur.get(), &k, &v, MDB_NEXT)) {
    std::string name(static_cast<const char*>(k.mv_data), k.mv_size);
    if (name.find('\0') != std::string::npos) continue;  // not a table name LMDB could open
    names.push_back(std::move(name));
  }
  if (rc != MDB_NOTFOUND) throw lmdb_error("cannot list tables", rc);
  return names;  // LMDB keeps keys sorted
}

std::optional<MDB_dbi> open_table(MDB_txn* txn, const std::string& name) {
  MDB_dbi dbi = 0;
  const int rc = mdb_dbi_open(txn, name.c_str(), 0, &dbi);
  if (rc == MDB_NOTFOUND || rc == MDB_INCOMPATIBLE) return std::nullopt;  // absent, or a plain key
  if (rc != MDB_SUCCESS) throw lmdb_error("cannot open table " + name, rc);
  return dbi;
}

std::map<std::string, std::uint64_t> table_counts(MDB_txn* txn) {
  std::map<std::string, std::uint64_t> out;
  for (const auto& name : table_names(txn)) {
    const auto dbi = open_table(txn, name);
    if (!dbi) continue;
    MDB_stat st{};
    const int rc = mdb_stat(txn, *dbi, &st);
    if (rc != MDB_SUCCESS) throw lmdb_error("cannot count table " + name, rc);
    out[name] = st.ms_entries;
  }
  return out;
}

WalkResult walk_tables(MDB_txn* txn, MDB_env* map) {
  WalkResult out;
  std::uint64_t since_release = 0;
  for (const auto& name : table_names(txn)) {
    const auto dbi = open_table(txn, name);
    if (!dbi) continue;
    CursorGuard cur(txn, *dbi, name);
    std::uint64_t n = 0;
    MDB_val k{}, v{};
    int rc;
    for (rc = mdb_cursor_get(cur.get(), &k, &v, MDB_FIRST); rc == MDB_SUCCESS;
         rc = mdb_cursor_get(cur.get(), &k, &v, MDB_NEXT)) {
      ++n;
      since_release += k.mv_size + v.mv_size;
      if (map && since_release >= kReleaseEvery) {
        release_map(map);
        since_release = 0;
      }
      if (name == "meta" && as_view(k) == store::meta_key::schema_version)
        out.schema_version = store::decode_schema_version(as_view(v));
    }
    if (rc != MDB_NOTFOUND) throw lmdb_error("table " + name + " is damaged", rc);
    if (name == "changes" && n > 0 && mdb_cursor_get(cur.get(), &k, &v, MDB_LAST) == MDB_SUCCESS)
      out.change_seq = read_be(k, 8);
    out.records[name] = n;
  }
  return out;
}

void release_map(MDB_env* env) noexcept {
  // LMDB does not expose where it mapped the file (MDB_envinfo's me_mapaddr is set only with
  // MDB_FIXEDMAP), so find the shared mapping of its data file in /proc/self/maps.
  const char* path = nullptr;
  unsigned flags = 0;
  MDB_envinfo info{};
  MDB_stat st{};
  if (mdb_env_get_path(env, &path) != MDB_SUCCESS || mdb_env_get_flags(env, &flags) != MDB_SUCCESS ||
      mdb_env_info(env, &info) != MDB_SUCCESS || mdb_env_stat(env, &st) != MDB_SUCCESS)
    return;
  const std::string file = (flags & MDB_NOSUBDIR) ? std::string(path) : std::string(path) + "/data.mdb";
  struct stat fs {};
  if (::stat(file.c_str(), &fs) != 0) return;
  std::FILE* maps = std::fopen("/proc/self/maps", "re");
  if (!maps) return;
  char line[4096];
  while (std::fgets(line, sizeof line, maps)) {
    unsigned long start = 0, end = 0, offset = 0, inode = 0;
    unsigned major = 0, minor = 0;
    char perms[8] = {};
    if (std::sscanf(line, "%lx-%lx %7s %lx %x:%x %lu", &start, &end, perms, &offset, &major, &minor, &inode) != 7)
      continue;
    if (inode != fs.st_ino || major != major_of(fs.st_dev) || minor != minor_of(fs.st_dev) || offset != 0 ||
        perms[3] != 's')
      continue;
    const std::size_t used = (info.me_last_pgno + 1) * st.ms_psize;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t len = std::min<std::size_t>(end - start, (used + page - 1) / page * page);
    ::madvise(reinterpret_cast<void*>(start), len, MADV_DONTNEED);
    break;
  }
  std::fclose(maps);
}

}  // namespace portald::backup
