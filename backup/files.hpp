#pragma once
// File system pieces the backup code needs: owned descriptors, durable writes (temp name, fsync, rename
// or link, fsync of the directory), small and secret file reads, directory locks, and the check
// whether another process has an LMDB environment open.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "backup/sodium.hpp"

namespace portald::backup {

// An operation that cannot go on; what() is one line for the operator.
class BackupError : public std::runtime_error {
 public:
  // What code() holds: nothing, the errno of a failed system call, or an LMDB return code (MDB_*).
  enum class Kind { none, system, lmdb };

  explicit BackupError(const std::string& what) : std::runtime_error(what) {}
  BackupError(const std::string& what, Kind kind, int code) : std::runtime_error(what), kind_(kind), code_(code) {}
  Kind kind() const noexcept { return kind_; }
  int code() const noexcept { return code_; }
  // The errno when a system call failed, else 0 (the backup target's faults are told apart by it).
  int system_errno() const noexcept { return kind_ == Kind::system ? code_ : 0; }

 private:
  Kind kind_ = Kind::none;
  int code_ = 0;
};

// "No space left on device" etc.
std::string errno_text(int code);
// Throws BackupError("<what>: <strerror>") of Kind::system.
[[noreturn]] void throw_errno(const std::string& what, int code);

// An owned file descriptor.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept;
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();
  int get() const noexcept { return fd_; }
  explicit operator bool() const noexcept { return fd_ >= 0; }
  void reset() noexcept;

 private:
  int fd_ = -1;
};

// open(2) with O_CLOEXEC; throws BackupError naming the file.
Fd open_file(const std::filesystem::path& file, int flags, mode_t mode = 0600);
// Writes everything (retrying short writes and EINTR); throws BackupError naming `what`.
void write_all(int fd, const void* data, std::size_t size, const std::filesystem::path& what);
// read(2) retrying EINTR; 0 at end of file. Throws BackupError naming `what`.
std::size_t read_some(int fd, void* data, std::size_t size, const std::filesystem::path& what);
void sync_file(int fd, const std::filesystem::path& what);
void sync_dir(const std::filesystem::path& dir);

// A new file written whole and fsynced (O_EXCL: never replaces one). The caller syncs the directory.
void write_new_file(const std::filesystem::path& file, std::string_view content, mode_t mode);
// Puts content at `file` only when nothing is there, crash-safely: temp name, fsync, link(2), fsync of
// the directory. Returns false (and writes nothing) when `file` already exists.
bool install_file(const std::filesystem::path& file, std::string_view content, mode_t mode);

// Whole small files; throw BackupError when missing, unreadable or larger than max_bytes.
std::string read_small_file(const std::filesystem::path& file, std::size_t max_bytes);
SecretBuffer read_secret_file(const std::filesystem::path& file, std::size_t max_bytes);

// An advisory lock on a lock file (open file description lock: it also excludes other holders in
// this process). Released on destruction.
class DirLock {
 public:
  enum class Mode { shared, exclusive };
  // std::nullopt when another holder has a conflicting lock; *holder then says who, as far as known.
  // Throws BackupError when the lock file cannot be created or opened.
  static std::optional<DirLock> try_acquire(const std::filesystem::path& lock_file, Mode mode, std::string* holder);

 private:
  explicit DirLock(Fd fd) : fd_(std::move(fd)) {}
  Fd fd_;
};

// The pid of a process that has the LMDB environment whose lock file is `lock_file` open (every
// process with the environment open holds a read lock on its first byte); std::nullopt when none
// does or the file does not exist. Returns 0 for a holder in another pid namespace.
std::optional<pid_t> lmdb_env_holder(const std::filesystem::path& lock_file);

// Holds a write lock on an LMDB lock file's first byte, so no process can open the environment
// (mdb_env_open waits for it) while a restore swaps the store directory. Released on destruction.
class EnvExclusion {
 public:
  // std::nullopt with *holder_pid set when a process has the environment open; a missing lock file
  // gives an EnvExclusion that holds nothing.
  static std::optional<EnvExclusion> acquire(const std::filesystem::path& lock_file, pid_t* holder_pid);

 private:
  explicit EnvExclusion(Fd fd) : fd_(std::move(fd)) {}
  Fd fd_;
};

// st_dev of the two paths is the same (both exist).
bool same_device(const std::filesystem::path& a, const std::filesystem::path& b);
// Free bytes for an unprivileged user on the file system holding `path`.
std::uint64_t available_bytes(const std::filesystem::path& path);
// Removes a directory tree, ignoring errors (cleanup on a failure path).
void remove_tree_quietly(const std::filesystem::path& dir) noexcept;
// "12.3 MiB"
std::string human_size(std::uint64_t bytes);

}  // namespace portald::backup
