#include "backup/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

namespace portald::backup {
namespace {

// struct flock for one byte at offset 0: LMDB's "environment is open" byte, or the whole lock file.
struct flock first_byte(short type) {
  struct flock l {};
  l.l_type = type;
  l.l_whence = SEEK_SET;
  l.l_start = 0;
  l.l_len = 1;
  return l;
}

int fcntl_retry(int fd, int cmd, struct flock* l) {
  int rc;
  do rc = ::fcntl(fd, cmd, l);
  while (rc != 0 && errno == EINTR);
  return rc;
}

}  // namespace

std::string errno_text(int code) { return std::strerror(code); }

void throw_errno(const std::string& what, int code) {
  throw BackupError(what + ": " + errno_text(code), BackupError::Kind::system, code);
}

Fd::Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    reset();
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

Fd::~Fd() { reset(); }

void Fd::reset() noexcept {
  if (fd_ >= 0) ::close(std::exchange(fd_, -1));
}

Fd open_file(const std::filesystem::path& file, int flags, mode_t mode) {
  int fd;
  do fd = ::open(file.c_str(), flags | O_CLOEXEC, mode);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) throw_errno("cannot open " + file.string(), errno);
  return Fd(fd);
}

void write_all(int fd, const void* data, std::size_t size, const std::filesystem::path& what) {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno("cannot write " + what.string(), errno);
    }
    p += n;
    size -= static_cast<std::size_t>(n);
  }
}

std::size_t read_some(int fd, void* data, std::size_t size, const std::filesystem::path& what) {
  for (;;) {
    const ssize_t n = ::read(fd, data, size);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) throw_errno("cannot read " + what.string(), errno);
  }
}

void sync_file(int fd, const std::filesystem::path& what) {
  if (::fsync(fd) != 0) throw_errno("cannot sync " + what.string(), errno);
}

void sync_dir(const std::filesystem::path& dir) {
  Fd fd = open_file(dir, O_RDONLY | O_DIRECTORY);
  sync_file(fd.get(), dir);
}

void write_new_file(const std::filesystem::path& file, std::string_view content, mode_t mode) {
  Fd fd = open_file(file, O_WRONLY | O_CREAT | O_EXCL, mode);
  write_all(fd.get(), content.data(), content.size(), file);
  if (::fchmod(fd.get(), mode) != 0) throw_errno("cannot set the mode of " + file.string(), errno);  // umask
  sync_file(fd.get(), file);
}

bool install_file(const std::filesystem::path& file, std::string_view content, mode_t mode) {
  std::error_code ec;
  if (std::filesystem::symlink_status(file, ec).type() != std::filesystem::file_type::not_found) return false;
  const std::filesystem::path temp = file.string() + ".tmp-" + std::to_string(::getpid());
  std::filesystem::remove(temp, ec);
  try {
    write_new_file(temp, content, mode);
    // link(2) fails with EEXIST instead of replacing: a key made meanwhile by another run survives.
    if (::link(temp.c_str(), file.c_str()) != 0) {
      const int e = errno;
      std::filesystem::remove(temp, ec);
      if (e == EEXIST) return false;
      throw_errno("cannot create " + file.string(), e);
    }
  } catch (...) {
    std::filesystem::remove(temp, ec);
    throw;
  }
  std::filesystem::remove(temp, ec);
  sync_dir(file.parent_path().empty() ? "." : file.parent_path());
  return true;
}

std::string read_small_file(const std::filesystem::path& file, std::size_t max_bytes) {
  Fd fd = open_file(file, O_RDONLY);
  std::string out;
  char buf[16384];
  for (;;) {
    const std::size_t n = read_some(fd.get(), buf, sizeof buf, file);
    if (n == 0) break;
    if (out.size() + n > max_bytes) throw BackupError(file.string() + " is larger than expected");
    out.append(buf, n);
  }
  return out;
}

