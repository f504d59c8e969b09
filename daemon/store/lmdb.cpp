#include "daemon/store/lmdb.hpp"

#include <utility>

namespace portald::store {

StoreError::StoreError(const std::string& what, int code)
    : std::runtime_error(what + ": " + mdb_strerror(code)), code_(code) {}

void check(int rc, const char* what) {
  if (rc != MDB_SUCCESS) throw StoreError(what, rc);
}

Env::Env(const std::filesystem::path& dir, const Options& options) {
  check(mdb_env_create(&env_), "mdb_env_create");
  try {
    check(mdb_env_set_maxdbs(env_, options.max_dbs), "mdb_env_set_maxdbs");
    check(mdb_env_set_maxreaders(env_, options.max_readers), "mdb_env_set_maxreaders");
    check(mdb_env_set_mapsize(env_, options.map_size), "mdb_env_set_mapsize");
    // MDB_NOTLS: reader slots belong to transactions, not threads, so HTTP worker threads may share.
    // No NOSYNC/WRITEMAP: every commit is durable (stack notes §2.4).
    const unsigned flags = MDB_NOTLS | (options.read_only ? MDB_RDONLY : 0u);
    check(mdb_env_open(env_, dir.c_str(), flags, 0600), ("cannot open store in " + dir.string()).c_str());
  } catch (...) {
    mdb_env_close(env_);
    throw;
  }
}

Env::Env(Env&& other) noexcept : env_(std::exchange(other.env_, nullptr)) {}

Env& Env::operator=(Env&& other) noexcept {
  if (this != &other) {
    if (env_) mdb_env_close(env_);
    env_ = std::exchange(other.env_, nullptr);
  }
  return *this;
}

Env::~Env() {
  if (env_) mdb_env_close(env_);
}

int Env::reader_check() {
  int dead = 0;
  check(mdb_reader_check(env_, &dead), "mdb_reader_check");
  return dead;
}

Txn::Txn(MDB_env* env, unsigned flags) { check(mdb_txn_begin(env, nullptr, flags, &txn_), "mdb_txn_begin"); }

Txn::Txn(Txn&& other) noexcept : txn_(std::exchange(other.txn_, nullptr)) {}

Txn::~Txn() { abort(); }

void Txn::abort() noexcept {
  if (txn_) mdb_txn_abort(std::exchange(txn_, nullptr));
}

std::optional<std::string_view> Txn::get(MDB_dbi dbi, std::string_view key) const {
  MDB_val k{key.size(), const_cast<char*>(key.data())};
  MDB_val v{};
  const int rc = mdb_get(txn_, dbi, &k, &v);
  if (rc == MDB_NOTFOUND) return std::nullopt;
  check(rc, "mdb_get");
  return std::string_view(static_cast<const char*>(v.mv_data), v.mv_size);
}

std::size_t Txn::count(MDB_dbi dbi) const {
  MDB_stat st{};
  check(mdb_stat(txn_, dbi, &st), "mdb_stat");
  return st.ms_entries;
}

void WriteTxn::put(MDB_dbi dbi, std::string_view key, std::string_view value) {
  MDB_val k{key.size(), const_cast<char*>(key.data())};
  MDB_val v{value.size(), const_cast<char*>(value.data())};
  check(mdb_put(txn_, dbi, &k, &v, 0), "mdb_put");
}

bool WriteTxn::del(MDB_dbi dbi, std::string_view key) {
  MDB_val k{key.size(), const_cast<char*>(key.data())};
  const int rc = mdb_del(txn_, dbi, &k, nullptr);
  if (rc == MDB_NOTFOUND) return false;
  check(rc, "mdb_del");
  return true;
}

void WriteTxn::commit() {
  // A failed commit has already freed the transaction (lmdb.h), so forget it before checking.
  const int rc = mdb_txn_commit(std::exchange(txn_, nullptr));
  check(rc, "mdb_txn_commit");
}

Cursor::Cursor(const Txn& txn, MDB_dbi dbi) { check(mdb_cursor_open(txn.get(), dbi, &cur_), "mdb_cursor_open"); }

Cursor::Cursor(Cursor&& other) noexcept : cur_(std::exchange(other.cur_, nullptr)), k_(other.k_), v_(other.v_) {}

Cursor::~Cursor() {
  if (cur_) mdb_cursor_close(cur_);
}

bool Cursor::op(MDB_cursor_op o) {
  const int rc = mdb_cursor_get(cur_, &k_, &v_, o);
  if (rc == MDB_NOTFOUND) return false;
  check(rc, "mdb_cursor_get");
  return true;
}

bool Cursor::first() { return op(MDB_FIRST); }
bool Cursor::last() { return op(MDB_LAST); }
bool Cursor::next() { return op(MDB_NEXT); }
bool Cursor::prev() { return op(MDB_PREV); }

bool Cursor::seek(std::string_view key) {
  k_ = MDB_val{key.size(), const_cast<char*>(key.data())};
  return op(MDB_SET_RANGE);
}

bool Cursor::seek_last_below(std::string_view key) {
  if (seek(key)) return prev();
  return last();
}

std::string be64(std::uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  return out;
}

std::uint64_t read_be64(std::string_view bytes) {
  if (bytes.size() < 8) return 0;
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
  return v;
}

}  // namespace portald::store
