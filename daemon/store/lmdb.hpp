#pragma once
// Move-only RAII wrappers over LMDB. Read and write transactions are different types, so a function
// that writes must be handed a WriteTxn and "one write = one transaction" is checked by the compiler.
#include <lmdb.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace portald::store {

// LMDB failures that should not happen in normal operation (disk full, map full, corruption).
class StoreError : public std::runtime_error {
 public:
  StoreError(const std::string& what, int code);
  int code() const noexcept { return code_; }

 private:
  int code_;
};

// Throws StoreError when rc != MDB_SUCCESS.
void check(int rc, const char* what);

class Env {
 public:
  struct Options {
    std::size_t map_size = std::size_t(32) << 30;
    unsigned max_dbs = 64;  // named tables; mdb_dbi_open searches them linearly, so keep it modest
    unsigned max_readers = 256;
    bool read_only = false;
  };
  // Opens (creating the files in an existing directory) with MDB_NOTLS. Throws StoreError.
  Env(const std::filesystem::path& dir, const Options& options);
  Env(Env&& other) noexcept;
  Env& operator=(Env&& other) noexcept;
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;
  ~Env();

  MDB_env* get() const noexcept { return env_; }
  // Clears reader slots left by crashed processes; returns how many were cleared.
  int reader_check();

 private:
  MDB_env* env_ = nullptr;
};

class Txn;

class Cursor {
 public:
  Cursor(const Txn& txn, MDB_dbi dbi);
  Cursor(Cursor&& other) noexcept;
  Cursor& operator=(Cursor&&) = delete;
  Cursor(const Cursor&) = delete;
  ~Cursor();

  // Each returns false at the end of the table (MDB_NOTFOUND); key()/value() are valid after true.
  bool first();
  bool last();
  bool next();
  bool prev();
  bool seek(std::string_view key);             // first key >= key
  bool seek_last_below(std::string_view key);  // last key < key
  std::string_view key() const { return {static_cast<const char*>(k_.mv_data), k_.mv_size}; }
  std::string_view value() const { return {static_cast<const char*>(v_.mv_data), v_.mv_size}; }

 private:
  bool op(MDB_cursor_op op);
  MDB_cursor* cur_ = nullptr;
  MDB_val k_{}, v_{};
};

// Reads shared by both transaction kinds. Views returned point into the map and die with the txn.
class Txn {
 public:
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;
  MDB_txn* get() const noexcept { return txn_; }
  std::optional<std::string_view> get(MDB_dbi dbi, std::string_view key) const;
  std::size_t count(MDB_dbi dbi) const;

 protected:
  Txn(MDB_env* env, unsigned flags);
  Txn(Txn&& other) noexcept;
  ~Txn();
  void abort() noexcept;
  MDB_txn* txn_ = nullptr;
};

class ReadTxn : public Txn {
 public:
  explicit ReadTxn(const Env& env) : Txn(env.get(), MDB_RDONLY) {}
  ReadTxn(ReadTxn&&) noexcept = default;
};

class WriteTxn : public Txn {
 public:
  explicit WriteTxn(const Env& env) : Txn(env.get(), 0) {}
  WriteTxn(WriteTxn&&) noexcept = default;
  void put(MDB_dbi dbi, std::string_view key, std::string_view value);
  // Returns false when the key was absent.
  bool del(MDB_dbi dbi, std::string_view key);
  void commit();  // throws StoreError; the transaction is gone either way
};

// Order-preserving fixed-width key parts.
std::string be64(std::uint64_t v);
std::uint64_t read_be64(std::string_view bytes);  // first 8 bytes; 0 when shorter
// Signed time as an order-preserving unsigned key part.
inline std::uint64_t time_key(std::int64_t t) { return static_cast<std::uint64_t>(t) ^ (std::uint64_t(1) << 63); }

}  // namespace portald::store