SecretBuffer read_secret_file(const std::filesystem::path& file, std::size_t max_bytes) {
  Fd fd = open_file(file, O_RDONLY);
  SecretBuffer out(max_bytes + 1);
  std::size_t used = 0;
  for (;;) {
    const std::size_t n = read_some(fd.get(), out.data() + used, out.size() - used, file);
    if (n == 0) break;
    used += n;
    if (used > max_bytes) throw BackupError(file.string() + " is larger than a key file");
  }
  out.shrink(used);
  return out;
}

std::optional<DirLock> DirLock::try_acquire(const std::filesystem::path& lock_file, Mode mode, std::string* holder) {
  int fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 && mode == Mode::shared && (errno == EROFS || errno == EACCES)) {
    // Reading a read-only copy (write-once media, an off-site mount): nobody can change it under us.
    return DirLock(Fd());
  }
  if (fd < 0) throw_errno("cannot create the lock file " + lock_file.string(), errno);
  Fd owned(fd);
  struct flock l {};
  l.l_type = mode == Mode::exclusive ? F_WRLCK : F_RDLCK;
  l.l_whence = SEEK_SET;  // l_len 0: the whole file
  if (fcntl_retry(fd, F_OFD_SETLK, &l) != 0) {
    if (errno != EAGAIN && errno != EACCES) throw_errno("cannot lock " + lock_file.string(), errno);
    if (holder) {
      char buf[256] = {};
      const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
      *holder = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string("another process");
      while (!holder->empty() && (holder->back() == '\n' || holder->back() == '\0')) holder->pop_back();
    }
    return std::nullopt;
  }
  if (mode == Mode::exclusive) {
    const std::string who = "pid " + std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, who.data(), who.size(), 0) < 0) {
      // The holder note is only for messages; the lock itself is what matters.
    }
  }
  return DirLock(std::move(owned));
}

std::optional<pid_t> lmdb_env_holder(const std::filesystem::path& lock_file) {
  const int fd = ::open(lock_file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  Fd owned(fd);
  struct flock l = first_byte(F_WRLCK);
  if (fcntl_retry(fd, F_GETLK, &l) != 0 || l.l_type == F_UNLCK) return std::nullopt;
  return l.l_pid > 0 ? l.l_pid : 0;
}

std::optional<EnvExclusion> EnvExclusion::acquire(const std::filesystem::path& lock_file, pid_t* holder_pid) {
  const int fd = ::open(lock_file.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return EnvExclusion(Fd());
    throw_errno("cannot open " + lock_file.string(), errno);
  }
  Fd owned(fd);
  // An OFD lock conflicts with LMDB's classic record locks in other processes, and unlike those it
  // is not dropped when this process closes some other descriptor of the same file.
  struct flock l = first_byte(F_WRLCK);
  if (fcntl_retry(fd, F_OFD_SETLK, &l) != 0) {
    if (errno != EAGAIN && errno != EACCES) throw_errno("cannot lock " + lock_file.string(), errno);
    if (holder_pid) *holder_pid = lmdb_env_holder(lock_file).value_or(0);
    return std::nullopt;
  }
  return EnvExclusion(std::move(owned));
}

bool same_device(const std::filesystem::path& a, const std::filesystem::path& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev;
}

std::uint64_t available_bytes(const std::filesystem::path& path) {
  struct statvfs s {};
  if (::statvfs(path.c_str(), &s) != 0) throw_errno("cannot read the free space of " + path.string(), errno);
  return static_cast<std::uint64_t>(s.f_bavail) * s.f_frsize;
}

void remove_tree_quietly(const std::filesystem::path& dir) noexcept {
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

std::string human_size(std::uint64_t bytes) {
  static constexpr const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(bytes);
  std::size_t u = 0;
  while (v >= 1024 && u + 1 < std::size(units)) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  if (u == 0)
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  else
    std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
  return buf;
}

}  // namespace portald::backup
